// Prints the benchmark's results and writes them to bench/RESULTS.md.
import fs from "node:fs";
import os from "node:os";
import { startEnv, startFlags } from "./contenders.js";
import type { LoadResult } from "./load.js";
import type { GeoMeasurements } from "./geo.js";
import type { ServerKind } from "./workloads.js";

export interface WorkloadReport {
  id: number | string;
  title: string;
  /** Concurrent clients of this run when not the run's --connections (G1's one-client latency run). */
  connections?: number;
  /** Concurrent clients of the load run when fewer than --connections (G2). */
  clients?: number;
  note?: string;
  /** vngov's results only, compared with the other contenders' results of this workload id (same run). */
  comparedWith?: number | string;
  agreement?: { samples: number; agreeing: number };
  results: LoadResult[];
  skipped?: string;
}

export interface Report {
  command: string;
  date: Date;
  options: { durationSeconds: number; warmupSeconds: number; connections: number };
  node: { vngov: string; postgraphile: string; postgraphileVersion: string };
  workloads: WorkloadReport[];
  statementsByPageSize: Array<{ pageSize: number; statements: number }>;
  /** Workloads G1/G2 only (bench/geo.ts). */
  geo?: GeoMeasurements;
  registrySeedMs: { postgres: number; embedded: number };
  startup?: { firstStartMs: number; seededStartMs: number };
  cpuProfileDir?: string;
  responseCache: boolean;
}

const MB = 1024 * 1024;
const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : "n/a");
/** A ratio of two measurements; n/a when either side measured nothing (no request finished). */
const ratio = (numerator: number, denominator: number) => (numerator > 0 && denominator > 0 ? (numerator / denominator).toFixed(2) : "n/a");
const byContender = (workload: WorkloadReport, contender: ServerKind) =>
  workload.results.find((result) => result.contender === contender);

export function machineDescription(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}`;
}

/** How a result is named in the tables: vngov's runs by how their answers were made. */
export function variantOf(result: LoadResult): string {
  if (result.contender === "postgis") return "PostGIS";
  if (result.contender !== "vngov") return result.contender;
  if (result.embedded) return "vngov embedded (PGlite), computed";
  // Point lookups draw a new random point for every request: every answer is computed.
  if (result.geo) return "vngov (every point new)";
  return result.unique ? "vngov computed" : "vngov cached";
}

const vngovRun = (workload: WorkloadReport, kind: "cached" | "computed" | "embedded") =>
  workload.results.find(
    (r) => r.contender === "vngov" && (kind === "embedded" ? r.embedded === true : !r.embedded && (r.unique === true) === (kind === "computed")),
  );

/** The fixed-form ratio lines: one per workload and ratio, all within one run. */
export function ratioLines(report: Report): string[] {
  const lines: string[] = [];
  for (const workload of report.workloads) {
    const label = `workload ${workload.id} (${workload.title})`;
    const postgraphile = byContender(workload, "postgraphile");
    const raw = byContender(workload, "raw");
    const postgis = byContender(workload, "postgis");
    const cached = vngovRun(workload, "cached");
    const computed = vngovRun(workload, "computed");
    const embedded = vngovRun(workload, "embedded");
    if (postgis && cached) {
      if (workload.connections === undefined) lines.push(`${label}: vngov/PostGIS throughput ${ratio(cached.requestsPerSecond, postgis.requestsPerSecond)}`);
      lines.push(`${label}: vngov/PostGIS p50 ${ratio(cached.p50, postgis.p50)}`);
      lines.push(`${label}: vngov p99 ${cached.p99} ms, PostGIS p99 ${postgis.p99} ms`);
      continue;
    }
    if (computed) {
      if (postgraphile) {
        lines.push(`${label}: computed vngov/PostGraphile throughput ${ratio(computed.requestsPerSecond, postgraphile.requestsPerSecond)}`);
        lines.push(`${label}: computed vngov/PostGraphile p50 ${ratio(computed.p50, postgraphile.p50)}`);
      }
      if (raw) lines.push(`${label}: computed vngov/raw throughput ${ratio(computed.requestsPerSecond, raw.requestsPerSecond)}`);
      lines.push(`${label}: computed vngov p50 ${computed.p50} ms, p99 ${computed.p99} ms`);
      // Little's law: with every connection always waiting on an answer, the mean latency is
      // connections / throughput; a p99 under a bound needs at least connections / bound requests a second.
      const connections = workload.connections ?? report.options.connections;
      lines.push(`${label}: computed vngov mean latency by Little's law ${fixed((1000 * connections) / computed.requestsPerSecond, 0)} ms (${connections} connections / ${fixed(computed.requestsPerSecond, 0)} req/s)`);
    }
    if (cached && raw) lines.push(`${label}: cached vngov/raw throughput ${ratio(cached.requestsPerSecond, raw.requestsPerSecond)}`);
    if (cached && !computed && !raw && !postgraphile) lines.push(`${label}: vngov p50 ${cached.p50} ms, p99 ${cached.p99} ms`);
    if (embedded && postgraphile) {
      lines.push(`${label}: computed vngov on embedded PGlite/PostGraphile on PostgreSQL throughput ${ratio(embedded.requestsPerSecond, postgraphile.requestsPerSecond)}`);
    }
  }
  return lines;
}

