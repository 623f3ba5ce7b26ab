// One way to open the database for every entry point (the server, `db:migrate`/`db:seed`, the
// import and key commands): lock the embedded folder, open, prepare.
//
// A new embedded database is made in a temporary folder and renamed into place only once initdb,
// the migrations and the seeds are done: a process killed while making it (kill -9, the OOM killer,
// an orchestrator's grace period) leaves a temporary folder that the next start deletes, never a
// half-made database (initdb killed half-way left folders that crash-looped every later start).
// An existing folder that PGlite cannot open is reported with what to do, instead of a WebAssembly
// `Aborted()`. It is made by a child process (db/initialise-embedded.ts), so that the memory making
// it takes leaves with that process instead of staying in the server for its lifetime.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { embeddedDatabaseDir, type Config } from "../config.js";
import { openDatabase, type Database } from "../db.js";
import { EmbeddedDatabaseBusy, lockEmbeddedDatabase } from "./embedded-lock.js";
import { migrate } from "./migrate.js";
import { prepareDatabase } from "./setup.js";

export { EmbeddedDatabaseBusy } from "./embedded-lock.js";

export class DamagedDatabase extends Error {
  override name = "DamagedDatabase";
}

/**
 * A database that cannot be opened for a reason an operator must act on (another process holds the
 * embedded folder, or the folder is damaged): every entry point says it plainly, without a stack,
 * and exits 1.
 */
export function needsOperator(error: unknown): error is EmbeddedDatabaseBusy | DamagedDatabase {
  return error instanceof EmbeddedDatabaseBusy || error instanceof DamagedDatabase;
}

export type Prepared = Awaited<ReturnType<typeof prepareDatabase>>;

export interface OpenedDatabase {
  db: Database;
  /** What `prepare: "seed"` did (migrations applied, datasets seeded); undefined for "migrate". */
  prepared?: Prepared;
  /** A new embedded database was made by this start. */
  created: boolean;
  /** Closes the database and releases the embedded folder's lock. */
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Who is opening it, for the message when another process holds the folder: "the key command". */
  holder: string;
  /** "seed": migrate and seed every dataset, as the server does; "migrate": migrations only. */
  prepare: "seed" | "migrate";
  /** Told when a folder that never finished its first start is moved aside. */
  warn?: (message: string) => void;
}

const TEMPORARY_SUFFIX = ".initialising-";
/** Added to a leftover temporary folder's name while it is removed. */
const REMOVING_SUFFIX = ".removing-";

/** Migrations then seeds (or migrations only), under the set-up lock so concurrent starts take turns. */
async function prepare(db: Database, what: OpenOptions["prepare"]): Promise<Prepared | undefined> {
  return db.exclusively(async () => (what === "seed" ? prepareDatabase(db) : (await migrate(db), undefined)));
}

/** What a complete initdb leaves (a crash inside it left catalogs without them). */
async function isComplete(db: Database): Promise<{ complete: boolean; ours: boolean }> {
  const [row] = await db.query<{ schema: boolean; plpgsql: boolean; json: boolean; ours: boolean }>(`
    SELECT
      EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'information_schema') AS schema,
      EXISTS (SELECT 1 FROM pg_language WHERE lanname = 'plpgsql') AS plpgsql,
      EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'json_populate_recordset') AS json,
      to_regclass('public.vngov_migrations') IS NOT NULL AS ours`);
  return { complete: Boolean(row?.schema && row.plpgsql && row.json), ours: Boolean(row?.ours) };
}

function damaged(dir: string, cause: unknown): DamagedDatabase {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new DamagedDatabase(
    `The embedded database at ${dir} is damaged and cannot be opened (${reason.slice(0, 300)}). ` +
      `It was most likely left by a process killed during its first start under an older vngov. ` +
      `Move it aside (mv ${dir} ${dir}.damaged) and start again: a new database is made and seeded from the committed data; ` +
      `API keys and steward writes kept in the old folder are not carried over.`,
    { cause },
  );
}

async function openFolder(dir: string): Promise<Database> {
  try {
    return await openDatabase({ dataDir: dir });
  } catch (error) {
    throw damaged(dir, error);
  }
}

/**
 * How to run db/initialise-embedded: beside this module, as TypeScript through tsx when this runs
 * from the sources (tsx, vitest), as the bundle scripts/build-server.mjs writes beside the server's.
 */
