// The checked area and population of every unit (prisma/data/area-population.json, built by
// prisma/data-build/area-population.ts): read once, kept in memory, since the file is static.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { code, dataDir, flag, isoDate, parseDataFile, sha256 } from "./files.js";

export const areaPopulationFile = z.object({
  source: z.object({
    id: z.string(),
    file: z.string(),
    sha256,
    repository: z.string().url(),
    commit: z.string(),
    path: z.string(),
    asOf: isoDate,
  }),
  checks: z.object({ areaTolerance: z.number(), minPopulation: z.number() }),
  provinces: z.array(
    z.object({
      code: code(2),
      naturalAreaKm2: z.number().nullable(),
      population: z.number().int().nullable(),
      record: z.string(),
      boundaryAreaKm2: z.number().nullable(),
      flags: z.array(flag).default([]),
    }),
  ),
  communes: z.array(
    z.object({
      code: code(5),
      provinceCode: code(2),
      naturalAreaKm2: z.number().nullable(),
      recordAreaKm2: z.number().nullable(),
      population: z.number().int().nullable(),
      record: z.string().nullable(),
      checked: z.boolean(),
      flags: z.array(flag).default([]),
    }),
  ),
});

export type AreaPopulation = z.infer<typeof areaPopulationFile>;
export const AREA_POPULATION_FILE = "area-population.json";

export function parseAreaPopulation(text: string): AreaPopulation {
  return parseDataFile(AREA_POPULATION_FILE, areaPopulationFile, text);
}

export interface UnitFacts {
  naturalAreaKm2: number | null;
  population: number | null;
}

let facts: Map<string, UnitFacts> | null = null;

/** Province and commune facts by code (2-digit and 5-digit codes never collide), loaded on first use. */
export function unitFacts(): Map<string, UnitFacts> {
  if (!facts) {
    const data = parseAreaPopulation(fs.readFileSync(path.join(dataDir, AREA_POPULATION_FILE), "utf8"));
    facts = new Map<string, UnitFacts>();
    for (const unit of [...data.provinces, ...data.communes]) {
      facts.set(unit.code, { naturalAreaKm2: unit.naturalAreaKm2, population: unit.population });
    }
  }
  return facts;
}
