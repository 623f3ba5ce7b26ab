// Vitest's global set-up: builds the migrated and the seeded test databases once per run, before
// any test file starts, and hands helpers.ts where they are (see templates.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../src/db.js";
import { databaseUrl, fill, onServer, TEST_DATA, uniqueDatabaseName, writeDataFolder, type TestData, type Templates } from "./templates.js";

declare module "vitest" {
  export interface ProvidedContext {
    vngovTemplates: Templates;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    // Each stage is a template database made from the one before: CREATE DATABASE … TEMPLATE
    // copies files, which is much faster than running the seed again.
    const databases = {} as Record<TestData, string>;
    let previous: TestData | "empty" = "empty";
    for (const data of TEST_DATA) {
      const name = uniqueDatabaseName(`vngov_template_${data}`);
      await onServer(serverUrl, previous === "empty" ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${databases[previous]}`);
      databases[data] = name;
      const db = await openDatabase({ url: databaseUrl(serverUrl, name) });
      try {
        await fill(db, data, previous);
      } finally {
        await db.close(); // a template must have no connections when it is copied
      }
      previous = data;
    }
    project.provide("vngovTemplates", { kind: "postgres", databases });
    return () => onServer(serverUrl, ...Object.values(databases).map((name) => `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
  // PGlite: one in-memory database taken through the stages, its data folder written to disk after
  // each (templates.ts), from which every test file's database is copied into memory.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "vngov-test-templates-"));
  const folders = {} as Record<TestData, string>;
  const pglite = new PGlite();
  const db = await openDatabase({ pglite });
  try {
    // Every copy is written file by file and started, about a second of CPU per test file: the
    // folder keeps only what PGlite opens. Its database is template1; initdb's two others
    // (postgres, template0) were 600 of its 1,100 files, which no copy ever opens.
    await pglite.exec("DROP DATABASE postgres");
    await pglite.exec("UPDATE pg_database SET datistemplate = false WHERE datname = 'template0'");
    await pglite.exec("DROP DATABASE template0");
    let previous: TestData | "empty" = "empty";
    for (const data of TEST_DATA) {
      await fill(db, data, previous);
      folders[data] = path.join(root, data);
      await writeDataFolder(pglite, folders[data]);
      previous = data;
    }
  } finally {
    await db.close();
    await pglite.close();
  }
  project.provide("vngovTemplates", { kind: "pglite", folders });
  return async () => fs.rmSync(root, { recursive: true, force: true });
}
