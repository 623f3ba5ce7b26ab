// The FULL-boundary flood of issue 20 against a real server process: many concurrent anonymous
// requests for every province's boundary at FULL detail (25.5 MB an answer), some over the answer
// size or cost limits. Before the fix 15 such requests took the server to 6 GB and 60 s an answer.
// Every answer must be data or a coded refusal, never a 5xx; the process's resident memory must stay
// under a ceiling; and /health must keep answering while the flood runs.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildServer, sleep, startServer, type ServerProcess } from "./process.js";

// Measured on the shared 2-core machine (load average about 11), this flood against a restarted
// process (idle about 400 MB): peak RSS 1,015 MB with MAX_RESPONSE_BYTES_IN_FLIGHT at its default
// (32 MiB), 1,213 MB at 64 MiB, 1,476 MB without the bound (and a process that died mid-flood once).
// A later run on a quiet machine peaked at 1,244 MB with the default bound (when garbage is collected
// decides much of it), so the ceiling is 1.4 GB: above every bounded run seen (920–1,244 MB), below
// every unbounded one (1,476 and 1,770 MB). Most of what remains is the embedded database's
// WebAssembly heap, which grows to the largest result read and is never given back, and garbage the
// collector has not yet freed.
const RSS_CEILING_BYTES = 1_400 * 1024 * 1024;
// /health does no work: its delay is the event loop blocked by serialising answers (up to 25.5 MB
// each) and collecting their garbage. Measured 6–9 s at the peak of this flood on the loaded machine;
// the bound is the request timeout (15 s): /health must keep answering, not answer fast.
const HEALTH_BOUND_MS = 15_000;
const CLIENTS = 8; // distinct addresses (X-Forwarded-For behind TRUST_PROXY=1), each with its own anonymous budget
const IN_FLIGHT = 12;
const REQUESTS = 72;

const ALL_FULL = "{ provinces(first: 34) { nodes { code boundary(detail: FULL) } } }";
const ONE_FULL = '{ province(code: "46") { boundary(detail: FULL) } }';
// Two copies of every FULL boundary: 51 MB, over MAX_RESPONSE_BYTES, within maxCost.
const TWICE_FULL = "{ a: provinces(first: 34) { nodes { boundary(detail: FULL) } } b: provinces(first: 34) { nodes { boundary(detail: FULL) } } }";
// Thirty copies: refused on cost before any work.
const THIRTY_FULL = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: provinces(first: 34) { nodes { boundary(detail: FULL) } }`).join(" ")} }`;
const DOCUMENTS = [ALL_FULL, ALL_FULL, ONE_FULL, TWICE_FULL, THIRTY_FULL, ALL_FULL];
const REFUSALS = new Set(["RESPONSE_TOO_LARGE", "QUERY_TOO_COMPLEX", "RATE_LIMITED"]);

/**
 * One request on its own connection (fetch's pool reuses sockets, and a server that answers 429
 * before reading a body closes that socket under the next request).
 */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: options.method ?? "GET", headers: options.headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, text: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(options.body);
  });
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vngov-reliability-flood-"));
let server: ServerProcess;
let base: string;
// MAX_RESPONSE_BYTES_IN_FLIGHT may be set to show the flood without its bound.
const inFlightLimit = process.env.RELIABILITY_MAX_RESPONSE_BYTES_IN_FLIGHT;
beforeAll(async () => {
  await buildServer();
  // The first start seeds the folder and keeps what seeding used; the flood hits a restarted
  // process, as production serves.
  const seeding = startServer({ DATA_DIR: dataDir });
  await seeding.listening;
  seeding.child.kill("SIGTERM");
  await seeding.exited;
  server = startServer({ DATA_DIR: dataDir, TRUST_PROXY: "1", ...(inFlightLimit ? { MAX_RESPONSE_BYTES_IN_FLIGHT: inFlightLimit } : {}) });
  base = (await server.listening).replace(/\/graphql$/, "");
}, 300_000);
afterAll(async () => {
  server?.child.kill("SIGTERM");
  await server?.exited;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it("a flood of FULL boundaries gets data or coded refusals, within the RSS ceiling, with /health answering", async () => {
  const idle = server.rss();
  let peak = idle;
  let flooding = true;
  const sampler = (async () => {
    while (flooding) {
      if (server.child.exitCode === null && server.child.signalCode === null) peak = Math.max(peak, server.rss());
      await sleep(20);
    }
  })();
  const healthMs: number[] = [];
  const health = (async () => {
    while (flooding) {
      const started = performance.now();
      const response = await send(`${base}/health`);
      expect(response.status).toBe(200);
      healthMs.push(performance.now() - started);
      await sleep(100);
    }
  })();

  const outcomes = new Map<string, number>();
  const failures: string[] = [];
  let next = 0;
  const client = async () => {
    while (next < REQUESTS) {
      const index = next++;
      const query = DOCUMENTS[index % DOCUMENTS.length]!;
      const response = await send(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json", "x-forwarded-for": `198.51.100.${index % CLIENTS}` },
        body: JSON.stringify({ query }),
      });
      const text = response.text;
      let outcome: string;
      if (response.status >= 500) {
        failures.push(`#${index} ${response.status}: ${text.slice(0, 300)}`);
        outcome = `${response.status}`;
      } else {
        const body = JSON.parse(text) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
        const codes = (body.errors ?? []).map((error) => error.extensions?.code ?? "uncoded");
        const bad = codes.filter((code) => !REFUSALS.has(code));
        if (bad.length > 0) failures.push(`#${index} ${response.status} ${bad.join(",")}: ${text.slice(0, 300)}`);
        if (codes.length === 0 && !body.data) failures.push(`#${index} ${response.status}: neither data nor errors`);
        outcome = codes[0] ?? "data";
      }
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
  };
  try {
    await Promise.all(Array.from({ length: IN_FLIGHT }, client));
  } catch (error) {
    throw new Error(`${(error as Error).message}; server ${server.child.exitCode ?? server.child.signalCode ?? "running"}, its log ends:\n${server.logs().slice(-3000)}`);
  } finally {
    flooding = false;
  }
  await Promise.all([sampler, health]);

  const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
  console.log(
    `${REQUESTS} requests: ${JSON.stringify(Object.fromEntries(outcomes))}; RSS idle ${mb(idle)}, peak ${mb(peak)} (ceiling ${mb(RSS_CEILING_BYTES)}); /health max ${Math.round(Math.max(...healthMs))} ms over ${healthMs.length} probes`,
  );
  expect(failures.slice(0, 10), `${failures.length} answers neither data nor a coded refusal`).toEqual([]);
  // The flood exercised what it claims to: served answers and each kind of refusal.
  for (const outcome of ["data", "RESPONSE_TOO_LARGE", "QUERY_TOO_COMPLEX", "RATE_LIMITED"]) expect(outcomes.get(outcome) ?? 0, outcome).toBeGreaterThan(0);
  expect(peak).toBeLessThan(RSS_CEILING_BYTES);
  expect(healthMs.length).toBeGreaterThan(0);
  expect(Math.max(...healthMs)).toBeLessThan(HEALTH_BOUND_MS);
});
