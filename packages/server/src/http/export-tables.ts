// The tables behind GET /export/*.{csv,jsonl}: which rows each holds for a set of filters, in which
// columns, and what they cost. Registry rows come from the in-memory registry snapshot, so a table
// describes the same day as GraphQL's `asOf`; lineage and figures come from Prisma in one statement.
import type { Database } from "../db.js";
import { badUserInput } from "../errors.js";
import { registrySnapshot } from "../registry/snapshot.js";
import { isoDate, resolveAsOf } from "../schema/as-of.js";
import { assertProvinceCode } from "../schema/codes.js";
import { figureStateWhere } from "../service/figure-state.js";

export type Cell = string | number | null;
export type TableRow = Record<string, Cell>;

export interface Table {
  columns: string[];
  rows: TableRow[];
  /** What the table costs the caller's budget: the objects the same GraphQL answer would hold. */
  cost: number;
}

export interface TableRequest {
  db: Database;
  params: URLSearchParams;
  today: string;
}

export interface TableDefinition {
  /** The filters the table accepts (query-string parameters), besides `bom`. */
  filters: string[];
  build(request: TableRequest): Promise<Table>;
}

const day = (date: Date | null) => (date ? isoDate(date) : null);

/** `asOf` as GraphQL reads it: YYYY-MM-DD from 2025-07-01 on, default today in Vietnam. */
function asOfParam(params: URLSearchParams, today: string, name = "asOf"): string {
  const value = params.get(name);
  if (value === null || value === "") return today;
  const date = /^\d{4}-\d{2}-\d{2}$/u.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || isoDate(date) !== value) throw badUserInput("notADate", { name, value }, name);
  return resolveAsOf(date, today);
}

function dateParam(params: URLSearchParams, name: string): Date | null {
  const value = params.get(name);
  if (value === null || value === "") return null;
  const date = /^\d{4}-\d{2}-\d{2}$/u.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || isoDate(date) !== value) throw badUserInput("notADate", { name, value }, name);
  return date;
}

function provinceParam(params: URLSearchParams): string | null {
  const value = params.get("provinceCode");
  return value === null || value === "" ? null : assertProvinceCode(value, "provinceCode");
}

function enumParam<T extends string>(params: URLSearchParams, name: string, values: readonly T[]): T | null {
  const value = params.get(name);
  if (value === null || value === "") return null;
  if (!(values as readonly string[]).includes(value)) throw badUserInput("notOneOf", { name, value, values }, name);
  return value as T;
}

const COMMUNE_TYPES = ["COMMUNE", "WARD", "SPECIAL_ZONE"] as const;
const FIGURE_STATUSES = ["REPORTED", "PLANNED", "TARGET"] as const;

