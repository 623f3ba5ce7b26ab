// Rows the figures seed derives rather than reads one by one: the area and population figures of every unit
// (from the checked map-portal records, prisma/data/area-population.json), the bodies Decree 150/2025/NĐ-CP
// requires of every province (prisma/data/curated/decree-frame.json) for the provinces that have no curated
// record of their own, and the People's Council, People's Committee and three offices of every commune-level unit.
// Each generated row cites its source; each agency says its basis.
import { z } from "zod";
import type { AreaPopulation } from "../data/area-population.js";
import { code } from "../data/files.js";
import { COMMUNE_KIND_WORD, fold } from "../data/vietnamese-names.js";
import type { Prisma } from "../generated/prisma/client.js";

const citedSource = z.object({
  title: z.string().nullable().optional(),
  publisher: z.string().min(1),
  url: z.string().url(),
  publishedOn: z.string().nullable().optional(),
  note: z.string().optional(),
});

const frameBody = z.object({ slug: z.string(), name: z.string(), nameEn: z.string(), kind: z.enum(["DEPARTMENT", "EQUIVALENT_BODY"]) });

export const decreeFrameRecord = z.object({
  province: z.object({
    source: citedSource,
    additionalSources: z.array(citedSource),
    bodies: z.array(frameBody),
    /** Departments only some provinces have (Decree 45/150 Art. 9; Hồ Chí Minh City's food-safety department); recorded only where a provincial source names them. */
    optionalBodies: z.array(frameBody),
    note: z.string(),
  }),
  /** The bodies of every commune-level unit: People's Council and Committee (Law 72/2025/QH15) and the offices of Art. 13. */
  commune: z.object({
    source: citedSource,
    additionalSources: z.array(citedSource),
    officeNote: z.string(),
    /** The sentence, verbatim from `source`, that lists the offices and the rule by unit type. */
    officeQuote: z.object({ source: citedSource, text: z.string().min(1) }),
    offices: z.array(z.object({ ...communeOffice(), urban: z.object(communeOffice()).optional() })).length(3),
    /** Special zones whose economic office is the urban one (the decree names Phú Quốc). */
    urbanSpecialZones: z.array(z.object({ code: code(5), name: z.string() })),
    government: z.object({
      source: citedSource,
      quote: z.string().min(1),
      withoutCouncilQuote: z.string().min(1),
      note: z.string(),
      /** Special zones with fewer than 1,000 permanent residents: a People's Committee and no People's Council (Art. 28). */
      withoutCouncil: z.array(z.object({ code: code(5), name: z.string(), reason: z.string() })),
    }),
  }),
});
export type DecreeFrame = z.infer<typeof decreeFrameRecord>;

/** prisma/data/curated/provincial-departments.json: the provincial sources that confirm or add bodies to the frame. */
export const provincialDepartmentsRecord = z.object({
  provinces: z.array(
    z.object({
      provinceCode: code(2),
      /** The province's act as far as it was seen (issuer, number, date); null when only reports were found. */
      act: z.string().min(1).nullable(),
      /** The number of departments a source states for the province, when one does. */
      statedDepartments: z.number().int().positive().nullable(),
      /** Every department of the province is named by a source here (the frame is not relied on). */
      listComplete: z.boolean(),
      note: z.string().min(1),
      bodies: z.array(
        z.object({
          slug: z.string(),
          basis: z.enum(["PROVINCIAL_ACT", "OFFICIAL_REPORT"]),
          /** Id of a vendored source (curated/sources.json) whose text holds the quote verbatim. */
          source: z.string().min(1),
          quote: z.string().min(1),
        }),
      ),
      additionalSources: z.array(z.string()),
    }),
  ),
});
export type ProvincialDepartments = z.infer<typeof provincialDepartmentsRecord>;
function communeOffice() {
  return { slug: z.string().regex(/^[a-z-]+$/), name: z.string().min(1), nameEn: z.string().min(1) };
}

