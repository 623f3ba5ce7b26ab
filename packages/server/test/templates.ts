// The test databases' starting points, built once per test run (global-setup.ts) and copied by
// every test file (helpers.ts): migrating and seeding cost most of a file's time when each file
// did it again.
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Database } from "../src/db.js";
import { migrate } from "../src/db/migrate.js";
import { seed } from "../src/db/seed.js";
import { seedFigures } from "../src/db/seed-figures.js";
import { seedLineage } from "../src/db/seed-lineage.js";

/**
 * What a test database holds besides the migrated schema: nothing, the registry (what `db:seed`
 * loads), or everything production holds (registry, lineage, agencies, sources and figures).
 */
export type TestData = "none" | "registry" | "all";

export const TEST_DATA: readonly TestData[] = ["none", "registry", "all"];

/** Brings a migrated database from `from` to `to` (each stage is idempotent and transactional). */
export async function fill(db: Database, to: TestData, from: TestData | "empty" = "empty"): Promise<void> {
  if (from === "empty") await migrate(db);
  if (to === "none") return;
  if (from === "empty" || from === "none") await seed(db);
  if (to === "registry") return;
  await seedLineage(db);
  await seedFigures(db);
}

/** Where the copies come from: PGlite data folders as tar files, or PostgreSQL template databases. */
export type Templates = { kind: "pglite"; files: Record<TestData, string> } | { kind: "postgres"; databases: Record<TestData, string> };

/** The URL of `name` on the server of `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `statements` on the server's maintenance connection (CREATE/DROP DATABASE cannot run in a transaction). */
export async function onServer(serverUrl: string, ...statements: string[]): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    for (const statement of statements) await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** A database name no other run uses. */
export const uniqueDatabaseName = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
