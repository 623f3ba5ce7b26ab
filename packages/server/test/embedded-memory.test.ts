// The embedded database's memory: a new database is made by a child process (its memory leaves
// with it), PostgreSQL runs with 16 MB of shared buffers and 1 MB of WAL buffers instead of PGlite's
// built-in 128 MB and 4 MB, and a long-lived process keeps PGlite's WebAssembly at V8's baseline code.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, expect, it } from "vitest";
import { openConfiguredDatabase } from "../src/db/open.js";
import { isSeeded } from "../src/db/setup.js";

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

// V8's optimising compiler, let loose on PostgreSQL's hot functions, left 65-90 MB of RSS behind it
// (its working memory and the optimised code). The flag is process-wide and cannot be undone, so the
// database is opened in a process of its own, as the server opens it; the statement is CPU work
// enough (sorting 200,000 strings, six times) to send PostgreSQL's executor up the tiers.
it("opens the embedded database without optimising PGlite's WebAssembly: CPU-heavy SQL leaves RSS within 30 MB", { timeout: 120_000 }, () => {
  const dataDir = path.join(root, "data", "pglite");
  expect(fs.existsSync(dataDir)).toBe(true);
  const tsx = pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve("tsx/package.json")), "dist", "loader.mjs")).href;
  const db = pathToFileURL(fileURLToPath(new URL("../src/db.ts", import.meta.url))).href;
  const script = `
    const { openDatabase } = await import(${JSON.stringify(db)});
    const db = await openDatabase({ dataDir: ${JSON.stringify(dataDir)} });
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 6; i++) {
      await db.query("SELECT count(*) FROM (SELECT md5(i::text) FROM generate_series(1, 200000) i ORDER BY 1) sorted");
    }
    const after = process.memoryUsage().rss;
    await db.close();
    process.stdout.write(JSON.stringify({ growth: after - before }));`;
  const output = execFileSync(process.execPath, ["--import", tsx, "--conditions=vngov:source", "--input-type=module", "-e", script], { encoding: "utf8" });
  const { growth } = JSON.parse(output) as { growth: number };
  expect(growth).toBeLessThan(30e6);
});
