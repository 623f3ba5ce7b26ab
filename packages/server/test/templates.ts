// The test databases' starting points, built once per test run (global-setup.ts) and copied by
// every test file (helpers.ts): migrating and seeding cost most of a file's time when each file
// did it again.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { MemoryFS, type PGlite } from "@electric-sql/pglite";
import { PGDATA } from "@electric-sql/pglite/basefs";
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

/** Where the copies come from: PGlite data folders on disk, or PostgreSQL template databases. */
export type Templates = { kind: "pglite"; folders: Record<TestData, string> } | { kind: "postgres"; databases: Record<TestData, string> };

type EmscriptenFS = PGlite["Module"]["FS"];

/**
 * Writes the data folder of a running in-memory PGlite to `dir`, checkpointed first so that a copy
 * starts without replaying WAL. Only the WAL segments from the checkpoint's on are kept: the others
 * (some 60 MB, recycled ahead by initdb and the seeds) are never read again but would be unpacked
 * into every copy.
 */
export async function writeDataFolder(pglite: PGlite, dir: string): Promise<void> {
  await pglite.exec("CHECKPOINT");
  const [wal] = (
    await pglite.query<{ redo: string; current: string }>(
      `SELECT (SELECT redo_wal_file FROM pg_control_checkpoint()) AS redo, pg_walfile_name(pg_current_wal_insert_lsn()) AS current`,
    )
  ).rows;
  const needed = (file: string) => !/^[0-9A-F]{24}$/.test(file) || (file >= wal!.redo && file <= wal!.current);
  const { FS } = pglite.Module;
  const copy = (relative: string) => {
    fs.mkdirSync(path.join(dir, relative), { recursive: true });
    for (const name of FS.readdir(`${PGDATA}${relative}`) as string[]) {
      if (name === "." || name === "..") continue;
      const from = `${PGDATA}${relative}/${name}`;
      if (FS.isDir(FS.stat(from).mode)) copy(`${relative}/${name}`);
      else if (relative !== "/pg_wal" || needed(name)) fs.writeFileSync(path.join(dir, relative, name), FS.readFile(from));
    }
  };
  copy("");
}

/**
 * PGlite's in-memory filesystem, starting as a copy of a folder written by writeDataFolder: the files
 * are written into memory before PostgreSQL starts, which then finds its database made. Cheaper
 * than PGlite's loadDataDir, which reads a tar into memory and copies every file twice more.
 */
export class FolderCopyFS extends MemoryFS {
  constructor(private readonly folder: string) {
    super();
  }

  override async init(pg: PGlite, options: Parameters<MemoryFS["init"]>[1]) {
    const { emscriptenOpts } = await super.init(pg, options);
    const copy = (FS: EmscriptenFS, relative: string) => {
      FS.mkdirTree(`${PGDATA}${relative}`);
      for (const entry of fs.readdirSync(path.join(this.folder, relative), { withFileTypes: true })) {
        if (entry.isDirectory()) copy(FS, `${relative}/${entry.name}`);
        else FS.writeFile(`${PGDATA}${relative}/${entry.name}`, fs.readFileSync(path.join(this.folder, relative, entry.name)));
      }
    };
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), (module: { FS: EmscriptenFS }) => copy(module.FS, "")] } };
  }
}

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
