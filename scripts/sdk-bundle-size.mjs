// Measures what the SDK adds to a browser bundle: one method (province) and every method, bundled
// and minified by esbuild from the SDK's sources, raw and gzipped. `node scripts/sdk-bundle-size.mjs`.
import { gzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const entries = {
  "one method (province)": `import { createClient } from "./packages/sdk/src/index.ts";
createClient({ url: "/graphql" }).province({ code: "15" }).then(console.log);`,
  "every method": `import * as sdk from "./packages/sdk/src/index.ts";
const client = sdk.createClient({ url: "/graphql" });
globalThis.sdk = { client, sdk };`,
};
for (const [name, contents] of Object.entries(entries)) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    treeShaking: true,
  });
  const bytes = result.outputFiles[0].contents;
  console.log(`${name}: ${(bytes.byteLength / 1024).toFixed(1)} kB minified, ${(gzipSync(bytes).byteLength / 1024).toFixed(1)} kB gzipped`);
}
