// Converting old addresses (before 2025-07-01) to the new units: matching, ranking, bulk, errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, type TestServer } from "./helpers.js";

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer({ today: "2026-11-23", data: "all" });
});
afterAll(() => server?.drop());

const CONVERT = /* GraphQL */ `
  query Convert($input: LegacyAddressInput!) {
    convertAddress(input: $input) {
      unambiguous
      parsed { commune district province street }
      candidates {
        score kind partial confidence diacritics districtMatched provinceMatched typeMatched newAddress
        commune { code fullName validTo province { code name } }
        legacyCommune { code fullName districtName provinceName }
        link { kind note }
      }
      districtCandidates { score newAddress commune { code } legacyDistrict { code } }
    }
  }
`;

async function convert(input: Record<string, string | undefined>) {
  const { data, errors } = await server.gql(CONVERT, { input });
  expect(errors).toBeUndefined();
  return data!.convertAddress;
}

/** [old code, new code] of each candidate, best first. */
const pairs = (conversion: any) => conversion.candidates.map((c: any) => [c.legacyCommune.code, c.commune.code]);

describe("convertAddress", () => {
  it("converts an unambiguous address given as parts, with the link behind it", async () => {
    const result = await convert({ commune: "Phường Trúc Bạch", district: "Quận Ba Đình", province: "Thành phố Hà Nội" });
    expect(result.unambiguous).toBe(true);
    expect(result.candidates).toHaveLength(1);
    expect(result.candidates[0]).toMatchObject({
      score: 1,
      kind: "WHOLE",
      partial: false,
      diacritics: "EXACT",
      districtMatched: true,
      provinceMatched: true,
      typeMatched: true,
      newAddress: "Phường Ba Đình, Thành phố Hà Nội",
      commune: { code: "00004", fullName: "Phường Ba Đình", validTo: null, province: { code: "01", name: "Hà Nội" } },
      legacyCommune: { code: "00004", fullName: "Phường Trúc Bạch", districtName: "Quận Ba Đình" },
    });
  });

  it("matches with or without diacritics, prefixes and their abbreviations", async () => {
    const inputs = [
      { commune: "Phường 1", district: "Quận 3", province: "Thành phố Hồ Chí Minh" },
      { commune: "P.1", district: "Q.3", province: "TP.HCM" },
      { commune: "P1", district: "Q3", province: "Hồ Chí Minh" },
      { commune: "phuong 01", district: "quan 3", province: "tp ho chi minh" },
      { line: "P.1, Q.3, TP. Hồ Chí Minh" },
    ];
    for (const input of inputs) {
      const result = await convert(input);
      expect(pairs(result), JSON.stringify(input)).toEqual([["27160", "27154"]]);
      expect(result.candidates[0].commune.fullName).toBe("Phường Bàn Cờ");
    }
    for (const input of [
      { commune: "Xã Minh Quân", district: "Huyện Trấn Yên", province: "Tỉnh Yên Bái" },
      { commune: "X. Minh Quân", district: "H. Trấn Yên", province: "Yên Bái" },
      { commune: "minh quân", district: "tran yen", province: "tinh yen bai" },
    ]) {
      const result = await convert(input);
      expect(pairs(result)[0], JSON.stringify(input)).toEqual(["04567", "04543"]);
    }
    const township = await convert({ commune: "TT. Yên Viên", district: "Huyện Gia Lâm", province: "Hà Nội" });
    expect(township.candidates[0].legacyCommune.fullName).toBe("Thị trấn Yên Viên");
    expect(township.candidates[0].typeMatched).toBe(true);
    const commune = await convert({ commune: "Xã Yên Viên", district: "Huyện Gia Lâm", province: "Hà Nội" });
    expect(commune.candidates[0].legacyCommune.fullName).toBe("Xã Yên Viên");
  });

  it("finds names that begin like a prefix (Phường Phương Mai, Xã Xà Phìn, Huyện Quan Hóa)", async () => {
    for (const [input, code] of [
      [{ line: "Phường Phương Mai, Quận Đống Đa, Hà Nội" }, "00232"],
      [{ commune: "Phương Mai", district: "Đống Đa" }, "00232"],
      [{ commune: "Xã Xà Phìn", district: "Huyện Đồng Văn", province: "Hà Giang" }, null],
      [{ commune: "Xã Thành Sơn", district: "Huyện Quan Hóa", province: "Thanh Hóa" }, "14872"],
    ] as const) {
      const result = await convert(input);
      expect(result.candidates.length, JSON.stringify(input)).toBeGreaterThan(0);
      expect(result.candidates[0].districtMatched).toBe(true);
      if (code) expect(result.candidates[0].legacyCommune.code).toBe(code);
    }
  });

  it("ranks Xã Minh Quân and Xã Minh Quán of Huyện Trấn Yên by the diacritics typed, and ties without them", async () => {
    const quan = await convert({ line: "Xã Minh Quân, Huyện Trấn Yên, Tỉnh Yên Bái" });
    expect(quan.candidates.map((c: any) => [c.legacyCommune.fullName, c.diacritics])).toEqual([
      ["Xã Minh Quân", "EXACT"],
      ["Xã Minh Quán", "DIFFERENT"],
    ]);
    expect(quan.candidates[0].score).toBeGreaterThan(quan.candidates[1].score);
    expect(quan.unambiguous).toBe(true);

    const quanSharp = await convert({ line: "Xã Minh Quán, Huyện Trấn Yên, Tỉnh Yên Bái" });
    expect(quanSharp.candidates.map((c: any) => c.legacyCommune.fullName)).toEqual(["Xã Minh Quán", "Xã Minh Quân"]);

    const folded = await convert({ line: "Xa Minh Quan, Huyen Tran Yen, Tinh Yen Bai" });
    expect(folded.candidates).toHaveLength(2);
    expect(folded.candidates[0].score).toBe(folded.candidates[1].score);
    expect(folded.candidates.every((c: any) => c.diacritics === "FOLDED")).toBe(true);
    expect(folded.unambiguous).toBe(false);
  });

  it("uses the district to choose between same-named communes of one province (the two Xã Thạnh Lộc of Kiên Giang)", async () => {
    const giongRieng = await convert({ commune: "Xã Thạnh Lộc", district: "Huyện Giồng Riềng", province: "Tỉnh Kiên Giang" });
    expect(pairs(giongRieng)).toEqual([["30913", "30910"]]);
    const chauThanh = await convert({ commune: "Thạnh Lộc", district: "Châu Thành", province: "Kiên Giang" });
    expect(pairs(chauThanh)[0]).toEqual(["30901", "30886"]);
    // Without the district both are candidates, equally good.
    const both = await convert({ commune: "Xã Thạnh Lộc", province: "Tỉnh Kiên Giang" });
    expect(both.candidates.map((c: any) => c.legacyCommune.code).sort()).toEqual(["30901", "30913"]);
    expect(both.candidates[0].score).toBe(both.candidates[1].score);
    expect(both.candidates[0].districtMatched).toBeNull();
  });

  it("reads one line with a leading street part and carries it into the new address", async () => {
    const result = await convert({ line: "Số 12 ngõ 5 Trúc Bạch, Phường Trúc Bạch, Quận Ba Đình, Hà Nội" });
    expect(result.parsed).toEqual({
      street: "Số 12 ngõ 5 Trúc Bạch",
      commune: "Phường Trúc Bạch",
      district: "Quận Ba Đình",
      province: "Hà Nội",
    });
    expect(result.candidates[0].newAddress).toBe("Số 12 ngõ 5 Trúc Bạch, Phường Ba Đình, Thành phố Hà Nội");
  });

  it("gives one candidate per new unit for a split commune, each saying so (Phường Cống Vị)", async () => {
    const result = await convert({ commune: "Phường Cống Vị", district: "Quận Ba Đình", province: "Hà Nội" });
    expect(result.candidates.map((c: any) => [c.commune.fullName, c.kind, c.partial])).toEqual([
      ["Phường Ngọc Hà", "PARTIAL", true],
      ["Phường Giảng Võ", "PARTIAL", true],
    ]);
    expect(result.candidates[0].score).toBe(result.candidates[1].score);
    expect(result.candidates[1].confidence).toBe(0.9);
    expect(result.candidates[1].link.note).toMatch(/Điều 1 khoản 5/);
    expect(result.unambiguous).toBe(false);
  });

  it("converts the repaired Xã Ia Mơ to itself, not to Xã Ia Ly", async () => {
    const result = await convert({ commune: "Xã Ia Mơ", district: "Huyện Chư Prông", province: "Tỉnh Gia Lai" });
    expect(pairs(result)).toEqual([["23938", "23938"]]);
    expect(result.candidates[0]).toMatchObject({ kind: "UNCHANGED", confidence: 1 });
  });

  it("converts an address in an island district without communes to its special zone", async () => {
    const result = await convert({ line: "Khu 3, Huyện Côn Đảo, Tỉnh Bà Rịa - Vũng Tàu" });
    expect(result.candidates).toEqual([]);
    expect(result.districtCandidates).toEqual([
      { score: 1, newAddress: "Khu 3, Đặc khu Côn Đảo, Thành phố Hồ Chí Minh", commune: { code: "26732" }, legacyDistrict: { code: "755" } },
    ]);
  });

  it("returns no candidates, not an error, for an address that matches nothing", async () => {
    for (const input of [{ commune: "Xã Không Có Thật", province: "Hà Nội" }, { line: "221B Baker Street, London" }, { province: "Tỉnh Yên Bái" }]) {
      const result = await convert(input);
      expect(result.candidates, JSON.stringify(input)).toEqual([]);
      expect(result.districtCandidates).toEqual([]);
      expect(result.unambiguous).toBe(false);
    }
  });
});

