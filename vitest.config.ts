import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (main) and ESM (module) builds. Node loads the dependencies
    // (yoga, Pothos) with the CommonJS one, while Vite would give our sources the ESM one: two
    // realms whose types do not recognise each other. Pin our sources to Node's choice.
    alias: [
      { find: /^graphql$/, replacement: require.resolve("graphql") },
      // The workspace's packages from their TypeScript sources (their "vngov:source" export), as tsc and the bundles read them.
      { find: /^@vngov\/(sdk|mcp)$/, replacement: fileURLToPath(new URL("./packages/$1/src/index.ts", import.meta.url)) },
    ],
  },
  test: {
    include: ["packages/*/test/**/*.test.ts", "packages/*/src/**/*.test.ts", "prisma/**/*.test.ts"],
    // Builds the migrated and seeded databases once (PGlite data folders, or PostgreSQL template
    // databases); each file copies the one it needs (packages/server/test/helpers.ts).
    globalSetup: ["packages/server/test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    maxWorkers: 2,
    // Each worker process runs many files and keeps the modules it loaded (the server, Prisma's
    // client, the geography and address data) instead of loading them again for every file. Every
    // file still makes its own database and server; the server's module-level caches hold only
    // committed data or are keyed by Prisma client.
    isolate: false,
  },
});
