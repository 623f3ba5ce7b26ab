// Seeding: complete, idempotent, and all-or-nothing.
import { afterEach, expect, it } from "vitest";
import { readRegistryData } from "../src/data/files.js";
import { seed } from "../src/db/seed.js";
import { createTestDatabase, type TestDatabase } from "./helpers.js";

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

async function rowCounts(db: TestDatabase["db"]) {
  const [row] = await db.query<Record<string, number>>(`SELECT
    (SELECT count(*)::int FROM "ProvinceVersion") AS provinces,
    (SELECT count(*)::int FROM "CommuneVersion") AS communes,
    (SELECT count(*)::int FROM "ServiceCenter") AS centers,
    (SELECT count(*)::int FROM "RegistryChange") AS changes,
    (SELECT max("seededAt") FROM "SeedState")::text AS seeded_at`);
  return row;
}

it("seeds once and changes nothing the second time", async () => {
  database = await createTestDatabase();
  const first = await seed(database.db);
  expect(first).toEqual({ seeded: true, counts: { provinces: 34, communes: 3321, events: expect.any(Number) } });
  const after = await rowCounts(database.db);
  const second = await seed(database.db);
  expect(second.seeded).toBe(false);
  expect(await rowCounts(database.db)).toEqual(after);
  // One version per unit and period: at least one per unit, one service center per commune version.
  expect(after!.provinces).toBeGreaterThanOrEqual(34);
  expect(after!.centers).toBe(after!.communes);
});

it("leaves the database as it was when a seed fails half-way", async () => {
  // Already seeded (a copy of the run's seeded template, made by the same seed()): the failing
  // seed is the one under test.
  database = await createTestDatabase({ data: "registry" });
  const before = await rowCounts(database.db);
  const data = readRegistryData();
  // A changed dataset whose last commune duplicates the first: the insert fails inside the transaction.
  const broken = { ...data, hash: "broken", communes: [...data.communes, data.communes[0]!] };
  await expect(seed(database.db, broken)).rejects.toThrow();
  expect(await rowCounts(database.db)).toEqual(before);
});

it("rejects an event whose starting state does not match the registry", async () => {
  database = await createTestDatabase();
  const data = readRegistryData();
  const event = data.events[0]!;
  const wrong = {
    ...data,
    hash: "wrong-event",
    events: [{ ...event, changes: event.changes.map((c) => ({ ...c, from: c.to })) as typeof event.changes }],
  };
  await expect(seed(database.db, wrong)).rejects.toThrow(/is (PROVINCE|COMMUNE|CITY|WARD), not/);
});

it("recognises a seeded dataset from its files' bytes alone, so a start-up skips parsing them", async () => {
  const { fingerprint, REGISTRY_FILES } = await import("../src/data/files.js");
  const { LEGACY_FILES, readLegacyData } = await import("../src/data/legacy-files.js");
  const { FIGURES_FILES, FIGURES_SALT, readFiguresData } = await import("../src/db/seed-figures.js");
  expect(fingerprint(REGISTRY_FILES)).toBe(readRegistryData().hash);
  expect(fingerprint(LEGACY_FILES)).toBe(readLegacyData().hash);
  expect(fingerprint(FIGURES_FILES, FIGURES_SALT)).toBe(readFiguresData().hash);
});
