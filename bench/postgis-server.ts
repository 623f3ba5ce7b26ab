// The PostGIS contender of workloads G1 and G2: a tiny node:http server (like raw-server.ts, so it pays
// HTTP like vngov) that answers each point lookup with one SQL statement over `commune_geom` (the
// committed FULL geometry, GiST index, `ST_Covers`). POST /G1 with {"input": {latitude, longitude}}
// → {code, name} or null; POST /G2 with {"input": {points: [{latitude, longitude}, …]}} → [code|null, …]
// in the order of the points. Served by the shared SQL server (sql-server.ts).
import { serveSql } from "./sql-server.js";

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

serveSql(new Map(Object.entries(ROUTES).map(([path, route]) => [path, { name: `geo${path}`, ...route }])));
