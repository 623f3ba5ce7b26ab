// Issue 23: area and population of every unit (checked map-portal records), departments of all 34 provinces
// with their basis, and Lào Cai's reported 297 specialised offices reconciled with the registry.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseAreaPopulation } from "../src/data/area-population.js";
import { dataDir } from "../src/data/files.js";
import { seedFigures } from "../src/db/seed-figures.js";
import { createTestServer, type TestServer } from "./helpers.js";

const areaPopulation = parseAreaPopulation(fs.readFileSync(path.join(dataDir, "area-population.json"), "utf8"));
const extract = fs.readFileSync(path.join(dataDir, "sources", areaPopulation.source.file), "utf8");
const line = (record: string) => extract.split("\n").find((l) => l.startsWith(`${record}\t`))!;

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
  await seedFigures(server.db);
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

it("lists departments of all 34 provinces with their basis; Lào Cai and Lai Châu have 14, the decree frame 12", async () => {
  const { data, errors } = await server.gql(`{ provinces(first: 40) { nodes { code departments(first: 50) { totalCount nodes { code basis } } agencyCoverage { departments confirmedDepartments decreeFrameOnly } } } }`);
  expect(errors).toBeUndefined();
  const provinces = data!.provinces.nodes as Array<{ code: string; departments: { totalCount: number; nodes: { code: string; basis: string }[] }; agencyCoverage: { departments: number; confirmedDepartments: number; decreeFrameOnly: boolean } }>;
  expect(provinces).toHaveLength(34);
  const curated = JSON.parse(fs.readFileSync(path.join(dataDir, "curated", "agencies.json"), "utf8")) as Array<{ provinceCode: string; kind: string }>;
  for (const p of provinces) {
    const expected = ["15", "12"].includes(p.code) ? curated.filter((a) => a.provinceCode === p.code && a.kind !== "PEOPLES_COMMITTEE").length : 12;
    expect(p.departments.totalCount, p.code).toBe(expected);
    expect(p.agencyCoverage.departments).toBe(expected);
    if (!["15", "12"].includes(p.code)) {
      expect(p.departments.nodes.every((d) => d.basis === "DECREE_FRAME")).toBe(true);
      expect(p.agencyCoverage).toMatchObject({ confirmedDepartments: 0, decreeFrameOnly: true });
    }
  }
  const hanoi = provinces.find((p) => p.code === "01")!;
  expect(hanoi.departments.nodes.map((d) => d.code)).toContain("01-thanh-tra-tinh");
  const laoCai = provinces.find((p) => p.code === "15")!;
  expect(laoCai.departments.totalCount).toBe(14);
  expect(laoCai.agencyCoverage.decreeFrameOnly).toBe(false);
  const { data: named } = await server.gql(`{ agency(code: "01-thanh-tra-tinh") { name basis } }`);
  expect(named!.agency).toEqual({ name: "Thanh tra thành phố", basis: "DECREE_FRAME" });
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
