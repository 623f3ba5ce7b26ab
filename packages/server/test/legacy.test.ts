// The units before 2025-07-01 and their lineage, both ways, with the provenance of each link.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readLegacyData } from "../src/data/legacy-files.js";
import { seedLineage } from "../src/db/seed-lineage.js";
import { createTestServer, type TestServer } from "./helpers.js";

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer({ today: "2026-11-23", data: "all" });
});
afterAll(() => server?.drop());

const LINKS = /* GraphQL */ `
  query Old($code: String!) {
    legacyCommune(code: $code) {
      code fullName type districtCode provinceCode districtName provinceName fullAddress sources
      successors { code fullName validTo predecessors { code } }
      links { fromCode kind confidence flagged note sources legalBasis from { code } to { code fullName } }
    }
  }
`;

async function legacy(code: string) {
  const { data, errors } = await server.gql(LINKS, { code });
  expect(errors).toBeUndefined();
  return data!.legacyCommune;
}

describe("seeding the lineage", () => {
  it("loads every old unit and link once, and a second run changes nothing", async () => {
    const data = readLegacyData();
    const again = await seedLineage(server.db);
    expect(again.seeded).toBe(false);
    expect(again.counts).toEqual({ provinces: 63, districts: 696, communes: 10047, links: 10578, districtLinks: 5 });
    expect(data.lineage).toHaveLength(10583);
    const [row] = await server.db.query<{ communes: number; links: number; districts: number }>(
      `SELECT (SELECT count(*)::int FROM "LegacyCommune") AS communes, (SELECT count(*)::int FROM "LineageLink") AS links,
              (SELECT count(*)::int FROM "LegacyDistrict") AS districts`,
    );
    expect(row).toEqual({ communes: 10047, links: 10578, districts: 696 });
  });
});