function tableRows(report: Report): string[] {
  const rows = [
    "| workload | contender | requests/s | p50 ms | p99 ms | failures | peak RSS MB | SQL statements/request |",
    "|---|---|---:|---:|---:|---:|---:|---:|",
  ];
  for (const workload of report.workloads) {
    if (workload.skipped) {
      rows.push(`| ${workload.id} ${workload.title} | skipped | ${workload.skipped} | | | | | |`);
      continue;
    }
    for (const result of workload.results) {
      rows.push(
        `| ${workload.id} ${workload.title}${workload.clients ? ` (${workload.clients} clients)` : ""} | ${variantOf(result)} | ${fixed(result.requestsPerSecond, 0)} | ${result.p50} | ${result.p99} | ${result.failures} | ${result.peakRss === null ? "n/a" : fixed(result.peakRss / MB, 0)} | ${result.statementsPerRequest === undefined ? "" : fixed(result.statementsPerRequest)} |`,
      );
    }
  }
  return rows;
}

function summaryLines(report: Report): string[] {
  const lines: string[] = [];
  // On PostgreSQL and on the embedded database apart: PGlite's database lives in the server's own process.
  for (const embedded of [false, true]) {
    const vngovRss = report.workloads.flatMap((w) =>
      w.results.filter((r) => r.contender === "vngov" && r.peakRss !== null && (r.embedded === true) === embedded).map((r) => r.peakRss!),
    );
    if (vngovRss.length > 0) {
      lines.push(
        `vngov peak RSS under ${report.options.connections} concurrent clients${embedded ? ", embedded database (PGlite) in the process" : ", on PostgreSQL"}: ${fixed(Math.max(...vngovRss) / MB, 0)} MB`,
      );
    }
  }
  if (report.statementsByPageSize.length > 0) {
    lines.push(
      `vngov SQL statements per request by page size (workload 2 shape): ${report.statementsByPageSize.map((s) => `${s.pageSize} → ${s.statements}`).join(", ")}`,
    );
  }
  if (report.geo) {
    const g1 = report.workloads.find((w) => w.id === "G1" && w.connections === 1);
    const single = g1 && byContender(g1, "vngov");
    const singlePostgis = g1 && byContender(g1, "postgis");
    if (single) lines.push(`vngov communeAt over HTTP, one client: p50 ${single.p50} ms, p99 ${single.p99} ms${singlePostgis ? ` (PostGIS: p50 ${singlePostgis.p50} ms, p99 ${singlePostgis.p99} ms)` : ""}`);
    lines.push(`vngov RSS with the boundary index loaded: +${fixed(report.geo.indexRssBytes / MB, 0)} MB`);
    lines.push(`committed geometry: ${fixed(report.geo.committedGeometryBytes / MB, 1)} MB`);
    lines.push(
      `PostGIS ${report.geo.postgisVersion}: commune_geom loaded from the committed FULL geometry (${report.geo.units} units, ${report.geo.vertices.toLocaleString("en")} vertices, GiST index) in ${fixed(report.geo.postgisLoadMs / 1000, 1)} s`,
    );
  }
  lines.push(`full seed (registry, lineage, figures): ${fixed(report.registrySeedMs.postgres / 1000)} s on PostgreSQL, ${fixed(report.registrySeedMs.embedded / 1000)} s on embedded PGlite (in memory)`);
  if (report.startup) {
    lines.push(`npm start to first answer (embedded PGlite): first start with seed ${fixed(report.startup.firstStartMs / 1000)} s, already seeded ${fixed(report.startup.seededStartMs / 1000)} s`);
  }
  return lines;
}

