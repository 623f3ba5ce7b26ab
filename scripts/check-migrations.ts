// `npm run db:check-migrations`: proves the committed migrations build exactly the schema in
// prisma/schema.prisma. Prisma generates one migration from scratch for the current schema on a
// throw-away PGlite (creating a first migration works offline; diffing needs an engine binary),
// then both are applied to empty databases and their catalogs compared.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { readMigrations } from "../packages/server/src/db/migrate.js";

const root = path.resolve(import.meta.dirname, "..");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "vngov-migcheck-"));
const schema = fs
  .readFileSync(path.join(root, "prisma/schema.prisma"), "utf8")
  .replace(/output\s*=\s*"[^"]*"/g, () => `output = "${path.join(work, "generated")}"`);
fs.writeFileSync(path.join(work, "schema.prisma"), schema);
const config = path.join(root, `prisma.check-${process.pid}.config.ts`);
fs.writeFileSync(
  config,
  `import { defineConfig } from "prisma/config";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: ${JSON.stringify(path.join(work, "schema.prisma"))},
  migrations: { path: ${JSON.stringify(path.join(work, "migrations"))} },
  async adapter() { return new PrismaPGlite(new PGlite(${JSON.stringify(path.join(work, "db"))})); },
});
`,
);
try {
  execFileSync("npx", ["prisma", "migrate", "dev", "--config", config, "--name", "expected", "--skip-generate"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: "postgresql://embedded" },
    stdio: "pipe",
  });
} finally {
  fs.rmSync(config, { force: true });
}

async function catalog(scripts: string[]): Promise<string[]> {
  const db = new PGlite();
  for (const sql of scripts) await db.exec(sql);
  const rows = async (sql: string) => (await db.query(sql)).rows.map((row) => JSON.stringify(row));
  const result = [
    ...(await rows(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
                    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'vngov_migrations'`)),
    ...(await rows(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`)),
    ...(await rows(`SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace`)),
    ...(await rows(`SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid`)),
  ];
  await db.close();
  return result.sort();
}

const generatedDir = fs.readdirSync(path.join(work, "migrations")).find((name) => name.endsWith("_expected"));
if (!generatedDir) throw new Error("Prisma generated no migration");
const expected = await catalog([fs.readFileSync(path.join(work, "migrations", generatedDir, "migration.sql"), "utf8")]);
const actual = await catalog(readMigrations().map((migration) => migration.sql));
fs.rmSync(work, { recursive: true, force: true });
const missing = expected.filter((row) => !actual.includes(row));
const extra = actual.filter((row) => !expected.includes(row));
if (missing.length || extra.length) {
  console.error("The committed migrations do not build prisma/schema.prisma.");
  for (const row of missing) console.error(`  missing: ${row}`);
  for (const row of extra) console.error(`  extra:   ${row}`);
  console.error("Add a migration for the difference (see README, Database).");
  process.exit(1);
}
console.log(`migrations match prisma/schema.prisma (${actual.length} catalog entries compared)`);
