// Time from `npm start` to the first GraphQL answer on the embedded database (PGlite under a
// fresh DATA_DIR): once for a first start (migrate + seed), once more on the seeded directory.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PROBE = JSON.stringify({ query: "{ provinces(first: 1) { totalCount } }" });

export interface StartupTimes {
  firstStartMs: number;
  seededStartMs: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function answers(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: PROBE,
      signal: AbortSignal.timeout(2_000),
    });
    const body: any = await response.json();
    return body?.data?.provinces?.totalCount === 34;
  } catch {
    return false;
  }
}

/** Spawns `npm start`, polls /graphql until it answers, stops the process group it started. */
async function timeStart(dataDir: string, timeoutMs = 180_000): Promise<number> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" };
  delete env.DATABASE_URL;
  const started = performance.now();
  // Its own process group, so npm, tsx and node are stopped together by this group's id.
  const child = spawn("npm", ["start", "--silent"], { cwd: repoRoot, env, detached: true, stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with code ${child.exitCode}`);
      if (await answers(port)) return performance.now() - started;
      if (performance.now() - started > timeoutMs) throw new Error(`npm start did not answer within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    if (child.exitCode === null && child.pid) {
      process.kill(-child.pid, "SIGTERM");
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
  }
}

export async function measureStartup(): Promise<StartupTimes> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vngov-bench-data-"));
  try {
    const firstStartMs = await timeStart(dataDir);
    const seededStartMs = await timeStart(dataDir);
    return { firstStartMs, seededStartMs };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
