// Workloads G1 and G2: point lookup, vngov (in-memory FULL geometry: raster, ray cast near boundaries) against PostGIS
// (`ST_Covers` over the same FULL geometry with a GiST index) on the benchmark's PostgreSQL server, both over
// HTTP. Also measures what the boundary index costs vngov in RSS and what the committed geometry weighs.
//
// PostGIS is a benchmark dependency only (never the product's): when `CREATE EXTENSION postgis` fails, the
// harness installs the server's postgis package with apt-get, printing what it runs.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import pg from "pg";
import { PointCursor, readGeometryFile, SCALE, type FlatGeometries } from "../packages/server/src/geo/binary.js";
import { communeCodeAt, geoDir } from "../packages/server/src/geo/store.js";
import { startServer, type RunningServer } from "./contenders.js";
import { fetchOnce, requestBody, runLoad, seededRandom, seedOf, type LoadOptions, type LoadResult } from "./load.js";
import type { WorkloadReport } from "./report.js";
import type { LoadWorkload, Picks } from "./workloads.js";

export const GEO_WORKLOAD_IDS = ["G1", "G2"] as const;
export type GeoWorkloadId = (typeof GEO_WORKLOAD_IDS)[number];
const POINTS_PER_REQUEST = 1000;
const POOL_SIZE = 20_000;
/** Concurrent clients of G2 at most (each request carries 1,000 points). */
export const G2_CONNECTIONS = 10;

export interface GeoMeasurements {
  /** RSS of a fresh vngov server after its first point lookup minus before it (after GC both times). */
  indexRssBytes: number;
  /** Sum of the files in prisma/data/geo. */
  committedGeometryBytes: number;
  postgisVersion: string;
  /** Loading commune_geom (insert + GiST index + ANALYZE). */
  postgisLoadMs: number;
  units: number;
  vertices: number;
}

// ---- PostGIS set-up ------------------------------------------------------------------------------

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** `CREATE EXTENSION postgis` in the bench database; installs the server's postgis package when it is missing. */
async function createPostgisExtension(client: pg.Client): Promise<string> {
  try {
    await client.query("CREATE EXTENSION IF NOT EXISTS postgis");
  } catch (error) {
    const major = Math.floor(Number((await client.query("SHOW server_version_num")).rows[0].server_version_num) / 10000);
    const pkg = `postgresql-${major}-postgis-3`;
    console.log(`CREATE EXTENSION postgis failed (${(error as Error).message}); installing it for the benchmark only:`);
    console.log(`  apt-get install -y ${pkg}`);
    try {
      execFileSync("apt-get", ["install", "-y", pkg], { stdio: "inherit" });
    } catch {
      console.log("  apt-get update && apt-get install -y " + pkg);
      execFileSync("apt-get", ["update"], { stdio: "inherit" });
      execFileSync("apt-get", ["install", "-y", pkg], { stdio: "inherit" });
    }
    await client.query("CREATE EXTENSION IF NOT EXISTS postgis");
  }
  return (await client.query("SELECT postgis_full_version() AS v")).rows[0].v.match(/POSTGIS="([^"]+)"/)?.[1] ?? "unknown";
}

/** One unit of the decoded file as WKB (little-endian MultiPolygon, rings closed, degrees). */
function unitWkb({ unitParts, partRings, ringPoints, points }: FlatGeometries, unit: number): Buffer {
  let size = 9;
  for (let part = unitParts[unit]!; part < unitParts[unit + 1]!; part++) {
    size += 9;
    for (let ring = partRings[part]!; ring < partRings[part + 1]!; ring++) size += 4 + 16 * (ringPoints[ring + 1]! - ringPoints[ring]! + 1);
  }
  const out = Buffer.alloc(size);
  let pos = 0;
  const header = (type: number, count: number) => {
    out.writeUInt8(1, pos);
    out.writeUInt32LE(type, pos + 1);
    out.writeUInt32LE(count, pos + 5);
    pos += 9;
  };
  const cursor = new PointCursor(points);
  const point = (i: number) => {
    cursor.seek(i);
    out.writeDoubleLE(cursor.x / SCALE, pos);
    out.writeDoubleLE(cursor.y / SCALE, pos + 8);
    pos += 16;
  };
  header(6, unitParts[unit + 1]! - unitParts[unit]!);
  for (let part = unitParts[unit]!; part < unitParts[unit + 1]!; part++) {
    header(3, partRings[part + 1]! - partRings[part]!);
    for (let ring = partRings[part]!; ring < partRings[part + 1]!; ring++) {
      const first = ringPoints[ring]!;
      const last = ringPoints[ring + 1]!;
      out.writeUInt32LE(last - first + 1, pos);
      pos += 4;
      for (let i = first; i < last; i++) point(i);
      point(first);
    }
  }
  return out;
}

