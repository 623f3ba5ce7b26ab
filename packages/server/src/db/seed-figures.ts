// Loads the curated agencies, sources, indicators and figures (prisma/data/curated) into the database:
// idempotent (its own SeedState hash) and transactional, run after the registry seed.
import { createHash } from "node:crypto";
import { recordSeeded, seededHash } from "./seed-state.js";
import { announceChange } from "./changes.js";
import { bulkInsert } from "./bulk-insert.js";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { code, dataDir, fingerprint, isoDate, readJson, sha256 } from "../data/files.js";
import { fold } from "../data/vietnamese-names.js";
import type { Database } from "../db.js";
import type { Prisma } from "../generated/prisma/client.js";
import { AREA_POPULATION_FILE, parseAreaPopulation, type AreaPopulation } from "../data/area-population.js";
// One schema per data file: the lineage dataset's own, not a looser copy.
import { legacyDistrictRecord, legacyProvinceRecord } from "../data/legacy-files.js";
import { communeRecord, provinceRecord, registryEventRecord, serviceCenterBasis } from "../data/files.js";
import {
  areaPopulationRows,
  communeBodies,
  communePeriods,
  decreeFrameAgencies,
  decreeFrameRecord,
  provincialDepartmentsRecord,
  type CommunePeriod,
  type DecreeFrame,
  type ProvincialDepartments,
  type RegistryUnit,
} from "./seed-apparatus.js";
import { buildRegistryRows } from "./seed.js";
import { REGISTRY_START } from "../schema/as-of.js";

const DATASET = "figures";

export const sourceRecord = z.object({
  id: z.string().min(1),
  file: z.string().min(1),
  title: z.string().nullable(),
  publisher: z.string().min(1),
  url: z.string().url(),
  /** Null when the page's date was not seen (the note then says what date the text itself gives). */
  publishedOn: isoDate.nullable(),
  language: z.string().min(2),
  originalLanguage: z.string().nullable(),
  translationOf: z.string().nullable(),
  note: z.string().nullable(),
  sha256,
});

export const indicatorRecord = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  name: z.string().min(1),
  nameVi: z.string().min(1),
  unit: z.string().min(1),
  description: z.string().min(1),
});

const SUBJECT_TYPES = ["PROVINCE", "COMMUNE", "AGENCY", "LEGACY_PROVINCE", "LEGACY_DISTRICT"] as const;

export const figureRecord = z.object({
  id: z.string().min(1),
  indicator: z.string().min(1),
  value: z.number().finite(),
  qualifier: z.enum(["EXACT", "APPROXIMATE", "AT_LEAST", "MORE_THAN", "AT_MOST", "LESS_THAN"]),
  unit: z.string().min(1),
  asOf: isoDate,
  status: z.enum(["REPORTED", "PLANNED", "TARGET"]),
  subject: z.object({ type: z.enum(SUBJECT_TYPES), code: z.string().nullable(), name: z.string().optional() }),
  source: z.string().min(1),
  quote: z.string().min(1),
  note: z.string().nullable().optional(),
});

const citedSource = z.object({
  title: z.string().nullable().optional(),
  publisher: z.string().min(1),
  url: z.string().url(),
  publishedOn: isoDate.nullable().optional(),
  note: z.string().optional(),
  sourceId: z.string().optional(),
});

export const agencyRecord = z.object({
  id: z.string().regex(/^[0-9a-z-]+$/),
  provinceCode: code(2),
  communeCode: code(5).nullable().optional(),
  name: z.string().min(1),
  nameEn: z.string().nullable(),
  kind: z.enum(["PEOPLES_COMMITTEE", "DEPARTMENT", "EQUIVALENT_BODY", "SPECIALIZED_OFFICE"]),
  level: z.enum(["PROVINCE", "COMMUNE"]),
  parentId: z.string().nullable(),
  source: citedSource,
  additionalSources: z.array(citedSource).default([]),
  quote: z.string().nullable(),
  quoteSource: z.string().nullable(),
  note: z.string().nullable(),
  /** What the record rests on; when absent: DECREE_FRAME if its primary source is Decree 150's text or summary, else OFFICIAL_REPORT. */
  basis: z.enum(["DECREE_FRAME", "PROVINCIAL_ACT", "OFFICIAL_REPORT"]).optional(),
});

