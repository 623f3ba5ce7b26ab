// The embedded database's memory: a new database is made by a child process (its memory leaves
// with it), PostgreSQL runs with 16 MB of shared buffers and 1 MB of WAL buffers instead of PGlite's
// built-in 128 MB and 4 MB, and the server keeps PGlite's WebAssembly at V8's baseline code.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { openConfiguredDatabase } from "../src/db/open.js";
import { isSeeded } from "../src/db/setup.js";
import { buildServer, graphql, sleep, startServer } from "../reliability/process.js";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "vngov-memory-test-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Command lines of this process's children (Linux /proc). */
function childCommands(): string[] {
  const commands: string[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of stat is the parent's pid; the command (field 2) may hold spaces, so count after its ")".
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) !== process.pid) continue;
      commands.push(fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" "));
    } catch {
      // gone meanwhile
    }
  }
  return commands;
}

it("makes a new embedded database in a child process and opens it seeded, with 16 MB of shared buffers and 1 MB of WAL buffers", { timeout: 180_000 }, async () => {
  const dataDir = path.join(root, "data");
  const seen = new Set<string>();
  // Seeding takes seconds: a look every 100 ms cannot miss the child that does it.
  const watch = setInterval(() => childCommands().forEach((command) => seen.add(command)), 100);
  let opened: Awaited<ReturnType<typeof openConfiguredDatabase>>;
  try {
    opened = await openConfiguredDatabase({ DATABASE_URL: undefined, DATA_DIR: dataDir }, { holder: "the test", prepare: "seed" });
  } finally {
    clearInterval(watch);
  }
  try {
    expect(opened.created).toBe(true);
    expect(await isSeeded(opened.db)).toBe(true);
    expect([...seen].filter((command) => command.includes("initialise-embedded") && command.includes(path.join(dataDir, "pglite.initialising-")))).toHaveLength(1);
    expect(await opened.db.query("SHOW shared_buffers")).toEqual([{ shared_buffers: "16MB" }]);
    expect(await opened.db.query("SHOW wal_buffers")).toEqual([{ wal_buffers: "1MB" }]);
  } finally {
    await opened.close();
  }
});

// V8's optimising compiler, let loose on the PostgreSQL functions that opening and the registry's
// load run hot, left 75-100 MB of RSS behind it (its working memory and the optimised code). The
// server is what `npm start` runs (main.ts bundled, with its Node flags and environment),
// restarted on the folder made above.
async function idleRssOfRestartedServer(env: Record<string, string> = {}): Promise<number> {
  await buildServer();
  const server = startServer({ DATA_DIR: path.join(root, "data"), ...env });
  try {
    const url = await server.listening;
    // Answered from the registry snapshot: loaded by now.
    expect((await graphql(url, "{ provinces(first: 1) { totalCount } }")).body.data.provinces.totalCount).toBe(34);
    await sleep(2_000);
    return server.rss();
  } finally {
    server.child.kill("SIGTERM");
    await server.exited;
  }
}

it("restarts a server on the seeded embedded database that idles under 260 MB RSS, its registry loaded", { timeout: 240_000 }, async () => {
  // 219-220 MB here; 311-336 MB while PGlite's WebAssembly was optimised.
  expect(await idleRssOfRestartedServer()).toBeLessThan(260e6);
});

// EMBEDDED_OPTIMISED_SQL=true gives the optimising compiler back (faster SQL for figures and writes),
// and with it the memory above: the setting reaches the server.
it("lets V8 optimise PGlite's WebAssembly again with EMBEDDED_OPTIMISED_SQL=true, at the memory cost above", { timeout: 240_000 }, async () => {
  // 287-376 MB optimised against 219-220 MB at baseline code (the test above).
  expect(await idleRssOfRestartedServer({ EMBEDDED_OPTIMISED_SQL: "true" })).toBeGreaterThan(250e6);
});
