// Sourced figures: every quote verbatim in its vendored source, queries by indicator, province and
// date, latest values, comparison across provinces and the registry consistency check.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataDir } from "../src/data/files.js";
import { readFiguresData, seedFigures } from "../src/db/seed-figures.js";
import { createTestServer, type TestServer } from "./helpers.js";

const curated = (file: string) => JSON.parse(fs.readFileSync(path.join(dataDir, "curated", file), "utf8"));

describe("curated data (port of check-quotes.mjs)", () => {
  const sources = curated("sources.json") as Array<{ id: string; file: string; translationOf: string | null }>;
  const figures = curated("figures.json") as Array<{ id: string; source: string; quote: string; indicator: string }>;
  const text = new Map(sources.map((s) => [s.id, fs.readFileSync(path.join(dataDir, "sources", s.file), "utf8")]));

  it.each(figures.map((f) => [f.id, f] as const))("quote of %s occurs verbatim in its source file", (_id, figure) => {
    const source = sources.find((s) => s.id === figure.source);
    expect(source, `source ${figure.source}`).toBeDefined();
    expect(source!.translationOf).toBeNull();
    expect(text.get(figure.source)!.includes(figure.quote)).toBe(true);
  });

  it("checks file hashes, indicators, units and agency quotes when reading the data", () => {
    expect(() => readFiguresData()).not.toThrow();
    const indicators = curated("indicators.json") as Array<{ code: string }>;
    // natural_area_km2 and population are the derived figures of area-population.json (see apparatus.test.ts).
    const used = new Set([...figures.map((f) => f.indicator), "natural_area_km2", "population"]);
    expect(indicators.filter((i) => !used.has(i.code))).toEqual([]);
  });
});

/** Area and population figures derived from prisma/data/area-population.json by the seed. */
const areaPopulation = JSON.parse(fs.readFileSync(path.join(dataDir, "area-population.json"), "utf8"));
const DERIVED_FIGURES =
  areaPopulation.provinces.reduce((n: number, p: { naturalAreaKm2: number | null; population: number | null }) => n + Number(p.naturalAreaKm2 != null) + Number(p.population != null), 0) +
  areaPopulation.communes.reduce((n: number, c: { checked: boolean; recordAreaKm2: number | null; population: number | null }) => n + (c.checked ? Number(c.recordAreaKm2 != null) + Number(c.population != null) : 0), 0);

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer({ data: "all" });
});
afterAll(() => server?.drop());

it("serves every seed figure with its quote, source and subject", async () => {
  const figures = curated("figures.json") as Array<{ id: string; quote: string; value: number; source: string; subject: { type: string; code: string | null } }>;
  // The curated figures, indicator by indicator (the area and population figures derived from the map portal are apart).
  const indicators = [...new Set(figures.map((f) => (f as unknown as { indicator: string }).indicator))];
  const nodes: any[] = [];
  let total = 0;
  // A few indicators per request: one document for all of them passes the token limit.
  for (let at = 0; at < indicators.length; at += 8) {
    const batch = indicators.slice(at, at + 8);
    const { data: page, errors } = await server.gql(
      `{ ${batch.map((code, i) => `i${i}: figures(indicator: "${code}", first: 200) { totalCount nodes { code value quote subjectType subjectCode source { code } subject { __typename ... on Province { provinceCode: code } ... on LegacyUnitRef { type code name } } } }`).join(" ")} }`,
    );
    expect(errors).toBeUndefined();
    batch.forEach((_, i) => {
      nodes.push(...page![`i${i}`].nodes);
      total += page![`i${i}`].totalCount;
    });
  }
  expect(total).toBe(figures.length);
  const data = { figures: { nodes } };
  const served = new Map(data!.figures.nodes.map((n: { code: string }) => [n.code, n]));
  for (const figure of figures) {
    const node = served.get(figure.id) as any;
    expect(node, figure.id).toBeDefined();
    expect(node.quote).toBe(figure.quote);
    expect(node.value).toBe(figure.value);
    expect(node.source.code).toBe(figure.source);
    expect(node.subject.__typename).toBe(figure.subject.type === "PROVINCE" ? "Province" : "LegacyUnitRef");
  }
  const vanBan = data!.figures.nodes.find((n: { subjectType: string }) => n.subjectType === "LEGACY_DISTRICT");
  expect(vanBan.subject).toMatchObject({ type: "LEGACY_DISTRICT", code: "089" });
  const oldLaoCai = data!.figures.nodes.find((n: { subjectType: string }) => n.subjectType === "LEGACY_PROVINCE");
  expect(oldLaoCai.subject).toEqual({ __typename: "LegacyUnitRef", type: "LEGACY_PROVINCE", code: "10", name: "Tỉnh Lào Cai" });
});

