// Addresses as people write them (no commas, English, aliases, apostrophes), no silent wrong
// answer, and the successor that took a split commune's whole population.
import { nameKey } from "../src/data/vietnamese-names.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, type TestServer } from "./helpers.js";

let server: TestServer;
beforeAll(async () => {
  // Lineage (seeded with the registry and figures, as production is) links old units to new ones.
  server = await createTestServer({ today: "2026-11-23", data: "all" });
});
afterAll(() => server?.drop());

const CONVERT = /* GraphQL */ `
  query Convert($line: String!) {
    convertAddress(input: { line: $line }) {
      unambiguous
      parsed { commune district province street }
      candidates { score commune { code } legacyCommune { code } link { population } }
    }
  }
`;
async function convert(line: string) {
  const { data, errors } = await server.gql(CONVERT, { line });
  expect(errors).toBeUndefined();
  return data!.convertAddress;
}
const first = (c: any) => c.candidates[0]?.commune.code;
const targets = (c: any) => new Set(c.candidates.map((x: any) => x.commune.code));

describe("addresses as people write them", () => {
  it.each([
    ["Phường 1 Quận 3 TPHCM", "27154"],
    ["Số 5 Lê Lợi Phường Bến Nghé Quận 1 TP HCM", "26740"],
    ["xa tinh tho huyen son tinh tinh quang ngai", "21181"],
    ["Ward 5, District 3, Ho Chi Minh City", "27154"],
    ["Phường Trúc Bạch, Ba Đình, Hanoi", "00004"],
    ["Phường Bến Nghé, Sài Gòn", "26740"],
    ["Phường Thuận Hòa, TP Huế", "19753"],
  ])("%s → %s", async (line, code) => {
    const result = await convert(line);
    expect(result.unambiguous).toBe(true);
    expect(first(result)).toBe(code);
  });

  it("keeps the street written before the commune when there are no commas", async () => {
    const result = await convert("Số 5 Lê Lợi Phường Bến Nghé Quận 1 TP HCM");
    expect(result.parsed).toMatchObject({ commune: "Phường Bến Nghé", district: "Quận 1", province: "TP HCM", street: "Số 5 Lê Lợi" });
  });
});

describe("no silent wrong answer", () => {
  it("a bare part that is a township and was a district: both readings, ambiguous", async () => {
    const result = await convert("Số 12 đường Lê Lợi, Đạ M'ri, Đạ Tẻh, Lâm Đồng");
    expect(result.unambiguous).toBe(false);
    expect(targets(result)).toEqual(new Set(["25126", "25105"]));
  });

  it("two communes of one district that differ only by diacritics, typed without any: ambiguous", async () => {
    const result = await convert("xa nga thanh, huyen nga son, tinh thanh hoa");
    expect(result.unambiguous).toBe(false);
    expect(targets(result)).toEqual(new Set(["16093", "16138"]));
    // typed with diacritics elsewhere, the unmarked name means itself
    const marked = await convert("Xã Nga Thanh, Huyện Nga Sơn, Tỉnh Thanh Hóa");
    expect(marked.unambiguous).toBe(true);
    expect(first(marked)).toBe("16093");
  });
});

describe("split communes: the successor that took the whole population", () => {
  it("ranks it first and answers unambiguously; the land-only successors are still listed", async () => {
    const result = await convert("Phường Thụy Khuê, Quận Tây Hồ, Thành phố Hà Nội");
    expect(result.unambiguous).toBe(true);
    expect(result.candidates[0]).toMatchObject({ commune: { code: "00103" }, link: { population: "ALL" } });
    expect(result.candidates.length).toBeGreaterThan(1);
    for (const other of result.candidates.slice(1)) expect(other.link.population).toBe("NONE");
  });
});

describe("search takes the same aliases and apostrophes", () => {
  it.each([
    ["TPHCM", "79"],
    ["Sài Gòn", "79"],
    ["Hanoi", "01"],
    ["TP Huế", "46"],
  ])("provinces(search: %s) finds %s first", async (search, code) => {
    const { data, errors } = await server.gql(`query($s:String){ provinces(search:$s, first: 3){ nodes { code } } }`, { s: search });
    expect(errors).toBeUndefined();
    expect(data!.provinces.nodes[0].code).toBe(code);
  });

  it("serves names with the legal texts' ASCII apostrophe and finds them typed with U+2019", async () => {
    const { data, errors } = await server.gql(`query($s:String){ communes(search:$s, first: 3){ nodes { code fullName } } }`, { s: "Ea H’Leo" });
    expect(errors).toBeUndefined();
    expect(data!.communes.nodes[0]).toEqual({ code: "24184", fullName: "Xã Ea H'Leo" });
  });
});

it("takes English kind words only from their table: Object's own property names are words like any other", () => {
  for (const word of ["constructor", "toString", "hasOwnProperty", "__proto__"]) {
    const key = nameKey(`Ba Dinh ${word}`, "commune");
    expect(key.prefix).toBeNull();
    expect(key.folded).toBe(`ba dinh ${word.toLowerCase().replace(/_/g, " ").trim()}`);
  }
  // the same key twice is the same (shared, frozen) object: callers cannot change another's key
  expect(nameKey("Phường Ba Đình", "commune")).toBe(nameKey("Phường Ba Đình", "commune"));
  expect(Object.isFrozen(nameKey("Phường Ba Đình", "commune").words)).toBe(true);
});
