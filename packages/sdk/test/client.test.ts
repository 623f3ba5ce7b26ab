// The SDK against a real server over HTTP: typed methods, pagination, any-document requests,
// headers and persisted operations.
import { readFileSync } from "node:fs";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRegistryData } from "../../server/src/data/files.js";
import { readFiguresData } from "../../server/src/db/seed-figures.js";
import { MAX_PAGE_SIZE as SERVER_MAX_PAGE_SIZE } from "../../server/src/limits/page-size.js";
import { MAX_ADDRESSES as SERVER_MAX_ADDRESSES } from "../../server/src/schema/address.js";
import legacyCommunes from "../../../prisma/data/legacy-communes.json" with { type: "json" };
import legacyDistricts from "../../../prisma/data/legacy-districts.json" with { type: "json" };
import legacyProvinces from "../../../prisma/data/legacy-provinces.json" with { type: "json" };
import indicatorsFile from "../../../prisma/data/curated/indicators.json" with { type: "json" };
import { createClient, MAX_ADDRESSES, MAX_PAGE_SIZE, ProvinceDocument, VngovError, type FetchLike, type TypedDocumentNode } from "../src/index.js";
import { PERSISTED_DOCUMENTS_FILE, startLiveServer, type LiveServer } from "./live-server.js";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(() => server?.close());

interface SentBody {
  query?: string;
  operationName?: string;
  variables: Record<string, unknown>;
  extensions?: { persistedQuery?: { version: number; sha256Hash: string } };
}

/** A fetch that records what the SDK sends before sending it for real. */
function recordingFetch() {
  const sent: Array<{ url: string; method: string; headers: Record<string, string>; body: SentBody }> = [];
  const fetch: FetchLike = (url, init) => {
    const method = init.method ?? "GET";
    // A GET carries the request in its query string, each value JSON but the strings.
    const body =
      method === "GET"
        ? (Object.fromEntries(
            [...new URL(url).searchParams].map(([name, value]) => [name, name === "query" || name === "operationName" ? value : JSON.parse(value)]),
          ) as unknown as SentBody)
        : (JSON.parse(init.body as string) as SentBody);
    sent.push({ url, method, headers: init.headers as Record<string, string>, body });
    return globalThis.fetch(url, init);
  };
  return { sent, fetch };
}

describe("language", () => {
  it("asks for Vietnamese error messages with language: \"vi\", the codes unchanged", async () => {
    const { sent, fetch } = recordingFetch();
    const failure = (language?: "en" | "vi") =>
      createClient({ url: server.url, fetch, language })
        .province({ code: "1" })
        .then(() => null, (error: unknown) => error as VngovError);
    const vietnamese = await failure("vi");
    expect(sent[0]!.headers["accept-language"]).toBe("vi");
    expect(vietnamese).toBeInstanceOf(VngovError);
    expect(vietnamese!.code).toBe("BAD_USER_INPUT");
    expect(vietnamese!.errors[0]!.message).toBe('code "1" không phải là mã tỉnh, thành phố: mã tỉnh gồm 2 chữ số, ví dụ "01" hoặc "79".');
    const english = await failure();
    expect(sent[1]!.headers["accept-language"]).toBeUndefined();
    expect(english!.code).toBe("BAD_USER_INPUT");
    expect(english!.errors[0]!.message).toMatch(/^code "1" is not a province code/u);
  });
});

