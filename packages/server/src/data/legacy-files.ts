// Reads the committed pre-2025 registry and its lineage (prisma/data/legacy-*.json, lineage.json), validated with zod.
import { createHash } from "node:crypto";
import { z } from "zod";
import { code, readJson } from "./files.js";

/** The files of the lineage dataset, in the order they are hashed. */
export const LEGACY_FILES = ["legacy-provinces.json", "legacy-districts.json", "legacy-communes.json", "lineage.json"] as const;


export const legacyProvinceRecord = z.object({
  code: code(2),
  name: z.string().min(1),
  fullName: z.string().min(1),
  successorCode: code(2),
});

export const legacyDistrictRecord = z.object({
  code: code(3),
  name: z.string().min(1),
  fullName: z.string().min(1),
  provinceCode: code(2),
});

export const legacyCommuneRecord = z.object({
  code: code(5),
  name: z.string().min(1),
  fullName: z.string().min(1),
  altNames: z.array(z.string()).default([]),
  type: z.enum(["COMMUNE", "WARD", "TOWNSHIP"]),
  districtCode: code(3),
  provinceCode: code(2),
  sources: z.array(z.string()),
});

const lineageFields = {
  toCode: code(5),
  kind: z.enum(["WHOLE", "PARTIAL", "RENAMED", "UNCHANGED"]),
  confidence: z.number().min(0).max(1),
  note: z.string().nullable(),
  sources: z.array(z.string()).min(1),
  legalBasis: z.string().min(1),
  /** Split communes only: the successor that took the whole population (ALL) or land only (NONE). */
  population: z.enum(["ALL", "NONE"]).nullable().optional(),
};

// fromLevel decides how long fromCode is: a 5-digit commune, or one of the island districts
// (3 digits) that had no communes and became special zones whole.
export const lineageRecord = z.discriminatedUnion("fromLevel", [
  z.object({ fromLevel: z.literal("COMMUNE"), fromCode: code(5), ...lineageFields }),
  z.object({ fromLevel: z.literal("DISTRICT"), fromCode: code(3), ...lineageFields }),
]);

export type LegacyProvinceRecord = z.infer<typeof legacyProvinceRecord>;
export type LegacyDistrictRecord = z.infer<typeof legacyDistrictRecord>;
export type LegacyCommuneRecord = z.infer<typeof legacyCommuneRecord>;
export type LineageRecord = z.infer<typeof lineageRecord>;

export interface LegacyData {
  provinces: LegacyProvinceRecord[];
  districts: LegacyDistrictRecord[];
  communes: LegacyCommuneRecord[];
  lineage: LineageRecord[];
  /** sha256 over the files read: seeding skips when the database holds this hash already. */
  hash: string;
}

export function readLegacyData(): LegacyData {
  const hash = createHash("sha256");
  const [provinceFile, districtFile, communeFile, lineageFile] = LEGACY_FILES;
  const provinces = readJson(hash, provinceFile, z.array(legacyProvinceRecord));
  const districts = readJson(hash, districtFile, z.array(legacyDistrictRecord));
  const communes = readJson(hash, communeFile, z.array(legacyCommuneRecord));
  const lineage = readJson(hash, lineageFile, z.array(lineageRecord));
  return { provinces, districts, communes, lineage, hash: hash.digest("hex") };
}
