// `kill -9` of a serving process in the middle of a burst of concurrent steward writes, on the
// embedded database and on PostgreSQL: after the restart every write the client saw acknowledged is
// there exactly once, every addFigures call is there whole or not at all (its figures and its audit
// entry together), and the restarted server answers within 10 s.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer, graphql, hardKill, repoRoot, sleep, startServer, type ServerProcess } from "./process.js";

beforeAll(() => buildServer(), 120_000);

/** Creates a write key with the real `npm run key` command (the server must not hold the embedded folder). */
async function createWriteKey(env: Record<string, string>): Promise<string> {
  const { stdout } = await promisify(execFile)(
    path.join(repoRoot, "node_modules/.bin/tsx"),
    ["packages/server/src/cli/key.ts", "create", "--name", "reliability-steward", "--scope", "read", "--scope", "write"],
    { cwd: repoRoot, env: { ...process.env, NODE_ENV: "production", DATABASE_URL: "", ...env } },
  );
  const key = stdout.trim().split("\n").at(-1)!;
  expect(key).toMatch(/^vngov_/);
  return key;
}

const SOURCE_ID = "reliability-kill-burst";
const ADD_FIGURES = `mutation ($input: AddFiguresInput!) { addFigures(input: $input) { figures { code subjectCode asOf } userErrors { code message } } }`;
const WRITERS = 8;
// Kill points: once this many writes of the burst were acknowledged, so the kill lands while
// writes are in flight (a fixed delay would, on a busy machine, land before the first commit).
const KILL_AFTER_ACKNOWLEDGED = [1, 6, 15];

interface Attempt {
  /** The two (province, day) keys this call writes. */
  keys: string[];
  /** Figure codes the server acknowledged (200 with the figures), or undefined. */
  acknowledged?: string[];
}

