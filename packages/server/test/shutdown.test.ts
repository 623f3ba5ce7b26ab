// The server process (main.ts) on its embedded database: it drains and closes on SIGTERM, also
// when the signal comes twice (a supervisor and a process-group kill both signalling), and leaves
// the folder to the next server.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildServer, startServer } from "../reliability/process.js";
import { copyTemplateToFolder } from "./helpers.js";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vngov-shutdown-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
// The folder starts as a copy of the run's seeded template: what is under test is the shutdown and
// the next start on the same folder, not the first start's seeding (a minute of CPU in the child).
// The server is what `npm start` runs, main.ts bundled by esbuild and run by plain Node: no tsx
// loader transpiling the sources in each child.
beforeAll(() => Promise.all([copyTemplateToFolder(path.join(dataDir, "pglite")), buildServer()]), 180_000);

async function startMain() {
  const server = startServer({ DATA_DIR: dataDir });
  const url = await server.listening;
  return { ...server, url };
}

it("finishes shutting down when SIGTERM comes twice, and the next server opens the same folder", { timeout: 240_000 }, async () => {
  for (let run = 0; run < 2; run++) {
    const server = await startMain();
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ provinces(first: 1) { totalCount } }" }),
    });
    expect(((await response.json()) as any).data.provinces.totalCount).toBe(34);
    server.child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 5));
    server.child.kill("SIGTERM");
    const code = await server.exited;
    // It drains to the end and every step succeeds: "stopped" is logged and the exit code is 0 (a
    // failed step logs "stopped, with errors" and exits 1, which is a fault here).
    expect(server.logs()).toMatch(/"msg":"stopped"/);
    expect(server.logs()).not.toContain("shutdown step failed");
    expect(code, server.logs()).toBe(0);
    expect(fs.existsSync(path.join(dataDir, "pglite.lock"))).toBe(false);
  }
});
