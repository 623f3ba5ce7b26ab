// Reads the committed data files under prisma/data, validated with zod: the only data the server uses.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "../paths.js";
import { z } from "zod";

export const dataDir = path.join(repoRoot, "prisma", "data");

// The pieces every data file's schema is made of (here, legacy-files.ts, area-population.ts,
// postal-codes.ts, the seed's apparatus and figures files), so a code or a date means one thing in all.
/** A unit code of `digits` digits: 2 for a province, 5 for a commune. */
export const code = (digits: number) => z.string().regex(new RegExp(`^\\d{${digits}}$`));
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A SHA-256 digest in lowercase hex, as the files record the bytes of their sources. */
export const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** A finding of the data build about one record, kept with it. */
export const flag = z.object({ code: z.string(), message: z.string() });

export const provinceRecord = z.object({
  code: code(2),
  name: z.string().min(1),
  fullName: z.string().min(1),
  nameEn: z.string().nullable(),
  kind: z.enum(["PROVINCE", "CITY"]),
  sources: z.array(z.string()),
  flags: z.array(flag).default([]),
});

export const communeRecord = z.object({
  code: code(5),
  name: z.string().min(1),
  fullName: z.string().min(1),
  nameEn: z.string().nullable(),
  altNames: z.array(z.string()).default([]),
  type: z.enum(["COMMUNE", "WARD", "SPECIAL_ZONE"]),
  provinceCode: code(2),
  sources: z.array(z.string()),
  flags: z.array(flag).default([]),
});

const unitChange = z.discriminatedUnion("entity", [
  z.object({
    entity: z.literal("PROVINCE"),
    code: code(2),
    field: z.literal("kind"),
    from: z.enum(["PROVINCE", "CITY"]),
    to: z.enum(["PROVINCE", "CITY"]),
    newFullName: z.string().min(1),
  }),
  z.object({
    entity: z.literal("COMMUNE"),
    code: code(5),
    field: z.literal("type"),
    from: z.enum(["COMMUNE", "WARD", "SPECIAL_ZONE"]),
    to: z.enum(["COMMUNE", "WARD", "SPECIAL_ZONE"]),
    newFullName: z.string().min(1),
  }),
]);

export const registryEventRecord = z.object({
  id: z.string().min(1),
  effectiveOn: isoDate,
  issuedOn: isoDate.nullable(),
  legalBasis: z.string().min(1),
  title: z.string().min(1),
  url: z.string().url(),
  description: z.string().min(1),
  changes: z.array(unitChange).min(1),
});

export const serviceCenterBasis = z.object({
  legalBasis: z.string(),
  title: z.string(),
  issuedOn: isoDate,
  effectiveOn: isoDate,
  url: z.string().url(),
  article: z.string(),
  provinceLevelCenters: z.array(
    z.object({ provinceCode: code(2), note: z.string(), sourceUrl: z.string().url() }),
  ),
});

export type ProvinceRecord = z.infer<typeof provinceRecord>;
export type CommuneRecord = z.infer<typeof communeRecord>;
export type RegistryEventRecord = z.infer<typeof registryEventRecord>;
export type ServiceCenterBasis = z.infer<typeof serviceCenterBasis>;

export interface RegistryData {
  provinces: ProvinceRecord[];
  communes: CommuneRecord[];
  events: RegistryEventRecord[];
  serviceCenters: ServiceCenterBasis;
  /** sha256 over the files read: seeding skips when the database holds this hash already. */
  hash: string;
}

/** The JSON text of the data file `file` (a name under prisma/data), validated; the first issue names where it is wrong. */
export function parseDataFile<T>(file: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>, text: string): T {
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`prisma/data/${file} is invalid at ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return parsed.data;
}

export function readJson<T>(hash: ReturnType<typeof createHash>, file: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>): T {
  const bytes = fs.readFileSync(path.join(dataDir, file));
  hash.update(file).update(bytes);
  return parseDataFile(file, schema, bytes.toString("utf8"));
}

/**
 * The hash a reader computes over its files (name and text of each, in order, then `salt`), from
 * the bytes alone: a start-up whose database already holds this hash skips parsing and validating.
 */
export function fingerprint(files: readonly string[], salt = ""): string {
  const hash = createHash("sha256");
  // The bytes as they are (what readJson hashes too): hashing them decoded cost ~6x more on every start.
  for (const file of files) hash.update(file).update(fs.readFileSync(path.join(dataDir, file)));
  if (salt) hash.update(salt);
  return hash.digest("hex");
}

/** The files of the registry dataset, in the order they are hashed. */
export const REGISTRY_FILES = ["provinces.json", "communes.json", "registry-events.json", "curated/service-centers.json"] as const;

export function readRegistryData(): RegistryData {
  const hash = createHash("sha256");
  const [provinceFile, communeFile, eventFile, centerFile] = REGISTRY_FILES;
  const provinces = readJson(hash, provinceFile, z.array(provinceRecord));
  const communes = readJson(hash, communeFile, z.array(communeRecord));
  const events = readJson(hash, eventFile, z.array(registryEventRecord));
  const serviceCenters = readJson(hash, centerFile, serviceCenterBasis);
  return { provinces, communes, events, serviceCenters, hash: hash.digest("hex") };
}
