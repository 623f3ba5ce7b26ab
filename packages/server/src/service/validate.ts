// Validation of figure items against the input rules (zod) and the database (indicator, source,
// subject on the date, quote in the vendored text, duplicates), shared by mutations and imports.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { dataDir } from "../data/files.js";
import type { Figure, Prisma, Source } from "../generated/prisma/client.js";
import type { Tx } from "./transaction.js";
import type { MessageParams } from "../messages.js";
import { userError, zodUserErrors, type UserError } from "./user-errors.js";

export const REGISTRY_START = "2025-07-01";
export const QUALIFIERS = ["EXACT", "APPROXIMATE", "AT_LEAST", "MORE_THAN", "AT_MOST", "LESS_THAN"] as const;
export const STATUSES = ["REPORTED", "PLANNED", "TARGET"] as const;
export const SUBJECT_TYPES = ["PROVINCE", "COMMUNE", "AGENCY", "LEGACY_PROVINCE", "LEGACY_DISTRICT"] as const;

/** A calendar date YYYY-MM-DD that exists (2025-02-30 does not). */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine((day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
  }, "is not a real calendar date");

const text = (what: string) => z.string({ required_error: `${what} is required` }).trim().min(1, `${what} must not be empty`);

/** One figure as a steward submits it (GraphQL input or one row of an import file). */
export const figureItem = z.object({
  sourceId: text("sourceId"),
  indicator: text("indicator"),
  value: z.number({ required_error: "value is required", invalid_type_error: "value must be a number" }).finite("value must be a finite number"),
  qualifier: z.enum(QUALIFIERS).default("EXACT"),
  unit: z.string().trim().min(1).nullish(),
  asOf: isoDay,
  status: z.enum(STATUSES).default("REPORTED"),
  subjectType: z.enum(SUBJECT_TYPES),
  subjectCode: text("subjectCode"),
  quote: text("quote"),
  note: z.string().trim().min(1).nullish(),
});

export type FigureItem = z.infer<typeof figureItem>;

/** A figure item that passed every check, with what the database row needs. */
export interface CheckedFigure extends FigureItem {
  unit: string;
  provinceCode: string | null;
  subjectName: string | null;
}

export const figureKey = (f: { indicator?: string; indicatorCode?: string; subjectType: string; subjectCode: string | null; asOf: string | Date; sourceId: string }) =>
  [f.indicator ?? f.indicatorCode, f.subjectType, f.subjectCode ?? "", typeof f.asOf === "string" ? f.asOf : f.asOf.toISOString().slice(0, 10), f.sourceId].join("|");

/** Deterministic id: the same figure written twice, even concurrently, gets the same id. */
export const figureId = (key: string, revision: number) => `f-${createHash("sha256").update(`${key}#${revision}`).digest("hex").slice(0, 16)}`;

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

const sourceTexts = new Map<string, string>();
function vendoredText(file: string): string {
  let cached = sourceTexts.get(file);
  if (cached == null) {
    cached = fs.readFileSync(path.join(dataDir, "sources", file), "utf8");
    sourceTexts.set(file, cached);
  }
  return cached;
}

/**
 * Largest amount in VND a figure may state: ten times Vietnam's yearly GDP (about 1.2e16 VND in 2025),
 * so a typo of a few extra digits is caught while every real budget or revenue fits.
 */
export const MAX_VND = 1e17;

/** The message of the value's range for its unit, when the value is outside it. */
function rangeProblem(unit: string, value: number): UserErrorMessage | null {
  if (unit === "percent") return value >= 0 && value <= 100 ? null : { key: "percentOutOfRange", params: { value } };
  // Beyond 2^53 - 1 a double no longer holds every whole number: 1e308 "is an integer" but no count.
  if (unit === "count") return Number.isSafeInteger(value) && value >= 0 ? null : { key: "countOutOfRange", params: { value, max: Number.MAX_SAFE_INTEGER } };
  if (unit === "VND") return value >= 0 && value <= MAX_VND ? null : { key: "amountOutOfRange", params: { value, max: MAX_VND } };
  return null;
}

type UserErrorMessage =
  | { key: "percentOutOfRange"; params: MessageParams<"percentOutOfRange"> }
  | { key: "countOutOfRange"; params: MessageParams<"countOutOfRange"> }
  | { key: "amountOutOfRange"; params: MessageParams<"amountOutOfRange"> };

