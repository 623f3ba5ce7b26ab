// Brings a database to a servable state: migrated and seeded.
import type { Database } from "../db.js";
import { migrate } from "./migrate.js";
import { seed, type SeedResult } from "./seed.js";
import { seedFigures, type FiguresSeedResult } from "./seed-figures.js";
import { seedLineage } from "./seed-lineage.js";

export async function prepareDatabase(
  db: Database,
): Promise<{
  migrations: string[];
  seed: SeedResult;
  lineage: Awaited<ReturnType<typeof seedLineage>>;
  figures: FiguresSeedResult;
}> {
  const migrations = await migrate(db);
  const registry = await seed(db);
  const lineage = await seedLineage(db);
  return { migrations, seed: registry, lineage, figures: await seedFigures(db) };
}

/** True when the registry is loaded (what /ready checks). */
export async function isSeeded(db: Database): Promise<boolean> {
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "SeedState" WHERE dataset = 'registry'`,
  );
  return (rows[0]?.n ?? 0) > 0;
}
