// The PostGIS contender of workloads G1 and G2: a tiny node:http server (like raw-server.ts, so it pays
// HTTP like vngov) that answers each point lookup with one SQL statement over `commune_geom` (the
// committed FULL geometry, GiST index, `ST_Covers`). POST /G1 with {"input": {latitude, longitude}}
// → {code, name} or null; POST /G2 with {"input": {points: [{latitude, longitude}, …]}} → [code|null, …]
// in the order of the points. Reports readiness and RSS over IPC.
import { createServer } from "node:http";
import pg from "pg";

const url = process.env.BENCH_DATABASE_URL;
const port = Number(process.env.BENCH_PORT ?? 0);
if (!url) throw new Error("BENCH_DATABASE_URL is not set");

// The same pool size as vngov's (db.ts) and the other contenders'.
const pool = new pg.Pool({ connectionString: url, max: 10 });

interface Point {
  latitude: number;
  longitude: number;
}

// Where borders overlap, the lower code wins: vngov's rule (geo/store.ts communeCodeAt).
const ROUTES: Record<string, { text: string; values: (input: any) => unknown[] }> = {
  "/G1": {
    text: `SELECT coalesce((SELECT json_build_object('code', g.code, 'name', v.name)
        FROM commune_geom g JOIN "CommuneVersion" v ON v.code = g.code AND v."validTo" IS NULL
        WHERE ST_Covers(g.geom, ST_SetSRID(ST_Point($2, $1), 4326))
        ORDER BY g.code LIMIT 1), 'null'::json)::text AS body`,
    values: (input: Point) => [input.latitude, input.longitude],
  },
  "/G2": {
    text: `SELECT coalesce(json_agg(c.code ORDER BY p.i), '[]'::json)::text AS body
      FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS p(lon, lat, i)
      LEFT JOIN LATERAL (SELECT code FROM commune_geom
                         WHERE ST_Covers(geom, ST_SetSRID(ST_Point(p.lon, p.lat), 4326))
                         ORDER BY code LIMIT 1) c ON true`,
    values: (input: { points: Point[] }) => [input.points.map((p) => p.longitude), input.points.map((p) => p.latitude)],
  },
};

const server = createServer((request, response) => {
  const route = ROUTES[request.url ?? ""];
  if (!route || request.method !== "POST") {
    response.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", async () => {
    try {
      const { input = {} } = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
      const result = await pool.query<{ body: string }>({ name: `geo${request.url}`, text: route.text, values: route.values(input) });
      response.writeHead(200, { "content-type": "application/json" }).end(result.rows[0]?.body ?? "null");
    } catch (error) {
      response.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: String(error) }));
    }
  });
});

server.listen(port, "127.0.0.1", () => {
  const address = server.address();
  process.send?.({ type: "ready", port: typeof address === "object" && address ? address.port : port });
});

process.on("message", (message: { type?: string }) => {
  if (message?.type === "stats") process.send?.({ type: "stats", rss: process.memoryUsage().rss });
});
process.once("SIGTERM", () => {
  server.close();
  server.closeAllConnections();
  pool.end().finally(() => process.exit(0));
});