/**
 * Parses raw items with zod, then checks them against the database in a few batched reads.
 * Returns the checked figures (index-aligned, null where invalid) and every problem found.
 */
export async function checkFigureItems(
  tx: Tx,
  raw: unknown[],
  today: string,
  pathOf: (index: number) => Array<string | number>,
): Promise<{ checked: Array<CheckedFigure | null>; userErrors: UserError[] }> {
  const userErrors: UserError[] = [];
  const parsed = raw.map((item, index) => {
    const result = figureItem.safeParse(item);
    if (!result.success) userErrors.push(...zodUserErrors(pathOf(index), result.error.issues));
    return result.success ? result.data : null;
  });
  const valid = parsed.filter((item): item is FigureItem => item != null);
  const codesOf = (type: string) => [...new Set(valid.filter((item) => item.subjectType === type).map((item) => item.subjectCode))];
  const [indicators, sources, provinces, communes, agencies, legacyProvinces, legacyDistricts] = await Promise.all([
    tx.indicator.findMany({ where: { code: { in: [...new Set(valid.map((item) => item.indicator))] } } }),
    tx.source.findMany({ where: { id: { in: [...new Set(valid.map((item) => item.sourceId))] } } }),
    tx.provinceVersion.findMany({ where: { code: { in: codesOf("PROVINCE") } }, select: { code: true, fullName: true, validFrom: true, validTo: true } }),
    tx.communeVersion.findMany({ where: { code: { in: codesOf("COMMUNE") } }, select: { code: true, provinceCode: true, validFrom: true, validTo: true } }),
    tx.agency.findMany({ where: { id: { in: codesOf("AGENCY") } }, select: { id: true, provinceCode: true } }),
    tx.legacyProvince.findMany({ where: { code: { in: codesOf("LEGACY_PROVINCE") } } }),
    tx.legacyDistrict.findMany({ where: { code: { in: codesOf("LEGACY_DISTRICT") } }, include: { province: true } }),
  ]);
  const holds = (v: { validFrom: Date; validTo: Date | null }, day: string) => dayOf(v.validFrom) <= day && (v.validTo == null || dayOf(v.validTo) > day);

  const checked = parsed.map((item, index): CheckedFigure | null => {
    if (!item) return null;
    const at = pathOf(index);
    const problems: UserError[] = [];
    const indicator = indicators.find((i) => i.code === item.indicator);
    let unit = item.unit ?? "";
    if (!indicator) {
      problems.push(userError([...at, "indicator"], "NOT_FOUND", "figureIndicatorUnknown", { code: item.indicator }));
    } else {
      if (item.unit != null && item.unit !== indicator.unit) {
        problems.push(userError([...at, "unit"], "UNIT_MISMATCH", "unitMismatch", { unit: item.unit, indicator: indicator.code, expected: indicator.unit }));
      }
      unit = indicator.unit;
      const range = rangeProblem(unit, item.value);
      if (range) problems.push(userError([...at, "value"], "OUT_OF_RANGE", range.key, range.params as never));
    }
    const source = sources.find((s) => s.id === item.sourceId);
    if (!source) {
      problems.push(userError([...at, "sourceId"], "NOT_FOUND", "figureSourceUnknown", { id: item.sourceId }));
    } else {
      problems.push(...sourceProblems(source, item, at, today));
    }
    if (item.asOf > today) problems.push(userError([...at, "asOf"], "AFTER_PUBLICATION", "figureAsOfAfterToday", { asOf: item.asOf, today }));

    let provinceCode: string | null = null;
    let subjectName: string | null = null;
    const subjectField = [...at, "subjectCode"];
    const code = item.subjectCode;
    switch (item.subjectType) {
      case "PROVINCE": {
        const versions = provinces.filter((p) => p.code === code);
        if (versions.length === 0) problems.push(userError(subjectField, "NOT_FOUND", "noProvinceWithCode", { code }));
        else if (!versions.some((v) => holds(v, item.asOf))) {
          problems.push(
            userError(subjectField, "SUBJECT_NOT_IN_FORCE", "provinceNotInForce", { code, asOf: item.asOf, start: REGISTRY_START }),
          );
        }
        provinceCode = code;
        break;
      }
      case "COMMUNE": {
        const versions = communes.filter((c) => c.code === code);
        if (versions.length === 0) problems.push(userError(subjectField, "NOT_FOUND", "noCommuneWithCode", { code }));
        else if (!versions.some((v) => holds(v, item.asOf))) {
          problems.push(userError(subjectField, "SUBJECT_NOT_IN_FORCE", "communeNotInForce", { code, asOf: item.asOf, start: REGISTRY_START }));
        }
        provinceCode = versions[0]?.provinceCode ?? null;
        break;
      }
      case "AGENCY": {
        const agency = agencies.find((a) => a.id === code);
        if (!agency) problems.push(userError(subjectField, "NOT_FOUND", "noAgencyWithId", { code }));
        provinceCode = agency?.provinceCode ?? null;
        break;
      }
      case "LEGACY_PROVINCE": {
        const province = legacyProvinces.find((p) => p.code === code);
        if (!province) problems.push(userError(subjectField, "NOT_FOUND", "noLegacyProvince", { code }));
        else if (item.asOf >= REGISTRY_START) {
          problems.push(userError(subjectField, "SUBJECT_NOT_IN_FORCE", "legacyProvinceEnded", { code, name: province.fullName, asOf: item.asOf, successor: province.successorCode }));
        }
        provinceCode = province?.successorCode ?? null;
        subjectName = province?.fullName ?? null;
        break;
      }
      case "LEGACY_DISTRICT": {
        const district = legacyDistricts.find((d) => d.code === code);
        if (!district) problems.push(userError(subjectField, "NOT_FOUND", "noLegacyDistrict", { code }));
        else if (item.asOf >= REGISTRY_START) {
          problems.push(userError(subjectField, "SUBJECT_NOT_IN_FORCE", "legacyDistrictEnded", { code, name: district.fullName }));
        }
        provinceCode = district?.province.successorCode ?? null;
        subjectName = district?.fullName ?? null;
        break;
      }
    }
    userErrors.push(...problems);
    return problems.length ? null : { ...item, unit, provinceCode, subjectName };
  });
  return { checked, userErrors };
}