it("links the Swedish translation to its original and attributes no figures to it", async () => {
  const { data } = await server.gql(`{ sources { code language originalLanguage vendored translationOf { code } translations { code } figures { totalCount } } }`);
  const swedish = data!.sources.find((s: { code: string }) => s.code === "nhandan-2025-10-14-sv");
  expect(swedish).toMatchObject({ language: "sv", translationOf: { code: "nhandan-2025-10-14" }, figures: { totalCount: 0 } });
  const original = data!.sources.find((s: { code: string }) => s.code === "nhandan-2025-10-14");
  expect(original.translations).toEqual([{ code: "nhandan-2025-10-14-sv" }]);
  expect(original.figures.totalCount).toBeGreaterThan(0);
});

it("filters figures by indicator, province, status and dates; predecessors only on request", async () => {
  const { data, errors } = await server.gql(`{
    planned: figures(status: PLANNED) { totalCount nodes { subjectType } }
    laoCai: figures(provinceCode: "15") { totalCount nodes { subjectType } }
    withOld: figures(provinceCode: "15", includePredecessors: true) { totalCount }
    window: figures(from: "2025-10-15", to: "2025-10-31") { totalCount nodes { asOf } }
    province(code: "15") { figures(indicator: "commune_level_units") { nodes { value asOf } } }
  }`);
  expect(errors).toBeUndefined();
  expect(data!.planned.totalCount).toBe(5);
  expect(data!.laoCai.nodes.every((n: { subjectType: string }) => n.subjectType === "PROVINCE" || n.subjectType === "COMMUNE")).toBe(true);
  expect(data!.withOld.totalCount).toBe(data!.laoCai.totalCount + 10);
  expect(data!.window.nodes.every((n: { asOf: string }) => n.asOf >= "2025-10-15" && n.asOf <= "2025-10-31")).toBe(true);
  expect(data!.window.totalCount).toBe(31);
});

it("rejects an unknown indicator code with BAD_USER_INPUT naming Query.indicators", async () => {
  for (const query of [`{ figures(indicator: "nope") { totalCount } }`, `{ compare(indicator: "nope") { value } }`, `{ province(code: "15") { figure(indicator: "nope") { value } } }`]) {
    const { errors } = await server.gql(query);
    expect(errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(errors![0]!.message).toContain("indicators");
  }
});

it("answers a province's latest reported value on or before asOf", async () => {
  const { data, errors } = await server.gql(`{
    province(code: "12") {
      now: figure(indicator: "commune_level_units") { value asOf status source { code } }
      before: figure(indicator: "commune_level_units", asOf: "2025-09-15") { value }
    }
  }`);
  expect(errors).toBeUndefined();
  expect(data!.province.now).toMatchObject({ value: 38, asOf: "2025-09-16", status: "REPORTED", source: { code: "nhandan-2025-10-14" } });
  expect(data!.province.before).toBeNull();
});

it("compares an indicator across all 34 provinces, listing the ones without a value", async () => {
  const { data, errors } = await server.gql(`{ compare(indicator: "commune_level_units") { province { code } value asOf figure { source { publisher } } } }`);
  expect(errors).toBeUndefined();
  expect(data!.compare).toHaveLength(34);
  const withValue = data!.compare.filter((row: { value: number | null }) => row.value != null);
  expect(withValue.map((row: { province: { code: string } }) => row.province.code).sort()).toEqual(["12", "15"]);
  expect(data!.compare.find((row: { province: { code: string } }) => row.province.code === "01")).toMatchObject({ value: null, asOf: null, figure: null });
  const two = await server.gql(`{ compare(indicator: "commune_level_units", provinceCodes: ["15", "01"]) { province { code } value } }`);
  expect(two.data!.compare.map((row: { province: { code: string } }) => row.province.code)).toEqual(["15", "01"]);
});

it("checks unit-count figures against the registry on their date", async () => {
  const { data, errors } = await server.gql(`{ figures(indicator: "commune_level_units", first: 50) { nodes { subjectType subjectCode value qualifier asOf consistency { registryValue agrees checkedOn } } } }`);
  expect(errors).toBeUndefined();
  for (const node of data!.figures.nodes) {
    if (node.subjectType !== "PROVINCE" || node.asOf < "2025-07-01") expect(node.consistency).toBeNull();
    else {
      expect(node.consistency.checkedOn).toBe(node.asOf);
      expect(node.consistency.registryValue).toBe(node.subjectCode === "12" ? 38 : 99);
      expect(node.consistency.agrees).toBe(node.qualifier === "EXACT" ? node.value === node.consistency.registryValue : node.consistency.agrees);
    }
  }
});

it("loads figure subjects, sources and consistency of a long page in constant statements", async () => {
  const count = async (first: number) => {
    server.db.statements.count = 0;
    const { errors } = await server.gql(`query($n: Int) { figures(first: $n) { nodes { indicator { code } source { url } subject { ... on Province { name } } consistency { agrees } } } }`, { n: first });
    expect(errors).toBeUndefined();
    return server.db.statements.count;
  };
  expect(await count(76)).toBe(await count(40));
});

it("seeds idempotently: a second run changes nothing", async () => {
  const again = await seedFigures(server.db);
  expect(again.seeded).toBe(false);
  expect(again.counts.figures).toBe(76 + DERIVED_FIGURES);
});
