// Bundles dist/cli.mjs (the bin's) and dist/index.mjs (the package's import) for packing: the
// workspace's @vngov/sdk is bundled in from its sources, npm packages (the MCP SDK, zod) stay imports.
import { fileURLToPath } from "node:url";
import { bundle } from "../../scripts/build-server.mjs";

const here = (relative) => fileURLToPath(new URL(relative, import.meta.url));
await bundle({ entry: here("src/cli.ts"), outfile: here("dist/cli.mjs") });
await bundle({ entry: here("src/index.ts"), outfile: here("dist/index.mjs") });
