// Issue 23: area and population of every unit (checked map-portal records), departments of all 34 provinces
// with their basis and, where found, the provincial source that confirms them, and Lào Cai's reported 297
// specialised offices reconciled with the registry.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseAreaPopulation } from "../src/data/area-population.js";
import { dataDir } from "../src/data/files.js";
import { buildFiguresRows, readFiguresData } from "../src/db/seed-figures.js";
import { createTestServer, type TestServer } from "./helpers.js";

const areaPopulation = parseAreaPopulation(fs.readFileSync(path.join(dataDir, "area-population.json"), "utf8"));
const extract = fs.readFileSync(path.join(dataDir, "sources", areaPopulation.source.file), "utf8");
const line = (record: string) => extract.split("\n").find((l) => l.startsWith(`${record}\t`))!;
interface ProvincialEntry {
  provinceCode: string;
  statedDepartments: number | null;
  listComplete: boolean;
  bodies: { slug: string; basis: string; source: string; quote: string }[];
}
const provincial = (JSON.parse(fs.readFileSync(path.join(dataDir, "curated", "provincial-departments.json"), "utf8")) as { provinces: ProvincialEntry[] }).provinces;
// The decree frame: the province part's optional bodies, and the commune part the commune-body tests read.
const frame = JSON.parse(fs.readFileSync(path.join(dataDir, "curated", "decree-frame.json"), "utf8"));
const OPTIONAL = new Set((frame.province.optionalBodies as { slug: string }[]).map((b) => b.slug));
/** Departments recorded for a province without a curated list: the frame's 12 plus the optional bodies a source names. */
const expectedDepartments = (code: string) => 12 + (provincial.find((p) => p.provinceCode === code)?.bodies.filter((b) => OPTIONAL.has(b.slug)).length ?? 0);

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer({ data: "all" });
}, 600_000);
afterAll(() => server?.drop());

it("compare gives 34 non-null populations and areas whose sums are the portal records' sums", async () => {
  for (const [indicator, field, vietnamese] of [
    ["population", "a07_ds", (s: string) => Number(s.replace(/\./gu, ""))],
    ["natural_area_km2", "a06_dt", (s: string) => Number(s.replace(/\./gu, "").replace(",", "."))],
  ] as const) {
    const { data, errors } = await server.gql(`{ compare(indicator: "${indicator}") { province { code } value figure { quote source { code } } } }`);
    expect(errors).toBeUndefined();
    const rows = data!.compare as Array<{ province: { code: string }; value: number | null; figure: { quote: string; source: { code: string } } }>;
    expect(rows).toHaveLength(34);
    expect(rows.filter((r) => r.value == null)).toEqual([]);
    // Every value is the one its quoted record states, and the quote is a line of the vendored extract.
    let fromRecords = 0;
    for (const row of rows) {
      expect(extract.split("\n")).toContain(row.figure.quote);
      expect(row.figure.source.code).toBe("sapnhap-bando-records");
      const stated = vietnamese(JSON.parse(row.figure.quote.split("\t")[1]!)[field]);
      expect(row.value).toBeCloseTo(stated, 6);
      fromRecords += stated;
    }
    const sum = rows.reduce((s, r) => s + r.value!, 0);
    expect(sum).toBeCloseTo(fromRecords, 3);
    if (indicator === "population") expect(sum).toBe(112_093_848); // the 34 province records of the portal, summed by hand from the extract
  }
});

it("gives no population to a unit whose portal record was shuffled, and none below 1,000", async () => {
  const shuffled = areaPopulation.communes.filter((c) => c.flags.some((f) => f.code === "RECORD_SHUFFLED"));
  expect(shuffled.length).toBeGreaterThan(250);
  // Phường Tam Sơn (Bắc Ninh, 09370): its record states 17.75 km² and 32 people; its boundary has 14.11 km².
  expect(line("xa1000")).toContain('"a03_ten":"Phường Tam Sơn"');
  const { data, errors } = await server.gql(`{
    tamSon: commune(code: "09370") { naturalAreaKm2 population }
    tanAn: commune(code: "07682") { naturalAreaKm2 population }
    cauGiay: commune(code: "00166") { naturalAreaKm2 population }
    laoCai: province(code: "15") { naturalAreaKm2 population }
  }`);
  expect(errors).toBeUndefined();
  expect(data!.tamSon).toEqual({ naturalAreaKm2: 14.11, population: null });
  expect(data!.tanAn.population).toBeNull();
  expect(data!.cauGiay).toEqual({ naturalAreaKm2: 3.74, population: 74516 });
  expect(data!.laoCai).toEqual({ naturalAreaKm2: 13256.92, population: 1778785 });
  const figures = await server.db.prisma.figure.findMany({ where: { indicatorCode: "population", subjectCode: { in: shuffled.map((c) => c.code) } } });
  expect(figures).toEqual([]);
  const low = await server.db.prisma.figure.count({ where: { indicatorCode: "population", subjectType: "COMMUNE", value: { lt: 1000 } } });
  expect(low).toBe(3); // Bạch Long Vĩ, Cồn Cỏ, Trường Sa: island special zones
});

