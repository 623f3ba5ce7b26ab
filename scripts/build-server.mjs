// Bundles the server for `npm start`: packages/server/src/main.ts → packages/server/dist/main.mjs,
// its npm dependencies left as imports. Plain Node then runs it, without tsx's loader thread and
// on-the-fly transpiling (about 50 MB of RSS and a slower start). Takes well under a second.
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
await build({
  entryPoints: { main: path.join(root, "packages/server/src/main.ts") },
  outdir: path.join(root, "packages/server/dist"),
  outExtension: { ".js": ".mjs" },
  bundle: true,
  packages: "external",
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
});
