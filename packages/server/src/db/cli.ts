// `npm run db:migrate` / `npm run db:seed`: the same migration and seed the server runs at start.
import path from "node:path";
import { loadConfig } from "../config.js";
import { openDatabase } from "../db.js";
import { migrate } from "./migrate.js";
import { seed } from "./seed.js";

const command = process.argv[2];
if (command !== "migrate" && command !== "seed") {
  console.error("usage: cli.ts migrate|seed");
  process.exit(2);
}
const config = loadConfig();
const db = await openDatabase(
  config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: path.join(config.DATA_DIR, "pglite") },
);
try {
  if (command === "migrate") {
    const applied = await migrate(db);
    console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
  } else {
    await migrate(db);
    const result = await seed(db);
    console.log(
      result.seeded
        ? `seeded ${result.counts.provinces} provinces, ${result.counts.communes} communes, ${result.counts.events} events`
        : "the database already holds this dataset; nothing changed",
    );
  }
} finally {
  await db.close();
}