export interface RegistryUnit {
  code: string;
  name: string;
  fullName: string;
  nameEn: string | null;
  kind?: "PROVINCE" | "CITY";
  type?: "COMMUNE" | "WARD" | "SPECIAL_ZONE";
  provinceCode?: string;
}

type Cited = z.infer<typeof citedSource>;
export type SourceFor = (cited: Cited) => string;

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The portal's record lines by crawl key ("ti8", "xa1234"), from the vendored extract. */
export function recordLines(text: string): Map<string, string> {
  const lines = new Map<string, string>();
  for (const line of text.split("\n")) {
    const tab = line.indexOf("\t");
    if (tab > 0 && !line.startsWith("#")) lines.set(line.slice(0, tab), line);
  }
  return lines;
}

export function areaPopulationRows(data: AreaPopulation, text: string, communes: RegistryUnit[], problems: string[]) {
  const { source } = data;
  const lines = recordLines(text);
  const provinceOf = new Map(communes.map((c) => [c.code, c.provinceCode!]));
  const sourceRow: Prisma.SourceCreateManyInput = {
    id: source.id,
    title: "Bản đồ sắp xếp đơn vị hành chính: records of the 34 provinces and the commune-level units (extract)",
    publisher: "Official map of administrative units after the 2025 rearrangement (sapnhap.bando.com.vn), Nhà xuất bản Tài nguyên - Môi trường và Bản đồ Việt Nam",
    url: "https://sapnhap.bando.com.vn/",
    publishedOn: null,
    language: "vi",
    originalLanguage: null,
    translationOfId: null,
    file: source.file,
    sha256: source.sha256,
    note: `Vendored extract (prisma/data/sources/${source.file}) of the portal's raw records as crawled in ${source.repository} (${source.path}, commit ${source.commit}): one record per line, values unchanged, geometry left out. The portal does not date its figures; they are dated ${source.asOf}, the day the units took effect. Each record was checked before use (prisma/data/area-population-report.md).`,
  };
  const figures: Prisma.FigureCreateManyInput[] = [];
  const add = (id: string, indicatorCode: string, unit: string, value: number, subjectType: "PROVINCE" | "COMMUNE", subjectCode: string, provinceCode: string, record: string, note: string) => {
    const quote = lines.get(record);
    if (!quote) {
      problems.push(`figure ${id}: record ${record} is not in ${source.file}`);
      return;
    }
    figures.push({
      id,
      indicatorCode,
      value,
      qualifier: "EXACT",
      unit,
      asOf: toDate(source.asOf),
      status: "REPORTED",
      subjectType,
      subjectCode,
      subjectName: null,
      provinceCode,
      sourceId: source.id,
      quote,
      note,
    });
  };
  for (const p of data.provinces) {
    const note =
      `Record ${p.record} of the map portal. Resolution 202/2025/QH15 states area and population of the 23 merged provinces; its text was not available to this build, so the figure rests on the portal record.` +
      (p.boundaryAreaKm2 != null ? ` The boundary file states ${p.boundaryAreaKm2} km².` : "");
    if (p.naturalAreaKm2 != null) add(`sapnhap-${p.code}-natural-area`, "natural_area_km2", "km2", p.naturalAreaKm2, "PROVINCE", p.code, p.code, p.record, note);
    if (p.population != null) add(`sapnhap-${p.code}-population`, "population", "people", p.population, "PROVINCE", p.code, p.code, p.record, note);
  }
  for (const c of data.communes) {
    if (!c.checked || c.record == null) continue;
    const provinceCode = provinceOf.get(c.code);
    if (!provinceCode) {
      problems.push(`area-population: commune ${c.code} is not in the registry`);
      continue;
    }
    const note = `Record ${c.record} of the map portal; its name and area agree with the unit (area within ${data.checks.areaTolerance * 100} % of the boundary file's), so its figures are the unit's.`;
    if (c.recordAreaKm2 != null) add(`sapnhap-${c.code}-natural-area`, "natural_area_km2", "km2", c.recordAreaKm2, "COMMUNE", c.code, provinceCode, c.record, note);
    if (c.population != null) add(`sapnhap-${c.code}-population`, "population", "people", c.population, "COMMUNE", c.code, provinceCode, c.record, note);
  }
  return { source: sourceRow, figures };
}

