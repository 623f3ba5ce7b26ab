// The embedded database survives hard kills: during its first start (initdb, migrations, seed) and
// while serving. After each kill the next start must serve, and a restart of a seeded folder after
// `kill -9` must answer within 10 s (the old lock kept every restart out for two minutes, and a kill
// inside initdb left the folder unusable for good).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildServer, graphql, hardKill, sleep, startServer } from "./process.js";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "vngov-reliability-start-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
beforeAll(() => buildServer(), 120_000);

const COUNT = "{ provinces(first: 1) { totalCount } communes(first: 1) { totalCount } }";

/** Waits until the embedded database's folder (or its temporary initialisation folder) appears. */
async function databaseFolderAppears(dataDir: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).some((name) => name.startsWith("pglite") && !name.endsWith(".lock"))) return;
    await sleep(5);
  }
  throw new Error(`no database folder appeared under ${dataDir}`);
}

// Kill points, in ms after the database folder first appears: inside initdb (the first ~0.6 s on an
// idle machine), while migrating, while seeding, and once the seed is nearly done.
const KILL_POINTS_MS = [0, 300, 1_000, 2_500, 4_000, 6_000];

it("a kill -9 at any point of the first start leaves a folder the next start serves from", async () => {
  const outcomes: string[] = [];
  for (const killAt of KILL_POINTS_MS) {
    const dataDir = path.join(root, `first-${killAt}`);
    const first = startServer({ DATA_DIR: dataDir });
    await databaseFolderAppears(dataDir);
    await sleep(killAt);
    const finished = first.logs().includes("serving GraphQL");
    await hardKill(first);
    const second = startServer({ DATA_DIR: dataDir });
    let url: string;
    try {
      url = await second.listening;
    } catch (error) {
      throw new Error(`killed ${killAt} ms into the first start${finished ? " (after it finished)" : ""}; the next start failed:\n${(error as Error).message}`);
    }
    const { status, body } = await graphql(url, COUNT);
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.data).toEqual({ provinces: { totalCount: 34 }, communes: { totalCount: 3321 } });
    outcomes.push(`${killAt} ms: ${finished ? "after start" : "during start"}, next start served`);
    second.child.kill("SIGTERM");
    await second.exited;
  }
  console.log(outcomes.join("\n"));
});

it("a restart after kill -9 of a serving server answers within 10 s", async () => {
  const dataDir = path.join(root, "restart");
  const first = startServer({ DATA_DIR: dataDir });
  await first.listening;
  let previous = first;
  const seconds: number[] = [];
  for (let cycle = 0; cycle < 3; cycle++) {
    await hardKill(previous);
    const started = performance.now();
    const next = startServer({ DATA_DIR: dataDir });
    const url = await next.listening;
    const { body } = await graphql(url, COUNT);
    expect(body.data?.provinces.totalCount).toBe(34);
    seconds.push((performance.now() - started) / 1000);
    previous = next;
  }
  await hardKill(previous);
  console.log(`restart after kill -9, to first answer: ${seconds.map((s) => s.toFixed(2)).join(" s, ")} s`);
  expect(Math.max(...seconds)).toBeLessThan(10);
});

it("a damaged folder is explained, not crash-looped on", async () => {
  const dataDir = path.join(root, "damaged");
  const folder = path.join(dataDir, "pglite");
  fs.mkdirSync(path.join(folder, "base"), { recursive: true });
  // What a crash inside an old initdb left: a version file and a catalog cut short.
  fs.writeFileSync(path.join(folder, "PG_VERSION"), "17\n");
  fs.writeFileSync(path.join(folder, "global.junk"), "x");
  const server = startServer({ DATA_DIR: dataDir });
  await expect(server.listening).rejects.toThrow(/damaged/);
  expect(await server.exited).toBe(1);
  expect(server.logs()).toMatch(/move it aside/i);
});
