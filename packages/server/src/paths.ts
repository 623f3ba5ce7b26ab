// Where the repository's files are: found from this module's location, whether it runs from
// packages/server/src (tsx, tests) or bundled into packages/server/dist (npm start).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "prisma", "schema.prisma"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no prisma/schema.prisma above ${start}: run vngov from its repository`);
  }
}

/** The repository root (the folder holding prisma/). */
export const repoRoot = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));