export const TABLES: Record<string, TableDefinition> = {
  // Query.provinces / Query.province(code) on asOf.
  provinces: {
    filters: ["asOf", "provinceCode"],
    async build({ db, params, today }) {
      const asOf = asOfParam(params, today);
      const provinceCode = provinceParam(params);
      const provinces = (await registrySnapshot(db.prisma)).provincesOn(asOf).filter((p) => provinceCode === null || p.code === provinceCode);
      const rows = provinces.map((p) => ({
        code: p.code,
        name: p.name,
        fullName: p.fullName,
        nameEn: p.nameEn,
        kind: p.kind,
        validFrom: day(p.validFrom),
        validTo: day(p.validTo),
      }));
      return { columns: ["code", "name", "fullName", "nameEn", "kind", "validFrom", "validTo"], rows, cost: rows.length };
    },
  },
  // Query.communes(provinceCode, type, asOf) { code … province { code name } serviceCenter { … } }.
  communes: {
    filters: ["asOf", "provinceCode", "type"],
    async build({ db, params, today }) {
      const asOf = asOfParam(params, today);
      const provinceCode = provinceParam(params);
      const type = enumParam(params, "type", COMMUNE_TYPES);
      const snapshot = await registrySnapshot(db.prisma);
      const provinces = new Map(snapshot.provincesOn(asOf).map((p) => [p.code, p]));
      const communes = snapshot.communesOn(asOf).filter((c) => (provinceCode === null || c.provinceCode === provinceCode) && (type === null || c.type === type));
      const rows = communes.map((c) => {
        const center = snapshot.serviceCenterOf(c.id);
        return {
          code: c.code,
          name: c.name,
          fullName: c.fullName,
          nameEn: c.nameEn,
          type: c.type,
          provinceCode: c.provinceCode,
          provinceName: provinces.get(c.provinceCode)?.name ?? null,
          validFrom: day(c.validFrom),
          validTo: day(c.validTo),
          serviceCenterName: center?.name ?? null,
          serviceCenterScope: center?.scope ?? null,
          serviceCenterLegalBasis: center?.legalBasis ?? null,
          serviceCenterSourceUrl: center?.sourceUrl ?? null,
        };
      });
      const columns = ["code", "name", "fullName", "nameEn", "type", "provinceCode", "provinceName", "validFrom", "validTo"];
      columns.push("serviceCenterName", "serviceCenterScope", "serviceCenterLegalBasis", "serviceCenterSourceUrl");
      // Each row holds a commune, its province and its service center.
      return { columns, rows, cost: rows.length * 3 };
    },
  },
  // Commune.predecessorLinks (and predecessorDistricts' links) of the units holding on asOf.
  lineage: {
    filters: ["asOf", "provinceCode"],
    async build({ db, params, today }) {
      const asOf = asOfParam(params, today);
      const provinceCode = provinceParam(params);
      const snapshot = await registrySnapshot(db.prisma);
      const units = new Map(snapshot.communesOn(asOf).map((c) => [c.code, c]));
      const [links, districtLinks] = await Promise.all([
        db.prisma.lineageLink.findMany({
          include: { from: { select: { fullName: true, districtCode: true, provinceCode: true, district: { select: { fullName: true } }, province: { select: { fullName: true } } } } },
          orderBy: [{ toCode: "asc" }, { fromCode: "asc" }],
        }),
        db.prisma.districtLineageLink.findMany({
          include: { from: { select: { fullName: true, provinceCode: true, province: { select: { fullName: true } } } } },
          orderBy: [{ toCode: "asc" }, { fromCode: "asc" }],
        }),
      ]);
      const rows: TableRow[] = [];
      const add = (level: "COMMUNE" | "DISTRICT", link: (typeof links)[number] | (typeof districtLinks)[number], from: { fullName: string; districtCode: string | null; districtName: string | null; provinceCode: string; provinceName: string }) => {
        const to = units.get(link.toCode);
        if (provinceCode !== null && to?.provinceCode !== provinceCode) return;
        rows.push({
          fromLevel: level,
          fromCode: link.fromCode,
          fromName: from.fullName,
          fromDistrictCode: from.districtCode,
          fromDistrictName: from.districtName,
          fromProvinceCode: from.provinceCode,
          fromProvinceName: from.provinceName,
          toCode: link.toCode,
          toName: to?.fullName ?? null,
          toProvinceCode: to?.provinceCode ?? null,
          kind: link.kind,
          confidence: link.confidence,
          legalBasis: link.legalBasis,
          note: link.note,
          sources: link.sources.join("; "),
        });
      };
      for (const link of links)
        add("COMMUNE", link, { fullName: link.from.fullName, districtCode: link.from.districtCode, districtName: link.from.district.fullName, provinceCode: link.from.provinceCode, provinceName: link.from.province.fullName });
      for (const link of districtLinks)
        add("DISTRICT", link, { fullName: link.from.fullName, districtCode: link.fromCode, districtName: link.from.fullName, provinceCode: link.from.provinceCode, provinceName: link.from.province.fullName });
      rows.sort((a, b) => (a.toCode! < b.toCode! ? -1 : a.toCode! > b.toCode! ? 1 : a.fromCode! < b.fromCode! ? -1 : a.fromCode! > b.fromCode! ? 1 : 0));
      // Each row holds a link, its old unit and its new unit.
      return { columns: ["fromLevel", "fromCode", "fromName", "fromDistrictCode", "fromDistrictName", "fromProvinceCode", "fromProvinceName", "toCode", "toName", "toProvinceCode", "kind", "confidence", "legalBasis", "note", "sources"], rows, cost: rows.length * 3 };
    },
  },
  // Query.figures(indicator, provinceCode, status, from, to): current figures, oldest first.
  figures: {
    filters: ["indicator", "provinceCode", "status", "from", "to"],
    async build({ db, params }) {
      const indicator = params.get("indicator") || null;
      const provinceCode = provinceParam(params);
      const status = enumParam(params, "status", FIGURE_STATUSES);
      const from = dateParam(params, "from");
      const to = dateParam(params, "to");
      if (from && to && from > to) throw badUserInput("fromAfterTo", {}, "from");
      if (indicator !== null && (await db.prisma.indicator.count({ where: { code: indicator } })) === 0)
        throw badUserInput("unknownIndicator", { code: indicator }, "indicator");
      const figures = await db.prisma.figure.findMany({
        where: {
          ...(indicator !== null ? { indicatorCode: indicator } : {}),
          ...(status ? { status } : {}),
          ...(from || to ? { asOf: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } } : {}),
          // As Query.figures: with a province, figures about it, its communes and agencies.
          ...(provinceCode !== null ? { provinceCode, subjectType: { in: ["PROVINCE", "COMMUNE", "AGENCY"] } } : {}),
          ...figureStateWhere(),
        },
        include: { indicator: { select: { name: true } }, source: { select: { publisher: true, title: true, url: true } } },
        orderBy: [{ asOf: "asc" }, { indicatorCode: "asc" }, { id: "asc" }],
      });
      const rows = figures.map((f) => ({
        code: f.id,
        indicator: f.indicatorCode,
        indicatorName: f.indicator.name,
        subjectType: f.subjectType,
        subjectCode: f.subjectCode,
        subjectName: f.subjectName,
        provinceCode: f.provinceCode,
        value: f.value,
        qualifier: f.qualifier,
        unit: f.unit,
        asOf: isoDate(f.asOf),
        status: f.status,
        revision: f.revision,
        sourcePublisher: f.source.publisher,
        sourceTitle: f.source.title,
        sourceUrl: f.source.url,
        quote: f.quote,
        note: f.note,
      }));
      const columns = ["code", "indicator", "indicatorName", "subjectType", "subjectCode", "subjectName", "provinceCode", "value", "qualifier", "unit", "asOf", "status", "revision"];
      columns.push("sourcePublisher", "sourceTitle", "sourceUrl", "quote", "note");
      // Each row holds a figure, its indicator and its source.
      return { columns, rows, cost: rows.length * 3 };
    },
  },
};