export type SourceRecord = z.infer<typeof sourceRecord>;
export type FigureRecord = z.infer<typeof figureRecord>;
export type AgencyRecord = z.infer<typeof agencyRecord>;

export interface FiguresData {
  sources: SourceRecord[];
  indicators: z.infer<typeof indicatorRecord>[];
  figures: FigureRecord[];
  agencies: AgencyRecord[];
  legacyProvinces: z.infer<typeof legacyProvinceRecord>[];
  legacyDistricts: z.infer<typeof legacyDistrictRecord>[];
  areaPopulation: AreaPopulation;
  decreeFrame: DecreeFrame;
  provincialDepartments: ProvincialDepartments;
  provinces: RegistryUnit[];
  communes: RegistryUnit[];
  /** Every commune-level unit's periods of one type, from the registry and its events: its bodies are dated by them. */
  communePeriods: CommunePeriod[];
  /** Vendored source texts by source id. */
  texts: Map<string, string>;
  hash: string;
}

/** The files of the figures dataset, in the order they are hashed, and the hash's salt. */
export const FIGURES_FILES = [
  "curated/sources.json",
  "curated/indicators.json",
  "curated/figures.json",
  "curated/agencies.json",
  "legacy-provinces.json",
  "legacy-districts.json",
  AREA_POPULATION_FILE,
  "curated/decree-frame.json",
  "curated/provincial-departments.json",
  "provinces.json",
  "communes.json",
  "registry-events.json",
  "curated/service-centers.json",
] as const;
export const FIGURES_SALT = "seed-figures:v4";

export function readFiguresData(): FiguresData {
  const hash = createHash("sha256");
  const [
    sourceFile,
    indicatorFile,
    figureFile,
    agencyFile,
    legacyProvinceFile,
    legacyDistrictFile,
    areaFile,
    frameFile,
    provincialFile,
    provinceFile,
    communeFile,
    eventFile,
    centerFile,
  ] = FIGURES_FILES;
  const sources = readJson(hash, sourceFile, z.array(sourceRecord));
  const indicators = readJson(hash, indicatorFile, z.array(indicatorRecord));
  const figures = readJson(hash, figureFile, z.array(figureRecord));
  const agencies = readJson(hash, agencyFile, z.array(agencyRecord));
  const legacyProvinces = readJson(hash, legacyProvinceFile, z.array(legacyProvinceRecord));
  const legacyDistricts = readJson(hash, legacyDistrictFile, z.array(legacyDistrictRecord));
  const areaBytes = fs.readFileSync(path.join(dataDir, areaFile));
  hash.update(areaFile).update(areaBytes);
  const areaPopulation = parseAreaPopulation(areaBytes.toString("utf8"));
  const decreeFrame = readJson(hash, frameFile, decreeFrameRecord);
  const provincialDepartments = readJson(hash, provincialFile, provincialDepartmentsRecord);
  const provinces = readJson(hash, provinceFile, z.array(provinceRecord));
  const communes = readJson(hash, communeFile, z.array(communeRecord));
  const events = readJson(hash, eventFile, z.array(registryEventRecord));
  const serviceCenters = readJson(hash, centerFile, serviceCenterBasis);
  // The registry's own versions (db/seed.ts), so that bodies change name on the day their unit changes type.
  const versions = buildRegistryRows({ provinces, communes, events, serviceCenters, hash: "" }).communeVersions;
  const texts = new Map<string, string>();
  {
    // The map portal's record extract: the quotes of the area and population figures are its lines.
    const bytes = fs.readFileSync(path.join(dataDir, "sources", areaPopulation.source.file));
    const digest = createHash("sha256").update(bytes).digest("hex");
    if (digest !== areaPopulation.source.sha256) throw new Error(`prisma/data/sources/${areaPopulation.source.file} does not match its sha256 in ${areaFile}`);
    texts.set(areaPopulation.source.id, bytes.toString("utf8"));
  }
  for (const source of sources) {
    const bytes = fs.readFileSync(path.join(dataDir, "sources", source.file));
    const digest = createHash("sha256").update(bytes).digest("hex");
    if (digest !== source.sha256) throw new Error(`prisma/data/sources/${source.file} does not match its sha256 in sources.json`);
    texts.set(source.id, bytes.toString("utf8"));
  }
  hash.update(FIGURES_SALT);
  return {
    sources,
    indicators,
    figures,
    agencies,
    legacyProvinces,
    legacyDistricts,
    areaPopulation,
    decreeFrame,
    provincialDepartments,
    provinces,
    communes,
    communePeriods: communePeriods(versions),
    texts,
    hash: hash.digest("hex"),
  };
}

