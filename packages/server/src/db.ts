// Creates the Prisma client: embedded PGlite when no DATABASE_URL is given, PostgreSQL otherwise.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type pg from "pg";
import { sharedMemory } from "./db/pglite-memory.js";
import { PrismaClient } from "./generated/prisma/client.js";

/** The channel of data-change notices (NOTIFY), sent by db/changes.ts inside the writing transaction. */
export const DATA_CHANGED_CHANNEL = "vngov_data_changed";

/** Counts the SQL statements sent to the database, so tests can prove there is no N+1. */
export interface StatementCounter {
  count: number;
}

export interface Database {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  /** Runs a multi-statement SQL script (migrations). */
  execScript(sql: string): Promise<void>;
  /** Runs one parameterised query and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  statements: StatementCounter;
  /**
   * Calls `listener` with the payload of every data-change notice committed to this database, by
   * this process or another one (see db/changes.ts); returns the function that unsubscribes it.
   */
  onDataChanged(listener: (what: string) => void): () => void;
  /** The PostgreSQL connection pool's occupancy (for /metrics); absent on PGlite, which has one connection. */
  poolStats?(): { total: number; idle: number; waiting: number; max: number };
  /** Resolves once notices are being listened for (at once on PGlite). */
  listening(): Promise<void>;
  /**
   * Runs `work` while holding this database's set-up lock: a PostgreSQL advisory lock, so that
   * instances starting together migrate and seed one after the other (each then finds the work
   * done). On PGlite the folder's lock (db/embedded-lock.ts) already makes its process the only one.
   */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { url: string }
  | { dataDir: string }
  /** An already open PGlite instance (tests create one in memory). */
  | { pglite: PGlite };

type AdapterFactory = ConstructorParameters<typeof PrismaClient>[0] extends infer O
  ? O extends { adapter?: infer A }
    ? NonNullable<A>
    : never
  : never;

// Prisma's query log is not emitted by the client engine with driver adapters, so statements are
// counted where they leave Prisma: every queryRaw/executeRaw of the adapter and its transactions.
function countingAdapter(factory: AdapterFactory, counter: StatementCounter): AdapterFactory {
  const countQueries = <T extends object>(queryable: T): T =>
    new Proxy(queryable, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== "function") return value;
        if (property === "queryRaw" || property === "executeRaw") {
          return (...args: unknown[]) => {
            counter.count += 1;
            return value.apply(target, args);
          };
        }
        if (property === "startTransaction") {
          return async (...args: unknown[]) => countQueries(await value.apply(target, args));
        }
        return value.bind(target);
      },
    });
  return new Proxy(factory, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === "connect" && typeof value === "function") {
        return async () => countQueries(await value.apply(target, []));
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** The key of the set-up advisory lock (pg_advisory_lock takes a bigint): "vngov" in ASCII. */
export const SETUP_LOCK_KEY = 0x76_6e_67_6f_76;

/** Runs a script on one session; a failed script inside BEGIN leaves it aborted, so roll back. */
async function runScript(exec: (sql: string) => Promise<unknown>, sql: string): Promise<void> {
  try {
    await exec(sql);
  } catch (error) {
    await exec("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

/**
 * LISTENs for data-change notices on a connection of its own, opened with the first subscriber.
 * A lost connection is opened again after a second; since notices sent meanwhile are lost, every
 * subscriber then hears "reconnected" and should treat everything as changed.
 */
function listenForChanges(url: string, Client: typeof pg.Client) {
  const listeners = new Set<(what: string) => void>();
  let client: pg.Client | null = null;
  let closed = false;
  let active: Promise<void> = Promise.resolve();
  let retry: NodeJS.Timeout | undefined;
  const emit = (what: string) => listeners.forEach((listener) => listener(what));
  const connect = (reconnecting: boolean) => {
    if (closed || client) return;
    const next = new Client({ connectionString: url });
    client = next;
    const lost = () => {
      if (client !== next) return;
      client = null;
      next.end().catch(() => undefined);
      if (!closed) retry = setTimeout(() => connect(true), 1_000);
    };
    next.on("error", lost);
    next.on("end", lost);
    next.on("notification", (message) => {
      if (message.channel === DATA_CHANGED_CHANNEL) emit(message.payload ?? "");
    });
    active = next
      .connect()
      .then(() => next.query(`LISTEN ${DATA_CHANGED_CHANNEL}`))
      .then(() => {
        if (reconnecting) emit("reconnected");
      }, lost);
  };
  return {
    subscribe(listener: (what: string) => void) {
      listeners.add(listener);
      connect(false);
      return () => listeners.delete(listener);
    },
    listening: () => active,
    async close() {
      closed = true;
      clearTimeout(retry);
      listeners.clear();
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const statements: StatementCounter = { count: 0 };
  if ("url" in options) {
    // Loaded only for PostgreSQL: an embedded start does not pay for them (and the other way round).
    const [{ default: pg }, { PrismaPg }] = await Promise.all([import("pg"), import("@prisma/adapter-pg")]);
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // An idle client whose connection the server closed (restart, failover, a dropped test
    // database) is removed from the pool and the next query opens a new one; without a listener
    // pg would rethrow the error and end the process.
    pool.on("error", () => undefined);
    const prisma = new PrismaClient({
      adapter: countingAdapter(new PrismaPg(pool) as AdapterFactory, statements),
    });
    const changes = listenForChanges(options.url, pg.Client);
    return {
      prisma,
      kind: "postgres",
      statements,
      onDataChanged: changes.subscribe,
      listening: changes.listening,
      async exclusively(work) {
        // A session lock on a connection of its own, held while `work` uses the pool's others; it
        // is released with the session if this process dies.
        const client = await pool.connect();
        try {
          await client.query("SELECT pg_advisory_lock($1)", [SETUP_LOCK_KEY]);
          return await work();
        } finally {
          await client.query("SELECT pg_advisory_unlock($1)", [SETUP_LOCK_KEY]).catch(() => undefined);
          client.release();
        }
      },
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 }),
      async execScript(sql) {
        const client = await pool.connect();
        try {
          await runScript((text) => client.query(text), sql);
        } finally {
          client.release();
        }
      },
      async query(sql, params = []) {
        return (await pool.query(sql, params)).rows;
      },
      async close() {
        await changes.close();
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  let pglite: PGlite;
  let ownsPglite = true;
  if ("pglite" in options) {
    pglite = options.pglite;
    ownsPglite = false;
  } else {
    fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
    // 16 MB of shared buffers instead of PGlite's 128 MB, all of which would stay resident (db/pglite-memory.ts).
    pglite = new PGlite(options.dataDir, { extensions: { sharedMemory: sharedMemory() } });
  }
  const prisma = new PrismaClient({
    adapter: countingAdapter(new PrismaPGlite(pglite) as AdapterFactory, statements),
  });
  // Prisma loads its query compiler (WebAssembly, compiled off the main thread) while PGlite boots
  // PostgreSQL: about 0.15 s off every start on the embedded database.
  await Promise.all([pglite.waitReady, prisma.$connect()]);
  // One PGlite instance is one process's: its own notices are all there is to hear.
  const listeners = new Set<(what: string) => void>();
  const unlisten = await pglite.listen(DATA_CHANGED_CHANNEL, (payload) => listeners.forEach((listener) => listener(payload)));
  return {
    prisma,
    kind: "pglite",
    statements,
    onDataChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    listening: () => Promise.resolve(),
    exclusively: (work) => work(),
    async execScript(sql) {
      await runScript((text) => pglite.exec(text), sql);
    },
    async query(sql, params = []) {
      return (await pglite.query(sql, params)).rows as never[];
    },
    async close() {
      listeners.clear();
      await unlisten();
      await prisma.$disconnect();
      if (ownsPglite) await pglite.close();
    },
  };
}
