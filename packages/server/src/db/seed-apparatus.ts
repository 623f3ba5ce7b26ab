// Rows the figures seed derives rather than reads one by one: the area and population figures of every unit
// (from the checked map-portal records, prisma/data/area-population.json) and the bodies Decree 150/2025/NĐ-CP
// requires of every province (prisma/data/curated/decree-frame.json), for the provinces that have no curated
// record of their own. Each generated row cites its source; each agency says its basis.
import { z } from "zod";
import type { AreaPopulation } from "../data/area-population.js";
import { fold } from "../data/vietnamese-names.js";
import type { Prisma } from "../generated/prisma/client.js";

const citedSource = z.object({
  title: z.string().nullable().optional(),
  publisher: z.string().min(1),
  url: z.string().url(),
  publishedOn: z.string().nullable().optional(),
  note: z.string().optional(),
});

export const decreeFrameRecord = z.object({
  province: z.object({
    source: citedSource,
    additionalSources: z.array(citedSource),
    bodies: z.array(z.object({ slug: z.string(), name: z.string(), nameEn: z.string(), kind: z.enum(["DEPARTMENT", "EQUIVALENT_BODY"]) })),
    note: z.string(),
  }),
  /** Documents the commune-level rule that Figure.consistency applies (not turned into records). */
  commune: z.object({ source: citedSource, additionalSources: z.array(citedSource), officeNote: z.string() }),
});
export type DecreeFrame = z.infer<typeof decreeFrameRecord>;

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
 * Commune-level bodies are not rows (13,000 of them made the seed about 16 s slower on PGlite): their number is
 * checked by rule in Figure.consistency (Art. 13: three offices per unit).
 */
export function decreeFrameAgencies(frame: DecreeFrame, provinces: RegistryUnit[], curatedProvinces: Set<string>, sourceFor: SourceFor) {
  const agencies: Prisma.AgencyCreateManyInput[] = [];
  const agencySources: Prisma.AgencySourceCreateManyInput[] = [];
  const cite = (agencyId: string, sources: Cited[]) =>
    sources.forEach((cited, position) => agencySources.push({ agencyId, sourceId: sourceFor(cited), position }));
  const provinceSources = [frame.province.source, ...frame.province.additionalSources];
  for (const p of provinces) {
    if (curatedProvinces.has(p.code)) continue;
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
    for (const body of frame.province.bodies) {
      // "Thanh tra tỉnh", "Văn phòng Ủy ban nhân dân tỉnh" are "... thành phố" in the six cities.
      const name = city ? body.name.replace(/ tỉnh$/u, " thành phố") : body.name;
      const nameEn = city ? body.nameEn.replace(/^Provincial /u, "City ").replace(/ Provincial /u, " City ") : body.nameEn;
      const id = `${p.code}-${body.slug}`;
      agencies.push({
        id,
        name,
        nameEn,
        searchName: fold(`${name} ${nameEn}`),
        kind: body.kind,
        level: "PROVINCE",
        provinceCode: p.code,
        parentId: ubnd,
        note: frame.province.note,
        basis: "DECREE_FRAME",
      });
      cite(id, provinceSources);
    }
  }
  return { agencies, agencySources };
}
