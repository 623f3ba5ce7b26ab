// The limit: the same rows fetched with `pg` directly. A tiny node:http server (so it pays HTTP
// like the GraphQL servers) that runs each workload's one SQL statement and returns its JSON.
// POST /<workload id> with {"input": {...}}; reports readiness and RSS over IPC.
import { createServer } from "node:http";
import pg from "pg";
import { WORKLOADS } from "./workloads.js";

const url = process.env.BENCH_DATABASE_URL;
const port = Number(process.env.BENCH_PORT ?? 0);
if (!url) throw new Error("BENCH_DATABASE_URL is not set");

// The same pool size as vngov's (db.ts) and PostGraphile's.
const pool = new pg.Pool({ connectionString: url, max: 10 });
// The body column comes back as text: no parse + stringify round trip on the way out.
const statements = new Map(
  WORKLOADS.map((workload) => [`/${workload.id}`, { workload, text: `SELECT body::text AS body FROM (${workload.rawSql}) q` }]),
);

const server = createServer((request, response) => {
  const route = statements.get(request.url ?? "");
  if (!route || request.method !== "POST") {
    response.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", async () => {
    try {
      const { input = {} } = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
      const result = await pool.query<{ body: string }>({
        name: `workload-${route.workload.id}`,
        text: route.text,
        values: route.workload.rawParams(input),
      });
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