function initialiserCommand(): string[] {
  const here = import.meta.url;
  if (here.endsWith(".ts")) {
    const tsx = pathToFileURL(path.join(path.dirname(createRequire(here).resolve("tsx/package.json")), "dist", "loader.mjs")).href;
    return ["--import", tsx, "--conditions=vngov:source", fileURLToPath(new URL("./initialise-embedded.ts", here))];
  }
  return [fileURLToPath(new URL("./initialise-embedded.mjs", here))];
}

/** Makes a complete database in a temporary folder, in a child process, and renames it to `dir`. */
async function initialise(dir: string): Promise<void> {
  const temporary = `${dir}${TEMPORARY_SUFFIX}${process.pid}`;
  fs.rmSync(temporary, { recursive: true, force: true });
  // Stdin stays open to the child: it exits if this process dies first (initialise-embedded.ts).
  const child = spawn(process.execPath, [...initialiserCommand(), temporary], { stdio: ["pipe", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (text: string) => (stderr = (stderr + text).slice(-4_000)));
  const exit = await new Promise<number | NodeJS.Signals>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve(code ?? signal ?? 1));
  });
  if (exit !== 0) throw new Error(`making the new database in ${temporary} failed (exit ${exit}): ${stderr.trim() || "no message"}`);
  fs.renameSync(temporary, dir);
}

/**
 * Removes a temporary folder left by a start that was killed. This process holds the lock, but the
 * killed start's child (initialise-embedded.ts) notices its parent's death only when its work next
 * yields, and may still be writing into the folder for a moment: removing it in place then fails
 * with ENOTEMPTY (a file made after its folder was emptied). The folder is first renamed, so that the
 * child's next file operation fails and it exits, then removed with retries; one that still cannot
 * be removed is left, under a name the next start removes, and does not stop this one.
 */
function removeLeftover(folder: string, warn?: (message: string) => void): void {
  let doomed = folder;
  if (!folder.includes(REMOVING_SUFFIX)) {
    doomed = `${folder}${REMOVING_SUFFIX}${process.pid}`;
    fs.renameSync(folder, doomed);
  }
  try {
    fs.rmSync(doomed, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  } catch (error) {
    warn?.(`Could not yet remove ${doomed}, left by a start that was killed (${error instanceof Error ? error.message : String(error)}); the next start tries again.`);
  }
}

async function openEmbedded(dir: string, options: OpenOptions): Promise<{ db: Database; created: boolean }> {
  // Left by starts killed while initialising.
  for (const name of fs.readdirSync(path.dirname(dir))) {
    if (name.startsWith(`${path.basename(dir)}${TEMPORARY_SUFFIX}`)) removeLeftover(path.join(path.dirname(dir), name), options.warn);
  }
  let created = false;
  const entries = fs.existsSync(dir) ? fs.readdirSync(dir) : null;
  if (entries === null || entries.length === 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    await initialise(dir);
    created = true;
  }
  let db = await openFolder(dir);
  let state: Awaited<ReturnType<typeof isComplete>>;
  try {
    state = await isComplete(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw damaged(dir, error);
  }
  if (!state.complete) {
    await db.close().catch(() => undefined);
    // Nothing of ours was ever written into it (no migration ran): nothing is lost by starting over.
    if (!state.ours) {
      const aside = `${dir}.damaged-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      fs.renameSync(dir, aside);
      options.warn?.(`The embedded database at ${dir} never finished its first start (its initdb was cut short); moved aside to ${aside} and made anew.`);
      await initialise(dir);
      created = true;
      db = await openFolder(dir);
    } else {
      throw damaged(dir, new Error("its system catalogs are incomplete"));
    }
  }
  return { db, created };
}

/** Locks (embedded), opens and prepares the configured database. */
export async function openConfiguredDatabase(config: Pick<Config, "DATABASE_URL" | "DATA_DIR">, options: OpenOptions): Promise<OpenedDatabase> {
  if (config.DATABASE_URL) {
    const db = await openDatabase({ url: config.DATABASE_URL });
    try {
      const prepared = await prepare(db, options.prepare);
      return { db, prepared, created: false, close: () => db.close() };
    } catch (error) {
      await db.close().catch(() => undefined);
      throw error;
    }
  }
  const dir = embeddedDatabaseDir(config as Config);
  const release = await lockEmbeddedDatabase(dir, options.holder);
  try {
    const { db, created } = await openEmbedded(dir, options);
    const prepared = await prepare(db, options.prepare);
    return {
      db,
      prepared,
      created,
      async close() {
        try {
          await db.close();
        } finally {
          await release();
        }
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}
