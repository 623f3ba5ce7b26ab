// Drives one contender with autocannon (in-process API), bounded in time, against 127.0.0.1, and
// checks before the run that every contender answers the same logical data.
import autocannon from "autocannon";
import { isDeepStrictEqual } from "node:util";
import { readRss, type RunningServer, type Stats } from "./contenders.js";
import type { Contender, LoadWorkload, Picks, ServerKind, Workload } from "./workloads.js";

export interface LoadResult {
  contender: ServerKind;
  /** Whether every request was unique (computed answers), see LoadOptions.unique. */
  unique?: boolean;
  /** vngov on the embedded database (PGlite) rather than PostgreSQL. */
  embedded?: boolean;
  /** A point-lookup run (bench/geo.ts): new random points, so every answer is computed. */
  geo?: boolean;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Non-2xx answers, GraphQL `errors` and connection errors together. */
  failures: number;
  /** Highest RSS sampled during the measured run, in bytes. */
  peakRss: number | null;
  /** vngov only: SQL statements sent per answered request. */
  statementsPerRequest?: number;
}

export interface LoadOptions {
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  /**
   * Every request unique: GraphQL bodies carry a variable the operation does not declare, a new
   * value each time, so no cache keyed on the body (vngov's response cache) can answer; servers
   * ignore it otherwise. The computed answer is what is measured.
   */
  unique?: boolean;
}

/** Counter of the undeclared variable that makes requests unique (see LoadOptions.unique). */
let nonce = 0;

function withNonce(body: string): string {
  const parsed = JSON.parse(body) as { variables?: Record<string, unknown> };
  parsed.variables = { ...parsed.variables, _nonce: (nonce += 1) };
  return JSON.stringify(parsed);
}

const HEADERS = { "content-type": "application/json", accept: "application/json" };

/** Deterministic pseudo-random numbers (mulberry32): every contender gets the same input sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The HTTP body a contender gets for one input. */
export function requestBody(workload: LoadWorkload, contender: ServerKind, input: Record<string, unknown>): string {
  if (contender === "raw" || contender === "postgis") return JSON.stringify({ input });
  const build = workload[contender];
  if (!build) throw new Error(`workload ${workload.id} has no request for ${contender}`);
  return JSON.stringify(build(input));
}

export async function fetchOnce(server: RunningServer, workload: LoadWorkload, input: Record<string, unknown>): Promise<any> {
  const response = await fetch(server.target(workload.id), {
    method: "POST",
    headers: HEADERS,
    body: requestBody(workload, server.contender, input),
  });
  const body: any = await response.json();
  if (!response.ok || body?.errors) {
    throw new Error(`${server.contender} answered workload ${workload.id} with ${response.status}: ${JSON.stringify(body).slice(0, 500)}`);
  }
  return body;
}

export interface Agreement {
  samples: number;
  agreeing: number;
}

/** Asks every contender the same sample inputs and compares the canonical answers. */
export async function checkAgreement(
  workload: Workload,
  servers: RunningServer[],
  picks: Picks,
  samples = 8,
): Promise<Agreement> {
  const random = seededRandom(7 + workload.id);
  const inputs = workload.pick ? Array.from({ length: samples }, () => workload.pick!(picks, random)) : [{}];
  let agreeing = 0;
  for (const input of inputs) {
    const answers = await Promise.all(
      servers.map(async (server) => ({
        contender: server.contender,
        canonical: workload.canonical[server.contender as Contender](await fetchOnce(server, workload, input)),
      })),
    );
    const reference = answers[0]!;
    const differing = answers.filter((answer) => !isDeepStrictEqual(answer.canonical, reference.canonical));
    if (differing.length === 0) {
      agreeing += 1;
    } else if (workload.mustAgree) {
      const detail = differing
        .map((answer) => `${answer.contender}: ${JSON.stringify(answer.canonical).slice(0, 300)}`)
        .join("\n  ");
      throw new Error(
        `Workload ${workload.id} (${workload.title}): contenders disagree for ${JSON.stringify(input)}.\n  ${reference.contender}: ${JSON.stringify(reference.canonical).slice(0, 300)}\n  ${detail}`,
      );
    }
  }
  return { samples: inputs.length, agreeing };
}

function runAutocannon(options: autocannon.Options, onResponseBody: (status: number, body: string) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        ...options,
        requests: (options.requests ?? [{}]).map((request) => ({
          ...request,
          onResponse: (status: number, body: string) => onResponseBody(status, body),
        })),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on("error", reject);
  });
}

/** Statistics once the requests still in flight at the end of a run have finished (statement count stable). */
async function settledStats(server: RunningServer): Promise<Stats> {
  let stats = await server.stats();
  for (let attempt = 0; attempt < 50; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const next = await server.stats();
    if (next.statements === stats.statements) return next;
    stats = next;
  }
  return stats;
}

/** A number per workload id, for the seed of its input sequence ("G2" → 1002). */
export const seedOf = (id: number | string): number => (typeof id === "number" ? id : 1000 + Number(id.replace(/\D/g, "")));

export async function runLoad(
  workload: LoadWorkload,
  server: RunningServer,
  picks: Picks,
  options: LoadOptions,
): Promise<LoadResult> {
  const url = server.target(workload.id);
  const makeOptions = (durationSeconds: number, seed: number): autocannon.Options => {
    const random = seededRandom(seed);
    const graphql = server.contender !== "raw" && server.contender !== "postgis";
    const unique = options.unique === true && graphql;
    const fixedBody = workload.pick || unique ? undefined : requestBody(workload, server.contender, {});
    return {
      url,
      method: "POST",
      headers: HEADERS,
      connections: options.connections,
      duration: durationSeconds,
      body: fixedBody,
      // Cache-unfriendly inputs: each request draws a fresh real code or term (and, unique, a fresh nonce).
      requests:
        workload.pick || unique
          ? [
              {
                setupRequest: (request: any) => {
                  const body = requestBody(workload, server.contender, workload.pick ? workload.pick(picks, random) : {});
                  return { ...request, body: unique ? withNonce(body) : body };
                },
              },
            ]
          : [{}],
    };
  };

  let failures = 0;
  const countFailures = (status: number, body: string) => {
    if (status !== 200 || (server.contender !== "raw" && server.contender !== "postgis" && body.includes('"errors"'))) failures += 1;
  };

  if (options.warmupSeconds > 0) await runAutocannon(makeOptions(options.warmupSeconds, 1), () => undefined);

  failures = 0;
  const before = await server.stats();
  let peakRss = readRss(server.pid);
  const sampler = setInterval(() => {
    const rss = readRss(server.pid);
    if (rss !== null && (peakRss === null || rss > peakRss)) peakRss = rss;
  }, 200);
  const result = await runAutocannon(makeOptions(options.durationSeconds, 2 + seedOf(workload.id)), countFailures);
  clearInterval(sampler);
  const after = await settledStats(server);

  const answered = result.requests.total;
  return {
    contender: server.contender,
    unique: options.unique === true,
    requests: answered,
    requestsPerSecond: answered / (result.duration || options.durationSeconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: failures + result.errors + result.timeouts,
    peakRss,
    statementsPerRequest:
      before.statements !== undefined && after.statements !== undefined && after.requests! > before.requests!
        ? (after.statements - before.statements) / (after.requests! - before.requests!)
        : undefined,
  };
}
