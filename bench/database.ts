// The benchmark's throw-away PostgreSQL database: created, migrated and seeded with the project's
// own migrate + seed, and dropped at the end (also on failure).
import { randomUUID } from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import pg from "pg";
import { openDatabase } from "../packages/server/src/db.js";
import { migrate } from "../packages/server/src/db/migrate.js";
import { seed } from "../packages/server/src/db/seed.js";
import { seedFigures } from "../packages/server/src/db/seed-figures.js";
import { seedLineage } from "../packages/server/src/db/seed-lineage.js";

export const SERVER_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export interface BenchDatabase {
  name: string;
  url: string;
  /** Wall time of the full seed (registry, lineage, figures) into the empty, migrated database. */
  seedMs: number;
  drop(): Promise<void>;
}

/** Starts the local cluster when it is down (the machine's PostgreSQL, not a container). */
export async function ensurePostgres(): Promise<void> {
  if (await canConnect()) return;
  const versions = fs.readdirSync("/etc/postgresql");
  for (const version of versions) {
    execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "start"], { stdio: "inherit" });
  }
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (await canConnect()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`PostgreSQL does not answer at ${SERVER_URL}`);
}

async function canConnect(): Promise<boolean> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `vngov_bench_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const drop = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  try {
    const db = await openDatabase({ url: url.toString() });
    try {
      await migrate(db);
      const started = performance.now();
      // The full seed: the registry, the lineage and the figures, as a first start does.
      const result = await seed(db);
      const lineage = await seedLineage(db);
      const figures = await seedFigures(db);
      const seedMs = performance.now() - started;
      if (!result.seeded || !lineage.seeded || !figures.seeded) throw new Error("the fresh benchmark database was not seeded");
      // Fresh statistics, so every contender is planned on the same footing.
      await db.query("ANALYZE");
      return { name, url: url.toString(), seedMs, drop };
    } finally {
      await db.close();
    }
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
}

/** Seeds an in-memory PGlite (the embedded database of `npm start`) and returns the seed's wall time. */
export async function timeEmbeddedSeed(): Promise<number> {
  const { PGlite } = await import("@electric-sql/pglite");
  const pglite = new PGlite();
  const db = await openDatabase({ pglite });
  try {
    await migrate(db);
    const started = performance.now();
    await seed(db);
    await seedLineage(db);
    await seedFigures(db);
    return performance.now() - started;
  } finally {
    await db.close();
    await pglite.close();
  }
}