it("every figure and every agency has a source", async () => {
  const prisma = server.db.prisma;
  expect(await prisma.figure.count({ where: { OR: [{ quote: "" }] } })).toBe(0);
  const agencies = await prisma.agency.findMany({ select: { id: true, sources: { select: { sourceId: true } } } });
  expect(agencies.filter((a) => a.sources.length === 0)).toEqual([]);
  const sourceIds = new Set((await prisma.source.findMany({ select: { id: true } })).map((s) => s.id));
  const figures = await prisma.figure.findMany({ select: { sourceId: true }, distinct: ["sourceId"] });
  expect(figures.filter((f) => !sourceIds.has(f.sourceId))).toEqual([]);
});

it("lists departments of all 34 provinces with their basis; the decree frame's 12 where no provincial source adds a body", async () => {
  const { data, errors } = await server.gql(`{ provinces(first: 40) { nodes { code departments(first: 50) { totalCount nodes { code basis } } agencyCoverage { departments confirmedDepartments decreeFrameOnly } } } }`);
  expect(errors).toBeUndefined();
  const provinces = data!.provinces.nodes as Array<{ code: string; departments: { totalCount: number; nodes: { code: string; basis: string }[] }; agencyCoverage: { departments: number; confirmedDepartments: number; decreeFrameOnly: boolean } }>;
  expect(provinces).toHaveLength(34);
  const curated = JSON.parse(fs.readFileSync(path.join(dataDir, "curated", "agencies.json"), "utf8")) as Array<{ provinceCode: string; kind: string }>;
  const sourced = new Set(provincial.map((p) => p.provinceCode));
  for (const p of provinces) {
    const expected = ["15", "12"].includes(p.code) ? curated.filter((a) => a.provinceCode === p.code && a.kind !== "PEOPLES_COMMITTEE").length : expectedDepartments(p.code);
    expect(p.departments.totalCount, p.code).toBe(expected);
    expect(p.agencyCoverage.departments).toBe(expected);
    if (!["15", "12"].includes(p.code) && !sourced.has(p.code)) {
      expect(p.departments.nodes.every((d) => d.basis === "DECREE_FRAME")).toBe(true);
      expect(p.agencyCoverage).toMatchObject({ confirmedDepartments: 0, decreeFrameOnly: true });
    }
  }
  expect(provinces.filter((p) => p.agencyCoverage.decreeFrameOnly)).toHaveLength(34 - 2 - provincial.length);
  const hanoi = provinces.find((p) => p.code === "01")!;
  expect(hanoi.departments.nodes.map((d) => d.code)).toContain("01-thanh-tra-tinh");
  const laoCai = provinces.find((p) => p.code === "15")!;
  expect(laoCai.departments.totalCount).toBe(14);
  expect(laoCai.agencyCoverage.decreeFrameOnly).toBe(false);
  const { data: named } = await server.gql(`{ agency(code: "01-thanh-tra-tinh") { name basis } }`);
  expect(named!.agency).toEqual({ name: "Thanh tra thành phố", basis: "DECREE_FRAME" });
});

