// Table exports: each parsed back with a CSV parser (and as JSONL) equals the GraphQL answer for the
// same filters; BOM, quoting, ETag/304, budget and bad input.
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../src/http/server.js";
import { createTestServer, type TestServer } from "./helpers.js";

let server: TestServer;
beforeAll(async () => {
  // Registry, lineage and figures: a copy of the run's template, seeded as production is.
  server = await createTestServer({ data: "all" });
});
afterAll(() => server?.drop());

const BOM = "\uFEFF";
const get = (path: string, init?: RequestInit, yoga = server.yoga) => yoga.fetch(new Request(`http://vngov.test${path}`, init));

async function csvRows(path: string): Promise<Record<string, string>[]> {
  const response = await get(path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/u);
  const bytes = new Uint8Array(await response.arrayBuffer());
  // UTF-8 byte-order mark first, so that Excel reads the Vietnamese names as UTF-8.
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  expect(text.startsWith(BOM)).toBe(true);
  return parseCsv(text.slice(1), { columns: true, record_delimiter: "\r\n", relax_quotes: false });
}

async function jsonlRows(path: string): Promise<Record<string, unknown>[]> {
  const response = await get(path);
  expect(response.status, path).toBe(200);
  const text = await response.text();
  expect(text.endsWith("\n")).toBe(true);
  return text.trimEnd().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The CSV text of a value as the export writes it. */
const cell = (value: unknown) => (value === null || value === undefined ? "" : Array.isArray(value) ? value.join("; ") : String(value));

/** Every node of a paginated GraphQL list. */
async function allNodes<T>(query: string, pick: (data: any) => { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string } }): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (;;) {
    const response = await server.gql(query, { after });
    expect(response.errors).toBeUndefined();
    const page = pick(response.data);
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

describe("exports equal the GraphQL answer for the same filters", () => {
  it("provinces on 2025-07-01 and today", async () => {
    for (const asOf of ["2025-07-01", null]) {
      const rows = await csvRows(`/export/provinces.csv${asOf ? `?asOf=${asOf}` : ""}`);
      const { data } = await server.gql(`query($asOf: Date) { provinces(asOf: $asOf, first: 50) { nodes { code name fullName nameEn kind validFrom validTo } } }`, { asOf });
      const expected = data!.provinces.nodes.map((p: Record<string, unknown>) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, cell(v)])));
      expect(rows).toHaveLength(34);
      expect(rows).toEqual(expected);
    }
    // Đồng Nai became a city on 2026-04-30: the filters decide the answer.
    expect((await csvRows("/export/provinces.csv?asOf=2025-07-01&provinceCode=75"))[0]!.kind).toBe("PROVINCE");
    expect((await csvRows("/export/provinces.csv?provinceCode=75"))[0]!.kind).toBe("CITY");
  });

  it("communes of a province with their service centers, as CSV and as JSONL", async () => {
    const query = `query($after: String) { communes(provinceCode: "75", asOf: "2026-05-01", first: 200, after: $after) {
      nodes { code name fullName nameEn type province { code name } validFrom validTo serviceCenter { name scope legalBasis sourceUrl } }
      pageInfo { hasNextPage endCursor } } }`;
    const nodes = await allNodes<any>(query, (data) => data.communes);
    const expected = nodes.map((c) => ({
      code: c.code, name: c.name, fullName: c.fullName, nameEn: c.nameEn, type: c.type, provinceCode: c.province.code, provinceName: c.province.name,
      validFrom: c.validFrom, validTo: c.validTo, serviceCenterName: c.serviceCenter?.name ?? null, serviceCenterScope: c.serviceCenter?.scope ?? null,
      serviceCenterLegalBasis: c.serviceCenter?.legalBasis ?? null, serviceCenterSourceUrl: c.serviceCenter?.sourceUrl ?? null,
    }));
    expect(expected.length).toBeGreaterThan(50);
    const csv = await csvRows("/export/communes.csv?provinceCode=75&asOf=2026-05-01");
    expect(csv).toEqual(expected.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, cell(v)]))));
    expect(await jsonlRows("/export/communes.jsonl?provinceCode=75&asOf=2026-05-01")).toEqual(expected);
    // The whole country: 3,321 units, Vietnamese intact.
    const all = await csvRows("/export/communes.csv");
    expect(all).toHaveLength(3321);
    expect(all.find((row) => row.code === "00004")?.fullName).toBe("Phường Ba Đình");
  });

  it("lineage of a province's units, with kind, confidence and legal basis", async () => {
    const query = `query($after: String) { communes(provinceCode: "15", first: 200, after: $after) {
      nodes { code fullName province { code } predecessorLinks { fromCode toCode kind confidence legalBasis note sources from { fullName } } }
      pageInfo { hasNextPage endCursor } } }`;
    const nodes = await allNodes<any>(query, (data) => data.communes);
    const expected = nodes
      .flatMap((c) => c.predecessorLinks.map((l: any) => ({ fromCode: l.fromCode, fromName: l.from.fullName, toCode: l.toCode, toName: c.fullName, toProvinceCode: c.province.code, kind: l.kind, confidence: l.confidence, legalBasis: l.legalBasis, note: l.note, sources: l.sources })))
      .sort((a, b) => a.toCode.localeCompare(b.toCode) || a.fromCode.localeCompare(b.fromCode));
    expect(expected.length).toBeGreaterThan(100);
    const pickCsv = (row: Record<string, string>) => ({ fromCode: row.fromCode, fromName: row.fromName, toCode: row.toCode, toName: row.toName, toProvinceCode: row.toProvinceCode, kind: row.kind, confidence: row.confidence, legalBasis: row.legalBasis, note: row.note, sources: row.sources });
    const csv = (await csvRows("/export/lineage.csv?provinceCode=15")).filter((row) => row.fromLevel === "COMMUNE");
    expect(csv.map(pickCsv)).toEqual(expected.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, cell(v)]))));
    const jsonl = (await jsonlRows("/export/lineage.jsonl?provinceCode=15")).filter((row) => row.fromLevel === "COMMUNE");
    expect(jsonl.map((row) => ({ ...pickCsv(row as never), confidence: row.confidence, sources: row.sources }))).toEqual(expected.map((row) => ({ ...row, sources: row.sources.join("; ") })));
  });

  it("figures of one indicator and of one province, with value, unit, date, source URL and quote", async () => {
    for (const filter of [{ indicator: "commune_level_units" }, { provinceCode: "12" }] as Array<Record<string, string>>) {
      const query = `query($after: String, $indicator: String, $provinceCode: String) { figures(indicator: $indicator, provinceCode: $provinceCode, first: 200, after: $after) {
        nodes { code indicator { code } subjectType subjectCode value qualifier unit asOf status revision quote source { url publisher } }
        pageInfo { hasNextPage endCursor } } }`;
      const response = await server.gql(query, { after: null, ...filter });
      expect(response.errors).toBeUndefined();
      const all: any[] = [];
      let page = response.data!.figures;
      all.push(...page.nodes);
      while (page.pageInfo.hasNextPage) {
        page = (await server.gql(query, { after: page.pageInfo.endCursor, ...filter })).data!.figures;
        all.push(...page.nodes);
      }
      expect(all.length).toBeGreaterThan(0);
      const search = new URLSearchParams(filter).toString();
      const csv = await csvRows(`/export/figures.csv?${search}`);
      expect(csv.map((row) => ({ code: row.code, indicator: row.indicator, subjectType: row.subjectType, subjectCode: row.subjectCode, value: row.value, qualifier: row.qualifier, unit: row.unit, asOf: row.asOf, status: row.status, revision: row.revision, quote: row.quote, sourceUrl: row.sourceUrl, sourcePublisher: row.sourcePublisher }))).toEqual(
        all.map((f) => ({ code: f.code, indicator: f.indicator.code, subjectType: f.subjectType, subjectCode: cell(f.subjectCode), value: cell(f.value), qualifier: f.qualifier, unit: f.unit, asOf: f.asOf, status: f.status, revision: cell(f.revision), quote: f.quote, sourceUrl: f.source.url, sourcePublisher: f.source.publisher })),
      );
    }
  });
});