export function printReport(report: Report): void {
  console.log("");
  for (const row of tableRows(report)) console.log(row);
  console.log("");
  for (const line of ratioLines(report)) console.log(line);
  console.log("");
  for (const line of summaryLines(report)) console.log(line);
  for (const workload of report.workloads) {
    if (workload.agreement) {
      console.log(`workload ${workload.id}: answers agree on ${workload.agreement.agreeing}/${workload.agreement.samples} sampled ${typeof workload.id === "string" ? "points" : "inputs"}`);
    }
  }
}

export function writeResults(report: Report, file: string): void {
  const notes = report.workloads
    .filter((w) => w.note || w.agreement)
    .filter((w) => w.connections === undefined)
    .map((w) => {
      const agreement = w.agreement ? ` Answers agreed on ${w.agreement.agreeing}/${w.agreement.samples} sampled ${typeof w.id === "string" ? "points" : "inputs"}.` : "";
      return `- Workload ${w.id} (${w.title}):${w.note ? ` ${w.note}` : ""}${agreement}`;
    });
  const text = `# Benchmark results

Generated by \`${report.command}\` on ${report.date.toISOString()}; do not edit by hand, run the benchmark again.

- Machine: ${machineDescription()}
- vngov and raw pg on Node ${report.node.vngov}; ${report.node.postgraphile === "not run" ? "PostGraphile not run (no registry workload selected)" : `PostGraphile ${report.node.postgraphileVersion} on Node ${report.node.postgraphile}`}
- Load: autocannon, ${report.options.connections} connections, ${report.options.durationSeconds} s per measured run after ${report.options.warmupSeconds} s of warm-up, one contender at a time, load generator on the same machine
- vngov runs as \`npm start\` runs it: bundled with esbuild, on plain Node with NODE_ENV=production${Object.entries(startEnv()).map(([name, value]) => `, ${name}=${value}`).join("")} and the start script's flags (${startFlags().join(" ")})
- vngov, each registry workload twice on the same server: **cached**, as shipped with its response cache (random inputs of workloads 1, 3 and 4 are drawn from the whole real list, so hits come from repeats), and **computed**, every request made unique by a variable the operation does not declare (a new value each time), so no answer comes from the cache; PostGraphile gets the same unique requests. Workload 1 is also measured computed on the embedded database (PGlite, the default of \`npm start\`). Point lookups (G1, G2) draw new random points for every request, so every answer is computed
- Database: PostgreSQL on 127.0.0.1, a throw-away database seeded with the registry; every server has a pool of 10 connections${report.geo ? `\n- Point lookup (G1, G2): vngov's in-memory FULL geometry against PostGIS ${report.geo.postgisVersion} (\`ST_Covers\`, GiST) on the same geometry in the same database, through a node:http server (bench/postgis-server.ts); random points inside Vietnam (uniform over the country, fixed seed), the same sequence for both; G1 also with one client for the latency of a single lookup; vngov's index RSS measured on a fresh server around its first lookup, after GC` : ""}

## Results

${tableRows(report).join("\n")}

## Ratios

\`\`\`
${ratioLines(report).join("\n")}
\`\`\`

## Other measurements

${summaryLines(report).map((line) => `- ${line}`).join("\n")}
${report.cpuProfileDir ? `- CPU profiles of the vngov server: ${report.cpuProfileDir}\n` : ""}
## What differs between the contenders

${notes.join("\n")}
- The queries of each contender are in bench/workloads.ts (point lookup: bench/geo.ts and bench/postgis-server.ts); the agreement check compares each contender's answers, reduced to one canonical shape, before every run.
`;
  fs.writeFileSync(file, text);
}