function sourceProblems(source: Source, item: FigureItem, at: Array<string | number>, _today: string): UserError[] {
  const problems: UserError[] = [];
  if (source.translationOfId != null) {
    problems.push(userError([...at, "sourceId"], "CITES_TRANSLATION", "citesTranslation", { id: source.id, original: String(source.translationOfId) }));
  }
  if (source.publishedOn && item.asOf > dayOf(source.publishedOn)) {
    problems.push(
      userError([...at, "asOf"], "AFTER_PUBLICATION", "asOfAfterPublication", { asOf: item.asOf, published: String(dayOf(source.publishedOn)) }),
    );
  }
  if (source.file && !vendoredText(source.file).includes(item.quote)) {
    problems.push(userError([...at, "quote"], "QUOTE_NOT_IN_SOURCE", "quoteNotInSource", { id: source.id, file: String(source.file) }));
  }
  return problems;
}

/** The columns a figure row gets from a checked item. */
export function figureRow(item: CheckedFigure, extra: { id: string; revision: number; createdBy: string } & Partial<Prisma.FigureCreateManyInput>): Prisma.FigureCreateManyInput {
  return {
    indicatorCode: item.indicator,
    value: item.value,
    qualifier: item.qualifier,
    unit: item.unit,
    asOf: toDate(item.asOf),
    status: item.status,
    subjectType: item.subjectType,
    subjectCode: item.subjectCode,
    subjectName: item.subjectName,
    provinceCode: item.provinceCode,
    sourceId: item.sourceId,
    quote: item.quote,
    note: item.note ?? null,
    ...extra,
  };
}

/** Whether an existing row says exactly what the item says (a repeated submission). */
export function sameContent(row: Figure, item: CheckedFigure): boolean {
  return (
    row.value === item.value &&
    row.qualifier === item.qualifier &&
    row.status === item.status &&
    row.quote === item.quote &&
    (row.note ?? null) === (item.note ?? null)
  );
}

/** An item as a stored row would read it back (for corrections: what the old figure says). */
export function itemOf(row: Figure): FigureItem {
  return {
    sourceId: row.sourceId,
    indicator: row.indicatorCode,
    value: row.value,
    qualifier: row.qualifier,
    unit: row.unit,
    asOf: dayOf(row.asOf),
    status: row.status,
    subjectType: row.subjectType,
    subjectCode: row.subjectCode ?? "",
    quote: row.quote,
    note: row.note,
  };
}
