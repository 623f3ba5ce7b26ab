// Starts the production bundle (what `npm start` runs) as a child process, for the reliability suite.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startCommand } from "../../../scripts/start-command.js";

export const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const outfile = path.join(repoRoot, "packages/server/dist/reliability-main.mjs");
let built: Promise<void> | undefined;

/** Bundles main.ts once per run with the same esbuild settings as `npm start`. */
export function buildServer(): Promise<void> {
  built ??= (async () => {
    const { bundle } = (await import(path.join(repoRoot, "scripts/build-server.mjs"))) as {
      bundle(options: { entry: string; outfile: string }): Promise<void>;
    };
    await bundle({ entry: "packages/server/src/main.ts", outfile });
  })();
  return built;
}

export interface ServerProcess {
  child: ChildProcess;
  /** Resolves with the GraphQL URL once the server logs that it listens. */
  listening: Promise<string>;
  exited: Promise<number | null>;
  logs(): string;
  /** Resident memory of the process, in bytes (Linux /proc). */
  rss(): number;
}

export function startServer(env: Record<string, string>): ServerProcess {
  // With `npm start`'s Node flags and environment (heap sizes, malloc arenas): the memory and times
  // this suite bounds are the product's as shipped.
  const start = startCommand();
  const child = spawn(process.execPath, [...start.flags, outfile], {
    cwd: repoRoot,
    env: { ...process.env, ...start.env, NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", REDIS_URL: "", DATABASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code, signal) => resolve(code ?? (signal ? -1 : null))));
  const listening = new Promise<string>((resolve, reject) => {
    const check = () => {
      const match = /serving GraphQL at (http:\/\/localhost:\d+\/graphql)/.exec(output);
      if (match) return resolve(match[1]!.replace("localhost", "127.0.0.1"));
      if (child.exitCode !== null || child.signalCode !== null) return reject(new Error(`server exited (${child.exitCode ?? child.signalCode}):\n${output.slice(-4000)}`));
      setTimeout(check, 20);
    };
    check();
  });
  listening.catch(() => undefined);
  return {
    child,
    listening,
    exited,
    logs: () => output,
    rss: () => {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    },
  };
}

/** Kills with SIGKILL (what the OOM killer and an orchestrator's grace period do) and waits for the exit. */
export async function hardKill(server: ServerProcess): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGKILL");
  await server.exited;
}

export async function graphql(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
