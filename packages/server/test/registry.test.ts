// The registry over time: complete counts on 2025-07-01, and later days differ by exactly the events.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRegistryData } from "../src/data/files.js";
import { createTestServer, type TestServer } from "./helpers.js";

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer({ today: "2026-11-23" });
});
afterAll(() => server?.drop());

const COUNTS = /* GraphQL */ `
  query Counts($asOf: Date) {
    provinces(asOf: $asOf) { totalCount }
    all: communes(asOf: $asOf) { totalCount }
    communes: communes(asOf: $asOf, type: COMMUNE) { totalCount }
    wards: communes(asOf: $asOf, type: WARD) { totalCount }
    zones: communes(asOf: $asOf, type: SPECIAL_ZONE) { totalCount }
    cities: provinces(asOf: $asOf, first: 50) { nodes { kind } }
  }
`;

async function counts(asOf: string) {
  const { data, errors } = await server.gql(COUNTS, { asOf });
  expect(errors).toBeUndefined();
  return {
    provinces: data!.provinces.totalCount as number,
    units: data!.all.totalCount as number,
    COMMUNE: data!.communes.totalCount as number,
    WARD: data!.wards.totalCount as number,
    SPECIAL_ZONE: data!.zones.totalCount as number,
    cities: (data!.cities.nodes as Array<{ kind: string }>).filter((p) => p.kind === "CITY").length,
  };
}

describe("the registry as of a date", () => {
  it("counts 34 provinces and 3,321 units (2,621 communes, 687 wards, 13 special zones) on 2025-07-01", async () => {
    expect(await counts("2025-07-01")).toEqual({
      provinces: 34,
      units: 3321,
      COMMUNE: 2621,
      WARD: 687,
      SPECIAL_ZONE: 13,
      cities: 6,
    });
  });

  it("differs on later days by exactly the recorded events", async () => {
    const { events } = readRegistryData();
    expect(events.length).toBeGreaterThan(0);
    for (const day of ["2026-04-29", "2026-04-30", "2026-09-01", "2026-09-19", "2026-09-20", "2026-11-23"]) {
      const expected = { provinces: 34, units: 3321, COMMUNE: 2621, WARD: 687, SPECIAL_ZONE: 13, cities: 6 };
      for (const event of events.filter((e) => e.effectiveOn <= day)) {
        for (const change of event.changes) {
          if (change.entity === "COMMUNE") {
            expected[change.from] -= 1;
            expected[change.to] += 1;
          } else if (change.to === "CITY") {
            expected.cities += 1;
          }
        }
      }
      expect(await counts(day), day).toEqual(expected);
    }
  });

  it("answers Đồng Nai as a PROVINCE on 2025-07-01 and a CITY on 2026-10-01", async () => {
    const { data } = await server.gql(`{
      before: province(code: "75", asOf: "2025-07-01") { kind fullName validFrom validTo }
      after: province(code: "75", asOf: "2026-10-01") { kind fullName validFrom validTo }
    }`);
    expect(data!.before).toEqual({ kind: "PROVINCE", fullName: "Tỉnh Đồng Nai", validFrom: "2025-07-01", validTo: "2026-04-30" });
    expect(data!.after).toEqual({ kind: "CITY", fullName: "Thành phố Đồng Nai", validFrom: "2026-04-30", validTo: null });
  });

  it("changes a commune's type on the day its resolution takes effect, and keeps the old state", async () => {
    const query = `query($asOf: Date) { commune(code: "25270", asOf: $asOf) { name type fullName province { kind } } }`;
    const before = await server.gql(query, { asOf: "2026-04-29" });
    const after = await server.gql(query, { asOf: "2026-04-30" });
    expect(before.data!.commune.type).toBe("COMMUNE");
    expect(before.data!.commune.province.kind).toBe("PROVINCE");
    expect(after.data!.commune.type).toBe("WARD");
    expect(after.data!.commune.fullName).toBe(`Phường ${after.data!.commune.name}`);
    expect(after.data!.commune.province.kind).toBe("CITY");
  });

  it("answers for today in Vietnam when asOf is omitted", async () => {
    const early = await createTestServer({ today: "2025-08-01" });
    try {
      const { data } = await early.gql(`{ province(code: "75") { kind } commune(code: "25270") { type } }`);
      expect(data).toEqual({ province: { kind: "PROVINCE" }, commune: { type: "COMMUNE" } });
    } finally {
      await early.drop();
    }
    const { data } = await server.gql(`{ province(code: "75") { kind } commune(code: "25270") { type } }`);
    expect(data).toEqual({ province: { kind: "CITY" }, commune: { type: "WARD" } });
  });

  it("rejects a date before 2025-07-01 with BAD_USER_INPUT pointing to the lineage queries", async () => {
    const { errors } = await server.gql(`{ provinces(asOf: "2025-06-30") { totalCount } }`);
    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0]?.message).toMatch(/before 2025-07-01/);
    expect(errors?.[0]?.message).toMatch(/legacyCommune/);
  });

  it("rejects a malformed date with a message naming the value", async () => {
    const { errors } = await server.gql(`query($d: Date) { provinces(asOf: $d) { totalCount } }`, { d: "2026-13-45" });
    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0]?.message).toMatch(/2026-13-45/);
  });

  it("lists the registry changes with their legal sources, filtered by date and province", async () => {
    const { data } = await server.gql(`{
      all: registryChanges { effectiveOn legalBasis url entity code from to province { code } commune { code type } }
      dongNai: registryChanges(provinceCode: "75") { code }
      window: registryChanges(from: "2026-09-01", to: "2026-09-10") { code legalBasis }
    }`);
    const { events } = readRegistryData();
    const total = events.reduce((n, e) => n + e.changes.length, 0);
    expect(data!.all).toHaveLength(total);
    expect(data!.dongNai).toHaveLength(11); // the province and its 10 new wards
    expect(data!.window).toEqual([{ code: "22", legalBasis: expect.stringContaining("36/2026/QH16") }]);
    const ward = data!.all.find((c: { code: string }) => c.code === "25270");
    expect(ward).toMatchObject({ effectiveOn: "2026-04-30", entity: "COMMUNE", from: "COMMUNE", to: "WARD", commune: { type: "WARD" } });
    expect(ward.url).toMatch(/^https?:\/\//);
    expect(ward.legalBasis).toContain("237/NQ-UBTVQH16");
  });
});

describe("registry data repairs", () => {
  it("has Xã Ia Mơ as 23938 (Decision 19/2025/QĐ-TTg) and Xã Ba Chẽ as 06970", async () => {
    const { data } = await server.gql(`{
      iaMo: commune(code: "23938") { fullName province { name } }
      oldIaMo: commune(code: "23737") { fullName }
      baChe: commune(code: "06970") { fullName province { name } }
      wrongBaChe: commune(code: "06978") { fullName }
    }`);
    expect(data).toEqual({
      iaMo: { fullName: "Xã Ia Mơ", province: { name: "Gia Lai" } },
      oldIaMo: null,
      baChe: { fullName: "Xã Ba Chẽ", province: { name: "Quảng Ninh" } },
      wrongBaChe: null,
    });
  });
});
