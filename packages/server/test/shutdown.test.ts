// The server process (main.ts) on its embedded database: it drains and closes on SIGTERM, also
// when the signal comes twice (a supervisor and a process-group kill both signalling), and leaves
// the folder to the next server.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { copyTemplateToFolder } from "./helpers.js";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vngov-shutdown-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
// The folder starts as a copy of the run's seeded template: what is under test is the shutdown and
// the next start on the same folder, not the first start's seeding (a minute of CPU in the child).
beforeAll(() => copyTemplateToFolder(path.join(dataDir, "pglite")));

interface Running {
  child: ChildProcess;
  url: string;
  logs: () => string;
  exited: Promise<number | null>;
}

async function startMain(): Promise<Running> {
  const child = spawn(process.execPath, ["--conditions=vngov:source", "--import", "tsx", "packages/server/src/main.ts"], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", REDIS_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const started = Date.now();
  for (;;) {
    const match = /serving GraphQL at (http:\/\/localhost:\d+\/graphql)/.exec(output);
    if (match) return { child, url: match[1]!.replace("localhost", "127.0.0.1"), logs: () => output, exited };
    if (child.exitCode !== null) throw new Error(`main.ts exited with ${child.exitCode}:\n${output}`);
    if (Date.now() - started > 150_000) throw new Error(`main.ts did not listen in time:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
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
