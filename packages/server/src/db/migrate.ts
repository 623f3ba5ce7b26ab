// Applies the committed Prisma migrations' SQL, tracked in a table, on PGlite and PostgreSQL alike.
//
// Written by hand because `prisma migrate deploy` fails on a PostgreSQL server through the pg
// driver adapter (prisma/orm#27403) and needs the CLI at run time; the SQL files Prisma generates
// are plain scripts, so applying them in order inside a transaction is all deploy does here.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "../paths.js";
import type { Database } from "../db.js";

export const migrationsDir = path.join(repoRoot, "prisma", "migrations");

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = migrationsDir): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Applies the migrations not applied yet; returns their names. */
export async function migrate(db: Database, migrations = readMigrations()): Promise<string[]> {
  await db.execScript(`
    CREATE TABLE IF NOT EXISTS vngov_migrations (
      name text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  const applied = new Map(
    (await db.query<{ name: string; checksum: string }>("SELECT name, checksum FROM vngov_migrations")).map(
      (row) => [row.name, row.checksum],
    ),
  );
  const done: string[] = [];
  for (const migration of migrations) {
    const checksum = applied.get(migration.name);
    if (checksum !== undefined) {
      if (checksum !== migration.checksum) {
        throw new Error(
          `Migration ${migration.name} was changed after it was applied; add a new migration instead.`,
        );
      }
      continue;
    }
    // One transaction per migration: a failing migration leaves the database as it was.
    const name = migration.name.replace(/'/g, "''");
    await db.execScript(
      `BEGIN;\n${migration.sql}\nINSERT INTO vngov_migrations (name, checksum) VALUES ('${name}', '${migration.checksum}');\nCOMMIT;`,
    );
    done.push(migration.name);
  }
  return done;
}
