// Bundles the server for `npm start`: packages/server/src/main.ts → packages/server/dist/main.mjs,
// its npm dependencies left as imports, the workspace's own packages (@vngov/*) bundled from their
// TypeScript sources. Plain Node then runs it, without tsx's loader thread and
// on-the-fly transpiling (about 50 MB of RSS and a slower start). Takes well under a second.
// The benchmark bundles its server entry with the same `bundle` (bench/contenders.ts), and the
// `vngov-mcp` bin its CLI (packages/mcp/bin/vngov-mcp.mjs).
//
//   node scripts/build-server.mjs             bundles
//   node scripts/build-server.mjs --if-stale  bundles only when a source file it was built from
//                                             (esbuild's metafile) or this script is newer than it
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const metafileOf = (outfile) => `${outfile}.meta.json`;

/** npm packages stay imports, resolved by Node at run time; the workspace's packages are bundled. */
const npmPackagesExternal = {
  name: "npm-packages-external",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith("@vngov/") ? undefined : { path: args.path, external: true }));
  },
};

/** Bundles one entry point and the project's sources it imports into one ES module. */
export async function bundle({ entry, outfile }) {
  // Imported here: a fresh bundle (`--if-stale`) never loads esbuild.
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    plugins: [npmPackagesExternal],
    // @vngov/* resolve to their TypeScript sources (their package.json exports), not to a dist that may not be built.
    conditions: ["vngov:source"],
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: true,
    metafile: true,
    write: false,
    absWorkingDir: root,
    logLevel: "warning",
  });
  // Written beside and renamed: a process starting meanwhile (a second vngov-mcp) reads the old or the new file, never half of one.
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  for (const file of result.outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, file.contents);
    fs.renameSync(temporary, file.path);
  }
  const temporary = `${metafileOf(outfile)}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify({ inputs: Object.keys(result.metafile.inputs) }));
  fs.renameSync(temporary, metafileOf(outfile));
}

/** True when `outfile` exists and no input of its last build (nor this script) changed since. */
export function isFresh(outfile) {
  let built;
  let inputs;
  try {
    built = fs.statSync(outfile).mtimeMs;
    inputs = JSON.parse(fs.readFileSync(metafileOf(outfile), "utf8")).inputs;
  } catch {
    return false;
  }
  const newer = (file) => {
    try {
      return fs.statSync(file).mtimeMs > built;
    } catch {
      return true; // an input that is gone: the imports changed
    }
  };
  return !newer(fileURLToPath(import.meta.url)) && !inputs.some((input) => newer(path.resolve(root, input)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outfile = path.join(root, "packages/server/dist/main.mjs");
  if (!(process.argv.includes("--if-stale") && isFresh(outfile))) {
    await bundle({ entry: path.join(root, "packages/server/src/main.ts"), outfile });
  }
}