export interface FiguresRows {
  sources: Prisma.SourceCreateManyInput[];
  indicators: Prisma.IndicatorCreateManyInput[];
  figures: Prisma.FigureCreateManyInput[];
  agencies: Prisma.AgencyCreateManyInput[];
  agencySources: Prisma.AgencySourceCreateManyInput[];
  /** Texts that agency rows' `quote` and `note` name by key ("§…") instead of repeating them (see bulkInsert). */
  sharedTexts: Record<string, string>;
}

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The decree's own text or summaries of it: an agency resting on one of these rests on the decree's frame. */
const DECREE_URLS = new Set([
  "https://luatvietnam.vn/linh-vuc-khac/7-diem-dang-chu-y-tai-nghi-dinh-150-2025-nd-cp-ve-to-chuc-so-phong-cap-tinh-cap-xa-883-102553-article.html",
]);

/** External pages get a stable id from their URL, so that several agencies citing one page share it. */
export const webSourceId = (url: string) => `web-${createHash("sha256").update(url).digest("hex").slice(0, 12)}`;

/**
 * A legacy district named without a code ("Huyện Văn Bàn (tỉnh Lào Cai, legacy province 10)") is
 * given the code of the one legacy district whose full name it starts with, and only when exactly one
 * district in the statistics office's list has that full name. Otherwise the code stays null.
 */
export function resolveLegacyDistrict(name: string, districts: FiguresData["legacyDistricts"]) {
  const matches = districts.filter((d) => name === d.fullName || name.startsWith(`${d.fullName} (`));
  return matches.length === 1 ? matches[0]! : null;
}

