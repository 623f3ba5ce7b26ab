// Prisma CLI configuration: the JavaScript schema engine with a driver adapter, so that no engine
// binary is ever downloaded (this project runs offline). The CLI is only needed to author new
// migrations (`npm run db:diff`); the server applies the committed SQL itself (see
// packages/server/src/db/migrate.ts). With PGLITE_DIR set the CLI works on an embedded PGlite
// database there, otherwise on the PostgreSQL server at DATABASE_URL.
import path from "node:path";
import { defineConfig } from "prisma/config";

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const pgliteDir = process.env.PGLITE_DIR;
    if (pgliteDir) {
      const { PGlite } = await import("@electric-sql/pglite");
      const { PrismaPGlite } = await import("pglite-prisma-adapter");
      return new PrismaPGlite(new PGlite(pgliteDir));
    }
    const { PrismaPg } = await import("@prisma/adapter-pg");
    return new PrismaPg({ connectionString: process.env.DATABASE_URL });
  },
});