/**
 * Decree-frame agencies: the People's Committee and the 12 bodies of Art. 8 for every province without curated agencies.
 * Where a provincial source confirms a body (provincial-departments.json), the record takes that basis, the quoted
 * sentence and the source as its primary one; optional bodies (Art. 9) are added only where such a source names them.
 * Commune-level bodies are built by communeBodies.
 */
export function decreeFrameAgencies(
  frame: DecreeFrame,
  provinces: RegistryUnit[],
  curatedProvinces: Set<string>,
  sourceFor: SourceFor,
  provincial: ProvincialDepartments = { provinces: [] },
  /** Vendored source texts by id: a provincial quote must be verbatim in its source's text. */
  texts: Map<string, string> = new Map(),
  problems: string[] = [],
) {
  const agencies: Prisma.AgencyCreateManyInput[] = [];
  const agencySources: Prisma.AgencySourceCreateManyInput[] = [];
  const cite = (agencyId: string, sources: Cited[], vendored: string[] = []) => {
    vendored.forEach((sourceId, position) => agencySources.push({ agencyId, sourceId, position }));
    const seen = new Set(vendored);
    sources.forEach((cited, index) => {
      const sourceId = sourceFor(cited);
      if (seen.has(sourceId)) return;
      seen.add(sourceId);
      agencySources.push({ agencyId, sourceId, position: vendored.length + index });
    });
  };
  const provinceSources = [frame.province.source, ...frame.province.additionalSources];
  const frameSlugs = new Set(frame.province.bodies.map((b) => b.slug));
  const optional = new Map(frame.province.optionalBodies.map((b) => [b.slug, b]));
  const byProvince = new Map<string, ProvincialDepartments["provinces"][number]>();
  const known = new Set(provinces.map((p) => p.code));
  for (const entry of provincial.provinces) {
    const where = `provincial-departments ${entry.provinceCode}`;
    if (!known.has(entry.provinceCode)) problems.push(`${where}: unknown province`);
    if (curatedProvinces.has(entry.provinceCode)) problems.push(`${where}: the province has a curated list in agencies.json`);
    if (byProvince.has(entry.provinceCode)) problems.push(`${where}: listed twice`);
    byProvince.set(entry.provinceCode, entry);
    const slugs = new Set<string>();
    for (const body of entry.bodies) {
      if (!frameSlugs.has(body.slug) && !optional.has(body.slug)) problems.push(`${where}: ${body.slug} is neither a frame nor an optional body`);
      if (slugs.has(body.slug)) problems.push(`${where}: ${body.slug} listed twice`);
      slugs.add(body.slug);
      const text = texts.get(body.source);
      if (text == null) problems.push(`${where}: ${body.slug} cites ${body.source}, which is not a vendored source`);
      else if (!text.includes(body.quote)) problems.push(`${where}: ${body.slug}: quote is not verbatim in ${body.source}`);
    }
    for (const id of entry.additionalSources) if (!texts.has(id)) problems.push(`${where}: additional source ${id} is not a vendored source`);
    const departments = frame.province.bodies.length + entry.bodies.filter((b) => optional.has(b.slug)).length;
    if (entry.statedDepartments != null && entry.listComplete && departments !== entry.statedDepartments) {
      problems.push(`${where}: ${departments} departments recorded, the source states ${entry.statedDepartments}`);
    }
    if (entry.listComplete && frame.province.bodies.some((b) => !slugs.has(b.slug))) problems.push(`${where}: listComplete, but not every frame body is confirmed`);
  }
  for (const p of provinces) {
    if (curatedProvinces.has(p.code)) continue;
    const entry = byProvince.get(p.code);
    const confirmed = new Map((entry?.bodies ?? []).map((b) => [b.slug, b]));
    const city = p.kind === "CITY";
    const level = city ? "thành phố" : "tỉnh";
    const ubnd = `${p.code}-ubnd`;
    agencies.push({
      id: ubnd,
      name: `Ủy ban nhân dân ${level} ${p.name}`,
      nameEn: `${p.nameEn ?? p.name} ${city ? "City" : "Provincial"} People's Committee`,
      searchName: fold(`Ủy ban nhân dân ${level} ${p.name} ${p.nameEn ?? ""} People's Committee`),
      kind: "PEOPLES_COMMITTEE",
      level: "PROVINCE",
      provinceCode: p.code,
      parentId: null,
      note: `The executive of ${p.fullName}; Decree 150/2025/NĐ-CP organises its specialised agencies. No provincial source was read for this record.`,
      basis: "DECREE_FRAME",
    });
    cite(ubnd, provinceSources);
    const bodies = [...frame.province.bodies, ...frame.province.optionalBodies.filter((b) => confirmed.has(b.slug))];
    for (const body of bodies) {
      // "Thanh tra tỉnh", "Văn phòng Ủy ban nhân dân tỉnh" are "... thành phố" in the six cities.
      const name = city ? body.name.replace(/ tỉnh$/u, " thành phố") : body.name;
      const nameEn = city ? body.nameEn.replace(/^Provincial /u, "City ").replace(/ Provincial /u, " City ") : body.nameEn;
      const id = `${p.code}-${body.slug}`;
      const source = confirmed.get(body.slug);
      agencies.push({
        id,
        name,
        nameEn,
        searchName: fold(`${name} ${nameEn}`),
        kind: body.kind,
        level: "PROVINCE",
        provinceCode: p.code,
        parentId: ubnd,
        quote: source?.quote ?? null,
        quoteSourceId: source?.source ?? null,
        note: source
          ? `${source.basis === "PROVINCIAL_ACT" ? "Confirmed by the province's own act" : "Confirmed by an official report"}${entry!.act ? ` (act: ${entry!.act})` : ""}. ${entry!.note}`
          : entry
            ? `Required of every province by Decree 150/2025/NĐ-CP, Art. 8; no provincial source read names this body, so the record rests on the decree alone. ${entry.note}`
            : frame.province.note,
        basis: source?.basis ?? "DECREE_FRAME",
      });
      // A confirmed body cites its provincial source first, then the decree it is organised under.
      cite(id, provinceSources, source ? [source.source, ...entry!.additionalSources.filter((s) => s !== source.source)] : []);
    }
  }
  return { agencies, agencySources };
}

