// Geography through the API: point lookup, areas, centers, boundaries and neighbours, and the GeoJSON downloads.
import polylabel from "polylabel";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allCommuneFacts, communeBoundary } from "../src/geo/store.js";
import { createServer } from "../src/http/server.js";
import { createTestServer, type TestServer } from "./helpers.js";
import communes from "../../../prisma/data/communes.json" with { type: "json" };

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server?.drop());

const AT = /* GraphQL */ `
  query At($latitude: Float!, $longitude: Float!, $asOf: Date) {
    communeAt(latitude: $latitude, longitude: $longitude, asOf: $asOf) { code fullName province { code } }
  }
`;
const codeAt = async (latitude: number, longitude: number) => {
  const { data, errors } = await server.gql(AT, { latitude, longitude });
  expect(errors).toBeUndefined();
  return (data!.communeAt?.code as string | undefined) ?? null;
};

describe("communeAt", () => {
  it("finds the unit of well-known places", async () => {
    // Hồ Hoàn Kiếm, Hà Nội → Phường Hoàn Kiếm
    expect(await codeAt(21.0288, 105.8525)).toBe("00070");
    // Chợ Bến Thành, Hồ Chí Minh City → Phường Bến Thành
    expect(await codeAt(10.7725, 106.698)).toBe("26743");
    // Phú Thọ racecourse, the source's own documented example → Phường Phú Thọ (Hồ Chí Minh City)
    expect(await codeAt(10.767883941562623, 106.65735539347402)).toBe("27226");
    // Kinh thành Huế (the Citadel) → Phường Phú Xuân
    expect(await codeAt(16.4698, 107.5786)).toBe("19753");
    // Sa Pa town → Phường Sa Pa (Lào Cai)
    expect(await codeAt(22.3364, 103.8438)).toBe("03006");
    // Dương Đông, Phú Quốc island → Đặc khu Phú Quốc; Côn Sơn town → Đặc khu Côn Đảo
    expect(await codeAt(10.217, 103.959)).toBe("31078");
    expect(await codeAt(8.683, 106.606)).toBe("26732");
  });

  it("answers with the version holding on asOf", async () => {
    // 26116 became a ward when Đồng Nai became a city (2026-04-30): same place, two versions.
    const center = allCommuneFacts().find((c) => c.code === "26116")!.center;
    const on = async (asOf: string) => (await server.gql(`query($la: Float!, $lo: Float!, $d: Date) { communeAt(latitude: $la, longitude: $lo, asOf: $d) { code type validFrom } }`, { la: center[1], lo: center[0], d: asOf })).data!.communeAt;
    const before = await on("2025-07-01");
    const after = await on("2026-11-01");
    expect(before.code).toBe("26116");
    expect(after.code).toBe("26116");
    expect(before.type).not.toBe(after.type);
  });

  it("resolves units whose name recurs in other provinces to the right one", async () => {
    const byName = new Map<string, string[]>();
    for (const c of communes) byName.set(c.fullName, [...(byName.get(c.fullName) ?? []), c.code]);
    const recurring = [...byName.values()].filter((codes) => codes.length >= 3).slice(0, 8).flat();
    expect(recurring.length).toBeGreaterThan(20);
    const facts = new Map(allCommuneFacts().map((c) => [c.code, c]));
    for (const code of recurring) {
      const [longitude, latitude] = facts.get(code)!.center;
      const { data } = await server.gql(AT, { latitude, longitude });
      expect(data!.communeAt.code, code).toBe(code);
      expect(data!.communeAt.province.code).toBe(communes.find((c) => c.code === code)!.provinceCode);
    }
  });

  it("finds an island of every special zone, not only its main part", async () => {
    const zones = communes.filter((c) => c.type === "SPECIAL_ZONE");
    expect(zones).toHaveLength(13);
    for (const zone of zones) {
      const parts = communeBoundary(zone.code, "FULL")!.coordinates;
      // The smallest part big enough to hold a point clearly inside it (pole of inaccessibility).
      const smallest = [...parts].sort((a, b) => a[0]!.length - b[0]!.length).find((p) => p[0]!.length >= 8) ?? parts[0]!;
      const [longitude, latitude] = polylabel(smallest as [number, number][][], 1e-6) as unknown as [number, number];
      expect(await codeAt(latitude, longitude), `${zone.fullName}, part of ${smallest[0]!.length} points`).toBe(zone.code);
    }
  });

  it("returns null at sea, between islands and in neighbouring countries", async () => {
    expect(await codeAt(20.0, 107.5)).toBeNull(); // Gulf of Tonkin, off Hải Phòng
    expect(await codeAt(12.0, 111.0)).toBeNull(); // South China Sea (Biển Đông), off Khánh Hòa
    expect(await codeAt(10.0, 115.0)).toBeNull(); // inside Trường Sa's bounding box, between its reefs
    expect(await codeAt(16.5, 112.0)).toBeNull(); // inside Hoàng Sa's bounding box, between its islands
    expect(await codeAt(17.9757, 102.6331)).toBeNull(); // Vientiane, Laos
    expect(await codeAt(11.5564, 104.9282)).toBeNull(); // Phnom Penh, Cambodia
    expect(await codeAt(22.817, 108.3669)).toBeNull(); // Nanning, China
    expect(await codeAt(0, 0)).toBeNull();
  });

  it("rejects coordinates out of range as BAD_USER_INPUT", async () => {
    for (const [latitude, longitude] of [[91, 105], [-90.5, 105], [21, 181], [21, -180.01]]) {
      const { data, errors } = await server.gql(AT, { latitude, longitude });
      expect(data?.communeAt ?? null).toBeNull();
      expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
  });
});

describe("communesAt", () => {
  const AT_MANY = /* GraphQL */ `
    query AtMany($points: [PointInput!]!) { communesAt(points: $points) { code province { code } serviceCenter { name } } }
  `;
  const centers = allCommuneFacts().map((c) => ({ latitude: c.center[1], longitude: c.center[0], code: c.code }));

  it("answers 1,000 points in order, with nulls, in as many statements as 10 points", async () => {
    const count = async (points: typeof centers) => {
      server.db.statements.count = 0;
      const { data, errors } = await server.gql(AT_MANY, { points: points.map(({ latitude, longitude }) => ({ latitude, longitude })) });
      expect(errors).toBeUndefined();
      const answers = data!.communesAt as ({ code: string; serviceCenter: { name: string } } | null)[];
      expect(answers).toHaveLength(points.length);
      points.forEach((p, i) => expect(answers[i]?.code ?? null).toBe(p.code || null));
      return server.db.statements.count;
    };
    const sea = { latitude: 12, longitude: 111, code: "" };
    const many = [...centers.slice(0, 998), sea, centers[5]!];
    const small = await count([...centers.slice(0, 8), sea, centers[5]!]);
    const large = await count(many);
    // The units come from the in-memory registry: no statement at all, whatever the number of points.
    expect(large).toBe(small);
    expect(large).toBe(0);
  });

  it("rejects more than 1,000 points and out-of-range points as BAD_USER_INPUT", async () => {
    const tooMany = Array.from({ length: 1001 }, () => ({ latitude: 21, longitude: 105.8 }));
    const { errors } = await server.gql(AT_MANY, { points: tooMany });
    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const bad = await server.gql(AT_MANY, { points: [{ latitude: 21, longitude: 105.8 }, { latitude: 95, longitude: 105.8 }] });
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(bad.errors?.[0]?.message).toContain("points[1]");
  });
});

describe("areas, centers, boundaries and neighbours", () => {
  it("gives a province its area, center and boundary at every detail level", async () => {
    const { data, errors } = await server.gql(`{
      province(code: "48") { areaKm2 center { latitude longitude } low: boundary(detail: LOW) medium: boundary full: boundary(detail: FULL)
        communes(first: 200) { nodes { code areaKm2 } } }
    }`);
    expect(errors).toBeUndefined();
    const province = data!.province;
    const sum = province.communes.nodes.reduce((s: number, c: { areaKm2: number }) => s + c.areaKm2, 0);
    expect(province.areaKm2).toBeCloseTo(sum, 0);
    for (const level of ["low", "medium", "full"]) expect(province[level].type).toBe("MultiPolygon");
    // Đà Nẵng's boundary includes Hoàng Sa (east of 111°E), which the source's own province polygon leaves out.
    const maxLongitude = Math.max(...province.low.coordinates.flat(2).map((p: number[]) => p[0]));
    expect(maxLongitude).toBeGreaterThan(111);
    expect(province.full.coordinates.flat(2).length).toBeGreaterThan(province.medium.coordinates.flat(2).length);
    expect(province.medium.coordinates.flat(2).length).toBeGreaterThan(province.low.coordinates.flat(2).length);
    expect(await codeAt(province.center.latitude, province.center.longitude).then((code) => code && communes.find((c) => c.code === code)!.provinceCode)).toBe("48");
  });

  it("lists neighbours symmetrically, on the commune's day, in a constant number of statements", async () => {
    const query = /* GraphQL */ `query($n: Int) { province(code: "01") { communes(first: $n) { nodes { code validFrom neighbours { code validFrom province { code } } } } } }`;
    const run = async (n: number) => {
      server.db.statements.count = 0;
      const { data, errors } = await server.gql(query, { n });
      expect(errors).toBeUndefined();
      return { nodes: data!.province.communes.nodes as { code: string; validFrom: string; neighbours: { code: string; validFrom: string }[] }[], statements: server.db.statements.count };
    };
    const small = await run(3);
    const all = await run(200);
    expect(all.statements).toBe(small.statements);
    const neighbours = new Map(all.nodes.map((n) => [n.code, new Set(n.neighbours.map((m) => m.code))]));
    let pairs = 0;
    for (const [code, set] of neighbours)
      for (const other of set) {
        if (neighbours.has(other)) {
          expect(neighbours.get(other)!.has(code), `${code} ↔ ${other}`).toBe(true);
          pairs++;
        }
      }
    expect(pairs).toBeGreaterThan(200);
    // Phường Hoàn Kiếm, in the middle of the city, is surrounded by wards.
    const hoanKiem = all.nodes.find((n) => n.code === "00070")!;
    expect(hoanKiem.neighbours.length).toBeGreaterThanOrEqual(3);
    for (const n of hoanKiem.neighbours) expect(n.validFrom <= "2026-11-23").toBe(true);
  });

  it("gives every unit of a province a boundary, area and a center inside it", async () => {
    const { data, errors } = await server.gql(`{ communes(provinceCode: "22", first: 200) { nodes { code areaKm2 center { latitude longitude } boundary(detail: LOW) } } }`);
    expect(errors).toBeUndefined();
    for (const c of data!.communes.nodes) {
      expect(c.areaKm2).toBeGreaterThan(0);
      expect(c.boundary.type).toBe("MultiPolygon");
      expect(await codeAt(c.center.latitude, c.center.longitude)).toBe(c.code);
    }
  });
});

describe("GeoJSON downloads", () => {
  const get = (path: string, headers: Record<string, string> = {}) => server.yoga.fetch(`http://vngov.test${path}`, { headers });

  it("serves the provinces and a province's communes with code, name, type and province code", async () => {
    const provinces = await get("/geo/provinces.geojson");
    expect(provinces.status).toBe(200);
    expect(provinces.headers.get("content-type")).toContain("application/geo+json");
    const body = (await provinces.json()) as { type: string; features: { properties: Record<string, string>; geometry: { type: string } }[] };
    expect(body.type).toBe("FeatureCollection");
    expect(body.features).toHaveLength(34);
    expect(body.features[0]!.properties).toMatchObject({ code: "01", name: "Hà Nội", type: "CITY", provinceCode: "01" });

    const communesOf = await get("/geo/provinces/22/communes.geojson?detail=LOW");
    expect(communesOf.status).toBe(200);
    const collection = (await communesOf.json()) as typeof body;
    expect(collection.features.length).toBe(communes.filter((c) => c.provinceCode === "22").length);
    const baChe = collection.features.find((f) => f.properties.code === "06970")!;
    expect(baChe.properties).toMatchObject({ name: "Ba Chẽ", type: "COMMUNE", provinceCode: "22" });
  });

  it("keeps a download for its day only: a new day builds it again and drops the old day's", async () => {
    // Downloads are built from the in-memory registry (no SQL): what a stale download would show is
    // the wrong day's names and types. Đồng Nai's commune 25270 became a ward on 2026-04-30.
    let day = "2026-04-29";
    const yoga = createServer({ db: server.db, today: () => day, responseCache: false, persistedDocuments: new Map() });
    const typeOf25270 = async () => {
      const response = await yoga.fetch("http://vngov.test/geo/provinces/75/communes.geojson?detail=LOW");
      expect(response.status).toBe(200);
      const body = (await response.json()) as { features: Array<{ id: string; properties: { type: string } }> };
      return body.features.find((feature) => feature.id === "25270")!.properties.type;
    };
    expect(await typeOf25270()).toBe("COMMUNE");
    expect(await typeOf25270()).toBe("COMMUNE");
    day = "2026-04-30";
    expect(await typeOf25270()).toBe("WARD");
    day = "2026-04-29";
    expect(await typeOf25270()).toBe("COMMUNE");
  });

  it("answers 304 to a matching If-None-Match and rejects unknown provinces and levels", async () => {
    const first = await get("/geo/provinces/01/communes.geojson");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    const again = await get("/geo/provinces/01/communes.geojson", { "if-none-match": etag! });
    expect(again.status).toBe(304);
    expect((await get("/geo/provinces/01/communes.geojson?detail=LOW")).headers.get("etag")).not.toBe(etag);
    expect((await get("/geo/provinces/99/communes.geojson")).status).toBe(404);
    expect((await get("/geo/provinces/01/communes.geojson?detail=FULL")).status).toBe(400);
  });
});
