// `npm run bench:pipeline`: where a computed answer's time goes, stage by stage, in one process.
//
//   npm run bench:pipeline -- [--iterations 300] [--workloads 1,2,3,4] [--database postgres://…]
//
// For each registry workload of bench/workloads.ts, with every request unique (as the benchmark's
// "computed" rows), it times on the same data and in the same run:
//   - the whole request through the product's handler (`yoga.fetch`, every plugin, as shipped);
//   - the same handler with the response cache keeping every answer on its first sighting (as it did
//     before it kept answers on their second only), and with the cache off (what its lookup costs);
//   - the same handler with graphql-jit off (graphql-js interpreting the operation);
//   - the stages alone: parse, validate, execute with graphql-js, execute compiled (graphql-jit),
//     and JSON serialisation of the answer;
// and prints each as CPU microseconds per request and as a share of the whole request. Times are means
// over the iterations after a warm-up; the machine is shared, so read the shares and ratios, not
// the absolute numbers.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Session } from "node:inspector/promises";
import { parseArgs } from "node:util";
import { execute, parse, validate, type DocumentNode, type ExecutionResult } from "graphql";
import { compileQuery, isCompiledQuery } from "graphql-jit";
import { openDatabase, type Database } from "../packages/server/src/db.js";
import { prepareDatabase } from "../packages/server/src/db/setup.js";
import { createServer, GRAPHQL_ENDPOINT, type VngovServer } from "../packages/server/src/http/server.js";
import { registrySnapshot } from "../packages/server/src/registry/snapshot.js";
import { vietnamToday } from "../packages/server/src/schema/as-of.js";
import { schema } from "../packages/server/src/schema/index.js";
import type { Context } from "../packages/server/src/context.js";
import { WORKLOADS, type Picks } from "./workloads.js";

const { values } = parseArgs({
  options: {
    iterations: { type: "string", default: "300" },
    warmup: { type: "string", default: "50" },
    workloads: { type: "string", default: "1,2,3,4" },
    database: { type: "string" },
    // Only the shipped handler, with a CPU profile of its requests written to this folder.
    profile: { type: "string" },
  },
});
const iterations = Number(values.iterations);
const warmup = Number(values.warmup);
const selected = new Set(values.workloads.split(",").map(Number));

async function open(): Promise<{ db: Database; close(): Promise<void> }> {
  if (values.database) {
    const db = await openDatabase({ url: values.database });
    return { db, close: () => db.close() };
  }
  // The default of `npm start`: embedded PGlite, migrated and seeded, in a throw-away folder.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vngov-pipeline-"));
  const db = await openDatabase({ dataDir });
  await prepareDatabase(db);
  return {
    db,
    close: async () => {
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function picksFrom(db: Database): Promise<Picks> {
  return (async () => {
    const provinces = await db.query<{ code: string }>(`SELECT code FROM "ProvinceVersion" WHERE "validTo" IS NULL`);
    const communes = await db.query<{ code: string; searchName: string }>(
      `SELECT code, "searchName" FROM "CommuneVersion" WHERE "validTo" IS NULL`,
    );
    return {
      provinceCodes: provinces.map((p) => p.code),
      communeCodes: communes.map((c) => c.code),
      searchTerms: communes.map((c) => c.searchName),
    } as Picks;
  })();
}

/**
 * Mean microseconds of this process's CPU time (user + system) per call of `run` over the
 * iterations, after the warm-up: CPU time, not wall time, since on a shared machine other processes
 * stretch the wall clock but not the work done here.
 */
async function time(run: (i: number) => unknown | Promise<unknown>): Promise<number> {
  for (let i = 0; i < warmup; i += 1) await run(i);
  const started = process.cpuUsage();
  for (let i = 0; i < iterations; i += 1) await run(warmup + i);
  const { user, system } = process.cpuUsage(started);
  return (user + system) / iterations;
}

/** Runs `work` under the V8 profiler and writes `<folder>/<name>.cpuprofile`. */
async function profile(folder: string, name: string, work: () => Promise<unknown>): Promise<void> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
  await work();
  const { profile: result } = await session.post("Profiler.stop");
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, `${name}.cpuprofile`), JSON.stringify(result));
  session.disconnect();
}

// As node:http hands requests over: framed by Content-Length (limits/body-limit.ts counts the bytes
// of in-process requests, which nothing else bounds, and would be measured here otherwise).
const overNodeHttp = { req: {} };