/** commune_geom from the committed FULL geometry, with a GiST index, in the bench database. */
export async function loadPostgisGeometry(url: string): Promise<Pick<GeoMeasurements, "postgisVersion" | "postgisLoadMs" | "units" | "vertices">> {
  return withClient(url, async (client) => {
    const postgisVersion = await createPostgisExtension(client);
    console.log(`loading the FULL commune geometry into PostGIS ${postgisVersion} (commune_geom, GiST) …`);
    const started = performance.now();
    const geometries = readGeometryFile(path.join(geoDir, "communes-full.bin.gz"));
    await client.query("CREATE TABLE commune_geom (code text PRIMARY KEY, geom geometry(MultiPolygon, 4326) NOT NULL)");
    const batch = 100;
    for (let start = 0; start < geometries.codes.length; start += batch) {
      const units = geometries.codes.slice(start, start + batch).map((_, i) => start + i);
      await client.query("INSERT INTO commune_geom (code, geom) SELECT c, ST_GeomFromWKB(w, 4326) FROM unnest($1::text[], $2::bytea[]) AS t(c, w)", [
        units.map((unit) => geometries.codes[unit]),
        units.map((unit) => unitWkb(geometries, unit)),
      ]);
    }
    await client.query("CREATE INDEX commune_geom_geom ON commune_geom USING gist (geom)");
    await client.query("ANALYZE commune_geom");
    const { rows } = await client.query("SELECT count(*)::int AS units, sum(ST_NPoints(geom))::bigint AS vertices FROM commune_geom");
    return { postgisVersion, postgisLoadMs: performance.now() - started, units: rows[0].units, vertices: Number(rows[0].vertices) };
  });
}

// ---- points and workloads ------------------------------------------------------------------------

export interface LatLon {
  latitude: number;
  longitude: number;
}

/**
 * Uniform random points inside Vietnam: drawn from a box around the mainland and the island zones (fixed
 * seed) and kept when vngov's in-memory lookup (this process) places them in a unit. The same pool and,
 * through load.ts's seeded draws, the same request sequence for both contenders.
 */
export function pointPool(size = POOL_SIZE): LatLon[] {
  const random = seededRandom(20250701);
  const pool: LatLon[] = [];
  while (pool.length < size) {
    const latitude = Math.round((6 + random() * 17.5) * SCALE) / SCALE;
    const longitude = Math.round((102 + random() * 16) * SCALE) / SCALE;
    if (communeCodeAt(latitude, longitude) !== null) pool.push({ latitude, longitude });
  }
  return pool;
}

const pointsFrom = (pool: LatLon[], random: () => number, count: number): LatLon[] => {
  const start = Math.floor(random() * pool.length);
  return Array.from({ length: count }, (_, i) => pool[(start + i) % pool.length]!);
};

