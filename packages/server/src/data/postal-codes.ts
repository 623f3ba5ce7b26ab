// The postal codes of Decision 2334/QĐ-BKHCN (prisma/data/postal-codes.json, built by prisma/data-build/postal-codes.ts):
// read once and kept in memory, since the file is static and a lookup by unit code is all the schema needs.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { code, dataDir, isoDate, parseDataFile, sha256 } from "./files.js";

export const postalCodesFile = z.object({
  source: z.object({
    id: z.string(),
    decision: z.string(),
    decisionDate: isoDate,
    repository: z.string().url(),
    path: z.string(),
    commit: z.string().regex(/^[0-9a-f]{40}$/),
    generatedAt: z.string(),
    licence: z.string(),
    retrievedOn: z.string(),
    file: z.string(),
    sha256,
  }),
  repairs: z.array(z.object({ from: z.string(), to: z.string(), evidence: z.string() })),
  provinces: z.array(z.object({ code: code(2), postalCodePrefixes: z.array(code(2)) })),
  communes: z.array(
    z.object({
      code: code(5),
      provinceCode: code(2),
      postalCode: code(5).nullable(),
      flags: z.array(z.object({ code: z.string(), message: z.string() })),
    }),
  ),
});

export type PostalCodes = z.infer<typeof postalCodesFile>;
export const POSTAL_CODES_FILE = "postal-codes.json";

export function parsePostalCodes(text: string): PostalCodes {
  return parseDataFile(POSTAL_CODES_FILE, postalCodesFile, text);
}

export interface PostalIndex {
  /** Commune code → its 5-digit postal code. */
  byCommune: Map<string, string>;
  /** 5-digit postal code → commune code (the build refuses shared codes, so one each). */
  communeByPostal: Map<string, string>;
  /** Province code → its 2-digit prefixes, in the source's order. */
  prefixesByProvince: Map<string, readonly string[]>;
  /** 2-digit prefix → province code. */
  provinceByPrefix: Map<string, string>;
  /** Commune code → its province code (every unit of the file, with or without a postal code). */
  provinceByCommune: Map<string, string>;
}

let index: PostalIndex | null = null;

/** The postal codes by unit, loaded on first use. */
export function postalCodes(): PostalIndex {
  if (!index) {
    const data = parsePostalCodes(fs.readFileSync(path.join(dataDir, POSTAL_CODES_FILE), "utf8"));
    const built: PostalIndex = {
      byCommune: new Map(),
      communeByPostal: new Map(),
      prefixesByProvince: new Map(),
      provinceByPrefix: new Map(),
      provinceByCommune: new Map(),
    };
    for (const commune of data.communes) {
      built.provinceByCommune.set(commune.code, commune.provinceCode);
      if (commune.postalCode === null) continue;
      built.byCommune.set(commune.code, commune.postalCode);
      built.communeByPostal.set(commune.postalCode, commune.code);
    }
    for (const province of data.provinces) {
      built.prefixesByProvince.set(province.code, Object.freeze([...province.postalCodePrefixes]));
      for (const prefix of province.postalCodePrefixes) built.provinceByPrefix.set(prefix, province.code);
    }
    index = built;
  }
  return index;
}

/** A search text that is a postal code: exactly five digits (spaces around ignored). */
export function asPostalCode(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed && /^\d{5}$/u.test(trimmed) ? trimmed : null;
}

/** What a postal code found in an address names: a new commune-level unit, or only a province by its prefix. */
export interface PostalReading {
  code: string;
  /** The new unit whose code it is; null when the code is no unit's (then only its prefix is read). */
  communeCode: string | null;
  /** The province of that unit, or the province whose prefix the code starts with; null when neither. */
  provinceCode: string | null;
}

/** Reads a 5-digit postal code; null when it is neither a unit's code nor starts with a province's prefix. */
export function readPostalCode(code: string): PostalReading | null {
  const index = postalCodes();
  const communeCode = index.communeByPostal.get(code) ?? null;
  const provinceCode = communeCode ? index.provinceByCommune.get(communeCode)! : (index.provinceByPrefix.get(code.slice(0, 2)) ?? null);
  return provinceCode ? { code, communeCode, provinceCode } : null;
}