/** Validates the curated set (what check-quotes.mjs checks) and turns it into rows. */
export function buildFiguresRows(data: FiguresData): FiguresRows {
  const problems: string[] = [];
  const sourceById = new Map(data.sources.map((s) => [s.id, s]));
  const indicatorByCode = new Map(data.indicators.map((i) => [i.code, i]));
  const successor = new Map(data.legacyProvinces.map((p) => [p.code, p.successorCode]));
  const agencyById = new Map(data.agencies.map((a) => [a.id, a]));
  const communeProvince = new Map(data.communes.map((c) => [c.code, c.provinceCode]));

  const rows: FiguresRows = { sources: [], indicators: [], figures: [], agencies: [], agencySources: [], sharedTexts: {} };
  // Translations point at their original, so originals are inserted first.
  const ordered = [...data.sources].sort((a, b) => Number(a.translationOf != null) - Number(b.translationOf != null));
  for (const source of ordered) {
    if (source.translationOf != null && !sourceById.has(source.translationOf)) {
      problems.push(`source ${source.id}: translationOf ${source.translationOf} is unknown`);
    }
    rows.sources.push({
      id: source.id,
      title: source.title,
      publisher: source.publisher,
      url: source.url,
      publishedOn: source.publishedOn ? toDate(source.publishedOn) : null,
      language: source.language,
      originalLanguage: source.originalLanguage,
      translationOfId: source.translationOf,
      file: source.file,
      sha256: source.sha256,
      note: source.note,
    });
  }
  rows.indicators = data.indicators.map((i) => ({ ...i }));

  for (const figure of data.figures) {
    const where = `figure ${figure.id}`;
    const indicator = indicatorByCode.get(figure.indicator);
    if (!indicator) problems.push(`${where}: unknown indicator ${figure.indicator}`);
    else if (indicator.unit !== figure.unit) problems.push(`${where}: unit ${figure.unit} is not the indicator's ${indicator.unit}`);
    const source = sourceById.get(figure.source);
    if (!source) problems.push(`${where}: unknown source ${figure.source}`);
    else if (source.translationOf != null) problems.push(`${where}: cites the translation ${source.id}; cite ${source.translationOf}`);
    else if (!data.texts.get(source.id)!.includes(figure.quote)) problems.push(`${where}: quote is not verbatim in ${source.file}`);

    const { type } = figure.subject;
    let subjectCode = figure.subject.code;
    let note = figure.note ?? null;
    let provinceCode: string | null = null;
    if (type === "PROVINCE") provinceCode = subjectCode;
    else if (type === "AGENCY") provinceCode = subjectCode ? (agencyById.get(subjectCode)?.provinceCode ?? null) : null;
    else if (type === "COMMUNE") provinceCode = subjectCode ? (communeProvince.get(subjectCode) ?? null) : null;
    else if (type === "LEGACY_PROVINCE") provinceCode = subjectCode ? (successor.get(subjectCode) ?? null) : null;
    else if (type === "LEGACY_DISTRICT") {
      if (subjectCode == null && figure.subject.name) {
        const district = resolveLegacyDistrict(figure.subject.name, data.legacyDistricts);
        if (district) {
          subjectCode = district.code;
          note = `${note ? `${note} ` : ""}Code ${district.code} was assigned when seeding: it is the only district named "${district.fullName}" in the statistics office's list of legacy districts (legacy province ${district.provinceCode}).`;
        }
      }
      const district = data.legacyDistricts.find((d) => d.code === subjectCode);
      provinceCode = district ? (successor.get(district.provinceCode) ?? null) : null;
    }
    if (type === "COMMUNE" && subjectCode == null) problems.push(`${where}: a COMMUNE subject needs a code`);
    if ((type === "PROVINCE" || type === "AGENCY") && subjectCode == null) problems.push(`${where}: a ${type} subject needs a code`);

    rows.figures.push({
      id: figure.id,
      indicatorCode: figure.indicator,
      value: figure.value,
      qualifier: figure.qualifier,
      unit: figure.unit,
      asOf: toDate(figure.asOf),
      status: figure.status,
      subjectType: type,
      subjectCode,
      subjectName:
        figure.subject.name ??
        (type === "LEGACY_PROVINCE" ? (data.legacyProvinces.find((p) => p.code === subjectCode)?.fullName ?? null) : null),
      provinceCode,
      sourceId: figure.source,
      quote: figure.quote,
      note,
    });
  }

  const webSources = new Map<string, Prisma.SourceCreateManyInput>();
  const webSource = (cited: z.infer<typeof citedSource>) => {
    const sourceId = webSourceId(cited.url);
    if (!webSources.has(sourceId)) {
      webSources.set(sourceId, {
        id: sourceId,
        title: cited.title ?? null,
        publisher: cited.publisher,
        url: cited.url,
        publishedOn: cited.publishedOn ? toDate(cited.publishedOn) : null,
        language: null,
        originalLanguage: null,
        translationOfId: null,
        file: null,
        sha256: null,
        note: cited.note ?? null,
      });
    }
    return sourceId;
  };
  for (const agency of data.agencies) {
    const where = `agency ${agency.id}`;
    if (agency.parentId != null && !agencyById.has(agency.parentId)) problems.push(`${where}: unknown parent ${agency.parentId}`);
    if (agency.level === "COMMUNE" && !agency.communeCode) problems.push(`${where}: a commune-level agency needs a communeCode`);
    if (agency.quoteSource != null) {
      const text = data.texts.get(agency.quoteSource);
      if (!text) problems.push(`${where}: unknown quoteSource ${agency.quoteSource}`);
      else if (!agency.quote || !text.includes(agency.quote)) problems.push(`${where}: quote is not verbatim in ${agency.quoteSource}`);
    }
    rows.agencies.push({
      id: agency.id,
      name: agency.name,
      nameEn: agency.nameEn,
      searchName: fold(`${agency.name} ${agency.nameEn ?? ""}`),
      kind: agency.kind,
      level: agency.level,
      provinceCode: agency.provinceCode,
      communeCode: agency.communeCode ?? null,
      parentId: agency.parentId,
      quote: agency.quoteSource ? agency.quote : null,
      quoteSourceId: agency.quoteSource,
      note: agency.note,
      basis: agency.basis ?? (DECREE_URLS.has(agency.source.url) ? "DECREE_FRAME" : "OFFICIAL_REPORT"),
    });
    const seen = new Set<string>();
    [agency.source, ...agency.additionalSources].forEach((cited, position) => {
      let sourceId = cited.sourceId;
      if (sourceId) {
        if (!sourceById.has(sourceId)) problems.push(`${where}: unknown sourceId ${sourceId}`);
      } else {
        sourceId = webSource(cited);
      }
      if (seen.has(sourceId)) return;
      seen.add(sourceId);
      rows.agencySources.push({ agencyId: agency.id, sourceId, position });
    });
  }
  // Derived rows: decree-frame agencies where nothing is curated, and the checked area and population figures.
  const curatedProvinces = new Set(data.agencies.filter((a) => a.level === "PROVINCE").map((a) => a.provinceCode));
  const frame = decreeFrameAgencies(data.decreeFrame, data.provinces, curatedProvinces, webSource, data.provincialDepartments, data.texts, problems);
  for (const agency of frame.agencies) {
    if (agencyById.has(agency.id)) problems.push(`agency ${agency.id}: both curated and derived from the decree frame`);
  }
  rows.agencies.push(...frame.agencies);
  rows.agencySources.push(...frame.agencySources);
  if (data.agencies.some((a) => a.level === "COMMUNE")) problems.push("curated commune-level agencies would duplicate the derived commune bodies");
  const bodies = communeBodies(data.decreeFrame, data.communePeriods, webSource);
  rows.agencies.push(...bodies.agencies);
  rows.agencySources.push(...bodies.agencySources);
  rows.sharedTexts = bodies.sharedTexts;
  const area = areaPopulationRows(data.areaPopulation, data.texts.get(data.areaPopulation.source.id)!, data.communes, problems);
  rows.sources.push(area.source);
  rows.figures.push(...area.figures);
  rows.sources.push(...webSources.values());
  // bulkInsert names the columns any row has, so every row states its first day (the registry's, unless dated).
  for (const agency of rows.agencies) agency.validFrom ??= toDate(REGISTRY_START);
  // Parents before children (createMany inserts in order; the foreign key is checked per row).
  const parentOf = new Map(rows.agencies.map((a) => [a.id, a.parentId ?? null]));
  const depth = (id: string | null | undefined): number => (id ? 1 + depth(parentOf.get(id)) : 0);
  rows.agencies.sort((a, b) => depth(a.parentId) - depth(b.parentId));

  if (problems.length) throw new Error(`Curated figures data is invalid:\n${problems.join("\n")}`);
  return rows;
}

