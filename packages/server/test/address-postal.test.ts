// convertAddress reading a postal code (mã bưu chính, Decision 2334/QĐ-BKHCN) in the address line (issue 23, item 4).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { dataDir } from "../src/data/files.js";
import { takePostalCode } from "../src/data/address/parse.js";
import { createTestServer, type TestServer } from "./helpers.js";

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer({ today: "2026-11-23", data: "all" });
});
afterAll(() => server?.drop());

const postal = JSON.parse(fs.readFileSync(path.join(dataDir, "postal-codes.json"), "utf8")) as { communes: Array<{ code: string; postalCode: string | null }> };
const codeOf = (commune: string) => postal.communes.find((c) => c.code === commune)!.postalCode!;

const CONVERT = /* GraphQL */ `
  query Convert($line: String!) {
    convertAddress(input: { line: $line }) {
      unambiguous
      parsed { commune province street postalCode }
      postalCode { code commune { code fullName } province { code } agreesWithNames usedAlone }
      candidates { score postalCodeMatched newAddress commune { code } legacyCommune { code } }
    }
  }
`;

async function convert(line: string) {
  const { data, errors } = await server.gql(CONVERT, { line });
  expect(errors).toBeUndefined();
  return data!.convertAddress;
}

it("takes a unit's postal code out of the line, wherever it is, and leaves other digits as the street", () => {
  expect(takePostalCode("12 Lê Lợi, 11120")).toEqual({ postalCode: "11120", line: "12 Lê Lợi" });
  expect(takePostalCode("Phường Trúc Bạch, Quận Ba Đình, Hà Nội 11120")).toEqual({ postalCode: "11120", line: "Phường Trúc Bạch, Quận Ba Đình, Hà Nội" });
  expect(takePostalCode("12 Lê Lợi, 11120, Hà Nội")).toEqual({ postalCode: "11120", line: "12 Lê Lợi, Hà Nội" });
  // Five digits that are no unit's code stay in the street unless they end the line with a province's prefix.
  expect(takePostalCode("Số 99999 Lê Lợi, Phường Bến Nghé")).toEqual({ postalCode: null, line: "Số 99999 Lê Lợi, Phường Bến Nghé" });
  expect(takePostalCode("Ngõ 123456, Hà Nội")).toEqual({ postalCode: null, line: "Ngõ 123456, Hà Nội" });
});

it("converts an address with only a street and a postal code to the unit the code names", async () => {
  const result = await convert("Tầng 3 số 12, 11120");
  expect(result.parsed.postalCode).toBe("11120");
  expect(result.postalCode).toEqual({ code: "11120", commune: { code: "00004", fullName: "Phường Ba Đình" }, province: { code: "01" }, agreesWithNames: null, usedAlone: true });
  expect(result.candidates.length).toBeGreaterThan(0);
  expect(new Set(result.candidates.map((c: any) => c.commune.code))).toEqual(new Set(["00004"]));
  expect(result.candidates[0]).toMatchObject({ score: 0.8, postalCodeMatched: true, newAddress: "Tầng 3 số 12, Phường Ba Đình, Thành phố Hà Nội" });
  expect(result.unambiguous).toBe(true);
});

it("picks, among same-named old communes, the one whose new unit has the postal code", async () => {
  const plain = await convert("Xã Tân Lập");
  const units = [...new Set(plain.candidates.map((c: any) => c.commune.code))] as string[];
  expect(units.length).toBeGreaterThan(2);
  expect(plain.unambiguous).toBe(false);
  const wanted = units[units.length - 1]!;
  const result = await convert(`Xã Tân Lập ${codeOf(wanted)}`);
  expect(result.postalCode).toMatchObject({ code: codeOf(wanted), commune: { code: wanted }, agreesWithNames: true, usedAlone: false });
  expect(result.candidates.length).toBeGreaterThan(0);
  expect(result.candidates.every((c: any) => c.commune.code === wanted && c.postalCodeMatched === true)).toBe(true);
  // A split old commune's successors are told apart the same way (Phường Cống Vị went to Ngọc Hà and Giảng Võ).
  const split = await convert("Phường Cống Vị, Quận Ba Đình, Hà Nội");
  expect(split.unambiguous).toBe(false);
  const giangVo = split.candidates.find((c: any) => c.newAddress.startsWith("Phường Giảng Võ")).commune.code;
  const picked = await convert(`Phường Cống Vị, Quận Ba Đình, Hà Nội ${codeOf(giangVo)}`);
  expect(picked.candidates.map((c: any) => c.commune.code)).toEqual([giangVo]);
  expect(picked.unambiguous).toBe(true);
});

it("reports a postal code that contradicts the names instead of trusting it", async () => {
  // Phường Trúc Bạch (Hà Nội) went to Phường Ba Đình; 70000 is no unit's code but starts with a Hồ Chí Minh City prefix,
  // and the code of Phường Thủ Dầu Một (25747) names another unit outright.
  const names = await convert("Phường Trúc Bạch, Quận Ba Đình, Hà Nội");
  expect(names.unambiguous).toBe(true);
  const target = names.candidates[0].commune.code;
  const other = codeOf("25747");
  const result = await convert(`Phường Trúc Bạch, Quận Ba Đình, Hà Nội ${other}`);
  expect(result.postalCode).toMatchObject({ code: other, commune: { code: "25747" }, agreesWithNames: false });
  expect(result.candidates.map((c: any) => c.commune.code)).toEqual([target]);
  expect(result.candidates[0].postalCodeMatched).toBe(false);
  expect(result.candidates[0].score).toBe(names.candidates[0].score * 0.5);
  expect(result.unambiguous).toBe(false);
  const prefixOnly = await convert("Phường Trúc Bạch, Quận Ba Đình, Hà Nội 70000");
  expect(prefixOnly.postalCode).toMatchObject({ code: "70000", commune: null, province: { code: "79" }, agreesWithNames: false });
  expect(prefixOnly.unambiguous).toBe(false);
});
