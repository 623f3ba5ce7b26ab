// How `npm start` runs the product, read from package.json's start script: the environment it sets
// before `node` (`NAME=${NAME:-default}`, a default the caller's environment overrides) and its Node
// flags. The benchmark and the reliability suite start their servers with the same settings, so the
// memory and speed they measure are those of the product as shipped (heap sizes, glibc's malloc arenas).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface StartCommand {
  /** Variables set before `node`, with the caller's environment taking precedence (NODE_ENV included). */
  env: Record<string, string>;
  /** Node's flags, in order. */
  flags: string[];
}

export function startCommand(environment: NodeJS.ProcessEnv = process.env): StartCommand {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const match = /&& ((?:\w+=\S+ )*)node ((?:--\S+ )*)packages\/server\/dist\/main\.mjs/.exec(pkg.scripts["start"] ?? "");
  if (!match) throw new Error("package.json's start script no longer runs `[NAME=value …] node [flags] packages/server/dist/main.mjs`");
  const env: Record<string, string> = {};
  for (const assignment of match[1]!.trim().split(/\s+/).filter(Boolean)) {
    const parsed = /^(\w+)=(?:\$\{\w+:-([^}]*)\}|(\S*))$/.exec(assignment);
    if (!parsed) throw new Error(`package.json's start script: cannot read the assignment ${assignment}`);
    const name = parsed[1]!;
    env[name] = environment[name] ?? parsed[2] ?? parsed[3]!;
  }
  return { env, flags: match[2]!.trim().split(/\s+/).filter(Boolean) };
}