export function geoWorkloads(pool: LatLon[]): Record<GeoWorkloadId, LoadWorkload & { note: string }> {
  return {
    G1: {
      id: "G1",
      title: "communeAt",
      note: "One random point inside Vietnam per request → the unit's code and name. PostGIS: ST_Covers over commune_geom (GiST) joined to the current CommuneVersion for the name.",
      pick: (_picks, random) => ({ ...pool[Math.floor(random() * pool.length)]! }),
      vngov: (variables) => ({
        query: `query CommuneAt($latitude: Float!, $longitude: Float!) { communeAt(latitude: $latitude, longitude: $longitude) { code name } }`,
        variables,
      }),
    },
    G2: {
      id: "G2",
      title: "communesAt 1,000 points",
      note: `1,000 random points inside Vietnam per request → their codes in order, with at most ${G2_CONNECTIONS} concurrent clients (each server has 10 database connections). PostGIS: one statement, unnest … WITH ORDINALITY LEFT JOIN LATERAL ST_Covers … LIMIT 1.`,
      pick: (_picks, random) => ({ points: pointsFrom(pool, random, POINTS_PER_REQUEST) }),
      vngov: (variables) => ({
        query: `query CommunesAt($points: [PointInput!]!) { communesAt(points: $points) { code } }`,
        variables,
      }),
    },
  };
}

const NO_PICKS: Picks = { provinceCodes: [], communeCodes: [], searchTerms: [] };

/** Point-level agreement of the two contenders on sampled inputs; prints and returns it. */
async function geoAgreement(id: GeoWorkloadId, workload: LoadWorkload, vngov: RunningServer, postgis: RunningServer, pool: LatLon[]) {
  const random = seededRandom(77);
  const inputs = id === "G1" ? Array.from({ length: 200 }, () => workload.pick!(NO_PICKS, random)) : [0, 1].map(() => workload.pick!(NO_PICKS, random));
  let samples = 0;
  let agreeing = 0;
  const differing: string[] = [];
  for (const input of inputs) {
    const [v, p] = await Promise.all([fetchOnce(vngov, workload, input), fetchOnce(postgis, workload, input)]);
    if (id === "G1") {
      const a = v.data.communeAt ? { code: v.data.communeAt.code, name: v.data.communeAt.name } : null;
      samples += 1;
      if (isDeepStrictEqual(a, p)) agreeing += 1;
      else differing.push(`${JSON.stringify(input)}: vngov ${JSON.stringify(a)}, PostGIS ${JSON.stringify(p)}`);
    } else {
      const a: Array<string | null> = v.data.communesAt.map((c: { code: string } | null) => c?.code ?? null);
      const points = (input as { points: LatLon[] }).points;
      a.forEach((code, i) => {
        samples += 1;
        if (code === p[i]) agreeing += 1;
        else differing.push(`${JSON.stringify(points[i])}: vngov ${code}, PostGIS ${p[i]}`);
      });
    }
  }
  console.log(`workload ${id}: vngov and PostGIS agree on ${agreeing}/${samples} sampled points`);
  for (const line of differing.slice(0, 5)) console.log(`  differs at ${line}`);
  if (pool.length > 0 && agreeing < samples * 0.99) throw new Error(`workload ${id}: vngov and PostGIS disagree on more than 1 % of the sampled points`);
  return { samples, agreeing };
}

/**
 * One client, one request at a time, for the latency of a single lookup to a fraction of a millisecond
 * (autocannon's histogram counts whole milliseconds): keep-alive node:http, timed with performance.now().
 */