/** A commune-level unit during one period in which its bodies keep their names (cut where its type changes). */
export interface CommunePeriod {
  code: string;
  name: string;
  nameEn: string | null;
  type: "COMMUNE" | "WARD" | "SPECIAL_ZONE";
  provinceCode: string;
  validFrom: Date;
  validTo: Date | null;
}

/**
 * The periods of every unit from its registry versions: consecutive versions of one type are one period, since the
 * versions are also cut at every event of the unit's province, which leaves the unit's bodies as they were.
 */
export function communePeriods(versions: ReadonlyArray<Prisma.CommuneVersionCreateManyInput>): CommunePeriod[] {
  const sorted = [...versions].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : +a.validFrom! - +b.validFrom!));
  const periods: CommunePeriod[] = [];
  for (const version of sorted) {
    const last = periods.at(-1);
    const validTo = (version.validTo as Date | null | undefined) ?? null;
    if (last && last.code === version.code && last.type === version.type && +last.validTo! === +(version.validFrom as Date)) {
      last.validTo = validTo;
      continue;
    }
    periods.push({
      code: version.code,
      name: version.name,
      nameEn: version.nameEn ?? null,
      type: version.type,
      provinceCode: version.provinceCode,
      validFrom: version.validFrom as Date,
      validTo,
    });
  }
  return periods;
}