describe("format", () => {
  it("quotes fields per RFC 4180 and drops the BOM with bom=false", async () => {
    const response = await get("/export/figures.csv?bom=false");
    const text = await response.text();
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.split("\r\n")[0]).toBe("code,indicator,indicatorName,subjectType,subjectCode,subjectName,provinceCode,value,qualifier,unit,asOf,status,revision,sourcePublisher,sourceTitle,sourceUrl,quote,note");
    // Quotes hold commas and double quotes; parsing strictly gives back every row with all its columns.
    const rows = parseCsv(text, { columns: true, record_delimiter: "\r\n" }) as Record<string, string>[];
    expect(rows.some((row) => row.quote!.includes(","))).toBe(true);
    expect(rows.every((row) => Object.keys(row).length === 18)).toBe(true);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="vngov-figures.csv"');
  });

  it("answers its ETag with 304", async () => {
    const first = await get("/export/communes.csv?provinceCode=15");
    await first.arrayBuffer();
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/u);
    const again = await get("/export/communes.csv?provinceCode=15", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    // Other filters, other rows, another tag.
    const other = await get("/export/communes.csv?provinceCode=12", { headers: { "if-none-match": etag } });
    expect(other.status).toBe(200);
    await other.arrayBuffer();
  });

  it("refuses bad filters and unknown exports with a coded error", async () => {
    for (const [path, status, argument] of [
      ["/export/communes.csv?provinceCode=1", 400, "provinceCode"],
      ["/export/communes.csv?asOf=2025-06-30", 400, "asOf"],
      ["/export/communes.csv?asOf=yesterday", 400, "asOf"],
      ["/export/communes.csv?type=TOWN", 400, "type"],
      ["/export/figures.csv?indicator=no_such_thing", 400, "indicator"],
      ["/export/provinces.csv?province=15", 400, "province"],
      ["/export/provinces.jsonl?bom=false", 400, "bom"],
    ] as const) {
      const response = await get(path);
      expect(response.status, path).toBe(status);
      const body = (await response.json()) as { errors: Array<{ extensions: { code: string; argument?: string } }> };
      expect(body.errors[0]!.extensions, path).toMatchObject({ code: "BAD_USER_INPUT", argument });
    }
    expect((await get("/export/districts.csv")).status).toBe(404);
  });
});

describe("budget", () => {
  it("charges an export like the GraphQL request returning the same objects, and refuses it once the budget is spent", async () => {
    const yoga = createServer({ db: server.db, responseCache: false, config: { RATE_LIMIT_ANONYMOUS: 15_000 } });
    const first = await get("/export/communes.csv", undefined, yoga);
    expect(first.status).toBe(200);
    await first.arrayBuffer();
    // 3,321 rows of three objects each (commune, province, service center).
    expect(first.headers.get("ratelimit-remaining")).toBe(String(15_000 - 3321 * 3));
    const second = await get("/export/communes.csv", undefined, yoga);
    expect(second.status).toBe(429);
    expect(second.headers.get("retry-after")).not.toBeNull();
    const body = (await second.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe("RATE_LIMITED");
  });

  it("refuses an unknown API key instead of charging the anonymous budget", async () => {
    const response = await get("/export/provinces.csv", { headers: { authorization: "Bearer vngov_not_a_key" } });
    expect(response.status).toBe(401);
  });
});