export interface FiguresSeedResult {
  seeded: boolean;
  counts: { sources: number; indicators: number; figures: number; agencies: number };
}

/** Seeds agencies, sources, indicators and figures unless the database already holds this dataset. */
export async function seedFigures(db: Database, given?: FiguresData): Promise<FiguresSeedResult> {
  const { prisma } = db;
  const current = await seededHash(prisma, DATASET);
  if (current === (given?.hash ?? fingerprint(FIGURES_FILES, FIGURES_SALT))) {
    const [sources, indicators, figures, agencies] = await Promise.all([
      prisma.source.count(),
      prisma.indicator.count(),
      prisma.figure.count(),
      prisma.agency.count(),
    ]);
    return { seeded: false, counts: { sources, indicators, figures, agencies } };
  }
  const data = given ?? readFiguresData();
  const rows = buildFiguresRows(data);
  const counts = {
    sources: rows.sources.length,
    indicators: rows.indicators.length,
    figures: rows.figures.length,
    agencies: rows.agencies.length,
  };
  // Re-seeding replaces every figure and source: it must never wipe what stewards wrote since.
  const stewarded = await prisma.figure.count({ where: { OR: [{ createdBy: { not: null } }, { retractedAt: { not: null } }] } });
  const stewardSources = await prisma.source.count({ where: { createdBy: { not: null } } });
  if (stewarded + stewardSources > 0) {
    throw new Error(
      `The curated figures changed, but the database holds ${stewarded} figure(s) and ${stewardSources} source(s) written or retracted by stewards; ` +
        "re-seeding would delete them. Add the curated changes through `npm run import` instead (see docs/stewardship.md).",
    );
  }
  await prisma.$transaction(
    async (tx) => {
      await tx.figure.deleteMany();
      await tx.agencySource.deleteMany();
      await tx.agency.deleteMany();
      await tx.indicator.deleteMany();
      await tx.source.deleteMany();
      await bulkInsert(tx, "Source", rows.sources);
      await tx.indicator.createMany({ data: rows.indicators });
      await bulkInsert(tx, "Agency", rows.agencies, { columns: ["quote", "note"], texts: rows.sharedTexts });
      await bulkInsert(tx, "AgencySource", rows.agencySources);
      await bulkInsert(tx, "Figure", rows.figures);
      await recordSeeded(tx, DATASET, data.hash);
      await announceChange(tx, "figures");
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  return { seeded: true, counts };
}
