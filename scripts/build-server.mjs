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

/** The child process that makes a new embedded database (db/open.ts runs it from beside its own bundle). */
const INITIALISER = { source: "packages/server/src/db/initialise-embedded.ts", bundled: "initialise-embedded.mjs" };

/** Builds one entry point and the project's sources it imports into one ES module; returns its inputs. */
async function build(entry, outfile) {
  // Imported here: a fresh bundle (`--if-stale`) never loads esbuild.
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
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
  return Object.keys(result.metafile.inputs);
}

/**
 * Bundles one entry point and the project's sources it imports into one ES module; a bundle that
 * opens the database (db/open.ts) gets the child process that makes a new embedded one beside it.
 */
export async function bundle({ entry, outfile }) {
  const inputs = await build(entry, outfile);
  const companions = [];
  if (inputs.includes("packages/server/src/db/open.ts")) {
    const companion = path.join(path.dirname(outfile), INITIALISER.bundled);
    inputs.push(...(await build(path.join(root, INITIALISER.source), companion)));
    companions.push(companion);
  }
  const temporary = `${metafileOf(outfile)}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify({ inputs: [...new Set(inputs)], companions }));
  fs.renameSync(temporary, metafileOf(outfile));
}

/** True when `outfile` exists and no input of its last build (nor this script) changed since. */
export function isFresh(outfile) {
  let built;
  let inputs;
  try {
    built = fs.statSync(outfile).mtimeMs;
    const meta = JSON.parse(fs.readFileSync(metafileOf(outfile), "utf8"));
    inputs = meta.inputs;
    // A bundle from before companions were written has none listed: rebuilt when it needs one.
    if (inputs.includes("packages/server/src/db/open.ts") && !(meta.companions ?? []).length) return false;
    for (const companion of meta.companions ?? []) built = Math.min(built, fs.statSync(companion).mtimeMs);
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