function fetcher(yoga: VngovServer, body: (i: number) => object) {
  return async (i: number) => {
    const text = JSON.stringify(body(i));
    const response = await (yoga.fetch as (url: string, init: RequestInit, serverContext: object) => Promise<Response>)(
      `http://bench${GRAPHQL_ENDPOINT}`,
      {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json", "content-length": String(Buffer.byteLength(text)) },
        body: text,
      },
      overNodeHttp,
    );
    const answer = await response.text();
    if (response.status !== 200 || answer.includes('"errors"')) throw new Error(`unexpected answer ${response.status}: ${answer.slice(0, 300)}`);
    return answer;
  };
}

const { db, close } = await open();
try {
  const picks = await picksFrom(db);
  const registry = await registrySnapshot(db.prisma);
  const config = { RATE_LIMIT_ANONYMOUS: 1_000_000_000_000 };
  const shipped = createServer({ db, graphiql: false, config });
  const firstSighting = createServer({ db, graphiql: false, config, responseCache: "keep-on-first-sighting" });
  const noCache = createServer({ db, graphiql: false, config, responseCache: false });
  const noJit = createServer({ db, graphiql: false, config, responseCache: false, jit: false });
  const limits = {} as Context["limits"];
  // The fields the registry workloads read; the change feed's are never touched by a query.
  const context = (): Context =>
    ({
      prisma: db.prisma,
      registry,
      caller: { kind: "anonymous", id: "ip:bench", name: "anonymous", scopes: ["read"], persistedOnly: false, requestId: "bench", today: vietnamToday(), language: "en" },
      limits,
      answer: { bytes: 0, exceeded: false, held: 0, inFlight: { bytes: 0, limit: Infinity } },
      lastEventId: null,
      feedCursor: { current: null },
    }) as unknown as Context;

  for (const workload of WORKLOADS.filter((w) => selected.has(w.id))) {
    // A fixed sequence of inputs, drawn as the load generator draws them.
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const inputs = Array.from({ length: warmup + iterations }, () => workload.pick?.(picks, random) ?? {});
    const request = (i: number) => workload.vngov(inputs[i]!);
    const unique = (i: number) => {
      const { query, variables } = request(i);
      return { query, variables: { ...(variables ?? {}), _nonce: `${workload.id}-${i}-${Math.random()}` } };
    };
    const document: DocumentNode = parse(request(0).query);
    const compiled = compileQuery(schema, document);
    if (!isCompiledQuery(compiled)) throw new Error(`graphql-jit could not compile workload ${workload.id}`);
    const results: ExecutionResult[] = [];

    if (values.profile) {
      await profile(values.profile, `workload-${workload.id}`, () => time(fetcher(shipped, unique)));
      continue;
    }
    const stages: [string, number][] = [["handler as shipped (yoga.fetch, response cache on, jit)", await time(fetcher(shipped, unique))]];
    stages.push(
      ["handler, response cache keeping on first sighting", await time(fetcher(firstSighting, unique))],
      ["handler, response cache off", await time(fetcher(noCache, unique))],
      ["handler, response cache off, graphql-js instead of jit", await time(fetcher(noJit, unique))],
      ["parse", await time((i) => parse(request(i).query))],
      ["validate", await time(() => validate(schema, document))],
      ["execute: graphql-js", await time((i) => execute({ schema, document, contextValue: context(), variableValues: request(i).variables }))],
      [
        "execute: graphql-jit",
        await time(async (i) => {
          const result = await compiled.query(undefined, context(), request(i).variables);
          results[i % 8] = result as ExecutionResult;
        }),
      ],
      ["JSON.stringify of the answer", await time((i) => JSON.stringify(results[i % 8]))],
    );
    const bytes = results[0] ? JSON.stringify(results[0]).length : 0;
    const whole = stages[0]![1];
    console.log(`\nworkload ${workload.id} (${workload.title}), answer ${bytes.toLocaleString("en")} bytes, ${iterations} unique requests per row`);
    for (const [name, micros] of stages) {
      console.log(`  ${name.padEnd(58)} ${micros.toFixed(0).padStart(7)} µs CPU  ${((100 * micros) / whole).toFixed(0).padStart(4)} %`);
    }
  }
} finally {
  await close();
}
