#!/usr/bin/env node
// vngov-mcp: runs the bundled CLI (dist/cli.mjs). In a checkout of the vngov repository the bundle
// is made from the TypeScript sources first whenever they changed (under a second, as `npm start`
// does for the server), so `npx vngov-mcp` works right after `npm install` on plain Node 20.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = (relative) => fileURLToPath(new URL(relative, import.meta.url));
const outfile = here("../dist/cli.mjs");
const builder = here("../../../scripts/build-server.mjs");
if (existsSync(here("../src/cli.ts")) && existsSync(builder)) {
  const { bundle, isFresh } = await import(new URL("../../../scripts/build-server.mjs", import.meta.url).href);
  if (!isFresh(outfile)) await bundle({ entry: here("../src/cli.ts"), outfile });
}
await import(new URL("../dist/cli.mjs", import.meta.url).href);