describe("old → new → old", () => {
  it("finds every successor's predecessors to contain the old commune (a split ward, Cống Vị)", async () => {
    const commune = await legacy("00007");
    expect(commune).toMatchObject({
      fullName: "Phường Cống Vị",
      type: "WARD",
      districtName: "Quận Ba Đình",
      provinceName: "Thành phố Hà Nội",
      fullAddress: "Phường Cống Vị, Quận Ba Đình, Thành phố Hà Nội",
    });
    // Split: one PARTIAL link per new unit, each with its own provenance.
    expect(commune.links.map((l: any) => [l.to.code, l.kind])).toEqual([
      ["00008", "PARTIAL"],
      ["00025", "PARTIAL"],
    ]);
    expect(commune.successors.map((s: any) => s.fullName)).toEqual(["Phường Ngọc Hà", "Phường Giảng Võ"]);
    for (const successor of commune.successors) {
      expect(successor.validTo).toBeNull();
      expect(successor.predecessors.map((p: any) => p.code)).toContain("00007");
    }
    const flagged = commune.links.find((l: any) => l.to.code === "00025");
    expect(flagged).toMatchObject({ confidence: 0.9, flagged: true, legalBasis: "1656/NQ-UBTVQH15" });
    expect(flagged.note).toMatch(/Điều 1 khoản 5/);
    expect(flagged.sources).toEqual(["dvhcvn-20250701", "qd-19-2025-bang-chuyen-doi", "nq-ubtvqh15-2025"]);
  });

  it("lists a merged unit's predecessors with the kind of each link (Phường Ngọc Hà)", async () => {
    const { data, errors } = await server.gql(`{ commune(code: "00008") {
      fullName predecessors { code fullName } predecessorLinks { from { code } kind confidence } predecessorDistricts { code } } }`);
    expect(errors).toBeUndefined();
    const commune = data!.commune;
    expect(commune.fullName).toBe("Phường Ngọc Hà");
    const codes = commune.predecessors.map((p: any) => p.code);
    expect(codes).toEqual([...codes].sort());
    expect(codes).toEqual(expect.arrayContaining(["00006", "00007", "00008"]));
    const kinds = Object.fromEntries(commune.predecessorLinks.map((l: any) => [l.from.code, l.kind]));
    expect(kinds).toMatchObject({ "00006": "WHOLE", "00007": "PARTIAL", "00008": "WHOLE" });
    expect(commune.predecessorDistricts).toEqual([]);
  });

  it("maps old provinces to new ones and back (Lào Cai and Yên Bái → Lào Cai)", async () => {
    const { data, errors } = await server.gql(`{
      old: legacyProvince(code: "10") { code fullName successorCode successor { code fullName predecessors { code fullName } } }
      all: legacyProvinces { code successor { code } }
      unknown: legacyProvince(code: "03") { code }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.old).toMatchObject({ code: "10", fullName: "Tỉnh Lào Cai", successorCode: "15" });
    expect(data!.old.successor.predecessors).toEqual([
      { code: "10", fullName: "Tỉnh Lào Cai" },
      { code: "15", fullName: "Tỉnh Yên Bái" },
    ]);
    expect(data!.all).toHaveLength(63);
    expect(new Set(data!.all.map((p: any) => p.successor.code)).size).toBe(34);
    expect(data!.unknown).toBeNull();
  });

  it("gives the successor as it stands on the request's day (Đồng Nai's Xã Lộc Ninh became a ward on 2026-04-30)", async () => {
    const { data } = await server.gql(`{ commune(code: "25270", asOf: "2025-07-01") { predecessors { code successors { fullName type validFrom } } } }`);
    const old = data!.commune.predecessors[0];
    expect(old.successors.find((s: any) => s.fullName.endsWith("Lộc Ninh"))).toMatchObject({
      fullName: "Phường Lộc Ninh",
      type: "WARD",
      validFrom: "2026-04-30",
    });
  });
});

describe("repaired and decided links", () => {
  it("keeps Xã Ia Mơ 23938 unchanged, and 23737 (Ia Mơ Nông) merged into Xã Ia Ly", async () => {
    const iaMo = await legacy("23938");
    expect(iaMo.fullName).toBe("Xã Ia Mơ");
    expect(iaMo.links).toEqual([
      expect.objectContaining({ kind: "UNCHANGED", confidence: 1, to: { code: "23938", fullName: "Xã Ia Mơ" } }),
    ]);
    expect(iaMo.links[0].note).toMatch(/Giữ nguyên/);
    expect(iaMo.links[0].sources).toContain("nq-ubtvqh15-2025");
    const iaMoNong = await legacy("23737");
    expect(iaMoNong.fullName).toBe("Xã Ia Mơ Nông");
    expect(iaMoNong.links).toEqual([expect.objectContaining({ kind: "WHOLE", confidence: 1, to: { code: "23734", fullName: "Xã Ia Ly" } })]);
  });

  it("flags a link whose source row was repaired by name (Phường Nghĩa Đô, new_ward_code 157)", async () => {
    const nghiaDo = await legacy("00157");
    const link = nghiaDo.links.find((l: any) => l.to.code === "00160");
    expect(link).toMatchObject({ confidence: 0.95, flagged: true });
    expect(link.note).toMatch(/new_ward_code 157 .*resolved by name to 00160/);
  });

  it("decides a disagreement between the sources by the resolution's article (Xã Quang Trung 13768)", async () => {
    const quangTrung = await legacy("13768");
    expect(quangTrung.links).toHaveLength(1);
    expect(quangTrung.links[0]).toMatchObject({
      kind: "WHOLE",
      confidence: 0.9,
      legalBasis: "1674/NQ-UBTVQH15",
      to: { code: "13753", fullName: "Xã Hiển Khánh" },
    });
    expect(quangTrung.links[0].note).toMatch(/not in dvhcvn-20250701; confirmed by .*Điều 1 khoản 24/);
  });

  it("links the island districts without communes to their special zones (Côn Đảo)", async () => {
    const { data, errors } = await server.gql(`{
      commune(code: "26732") { fullName predecessors { code } predecessorDistricts { code fullName communes { code } links { kind confidence note from { code } to { code } } } }
      legacyDistrict(code: "755") { fullName province { fullName } }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.commune.fullName).toBe("Đặc khu Côn Đảo");
    expect(data!.commune.predecessors).toEqual([]);
    const [district] = data!.commune.predecessorDistricts;
    expect(district).toMatchObject({ code: "755", fullName: "Huyện Côn Đảo", communes: [] });
    expect(district.links).toEqual([
      expect.objectContaining({ kind: "RENAMED", confidence: 0.85, from: { code: "755" }, to: { code: "26732" } }),
    ]);
    expect(district.links[0].note).toMatch(/1685\/NQ-UBTVQH15/);
    expect(data!.legacyDistrict.province.fullName).toBe("Tỉnh Bà Rịa - Vũng Tàu");
  });

  it("names an island district whose source address put the commune first (912 Huyện Kiên Hải)", async () => {
    const { data, errors } = await server.gql(`{ legacyDistrict(code: "912") { name fullName communes { fullName } } }`);
    expect(errors).toBeUndefined();
    expect(data!.legacyDistrict).toMatchObject({ name: "Kiên Hải", fullName: "Huyện Kiên Hải" });
    expect(data!.legacyDistrict.communes.map((c: { fullName: string }) => c.fullName)).toContain("Xã Hòn Tre");
  });
});

describe("finding old communes by name", () => {
  it("ranks same-named communes by diacritics and filters by province and district", async () => {
    const query = `query($search: String!, $province: String, $district: String) {
      legacyCommunes(search: $search, provinceName: $province, districtName: $district) { totalCount nodes { code fullName districtName } } }`;
    const marked = await server.gql(query, { search: "Minh Quân", province: "yen bai" });
    expect(marked.data!.legacyCommunes.nodes.map((n: any) => n.fullName)).toEqual(["Xã Minh Quân", "Xã Minh Quán"]);
    const other = await server.gql(query, { search: "xã minh quán", district: "H. Trấn Yên" });
    expect(other.data!.legacyCommunes.nodes.map((n: any) => n.fullName)).toEqual(["Xã Minh Quán", "Xã Minh Quân"]);
    const wards = await server.gql(query, { search: "P.1", province: "TP.HCM", district: "Quận 3" });
    // Exact name first, then names starting with it (Phường 10, 11...).
    expect(wards.data!.legacyCommunes.nodes[0]).toEqual({ code: "27160", fullName: "Phường 1", districtName: "Quận 3" });
    expect(wards.data!.legacyCommunes.nodes.slice(1).every((n: any) => /^Phường 1\d$/.test(n.fullName))).toBe(true);
  });

  it("pages with first/after and rejects bad codes and searches with BAD_USER_INPUT", async () => {
    const first = await server.gql(`{ legacyCommunes(search: "hoa", first: 5) { totalCount pageInfo { endCursor hasNextPage } nodes { code } } }`);
    const page = first.data!.legacyCommunes;
    expect(page.nodes).toHaveLength(5);
    expect(page.totalCount).toBeGreaterThan(100);
    const next = await server.gql(`query($after: String) { legacyCommunes(search: "hoa", first: 5, after: $after) { nodes { code } } }`, { after: page.pageInfo.endCursor });
    expect(next.data!.legacyCommunes.nodes.map((n: any) => n.code)).not.toContain(page.nodes[0].code);
    for (const query of [`{ legacyCommune(code: "123") { code } }`, `{ legacyProvince(code: "1") { code } }`, `{ legacyCommunes(search: "--") { totalCount } }`, `{ legacyCommunes(search: "a", first: 500) { totalCount } }`]) {
      const { errors } = await server.gql(query);
      expect(errors?.[0]?.extensions?.code, query).toBe("BAD_USER_INPUT");
    }
    expect((await server.gql(`{ legacyCommune(code: "99999") { code } }`)).data!.legacyCommune).toBeNull();
  });

  it("loads successors and predecessors of a page in as many statements for 200 rows as for 2", async () => {
    const count = async (first: number) => {
      server.db.statements.count = 0;
      const { errors } = await server.gql(`query($n: Int) { legacyCommunes(search: "an", first: $n) { nodes { districtName successors { province { name } predecessors { code } } links { to { code } } } } }`, { n: first });
      expect(errors).toBeUndefined();
      return server.db.statements.count;
    };
    await count(1); // the matcher's index is read once per process
    expect(await count(200)).toBe(await count(2));
  });
});
