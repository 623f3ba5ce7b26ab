// vngov's server over the benchmark database, in its own process (Node 20, like the product):
// createServer over openDatabase({ url }) on node:http. Reports readiness, its SQL statement
// count and RSS to the harness over IPC.
import { readFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import v8 from "node:v8";
import { openDatabase } from "../packages/server/src/db.js";
import { openConfiguredDatabase } from "../packages/server/src/db/open.js";
import { baselineWebAssemblyOnly } from "../packages/server/src/db/pglite-memory.js";
import { createServer, nodeHandler } from "../packages/server/src/http/server.js";
import { takingTurns } from "../packages/server/src/http/turns.js";

const url = process.env.BENCH_DATABASE_URL;
const port = Number(process.env.BENCH_PORT ?? 0);
if (!url) throw new Error("BENCH_DATABASE_URL is not set");

// "embedded:<folder>" runs on embedded PGlite with that folder as DATA_DIR, opened as `npm start`
// opens it (db/open.ts: a new database made and seeded by a child process, then opened).
const embeddedDir = url.startsWith("embedded:") ? url.slice("embedded:".length) : null;
// As main.ts does on the embedded database, before opening it.
if (embeddedDir) baselineWebAssemblyOnly();
const opened = embeddedDir
  ? await openConfiguredDatabase({ DATABASE_URL: undefined, DATA_DIR: embeddedDir }, { holder: "the benchmark", prepare: "seed" })
  : undefined;
const db = opened?.db ?? (await openDatabase({ url }));
// The product's default is a response cache; BENCH_RESPONSE_CACHE=off measures the uncached query path.
// All load comes from one address (the load generator): the per-IP budget is raised so that the
// limiter still costs and charges every request but never refuses one.
const yoga = createServer({
  db,
  graphiql: false,
  responseCache: process.env.BENCH_RESPONSE_CACHE !== "off",
  config: { RATE_LIMIT_ANONYMOUS: 1_000_000_000_000 },
});
// As main.ts serves it: one request started per turn of the event loop (http/turns.ts), cached
// answers served in front of yoga (http/node-hits.ts).
const server = createHttpServer(takingTurns(nodeHandler(yoga)));
// Requests counted where they arrive, so statements per request also covers requests still in
// flight when the load generator stopped.
let requests = 0;
server.on("request", () => {
  requests += 1;
});
server.listen(port, "127.0.0.1", () => {
  const address = server.address();
  process.send?.({ type: "ready", port: typeof address === "object" && address ? address.port : port });
});

const gc = (globalThis as { gc?: () => void }).gc;
process.on("message", (message: { type?: string; gc?: boolean }) => {
  if (message?.type === "stats") {
    if (message.gc) gc?.();
    process.send?.({ type: "stats", rss: process.memoryUsage().rss, statements: db.statements.count, requests });
  }
});
process.once("SIGTERM", () => {
  server.close();
  server.closeAllConnections();
  // Let --cpu-prof write its profile: exit normally rather than by signal.
  (opened ?? db).close().finally(() => process.exit(0));
});
// `kill -USR2 <pid>` prints, in MB, process.memoryUsage() before and after a full GC, then V8's heap spaces
// (used / committed) and the kernel's split of the RSS (anonymous memory vs mapped files such as node's code).
process.on("SIGUSR2", () => {
  const round = (bytes: number) => Math.round(bytes / 1e5) / 10;
  const mb = () => Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, round(v)]));
  const before = mb();
  gc?.();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, `${round(s.space_used_size)}/${round(s.physical_space_size)}`]));
  const rollup = readFileSync("/proc/self/smaps_rollup", "utf8");
  const kB = (field: string) => round(Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(rollup)?.[1] ?? 0) * 1024);
  console.error(JSON.stringify({ before, afterGc: mb(), spaces, rss: { anonymous: kB("Anonymous"), file: kB("Rss") - kB("Anonymous") } }));
});
