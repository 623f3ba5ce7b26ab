// Issue 23 item 4: postal codes (mã bưu chính) of Decision 2334/QĐ-BKHCN on Commune and Province, and search by postal code.
// Expected values are read from the vendored source extract, not typed in twice.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { dataDir } from "../src/data/files.js";
import { parsePostalCodes } from "../src/data/postal-codes.js";
import { createTestServer, type TestServer } from "./helpers.js";

const postal = parsePostalCodes(fs.readFileSync(path.join(dataDir, "postal-codes.json"), "utf8"));
const extract = fs.readFileSync(path.join(dataDir, postal.source.file), "utf8").split("\n");
/** The source row of a unit ("ward<TAB>code<TAB>postal"), as vendored. */
const sourceCode = (code: string) => extract.find((line) => line.startsWith(`ward\t${code}\t`))?.split("\t")[2];
const report = fs.readFileSync(path.join(dataDir, "postal-codes-report.md"), "utf8");

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
}, 600_000);
afterAll(() => server?.drop());

it("serves known units' postal codes as the vendored source states them", async () => {
  // Phường Ba Đình (Hà Nội), Phường Sài Gòn (HCMC), Đặc khu Trường Sa (Khánh Hòa), Phường Hồng Bàng (Hải Phòng)
  for (const code of ["00004", "26740", "22736", "11311"]) {
    const { data, errors } = await server.gql(`query ($code: String!) { commune(code: $code) { code postalCode } }`, { code });
    expect(errors).toBeUndefined();
    expect(data!.commune.postalCode).toBe(sourceCode(code));
    expect(data!.commune.postalCode).toMatch(/^\d{5}$/u);
  }
  // Xã Ba Chẽ: the source row carries the old code 06978, repaired to the registry's 06970 (dataset patch v5.0.0).
  const { data } = await server.gql(`{ commune(code: "06970") { postalCode } }`);
  expect(data!.commune.postalCode).toBe(sourceCode("06978"));
  expect(postal.repairs).toEqual([expect.objectContaining({ from: "06978", to: "06970" })]);
});

it("gives every province its postal-code prefixes and every unit a code, as the report states", async () => {
  const { data, errors } = await server.gql(`{ provinces(first: 50) { totalCount nodes { code postalCodePrefixes } } }`);
  expect(errors).toBeUndefined();
  const provinces = data!.provinces.nodes as Array<{ code: string; postalCodePrefixes: string[] }>;
  expect(provinces).toHaveLength(34);
  expect(provinces.filter((p) => p.postalCodePrefixes.length === 0)).toEqual([]);
  expect(provinces.find((p) => p.code === "01")!.postalCodePrefixes).toEqual(["10", "11", "12", "13", "14"]);
  const prefixes = new Map(provinces.map((p) => [p.code, p.postalCodePrefixes]));

  let after: string | null = null;
  const units: Array<{ code: string; postalCode: string | null; province: { code: string } }> = [];
  do {
    const page: any = await server.gql(`query ($after: String) { communes(first: 200, after: $after) { nodes { code postalCode province { code } } pageInfo { hasNextPage endCursor } } }`, { after });
    expect(page.errors).toBeUndefined();
    units.push(...page.data.communes.nodes);
    after = page.data.communes.pageInfo.hasNextPage ? page.data.communes.pageInfo.endCursor : null;
  } while (after);
  expect(units).toHaveLength(3321);
  const coded = units.filter((u) => u.postalCode !== null);
  expect(report).toContain(`Communes: ${coded.length} of ${units.length} have a 5-digit postal code served`);
  expect(coded).toHaveLength(3321);
  expect(new Set(coded.map((u) => u.postalCode)).size).toBe(coded.length);
  // each code starts with one of its own province's prefixes (the source's postal_code_prefix)
  expect(coded.filter((u) => !prefixes.get(u.province.code)!.includes(u.postalCode!.slice(0, 2)))).toEqual([]);
});

it("finds the unit whose postal code the search text is", async () => {
  const ward = await server.gql(`{ communes(search: "11120", first: 3) { nodes { code postalCode } } }`);
  expect(ward.errors).toBeUndefined();
  expect(ward.data!.communes.nodes[0]).toEqual({ code: "00004", postalCode: "11120" });
  // within a province's own list, and with the province filter of Query.communes
  const nested = await server.gql(`{ province(code: "56") { communes(search: "57906") { nodes { code } } } communes(search: " 57906 ", provinceCode: "01") { totalCount } }`);
  expect(nested.errors).toBeUndefined();
  expect(nested.data!.province.communes.nodes).toEqual([{ code: "22736" }]);
  expect(nested.data!.communes.totalCount).toBe(0);
  // a province by a code with one of its prefixes: 71016 (Phường Sài Gòn) is Hồ Chí Minh City's
  const province = await server.gql(`{ provinces(search: "71016", first: 2) { nodes { code } } unknown: communes(search: "99999") { totalCount } }`);
  expect(province.errors).toBeUndefined();
  expect(province.data!.provinces.nodes[0]).toEqual({ code: "79" });
  expect(province.data!.unknown.totalCount).toBe(0);
});