async function killDuringWrites(env: Record<string, string>) {
  const key = await createWriteKey(env);
  const auth = { authorization: `Bearer ${key}` };
  // Writes cost budget; the test measures durability, not the rate limit.
  const serverEnv = { ...env, RATE_LIMIT_KEY: "100000000" };
  let server: ServerProcess = startServer(serverEnv);
  let url = await server.listening;
  const provinces: string[] = (await graphql(url, "{ provinces(first: 34) { nodes { code } } }")).body.data.provinces.nodes.map((p: { code: string }) => p.code);
  const source = await graphql(
    url,
    `mutation ($input: AddSourceInput!) { addSource(input: $input) { userErrors { message } } }`,
    { input: { id: SOURCE_ID, publisher: "Reliability suite", url: "https://example.org/reliability", publishedOn: "2026-10-05" } },
    auth,
  );
  expect(source.body.data?.addSource.userErrors, JSON.stringify(source.body)).toEqual([]);

  const attempts: Attempt[] = [];
  const day = (n: number) => new Date(Date.UTC(2025, 6, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const restartSeconds: number[] = [];
  for (const killAfter of KILL_AFTER_ACKNOWLEDGED) {
    let stop = false;
    let acknowledgedInBurst = 0;
    const writer = async () => {
      while (!stop) {
        const index = attempts.length;
        const pair = index % 17;
        const asOf = day(Math.floor(index / 17));
        const subjects = [provinces[2 * pair]!, provinces[2 * pair + 1]!];
        const attempt: Attempt = { keys: subjects.map((code) => `${code}@${asOf}`) };
        attempts.push(attempt);
        const figures = subjects.map((subjectCode) => ({ indicator: "communes", value: 100 + (index % 50), asOf, subjectType: "PROVINCE", subjectCode, quote: `Reliability write ${index}.` }));
        let answer: Awaited<ReturnType<typeof graphql>>;
        try {
          answer = await graphql(url, ADD_FIGURES, { input: { sourceId: SOURCE_ID, figures } }, auth);
        } catch (error) {
          // A connection cut by the kill is an unacknowledged write; anything else is a failure.
          if (stop) return;
          throw error;
        }
        const { status, body } = answer;
        if (status !== 200 || body.data?.addFigures.userErrors.length !== 0 || body.data.addFigures.figures.length !== 2) {
          throw new Error(`write ${index} not acknowledged: ${status} ${JSON.stringify(body)}`);
        }
        attempt.acknowledged = body.data.addFigures.figures.map((f: { code: string }) => f.code);
        acknowledgedInBurst++;
      }
    };
    const burst = Promise.all(Array.from({ length: WRITERS }, writer));
    burst.catch(() => (stop = true));
    while (acknowledgedInBurst < killAfter && !stop) await sleep(5);
    stop = true;
    await hardKill(server);
    await burst;
    const started = performance.now();
    server = startServer(serverEnv);
    url = await server.listening;
    expect((await graphql(url, "{ provinces(first: 1) { totalCount } }")).body.data.provinces.totalCount).toBe(34);
    restartSeconds.push((performance.now() - started) / 1000);
  }

  // What the database holds of the source, read through the API after the last restart.
  const stored = new Map<string, string[]>(); // key → figure codes
  const codes: string[] = [];
  for (let after: string | null = null; ; ) {
    const { body } = await graphql(
      url,
      `query ($after: String) { figures(indicator: "communes", from: "2025-07-01", first: 200, after: $after) { nodes { code subjectCode asOf source { code } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    for (const figure of body.data.figures.nodes) {
      if (figure.source.code !== SOURCE_ID) continue;
      const k = `${figure.subjectCode}@${figure.asOf.slice(0, 10)}`;
      stored.set(k, [...(stored.get(k) ?? []), figure.code]);
      codes.push(figure.code);
    }
    if (!body.data.figures.pageInfo.hasNextPage) break;
    after = body.data.figures.pageInfo.endCursor;
  }
  const audited: string[] = [];
  for (let after: string | null = null; ; ) {
    const { body } = await graphql(
      url,
      `query ($after: String) { auditLog(first: 200, after: $after) { nodes { operation touchedIds } pageInfo { hasNextPage endCursor } } }`,
      { after },
      auth,
    );
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    for (const entry of body.data.auditLog.nodes) if (entry.operation === "addFigures") audited.push(...entry.touchedIds);
    if (!body.data.auditLog.pageInfo.hasNextPage) break;
    after = body.data.auditLog.pageInfo.endCursor;
  }
  server.child.kill("SIGTERM");
  await server.exited;

  const acknowledged = attempts.filter((attempt) => attempt.acknowledged);
  const lostOrDoubled = acknowledged.flatMap((attempt) => attempt.acknowledged!.filter((code) => codes.filter((c) => c === code).length !== 1));
  const halfWritten = attempts.filter((attempt) => attempt.keys.filter((k) => stored.has(k)).length === 1);
  const duplicated = [...stored].filter(([, list]) => list.length > 1);
  const unaudited = codes.filter((code) => !audited.includes(code));
  const unacknowledgedButStored = attempts.filter((attempt) => !attempt.acknowledged && attempt.keys.some((k) => stored.has(k))).length;
  console.log(
    `${attempts.length} writes sent, ${acknowledged.length} acknowledged, ${unacknowledgedButStored} committed without an answer; restarts to first answer: ${restartSeconds.map((s) => s.toFixed(2)).join(" s, ")} s`,
  );
  expect(acknowledged.length).toBeGreaterThan(0);
  expect(lostOrDoubled, "acknowledged figures missing or stored twice").toEqual([]);
  expect(halfWritten.map((a) => a.keys), "calls with one of their two figures stored").toEqual([]);
  expect(duplicated, "one (province, day) stored twice").toEqual([]);
  expect(unaudited, "figures without their audit entry").toEqual([]);
  expect(audited.length).toBe(codes.length);
  expect(Math.max(...restartSeconds)).toBeLessThan(10);
}

describe("kill -9 during a burst of concurrent writes", () => {
  it("on the embedded database: no acknowledged write lost or doubled, nothing half-written, restart within 10 s", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vngov-reliability-writes-"));
    try {
      await killDuringWrites({ DATA_DIR: dataDir });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("on PostgreSQL: no acknowledged write lost or doubled, nothing half-written, restart within 10 s", async (context) => {
    const serverUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
    const admin = new pg.Client({ connectionString: serverUrl });
    try {
      await admin.connect();
    } catch {
      context.skip();
    }
    const name = `vngov_reliability_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      await killDuringWrites({ DATABASE_URL: url.toString() });
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
