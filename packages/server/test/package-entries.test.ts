// Every file a workspace's package.json names as an entry point exists (a missing one only shows
// when someone imports the package).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const workspaces = (JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { workspaces: string[] }).workspaces;

/** Every path an entry field names: main, types, bin, and exports at any depth. */
function entries(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(entries);
  return [];
}

it.each(workspaces)("%s names only entry files that exist (built ones under dist/ aside)", (workspace) => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, workspace, "package.json"), "utf8")) as Record<string, unknown>;
  const named = [manifest.main, manifest.types, manifest.bin, manifest.exports].flatMap(entries).filter((file) => !file.startsWith("./dist/") && !file.startsWith("dist/"));
  const missing = named.filter((file) => !fs.existsSync(path.join(repoRoot, workspace, file)));
  expect(missing).toEqual([]);
});
