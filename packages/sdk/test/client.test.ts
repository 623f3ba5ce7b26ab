// The SDK against a real server over HTTP: typed methods, pagination, any-document requests, headers.
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRegistryData } from "../../server/src/data/files.js";
import { createClient, ProvinceDocument, type FetchLike, type TypedDocumentNode } from "../src/index.js";
import { startLiveServer, type LiveServer } from "./live-server.js";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(() => server?.close());

/** A fetch that records what the SDK sends before sending it for real. */
function recordingFetch() {
  const sent: Array<{ url: string; headers: Record<string, string>; body: { query: string; operationName?: string; variables: Record<string, unknown> } }> = [];
  const fetch: FetchLike = (url, init) => {
    sent.push({ url, headers: init.headers as Record<string, string>, body: JSON.parse(init.body as string) });
    return globalThis.fetch(url, init);
  };
  return { sent, fetch };
}

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
