// `npm run import`: the same validation and audit as addFigures, dry run by default, all or nothing,
// and the embedded database's lock respected.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { EmbeddedDatabaseBusy, lockEmbeddedDatabase } from "../src/db/embedded-lock.js";
import { importFigures, readImportFile, report, runImportCommand } from "../src/cli/import.js";
import { createTestDatabase, type TestDatabase } from "./helpers.js";

let database: TestDatabase;
const examples = path.resolve(import.meta.dirname, "../../../examples");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "vngov-import-"));
const actor = { name: "cli:test-operator", keyId: null };
const today = "2026-11-23";

beforeAll(async () => {
  database = await createTestDatabase({ data: "all" });
  await database.db.prisma.source.create({
    data: { id: "laichau-home-affairs-2026-10-05", publisher: "Lai Châu Department of Home Affairs", url: "https://sonoivu.laichau.gov.vn/q3-2026", publishedOn: new Date("2026-10-05") },
  });
}, 120_000);
afterAll(async () => {
  await database.drop();
  fs.rmSync(work, { recursive: true, force: true });
});

const counts = async () => ({ figures: await database.db.prisma.figure.count(), audit: await database.db.prisma.auditLogEntry.count() });
const HEADER = "sourceId,indicator,subjectType,subjectCode,asOf,value,qualifier,status,unit,quote,note";
const ROW_A = `laichau-home-affairs-2026-10-05,on_time_rate,PROVINCE,12,2026-09-30,97.5,EXACT,REPORTED,percent,"Tỷ lệ hồ sơ đúng hạn đạt 97,5%.",`;
const ROW_B = `laichau-home-affairs-2026-10-05,commune_level_units,PROVINCE,12,2026-10-01,38,,,,"Tỉnh có 38 xã, phường.",counted on 1 October`;
function csv(name: string, ...rows: string[]) {
  const file = path.join(work, name);
  fs.writeFileSync(file, [HEADER, ...rows].join("\n") + "\n");
  return file;
}

it("validates the documented example file in a dry run: real figures, already recorded", async () => {
  const template = readImportFile(path.join(examples, "figures-template.csv"));
  expect(template.items).toEqual([]);
  const before = await counts();
  const { result, applied } = await importFigures(database.db, readImportFile(path.join(examples, "figures-example.csv")), { apply: false, actor, today });
  expect(result.userErrors).toEqual([]);
  expect(result.created).toEqual([]);
  expect(result.alreadyRecordedIds).toEqual(["lc15-2025-10-provincial-admin-orgs-reduced", "lc15-2025-10-divisions-reduced", "lc10-2025-06-full-online-services-target"]);
  expect(applied).toBe(false);
  expect(await counts()).toEqual(before);
});

it("reports what a dry run would add and writes nothing", async () => {
  const before = await counts();
  const lines: string[] = [];
  const outcome = await importFigures(database.db, readImportFile(csv("dry.csv", ROW_A, ROW_B)), { apply: false, actor, today });
  const { result } = outcome;
  report(outcome, (line) => lines.push(line), false);
  expect(result.userErrors).toEqual([]);
  expect(result.created.map((f) => [f.indicator, f.value, f.unit, f.note ?? null])).toEqual([
    ["on_time_rate", 97.5, "percent", null],
    ["commune_level_units", 38, "count", "counted on 1 October"],
  ]);
  expect(lines[0]).toBe("Would add 2 figure(s); 0 already recorded (unchanged).");
  expect(lines.at(-1)).toBe("Dry run: run again with --apply to write them.");
  expect(await counts()).toEqual(before);
});

it("writes nothing when the last item fails, naming its line", async () => {
  const before = await counts();
  const bad = `laichau-home-affairs-2026-10-05,communes,PROVINCE,12,2026-10-01,1.5,,,,"Tỉnh có 1,5 xã.",`;
  const { result, applied } = await importFigures(database.db, readImportFile(csv("bad.csv", ROW_A, ROW_B, bad)), { apply: true, actor, today });
  expect(applied).toBe(false);
  expect(result.userErrors).toEqual([expect.objectContaining({ field: ["line 4", "value"], code: "OUT_OF_RANGE" })]);
  expect(await counts()).toEqual(before);
  const json = path.join(work, "bad.json");
  fs.writeFileSync(json, JSON.stringify({ figures: [{ sourceId: "laichau-home-affairs-2026-10-05", indicator: "on_time_rate", subjectType: "PROVINCE", subjectCode: "12", asOf: "2026-02-30", value: 1, quote: "x" }] }));
  const fromJson = await importFigures(database.db, readImportFile(json), { apply: true, actor, today });
  expect(fromJson.result.userErrors).toEqual([expect.objectContaining({ field: ["item 0", "asOf"], code: "INVALID" })]);
  expect(await counts()).toEqual(before);
});

it("applies in one transaction with an audit entry under the operator's name, and is idempotent", async () => {
  const before = await counts();
  const file = csv("good.csv", ROW_A, ROW_B);
  const { result, applied } = await importFigures(database.db, readImportFile(file), { apply: true, actor, today, file });
  expect(applied).toBe(true);
  expect(result.createdIds).toHaveLength(2);
  expect(await counts()).toEqual({ figures: before.figures + 2, audit: before.audit + 1 });
  const entry = await database.db.prisma.auditLogEntry.findFirstOrThrow({ orderBy: { id: "desc" } });
  expect(entry).toMatchObject({ actor: "cli:test-operator", actorKeyId: null, operation: "import", touchedIds: result.createdIds });
  expect((entry.input as { file: string }).file).toBe("good.csv");
  const created = await database.db.prisma.figure.findMany({ where: { id: { in: result.createdIds } } });
  expect(created.every((f) => f.createdBy === "cli:test-operator" && f.provinceCode === "12")).toBe(true);
  const again = await importFigures(database.db, readImportFile(file), { apply: true, actor, today, file });
  expect(again.result.alreadyRecordedIds.sort()).toEqual([...result.createdIds].sort());
  expect(await counts()).toEqual({ figures: before.figures + 2, audit: before.audit + 1 });
});

it("refuses to open an embedded database another process holds", async () => {
  const dataDir = path.join(work, "data");
  const release = await lockEmbeddedDatabase(path.join(dataDir, "pglite"), "the test");
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  process.env.DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  try {
    await expect(runImportCommand([path.join(examples, "figures-example.csv")], () => undefined)).rejects.toBeInstanceOf(EmbeddedDatabaseBusy);
  } finally {
    Object.assign(process.env, saved);
    if (saved.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
    if (saved.DATA_DIR === undefined) delete process.env.DATA_DIR;
    await release();
  }
});