it("counts each province's departments as its sources do, and agencyCoverage reports the confirmed ones", async () => {
  const { data, errors } = await server.gql(`{ provinces(first: 40) { nodes { code departments(first: 50) { nodes { code basis } } agencyCoverage { departments confirmedDepartments decreeFrameOnly } } } }`);
  expect(errors).toBeUndefined();
  const byCode = new Map((data!.provinces.nodes as Array<{ code: string; departments: { nodes: { code: string; basis: string }[] }; agencyCoverage: { departments: number; confirmedDepartments: number; decreeFrameOnly: boolean } }>).map((p) => [p.code, p]));
  expect(provincial.length).toBeGreaterThanOrEqual(9);
  for (const entry of provincial) {
    const p = byCode.get(entry.provinceCode)!;
    expect(p.agencyCoverage.confirmedDepartments, entry.provinceCode).toBe(entry.bodies.length);
    expect(p.agencyCoverage.decreeFrameOnly).toBe(false);
    if (entry.statedDepartments != null) expect(p.agencyCoverage.departments, entry.provinceCode).toBe(entry.statedDepartments);
    const basis = new Map(p.departments.nodes.map((d) => [d.code, d.basis]));
    for (const body of entry.bodies) expect(basis.get(`${entry.provinceCode}-${body.slug}`), `${entry.provinceCode}-${body.slug}`).toBe(body.basis);
    if (entry.listComplete) expect(p.departments.nodes.filter((d) => d.basis === "DECREE_FRAME")).toEqual([]);
  }
  // Nghệ An's act lists 14: the frame's 12, Sở Ngoại vụ and Sở Dân tộc và Tôn giáo, all confirmed by the act.
  expect(byCode.get("40")!.agencyCoverage).toEqual({ departments: 14, confirmedDepartments: 14, decreeFrameOnly: false });
  expect(byCode.get("40")!.departments.nodes.map((d) => d.code)).toEqual(expect.arrayContaining(["40-so-ngoai-vu", "40-so-dan-toc-va-ton-giao"]));
  // Sơn La: Resolution 461 established 6 and kept 8; 11 of the 14 are named by a source.
  expect(byCode.get("14")!.agencyCoverage).toEqual({ departments: 14, confirmedDepartments: 11, decreeFrameOnly: false });
  // Lạng Sơn: no source names a Sở Ngoại vụ, so none is recorded; its Sở Dân tộc và Tôn giáo is.
  expect(byCode.get("20")!.departments.nodes.map((d) => d.code)).not.toContain("20-so-ngoai-vu");
  expect(byCode.get("20")!.agencyCoverage.departments).toBe(13);
  // Merged on 2025-07-01: Cần Thơ's and Đồng Tháp's first People's Council sessions fix their whole lists; Đồng Tháp has
  // exactly the frame's 12. Hồ Chí Minh City's 15 include its own Sở An toàn thực phẩm and Sở Du lịch.
  expect(byCode.get("92")!.agencyCoverage).toEqual({ departments: 14, confirmedDepartments: 14, decreeFrameOnly: false });
  expect(byCode.get("82")!.agencyCoverage).toEqual({ departments: 12, confirmedDepartments: 12, decreeFrameOnly: false });
  expect(byCode.get("79")!.departments.nodes.map((d) => d.code)).toEqual(expect.arrayContaining(["79-so-an-toan-thuc-pham", "79-so-du-lich"]));
});

it("every department confirmed by a provincial source carries its quote, verbatim in its vendored source, and cites it first", async () => {
  const provinceCodes = provincial.map((p) => p.provinceCode);
  const rows = await server.db.prisma.agency.findMany({
    where: { provinceCode: { in: provinceCodes }, basis: { not: "DECREE_FRAME" } },
    select: { id: true, quote: true, quoteSourceId: true, sources: { orderBy: { position: "asc" }, select: { source: { select: { id: true, file: true } } } } },
  });
  expect(rows).toHaveLength(provincial.reduce((n, p) => n + p.bodies.length, 0));
  for (const agency of rows) {
    expect(agency.quote, agency.id).toBeTruthy();
    const first = agency.sources[0]!.source;
    expect(first.id).toBe(agency.quoteSourceId);
    expect(first.file, agency.id).toBeTruthy();
    expect(fs.readFileSync(path.join(dataDir, "sources", first.file!), "utf8")).toContain(agency.quote);
    // The decree the body is organised under stays among its sources.
    expect(agency.sources.length).toBeGreaterThan(1);
  }
});