async function sequentialLatency(workload: LoadWorkload, server: RunningServer, options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const target = new URL(server.target(workload.id));
  const send = (body: string) =>
    new Promise<number>((resolve, reject) => {
      const request = http.request(
        { agent, host: target.hostname, port: target.port, path: target.pathname, method: "POST", headers: { "content-type": "application/json", accept: "application/json" } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve(response.statusCode === 200 && !Buffer.concat(chunks).toString().includes('"errors"') ? 0 : 1));
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  const random = seededRandom(2 + seedOf(workload.id));
  const run = async (seconds: number, latencies: number[] | null) => {
    let failures = 0;
    const end = performance.now() + seconds * 1000;
    while (performance.now() < end) {
      const body = requestBody(workload, server.contender, workload.pick!(NO_PICKS, random));
      const started = performance.now();
      failures += await send(body);
      latencies?.push(performance.now() - started);
    }
    return failures;
  };
  await run(Math.min(options.warmupSeconds, 1), null);
  const latencies: number[] = [];
  const failures = await run(options.durationSeconds, latencies);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Number(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(2));
  return {
    contender: server.contender,
    requests: latencies.length,
    requestsPerSecond: latencies.length / options.durationSeconds,
    p50: at(0.5),
    p99: at(0.99),
    failures,
    peakRss: null,
  };
}

export const committedGeometryBytes = (): number =>
  fs.readdirSync(geoDir).reduce((sum, name) => sum + fs.statSync(path.join(geoDir, name)).size, 0);

/**
 * Runs the selected geo workloads on a fresh vngov server (first measuring the RSS its boundary index adds)
 * and the PostGIS server, one contender at a time.
 */
export async function runGeoWorkloads(
  selected: GeoWorkloadId[],
  options: LoadOptions & { databaseUrl: string; responseCache: boolean; cpuProfileDir?: string },
): Promise<{ reports: WorkloadReport[]; measurements: GeoMeasurements }> {
  const loaded = await loadPostgisGeometry(options.databaseUrl);
  console.log(`  ${loaded.units} units, ${loaded.vertices.toLocaleString("en")} vertices in ${(loaded.postgisLoadMs / 1000).toFixed(1)} s`);
  const pool = pointPool();
  const workloads = geoWorkloads(pool);
  const servers: RunningServer[] = [];
  try {
    const vngov = await startServer("vngov", { databaseUrl: options.databaseUrl, responseCache: options.responseCache, cpuProfileDir: options.cpuProfileDir });
    servers.push(vngov);
    // Warm the server without touching geometry (an empty communesAt reaches the geo resolver but no
    // lookup), then measure around the first lookup, after GC and a pause both times.
    const warmQueries = [
      `{ communes(first: 20) { nodes { code name province { name } } } }`,
      `{ communesAt(points: []) { code } }`,
      `{ commune(code: "00004") { code name } }`,
    ];
    for (let i = 0; i < 30; i++) {
      const response = await fetch(vngov.target("G1"), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: warmQueries[i % warmQueries.length] }),
      });
      await response.text();
    }
    const settledRss = async () => {
      await vngov.stats({ gc: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
      return (await vngov.stats({ gc: true })).rss;
    };
    const before = await settledRss();
    await fetchOnce(vngov, workloads.G1, { ...pool[0]! });
    const after = await settledRss();
    const measurements: GeoMeasurements = { ...loaded, indexRssBytes: after - before, committedGeometryBytes: committedGeometryBytes() };

    const postgis = await startServer("postgis", { databaseUrl: options.databaseUrl, responseCache: false });
    servers.push(postgis);
    const reports: WorkloadReport[] = [];
    for (const id of selected) {
      const workload = workloads[id];
      const agreement = await geoAgreement(id, workload, vngov, postgis, pool);
      // 1,000 points per request: more clients than the servers' 10 database connections only queue.
      const connections = id === "G2" ? Math.min(options.connections, G2_CONNECTIONS) : undefined;
      const results = [];
      for (const server of [vngov, postgis]) {
        console.log(`workload ${id} (${workload.title}): ${server.contender} …`);
        results.push({ ...(await runLoad(workload, server, NO_PICKS, { ...options, connections: connections ?? options.connections })), geo: true });
      }
      reports.push({ id, title: workload.title, note: workload.note, agreement, results, clients: connections });
      if (id === "G1") {
        // The latency of one lookup, not of a queue: one client, one request at a time.
        const latency = [];
        for (const server of [vngov, postgis]) {
          console.log(`workload G1 (communeAt, 1 client): ${server.contender} …`);
          latency.push(await sequentialLatency(workload, server, options));
        }
        reports.push({ id, title: "communeAt, 1 client", results: latency, connections: 1 });
      }
    }
    return { reports, measurements };
  } finally {
    for (const server of servers) await server.stop().catch(() => undefined);
  }
}