describe("typed operations", () => {
  it("fetches a province with every commune and its service center", async () => {
    const client = createClient({ url: server.url });
    const province = await client.province({ code: "15" });
    expect(province).toMatchObject({ code: "15", name: "Lào Cai", fullName: "Tỉnh Lào Cai", kind: "PROVINCE", validTo: null });
    expect(province!.communes.totalCount).toBe(99);
    expect(province!.communes.nodes).toHaveLength(99);
    expect(province!.communes.pageInfo.hasNextPage).toBe(false);
    for (const commune of province!.communes.nodes) {
      expect(commune.serviceCenter?.name).toMatch(/^Trung tâm Phục vụ hành chính công (xã|phường|đặc khu) /);
    }
  });

  it("returns null for a province code that names no province", async () => {
    expect(await createClient({ url: server.url }).province({ code: "99" })).toBeNull();
  });

  it("lists provinces a page at a time and finds them by name", async () => {
    const client = createClient({ url: server.url });
    const page = await client.provinces({ first: 5 });
    expect(page.totalCount).toBe(34);
    expect(page.nodes.map((p) => p.code)).toEqual(["01", "04", "08", "11", "12"]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const found = await client.provinces({ search: "lao cai" });
    expect(found.nodes[0]).toMatchObject({ code: "15", name: "Lào Cai" });
    const all = [];
    for await (const province of client.paginateProvinces({ first: 10 })) all.push(province.code);
    expect(all).toHaveLength(34);
    expect(new Set(all).size).toBe(34);
  });

  it("fetches a commune with its province and the province-wide center serving it (Hà Nội)", async () => {
    const commune = await createClient({ url: server.url }).commune({ code: "00004", asOf: "2025-07-01" });
    expect(commune).toMatchObject({
      code: "00004",
      name: "Ba Đình",
      type: "WARD",
      province: { code: "01", name: "Hà Nội", kind: "CITY" },
      serviceCenter: { scope: "PROVINCE", name: "Trung tâm Phục vụ hành chính công thành phố Hà Nội" },
    });
  });

  it("filters communes by province and type", async () => {
    const page = await createClient({ url: server.url }).communes({ provinceCode: "12", type: "WARD", first: 200, asOf: "2025-07-01" });
    expect(page.totalCount).toBeGreaterThan(0);
    expect(page.nodes).toHaveLength(page.totalCount);
    for (const commune of page.nodes) expect(commune).toMatchObject({ type: "WARD", province: { code: "12" } });
  });

  it("pages and batches as large as the server allows, and no larger", () => {
    expect(MAX_PAGE_SIZE).toBe(SERVER_MAX_PAGE_SIZE);
    expect(MAX_ADDRESSES).toBe(SERVER_MAX_ADDRESSES);
  });

  it("walks every commune of the country with paginateCommunes, 200 per request", async () => {
    const { sent, fetch } = recordingFetch();
    const client = createClient({ url: server.url, fetch });
    const perType: Record<string, number> = {};
    const codes = new Set<string>();
    for await (const commune of client.paginateCommunes({ asOf: "2025-07-01" })) {
      codes.add(commune.code);
      perType[commune.type] = (perType[commune.type] ?? 0) + 1;
    }
    expect(codes.size).toBe(3321);
    expect(perType).toEqual({ COMMUNE: 2621, WARD: 687, SPECIAL_ZONE: 13 });
    expect(sent).toHaveLength(Math.ceil(3321 / 200));
    expect(sent.every((request) => request.body.variables.first === 200)).toBe(true);
    expect(sent[0]!.body.variables.after).toBeNull();
  });

  it("lists every recorded registry change with its legal source, oldest first", async () => {
    const client = createClient({ url: server.url });
    const { events } = readRegistryData();
    const changes = await client.registryChanges();
    expect(changes).toHaveLength(events.reduce((sum, event) => sum + event.changes.length, 0));
    const days = changes.map((change) => change.effectiveOn);
    expect([...days].sort()).toEqual(days);
    for (const change of changes) {
      expect(change.legalBasis).not.toBe("");
      expect(change.url).toMatch(/^https?:\/\//);
    }
    const { province, effectiveOn } = changes[0]!;
    const ofProvince = await client.registryChanges({ provinceCode: province.code, from: effectiveOn, to: effectiveOn });
    expect(ofProvince).toEqual(changes.filter((change) => change.province.code === province.code && change.effectiveOn === effectiveOn));
  });
});

describe("request() with any typed document", () => {
  it("runs the generated documents with their types", async () => {
    const data = await createClient({ url: server.url }).request(ProvinceDocument, { code: "01", communesFirst: 1 });
    expect(data.province?.fullName).toBe("Thành phố Hà Nội");
    expect(data.province?.communes.nodes).toHaveLength(1);
  });

  it("runs the caller's own documents, sending the operation name", async () => {
    const { sent, fetch } = recordingFetch();
    const CountWards: TypedDocumentNode<{ communes: { totalCount: number } }, { asOf: string }> = parse(
      "query CountWards($asOf: Date) { communes(type: WARD, asOf: $asOf) { totalCount } }",
    );
    const data = await createClient({ url: server.url, fetch }).request(CountWards, { asOf: "2025-07-01" });
    expect(data.communes.totalCount).toBe(687);
    expect(sent[0]!.body.operationName).toBe("CountWards");
  });
});

describe("what goes on the wire", () => {
  it("sends the API key as a bearer token, the GraphQL accept header and extra headers", async () => {
    const { sent, fetch } = recordingFetch();
    const apiKey = await server.createKey("sdk-wire-test");
    const client = createClient({ url: server.url, fetch, apiKey, headers: { "x-client": "atlas" } });
    const province = await client.province({ code: "15" }, { headers: { "x-request-id": "r-1" } });
    expect(province?.code).toBe("15");
    expect(sent[0]!.headers).toMatchObject({
      authorization: `Bearer ${apiKey}`,
      accept: "application/graphql-response+json, application/json",
      "content-type": "application/json",
      "x-client": "atlas",
      "x-request-id": "r-1",
    });
    expect(sent[0]!.body.operationName).toBe("Province");
    expect(sent[0]!.body.query).toContain("fragment ServiceCenterFields on ServiceCenter");
  });

  it("sends no authorization header without an API key", async () => {
    const { sent, fetch } = recordingFetch();
    await createClient({ url: server.url, fetch }).provinces({ first: 1 });
    expect(Object.keys(sent[0]!.headers)).not.toContain("authorization");
  });
});

describe("departments, addresses, figures and geography", () => {
  it("includes the province's departments and equivalent bodies in its tree", async () => {
    const client = createClient({ url: server.url });
    const recorded = readFiguresData()
      .agencies.filter((agency) => agency.provinceCode === "15" && (agency.kind === "DEPARTMENT" || agency.kind === "EQUIVALENT_BODY"))
      .map((agency) => agency.id);
    expect(recorded.length).toBeGreaterThanOrEqual(12);
    const laoCai = await client.province({ code: "15" });
    expect(laoCai!.departments.totalCount).toBe(recorded.length);
    expect(laoCai!.departments.nodes.map((department) => department.code).sort()).toEqual([...recorded].sort());
    expect(laoCai!.departments.nodes.find((department) => department.code === "15-so-cong-thuong")).toMatchObject({
      name: "Sở Công Thương",
      nameEn: "Department of Industry and Trade",
      kind: "DEPARTMENT",
    });
    // Elsewhere the departments rest on Decree 150/2025/NĐ-CP's frame: the 12 bodies it requires of every province.
    const haNoi = (await client.province({ code: "01", communesFirst: 1 }))!.departments;
    expect(haNoi.totalCount).toBe(12);
    expect(haNoi.nodes.map((department) => department.code)).toContain("01-so-noi-vu");
  });

  it("converts an old address to its new unit, given as parts or as one line", async () => {
    const client = createClient({ url: server.url });
    const parts = await client.convertAddress({ commune: "Phường Trúc Bạch", district: "Quận Ba Đình", province: "Thành phố Hà Nội" });
    expect(parts.unambiguous).toBe(true);
    expect(parts.candidates).toEqual([
      expect.objectContaining({
        score: 1,
        kind: "WHOLE",
        partial: false,
        newAddress: "Phường Ba Đình, Thành phố Hà Nội",
        commune: expect.objectContaining({ code: "00004", fullName: "Phường Ba Đình", province: expect.objectContaining({ code: "01", name: "Hà Nội" }) }),
        legacyCommune: { code: "00004", fullName: "Phường Trúc Bạch", districtName: "Quận Ba Đình", provinceName: "Thành phố Hà Nội" },
      }),
    ]);
    const line = await client.convertAddress({ line: "Số 12 ngõ 5 Trúc Bạch, P. Trúc Bạch, Q. Ba Đình, Hà Nội" });
    expect(line.parsed.street).toBe("Số 12 ngõ 5 Trúc Bạch");
    expect(line.candidates[0]!.newAddress).toBe("Số 12 ngõ 5 Trúc Bạch, Phường Ba Đình, Thành phố Hà Nội");
  });

  it("gives every new unit of a split commune as a partial candidate, and no candidate for nothing", async () => {
    const client = createClient({ url: server.url });
    const split = await client.convertAddress({ commune: "Phường Cống Vị", district: "Quận Ba Đình", province: "Hà Nội" });
    expect(split.unambiguous).toBe(false);
    expect(split.candidates.map((candidate) => [candidate.commune.fullName, candidate.kind, candidate.partial])).toEqual([
      ["Phường Ngọc Hà", "PARTIAL", true],
      ["Phường Giảng Võ", "PARTIAL", true],
    ]);
    const nowhere = await client.convertAddress({ line: "221B Baker Street, London" });
    expect(nowhere).toMatchObject({ unambiguous: false, candidates: [], districtCandidates: [] });
  });

  it("converts 1,000 real old addresses in one request, in order, and refuses 1,001 before sending", async () => {
    const { sent, fetch } = recordingFetch();
    const client = createClient({ url: server.url, fetch });
    const districts = new Map(legacyDistricts.map((district) => [district.code, district.fullName]));
    const provinces = new Map(legacyProvinces.map((province) => [province.code, province.fullName]));
    // Spread over the whole country: every tenth old commune.
    const sample = legacyCommunes.filter((_, index) => index % 10 === 0).slice(0, MAX_ADDRESSES);
    expect(sample).toHaveLength(1000);
    const inputs = sample.map((commune) => ({
      commune: commune.fullName,
      district: districts.get(commune.districtCode),
      province: provinces.get(commune.provinceCode),
    }));
    const conversions = await client.convertAddresses(inputs);
    expect(sent).toHaveLength(1);
    expect(conversions).toHaveLength(1000);
    conversions.forEach((conversion, index) => {
      expect(conversion.candidates[0]?.legacyCommune.code, JSON.stringify(inputs[index])).toBe(sample[index]!.code);
    });

    const error = await client.convertAddresses([...inputs, inputs[0]!]).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(VngovError);
    expect(error).toMatchObject({ code: "BAD_USER_INPUT", status: undefined });
    expect((error as VngovError).message).toContain("at most 1000 addresses per request; got 1001");
    expect(sent).toHaveLength(1);
    expect(await client.convertAddresses([])).toEqual([]);
    expect(sent).toHaveLength(1);
  });

  it("lists figures with their quote and source, filters them and walks every page", async () => {
    const client = createClient({ url: server.url });
    const { figures } = readFiguresData();
    const planned = await client.figures({ status: "PLANNED" });
    expect(planned.totalCount).toBe(figures.filter((figure) => figure.status === "PLANNED").length);
    const units = await client.figures({ indicator: "commune_level_units", provinceCode: "15", from: "2025-07-01" });
    expect(units.nodes.length).toBeGreaterThan(0);
    for (const figure of units.nodes) {
      expect(figure).toMatchObject({ indicator: { code: "commune_level_units" }, subjectCode: "15", subject: { __typename: "Province", code: "15" } });
      expect(figure.asOf >= "2025-07-01").toBe(true);
      expect(figure.quote).not.toBe("");
      expect(figure.source.url).toMatch(/^https?:\/\//);
      expect(figure.consistency).toMatchObject({ registryValue: 99 });
    }
    // Every page, with the curated figures among them (area and population add one figure per unit checked).
    const ids: string[] = [];
    for await (const figure of client.paginateFigures({ first: 200 })) ids.push(figure.code);
    expect(ids).toHaveLength((await client.figures({ first: 1 })).totalCount);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(figures.map((figure) => figure.id)));
  });

  it("compares an indicator across provinces in the order asked, with null where nothing is published", async () => {
    const client = createClient({ url: server.url });
    const rows = await client.compare({ indicator: "commune_level_units", provinceCodes: ["15", "01"] });
    expect(rows.map((row) => row.province.code)).toEqual(["15", "01"]);
    expect(rows[0]).toMatchObject({ value: 99, figure: { indicator: { code: "commune_level_units" }, status: "REPORTED" } });
    expect(rows[1]).toMatchObject({ value: null, asOf: null, figure: null });
    expect(await client.compare({ indicator: "commune_level_units" })).toHaveLength(34);
  });

  it("lists every indicator with its figure count", async () => {
    const indicators = await createClient({ url: server.url }).indicators();
    expect(indicators.map((indicator) => indicator.code).sort()).toEqual(indicatorsFile.map((indicator) => indicator.code).sort());
    expect(indicators.reduce((sum, indicator) => sum + indicator.figureCount, 0)).toBe((await createClient({ url: server.url }).figures({ first: 1 })).totalCount);
    expect(indicators.find((indicator) => indicator.code === "on_time_rate")).toMatchObject({ unit: "percent" });
  });

  it("fetches an old commune with the new unit it became, and null for an unknown code", async () => {
    const client = createClient({ url: server.url });
    const trucBach = await client.legacyCommune({ code: "00004" });
    expect(trucBach).toMatchObject({ fullName: "Phường Trúc Bạch", districtName: "Quận Ba Đình", provinceName: "Thành phố Hà Nội" });
    expect(trucBach!.links).toEqual([
      expect.objectContaining({ kind: "WHOLE", legalBasis: expect.stringContaining("1656/NQ-UBTVQH15"), to: expect.objectContaining({ code: "00004", fullName: "Phường Ba Đình" }) }),
    ]);
    const congVi = await client.legacyCommune({ code: legacyCommunes.find((commune) => commune.fullName === "Phường Cống Vị")!.code });
    expect(congVi!.links.map((link) => link.to.fullName).sort()).toEqual(["Phường Giảng Võ", "Phường Ngọc Hà"]);
    expect(await client.legacyCommune({ code: "99999" })).toBeNull();
  });

  it("finds the unit at a point, and null at sea", async () => {
    const client = createClient({ url: server.url });
    // Hồ Hoàn Kiếm, Hà Nội
    expect(await client.communeAt({ latitude: 21.0288, longitude: 105.8525 })).toMatchObject({
      code: "00070",
      fullName: "Phường Hoàn Kiếm",
      province: { code: "01" },
      serviceCenter: { scope: "PROVINCE" },
    });
    // Gulf of Tonkin, off Hải Phòng
    expect(await client.communeAt({ latitude: 20.0, longitude: 107.5, asOf: "2025-07-01" })).toBeNull();
  });
});

describe("persisted operations (persisted: true)", () => {
  const persistedDocuments = JSON.parse(readFileSync(PERSISTED_DOCUMENTS_FILE, "utf8")) as Record<string, string>;

  it("sends only the hash listed in persisted-documents.json, for every method, with the same answers", async () => {
    const { sent, fetch } = recordingFetch();
    const client = createClient({ url: server.url, fetch, persisted: true });
    const plain = createClient({ url: server.url });
    expect(await client.province({ code: "15" })).toEqual(await plain.province({ code: "15" }));
    await client.provinces({ first: 2 });
    await client.commune({ code: "00004" });
    await client.communes({ provinceCode: "12", first: 3 });
    await client.registryChanges({ provinceCode: "01" });
    await client.convertAddress({ line: "Phường Trúc Bạch, Quận Ba Đình, Hà Nội" });
    await client.convertAddresses([{ commune: "Phường 1", district: "Quận 3", province: "Hồ Chí Minh" }]);
    await client.figures({ first: 1 });
    await client.compare({ indicator: "on_time_rate", provinceCodes: ["15"] });
    await client.indicators();
    await client.legacyCommune({ code: "00004" });
    await client.communeAt({ latitude: 21.0288, longitude: 105.8525 });
    expect(sent).toHaveLength(12);
    // By GET, so that HTTP caches and CDNs can keep the answers.
    expect(sent.map(({ method }) => method)).toEqual(Array(12).fill("GET"));
    for (const { body } of sent) {
      expect(body.query, body.operationName).toBeUndefined();
      const hash = body.extensions!.persistedQuery!.sha256Hash;
      expect(persistedDocuments[hash], body.operationName).toMatch(new RegExp(`query ${body.operationName}[ (]`));
    }
    expect(new Set(sent.map(({ body }) => body.operationName)).size).toBe(12);
  });

  it("serves a persisted-only key through persisted: true, which the same key's query text is refused", async () => {
    const apiKey = await server.createKey("sdk-persisted-only", { persistedOnly: true });
    const laoCai = await createClient({ url: server.url, apiKey, persisted: true }).province({ code: "15" });
    expect(laoCai?.communes.totalCount).toBe(99);
    const refused = await createClient({ url: server.url, apiKey }).province({ code: "15" }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(refused).toMatchObject({ code: "PERSISTED_QUERY_ONLY", status: 403 });
    // A document of the caller's own has no hash: it goes as text, and this key may not send text.
    const own: TypedDocumentNode<{ provinces: { totalCount: number } }, Record<string, never>> = parse("query Count { provinces { totalCount } }");
    const ownRefused = await createClient({ url: server.url, apiKey, persisted: true }).request(own).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(ownRefused).toMatchObject({ code: "PERSISTED_QUERY_ONLY" });
  });

  it("falls back to the query text when the server does not hold the hash, once per operation", async () => {
    const hash = Object.keys(persistedDocuments).find((key) => persistedDocuments[key]!.includes("query Province("))!;
    const held = server.persistedDocuments.get(hash)!;
    // The server runs an older list without this operation (e.g. deployed before the SDK was updated).
    server.persistedDocuments.delete(hash);
    try {
      const { sent, fetch } = recordingFetch();
      const client = createClient({ url: server.url, fetch, persisted: true });
      expect((await client.province({ code: "15" }))?.communes.totalCount).toBe(99);
      expect(sent.map(({ body }) => [body.extensions?.persistedQuery?.sha256Hash ?? null, body.query === undefined])).toEqual([
        [hash, true],
        [null, false],
      ]);
      expect(sent[1]!.body.query).toContain("query Province(");
      expect((await client.province({ code: "12" }))?.code).toBe("12");
      expect(sent).toHaveLength(3);
      expect(sent[2]!.body.query).toContain("query Province(");
      // Other operations still go by hash.
      await client.provinces({ first: 1 });
      expect(sent[3]!.body.query).toBeUndefined();
    } finally {
      server.persistedDocuments.set(hash, held);
    }
  });
});