it("departments-report.md names exactly the provinces whose departments still rest on the decree alone", async () => {
  const { data } = await server.gql(`{ provinces(first: 40) { nodes { code agencyCoverage { decreeFrameOnly } } } }`);
  const decreeOnly = (data!.provinces.nodes as Array<{ code: string; agencyCoverage: { decreeFrameOnly: boolean } }>)
    .filter((p) => p.agencyCoverage.decreeFrameOnly)
    .map((p) => p.code)
    .sort();
  const report = fs.readFileSync(path.join(dataDir, "departments-report.md"), "utf8");
  const section = report.split("## Provinces still resting on the decree alone")[1]!.split("\n## ")[0]!;
  const heading = report.match(/## Provinces still resting on the decree alone \((\d+)\)/)![1];
  const listed = [...section.split("\n\nAll but")[0]!.matchAll(/\b(\d{2}) \p{Lu}/gu)].map((m) => m[1]!).sort();
  expect(listed).toEqual(decreeOnly);
  expect(Number(heading)).toBe(decreeOnly.length);
});

it("refuses a provincial quote that is not verbatim in its source, and a list that disagrees with its stated count", () => {
  const data = readFiguresData();
  expect(() => buildFiguresRows(data)).not.toThrow();
  const nghean = data.provincialDepartments.provinces.find((p) => p.provinceCode === "40")!;
  const altered = { ...data, provincialDepartments: { provinces: [{ ...nghean, bodies: nghean.bodies.map((b, i) => (i === 0 ? { ...b, quote: `${b.quote} (edited)` } : b)) }] } };
  expect(() => buildFiguresRows(altered)).toThrow(/40: so-noi-vu: quote is not verbatim/);
  const short = { ...data, provincialDepartments: { provinces: [{ ...nghean, bodies: nghean.bodies.filter((b) => b.slug !== "so-ngoai-vu") }] } };
  expect(() => buildFiguresRows(short)).toThrow(/13 departments recorded, the source states 14/);
});

it("reconciles Lào Cai's reported 297 specialised offices and 99 service centers with 99 units x 3 offices", async () => {
  const { data, errors } = await server.gql(`{ province(code: "15") {
    offices: figures(indicator: "commune_specialized_offices") { nodes { indicator { code } value consistency { registryValue agrees } } }
    centers: figures(indicator: "commune_public_service_centers") { nodes { indicator { code } value consistency { registryValue agrees } } }
  } }`);
  expect(errors).toBeUndefined();
  const nodes = [...data!.province.offices.nodes, ...data!.province.centers.nodes] as Array<{ indicator: { code: string }; value: number; consistency: { registryValue: number; agrees: boolean } | null }>;
  const offices = nodes.find((n) => n.indicator.code === "commune_specialized_offices")!;
  expect(offices.value).toBe(297);
  expect(offices.consistency).toEqual({ registryValue: 297, agrees: true });
  const centers = nodes.find((n) => n.indicator.code === "commune_public_service_centers")!;
  expect(centers.consistency).toEqual({ registryValue: 99, agrees: true });
});

it("counts the stored offices: one office fewer in Lào Cai and the 297 no longer agrees", async () => {
  const query = `{ province(code: "15") { figures(indicator: "commune_specialized_offices") { nodes { value consistency { registryValue agrees } } } } }`;
  const removed = await server.db.prisma.agency.findUniqueOrThrow({ where: { id: "02680-phong-van-hoa-xa-hoi@2025-07-01" }, include: { sources: true } });
  await server.db.prisma.agency.delete({ where: { id: removed.id } });
  try {
    const { data, errors } = await server.gql(query);
    expect(errors).toBeUndefined();
    expect(data!.province.figures.nodes[0]).toEqual({ value: 297, consistency: { registryValue: 296, agrees: false } });
  } finally {
    const { sources, ...row } = removed;
    await server.db.prisma.agency.create({ data: row });
    await server.db.prisma.agencySource.createMany({ data: sources });
  }
  const { data } = await server.gql(query);
  expect(data!.province.figures.nodes[0].consistency).toEqual({ registryValue: 297, agrees: true });
});

const WITHOUT_COUNCIL = ["11948", "19742", "20333", "22736"]; // Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Trường Sa

it("stores the People's Council, People's Committee and three offices of all 3,321 units, counted per province against the registry", async () => {
  const { data, errors } = await server.gql(`{ provinces(first: 40) { nodes { code
    units: communes(first: 1) { totalCount }
    specialZones: communes(first: 20, type: SPECIAL_ZONE) { nodes { code } }
    agencyCoverage { communeLevel communeOffices }
  } } }`);
  expect(errors).toBeUndefined();
  const provinces = data!.provinces.nodes as Array<{ code: string; units: { totalCount: number }; specialZones: { nodes: { code: string }[] }; agencyCoverage: { communeLevel: number; communeOffices: number } }>;
  expect(provinces).toHaveLength(34);
  let units = 0;
  let bodies = 0;
  for (const p of provinces) {
    const noCouncil = p.specialZones.nodes.filter((z) => WITHOUT_COUNCIL.includes(z.code)).length;
    expect(p.agencyCoverage.communeOffices, p.code).toBe(3 * p.units.totalCount);
    expect(p.agencyCoverage.communeLevel, p.code).toBe(5 * p.units.totalCount - noCouncil);
    units += p.units.totalCount;
    bodies += p.agencyCoverage.communeLevel;
  }
  expect(units).toBe(3321);
  expect(bodies).toBe(3321 * 5 - 4);
  // The same count straight from the table, on the test's today: one set of bodies per unit, no unit without them.
  const today = new Date("2026-11-23T00:00:00Z");
  const stored = await server.db.prisma.agency.groupBy({
    by: ["communeCode"],
    where: { level: "COMMUNE", validFrom: { lte: today }, OR: [{ validTo: null }, { validTo: { gt: today } }] },
    _count: { _all: true },
  });
  expect(stored).toHaveLength(3321);
  expect(stored.filter((row) => row._count._all !== (WITHOUT_COUNCIL.includes(row.communeCode!) ? 4 : 5))).toEqual([]);
});

it("names the offices by unit type: Phòng Kinh tế in communes and special zones, Phòng Kinh tế, Hạ tầng và Đô thị in wards and Phú Quốc", async () => {
  const { data, errors } = await server.gql(`{
    ward: commune(code: "00004") { agencies { name nameEn kind basis parent { name } } }
    commune: commune(code: "02680") { agencies(kind: SPECIALIZED_OFFICE) { name } }
    conDao: commune(code: "26732") { agencies(kind: SPECIALIZED_OFFICE) { name } }
    phuQuoc: commune(code: "31078") { agencies(kind: SPECIALIZED_OFFICE) { name } }
    truongSa: commune(code: "22736") { agencies { kind name } }
  }`);
  expect(errors).toBeUndefined();
  expect(data!.ward.agencies).toEqual([
    { name: "Ủy ban nhân dân phường Ba Đình", nameEn: "People's Committee of Ba Dinh Ward", kind: "PEOPLES_COMMITTEE", basis: "DECREE_FRAME", parent: null },
    { name: "Phòng Kinh tế, Hạ tầng và Đô thị phường Ba Đình", nameEn: "Economic, Infrastructure and Urban Affairs Office of Ba Dinh Ward", kind: "SPECIALIZED_OFFICE", basis: "DECREE_FRAME", parent: { name: "Ủy ban nhân dân phường Ba Đình" } },
    { name: "Phòng Văn hóa - Xã hội phường Ba Đình", nameEn: "Culture and Society Office of Ba Dinh Ward", kind: "SPECIALIZED_OFFICE", basis: "DECREE_FRAME", parent: { name: "Ủy ban nhân dân phường Ba Đình" } },
    { name: "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường Ba Đình", nameEn: "Office of the People's Council and People's Committee of Ba Dinh Ward", kind: "SPECIALIZED_OFFICE", basis: "DECREE_FRAME", parent: { name: "Ủy ban nhân dân phường Ba Đình" } },
    { name: "Hội đồng nhân dân phường Ba Đình", nameEn: "People's Council of Ba Dinh Ward", kind: "PEOPLES_COUNCIL", basis: "DECREE_FRAME", parent: null },
  ]);
  expect(data!.commune.agencies.map((a: { name: string }) => a.name)).toContain("Phòng Kinh tế xã Hợp Thành");
  expect(data!.conDao.agencies.map((a: { name: string }) => a.name)).toContain("Phòng Kinh tế đặc khu Côn Đảo");
  expect(data!.phuQuoc.agencies.map((a: { name: string }) => a.name)).toContain("Phòng Kinh tế, Hạ tầng và Đô thị đặc khu Phú Quốc");
  // Fewer than 1,000 residents: a People's Committee and its offices, no People's Council (Law 72/2025/QH15, Art. 28).
  expect(data!.truongSa.agencies.map((a: { kind: string }) => a.kind).sort()).toEqual(["PEOPLES_COMMITTEE", "SPECIALIZED_OFFICE", "SPECIALIZED_OFFICE", "SPECIALIZED_OFFICE"]);
});

it("gives no People's Council exactly to the special zones whose stored population is under 1,000 or absent", async () => {
  expect(frame.commune.government.withoutCouncil.map((u: { code: string }) => u.code)).toEqual(WITHOUT_COUNCIL);
  const small = areaPopulation.communes.filter((c) => c.flags.some((f) => f.code === "SMALL_ISLAND_POPULATION" || f.code === "NO_POPULATION")).map((c) => c.code);
  expect(small.sort()).toEqual(WITHOUT_COUNCIL);
  const councils = await server.db.prisma.agency.count({ where: { kind: "PEOPLES_COUNCIL", communeCode: { in: WITHOUT_COUNCIL } } });
  expect(councils).toBe(0);
});

it("dates the bodies: a commune that becomes a ward on 2026-04-30 has a commune's offices before and a ward's after", async () => {
  const { data, errors } = await server.gql(`{
    before: commune(code: "25270", asOf: "2026-04-29") { fullName agencies(kind: SPECIALIZED_OFFICE) { code name validFrom validTo } }
    after: commune(code: "25270", asOf: "2026-04-30") { fullName agencies(kind: SPECIALIZED_OFFICE) { code name validFrom validTo } }
    earlier: agencies(search: "phong kinh te xa loc ninh", provinceCode: "75", asOf: "2025-07-01", first: 5) { nodes { code } }
    later: agencies(search: "phong kinh te xa loc ninh", provinceCode: "75", first: 5) { nodes { code } }
  }`);
  expect(errors).toBeUndefined();
  expect(data!.before.fullName).toBe("Xã Lộc Ninh");
  expect(data!.before.agencies).toContainEqual({ code: "25270-phong-kinh-te@2025-07-01", name: "Phòng Kinh tế xã Lộc Ninh", validFrom: "2025-07-01", validTo: "2026-04-30" });
  expect(data!.after.fullName).toBe("Phường Lộc Ninh");
  expect(data!.after.agencies).toContainEqual({
    code: "25270-phong-kinh-te-ha-tang-va-do-thi@2026-04-30",
    name: "Phòng Kinh tế, Hạ tầng và Đô thị phường Lộc Ninh",
    validFrom: "2026-04-30",
    validTo: null,
  });
  expect(data!.after.agencies).toHaveLength(3);
  expect(data!.earlier.nodes).toEqual([{ code: "25270-phong-kinh-te@2025-07-01" }]);
  expect(data!.later.nodes).toEqual([]);
});

it("cites for every commune body its source and the sentence it rests on", async () => {
  const { data, errors } = await server.gql(`{
    office: agency(code: "02680-phong-van-hoa-xa-hoi@2025-07-01") { basis quote quoteSource { url } sources { url } note }
    council: agency(code: "02680-hdnd@2025-07-01") { basis quote sources { url } }
  }`);
  expect(errors).toBeUndefined();
  expect(data!.office.basis).toBe("DECREE_FRAME");
  expect(data!.office.quote).toBe(frame.commune.officeQuote.text);
  expect(data!.office.quote).toContain("Economic Department (for communes and special zones) or Economic, Infrastructure and Urban Department (for wards and Phu Quoc special zones)");
  expect(data!.office.quoteSource.url).toBe(frame.commune.officeQuote.source.url);
  expect(data!.office.sources.map((s: { url: string }) => s.url)).toEqual([frame.commune.officeQuote.source.url, frame.commune.source.url]);
  expect(data!.office.note).toContain("Art. 13");
  expect(data!.council).toEqual({ basis: "DECREE_FRAME", quote: frame.commune.government.quote, sources: [{ url: frame.commune.government.source.url }] });
  const unsourced = await server.db.prisma.agency.count({ where: { level: "COMMUNE", OR: [{ sources: { none: {} } }, { quote: null }] } });
  expect(unsourced).toBe(0);
});

it("has a committed apparatus report that matches the seeded rows", async () => {
  const { apparatusReport } = await import("../src/db/apparatus-report.js");
  const { buildFiguresRows, readFiguresData } = await import("../src/db/seed-figures.js");
  const data = readFiguresData();
  const committed = fs.readFileSync(path.join(dataDir, "apparatus-report.md"), "utf8");
  expect(committed).toBe(apparatusReport(data, buildFiguresRows(data)));
  expect(committed).toContain("| all | 3321 | 3317 | 3321 | 9963 | 710 | 466 |");
});
