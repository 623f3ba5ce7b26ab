// Test fixtures: a real database (PGlite in memory, or PostgreSQL when TEST_DATABASE_URL is set)
// migrated and, if asked, seeded with the committed data, and the real handler called through yoga.fetch.
//
// Under Vitest every database is a copy of one built once per run (global-setup.ts); elsewhere
// (scripts/examples.ts) it is migrated and seeded in place.
import fs from "node:fs";
import { registrySnapshot } from "../src/registry/snapshot.js";
import { PGlite } from "@electric-sql/pglite";
import { openDatabase, type Database } from "../src/db.js";
import { createServer } from "../src/http/server.js";
import { databaseUrl, fill, FolderCopyFS, onServer, uniqueDatabaseName, type Templates, type TestData } from "./templates.js";

export type { TestData } from "./templates.js";

export interface TestDatabase {
  db: Database;
  /** Another client of the same database, as another process would have (close it yourself). */
  openAnother(): Promise<Database>;
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** What the database holds besides the schema (default "none": migrated, not seeded). */
  data?: TestData;
}

/** The run's template databases, when running under Vitest with global-setup.ts. */
async function templates(): Promise<Templates | undefined> {
  if (!process.env.VITEST) return undefined;
  const { inject } = await import("vitest");
  return inject("vngovTemplates");
}

/** A fresh, migrated database of its own, holding `data` (by default nothing: not seeded). */
export async function createTestDatabase({ data = "none" }: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const template = await templates();
  if (!serverUrl) {
    const pglite = template?.kind === "pglite" ? new PGlite({ fs: new FolderCopyFS(template.folders[data]) }) : new PGlite();
    const db = await openDatabase({ pglite });
    if (template?.kind !== "pglite") await fill(db, data);
    return {
      db,
      openAnother: () => openDatabase({ pglite }),
      async drop() {
        await db.close();
        await pglite.close();
      },
    };
  }
  const name = uniqueDatabaseName("vngov_test");
  const copied = template?.kind === "postgres";
  await onServer(serverUrl, copied ? `CREATE DATABASE ${name} TEMPLATE ${template.databases[data]}` : `CREATE DATABASE ${name}`);
  const url = databaseUrl(serverUrl, name);
  const db = await openDatabase({ url });
  if (!copied) await fill(db, data);
  return {
    db,
    openAnother: () => openDatabase({ url }),
    async drop() {
      await db.close();
      await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * Makes `dir` an embedded database folder (as `DATA_DIR/pglite`) holding a copy of the run's
 * template with `data`, so that a server started on it finds its database made and seeded instead
 * of spending its first start on it. False, leaving `dir` alone, when there is no PGlite template
 * (outside Vitest, or when the run uses PostgreSQL): the server then makes the folder itself.
 */
export async function copyTemplateToFolder(dir: string, data: TestData = "all"): Promise<boolean> {
  const template = await templates();
  if (template?.kind !== "pglite") return false;
  fs.cpSync(template.folders[data], dir, { recursive: true });
  return true;
}

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
}

export interface TestServer extends TestDatabase {
  yoga: ReturnType<typeof createServer>;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
}

export interface TestServerOptions {
  /** The server's "today" (the default `asOf`), fixed so that defaults are testable. */
  today?: string;
  responseCache?: boolean;
  /** What the database holds (default "registry": what `db:seed` loads). */
  data?: Exclude<TestData, "none">;
}

/** A seeded database behind the real yoga handler; `today` is fixed so defaults are testable. */
export async function createTestServer({ today = "2026-11-23", responseCache = false, data = "registry" }: TestServerOptions = {}): Promise<TestServer> {
  const database = await createTestDatabase({ data });
  // Loaded once per process in production too (main.ts warms it at start): statement counts in
  // the suites are those of a running server, without the snapshot's one-off load.
  await registrySnapshot(database.db.prisma);
  // Suites other than the rate-limit tests send hundreds of requests a minute: a budget that
  // never runs out there keeps them about what they test.
  // The response cache is off unless asked for: most suites count the SQL a query costs.
  const yoga = createServer({ db: database.db, today: () => today, responseCache, config: { RATE_LIMIT_ANONYMOUS: 1_000_000_000, RATE_LIMIT_KEY: 1_000_000_000 } });
  return {
    ...database,
    yoga,
    async gql(query, variables) {
      const response = await yoga.fetch("http://vngov.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
  };
}

/** mulberry32: a small seeded generator of numbers in [0, 1), for tests that must be the same on every run. */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