const UNIT_WORD_EN = { COMMUNE: "Commune", WARD: "Ward", SPECIAL_ZONE: "Special Zone" } as const;
const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The bodies of every commune-level unit, one record per body and period: its People's Council (none in a special zone
 * of fewer than 1,000 residents), its People's Committee and the three specialised offices of Decree 150/2025/NĐ-CP,
 * Art. 13, named by the unit's type on those days. Ids are "<commune code>-<body>@<first day>", like version ids.
 */
export function communeBodies(frame: DecreeFrame, periods: CommunePeriod[], sourceFor: SourceFor) {
  const { commune } = frame;
  // The quotes and notes are the same for thousands of rows: the rows carry a key, bulkInsert the text once
  // (24.6 MB of rows took 5.2 s CPU to insert on PGlite, 8.6 MB 2.5 s).
  const sharedTexts: Record<string, string> = {
    "§commune-office-quote": commune.officeQuote.text,
    "§commune-office-note": commune.officeNote,
    "§commune-government-quote": commune.government.quote,
    "§commune-government-note": commune.government.note,
    "§commune-without-council-quote": commune.government.withoutCouncilQuote,
    "§commune-without-council-note": `${commune.government.note} This special zone has fewer than 1,000 permanent residents, so it has no People's Council.`,
  };
  const agencies: Prisma.AgencyCreateManyInput[] = [];
  const agencySources: Prisma.AgencySourceCreateManyInput[] = [];
  const withoutCouncil = new Set(commune.government.withoutCouncil.map((unit) => unit.code));
  const urbanSpecialZones = new Set(commune.urbanSpecialZones.map((unit) => unit.code));
  const lawSource = sourceFor(commune.government.source);
  const officeSources = [sourceFor(commune.officeQuote.source), sourceFor(commune.source)];
  for (const unit of periods) {
    const word = COMMUNE_KIND_WORD[unit.type];
    const unitEn = `${unit.nameEn ?? unit.name} ${UNIT_WORD_EN[unit.type]}`;
    const from = day(unit.validFrom);
    const dated = { validFrom: unit.validFrom, validTo: unit.validTo };
    const place = { provinceCode: unit.provinceCode, communeCode: unit.code, level: "COMMUNE" as const, basis: "DECREE_FRAME" as const };
    const ubnd = `${unit.code}-ubnd@${from}`;
    const body = (id: string, name: string, nameEn: string, kind: Prisma.AgencyCreateManyInput["kind"], parentId: string | null, quote: string, note: string, sources: string[]) => {
      agencies.push({ id, name, nameEn, searchName: fold(`${name} ${nameEn}`), kind, parentId, quote, quoteSourceId: sources[0]!, note, ...place, ...dated });
      sources.forEach((sourceId, position) => agencySources.push({ agencyId: id, sourceId, position }));
    };
    const noCouncil = withoutCouncil.has(unit.code);
    if (!noCouncil) {
      body(`${unit.code}-hdnd@${from}`, `Hội đồng nhân dân ${word} ${unit.name}`, `People's Council of ${unitEn}`, "PEOPLES_COUNCIL", null, "§commune-government-quote", "§commune-government-note", [lawSource]);
    }
    body(
      ubnd,
      `Ủy ban nhân dân ${word} ${unit.name}`,
      `People's Committee of ${unitEn}`,
      "PEOPLES_COMMITTEE",
      null,
      noCouncil ? "§commune-without-council-quote" : "§commune-government-quote",
      noCouncil ? "§commune-without-council-note" : "§commune-government-note",
      [lawSource],
    );
    const urban = unit.type === "WARD" || urbanSpecialZones.has(unit.code);
    for (const office of commune.offices) {
      const { slug, name, nameEn } = urban && office.urban ? office.urban : office;
      body(`${unit.code}-${slug}@${from}`, `${name} ${word} ${unit.name}`, `${nameEn} of ${unitEn}`, "SPECIALIZED_OFFICE", ubnd, "§commune-office-quote", "§commune-office-note", officeSources);
    }
  }
  return { agencies, agencySources, sharedTexts };
}