describe("convertAddresses", () => {
  const BULK = /* GraphQL */ `
    query Bulk($inputs: [LegacyAddressInput!]!) {
      convertAddresses(inputs: $inputs) {
        unambiguous
        candidates { score newAddress commune { code fullName province { name } } legacyCommune { code districtName } link { kind confidence } }
      }
    }
  `;

  /** 1,000 real old addresses, each from the committed list, written as one line. */
  async function oldAddresses(count: number) {
    const rows = await server.db.query<{ line: string; code: string }>(
      `SELECT c."fullName" || ', ' || d."fullName" || ', ' || p."fullName" AS line, c.code
       FROM "LegacyCommune" c JOIN "LegacyDistrict" d ON d.code = c."districtCode" JOIN "LegacyProvince" p ON p.code = c."provinceCode"
       ORDER BY c.code LIMIT $1`,
      [count],
    );
    return rows;
  }

  it("converts 1,000 addresses in the order given, in a bounded number of statements", async () => {
    const rows = await oldAddresses(1000);
    expect(rows).toHaveLength(1000);
    await server.gql(BULK, { inputs: [{ line: rows[0]!.line }] }); // the matcher's index is read once per process
    server.db.statements.count = 0;
    const few = await server.gql(BULK, { inputs: rows.slice(0, 3).map((row) => ({ line: row.line })) });
    expect(few.errors).toBeUndefined();
    const fewStatements = server.db.statements.count;

    server.db.statements.count = 0;
    const { data, errors } = await server.gql(BULK, { inputs: rows.map((row) => ({ line: row.line })) });
    expect(errors).toBeUndefined();
    expect(server.db.statements.count).toBe(fewStatements);
    expect(server.db.statements.count).toBeLessThanOrEqual(8);
    const conversions = data!.convertAddresses;
    expect(conversions).toHaveLength(1000);
    conversions.forEach((conversion: any, index: number) => {
      // Every full old address finds its own commune first.
      expect(conversion.candidates[0].legacyCommune.code, rows[index]!.line).toBe(rows[index]!.code);
    });
  });

  it("rejects more than 1,000 inputs and inputs without any part with BAD_USER_INPUT", async () => {
    const tooMany = await server.gql(BULK, { inputs: Array.from({ length: 1001 }, () => ({ commune: "Phường 1" })) });
    expect(tooMany.data).toBeNull();
    expect(tooMany.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/1001 addresses; at most 1000/),
      extensions: { code: "BAD_USER_INPUT", argument: "inputs" },
    });
    const empty = await server.gql(BULK, { inputs: [{ commune: "Phường 1" }, { commune: "  ", line: null }] });
    expect(empty.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/inputs\[1\] has no part/),
      extensions: { code: "BAD_USER_INPUT" },
    });
    const single = await server.gql(CONVERT, { input: {} });
    expect(single.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(single.errors?.[0]?.message).toMatch(/input has no part/);
    const long = await server.gql(CONVERT, { input: { line: "x".repeat(301) } });
    expect(long.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("takes names of up to 100 characters in every argument that matches a name, and refuses 101", async () => {
    const named = {
      provinces: `query ($name: String!) { provinces(search: $name) { nodes { code } } }`,
      communes: `query ($name: String!) { communes(search: $name) { nodes { code } } }`,
      agencies: `query ($name: String!) { agencies(search: $name) { nodes { id } } }`,
      legacyCommunes: `query ($name: String!) { legacyCommunes(search: $name) { nodes { code } } }`,
      legacyDistrict: `query ($name: String!) { legacyCommunes(search: "Minh Quân", districtName: $name) { nodes { code } } }`,
      addressPart: `query ($name: String!) { convertAddress(input: { commune: $name }) { unambiguous } }`,
    };
    for (const [what, query] of Object.entries(named)) {
      const fits = await server.gql(query, { name: "x".repeat(100) });
      expect(fits.errors, what).toBeUndefined();
      const long = await server.gql(query, { name: "x".repeat(101) });
      expect(long.errors?.[0], what).toMatchObject({ message: expect.stringMatching(/ is 101 characters long; at most 100 are allowed\.$/), extensions: { code: "BAD_USER_INPUT" } });
    }
  });
});
