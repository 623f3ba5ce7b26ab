// Bundles the server for `npm start`: packages/server/src/main.ts → packages/server/dist/main.mjs,
// its npm dependencies left as imports. Plain Node then runs it, without tsx's loader thread and
// on-the-fly transpiling (about 50 MB of RSS and a slower start). Takes well under a second.
// The benchmark bundles its server entry with the same `bundle` (bench/contenders.ts).
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Bundles one entry point and the project's sources it imports into one ES module. */
export async function bundle({ entry, outfile }) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: true,
    logLevel: "warning",
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundle({ entry: path.join(root, "packages/server/src/main.ts"), outfile: path.join(root, "packages/server/dist/main.mjs") });
}
