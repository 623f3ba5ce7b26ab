// Test fixtures: a real database (PGlite in memory, or PostgreSQL when TEST_DATABASE_URL is set)
// migrated and seeded with the committed registry, and the real handler called through yoga.fetch.
import { randomUUID } from "node:crypto";
import { registrySnapshot } from "../src/registry/snapshot.js";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { openDatabase, type Database } from "../src/db.js";
import { migrate } from "../src/db/migrate.js";
import { seed } from "../src/db/seed.js";
import { createServer } from "../src/http/server.js";

export interface TestDatabase {
  db: Database;
  /** Another client of the same database, as another process would have (close it yourself). */
  openAnother(): Promise<Database>;
  drop(): Promise<void>;
}

/** A fresh, migrated (not seeded) database. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const pglite = new PGlite();
    const db = await openDatabase({ pglite });
    await migrate(db);
    return {
      db,
      openAnother: () => openDatabase({ pglite }),
      async drop() {
        await db.close();
        await pglite.close();
      },
    };
  }
  const name = `vngov_test_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString() });
  await migrate(db);
  return {
    db,
    openAnother: () => openDatabase({ url: url.toString() }),
    async drop() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
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

/** A seeded database behind the real yoga handler; `today` is fixed so defaults are testable. */
export async function createTestServer({ today = "2026-11-23", responseCache = false } = {}): Promise<TestServer> {
  const database = await createTestDatabase();
  await seed(database.db);
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
