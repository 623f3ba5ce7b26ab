// Provinces and communes through the real handler: nested trees, pagination, search and errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, type TestServer } from "./helpers.js";

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server?.drop());

describe("provinces and communes", () => {
  it("lists a province's communes with their service centers", async () => {
    const { data, errors } = await server.gql(`{
      province(code: "15") {
        code name fullName kind nameEn
        communes(first: 200) { totalCount nodes { code name type serviceCenter { name scope commune { code } } } }
      }
    }`);
    expect(errors).toBeUndefined();
    const province = data!.province;
    expect(province).toMatchObject({ code: "15", name: "Lào Cai", fullName: "Tỉnh Lào Cai", kind: "PROVINCE" });
    expect(province.communes.totalCount).toBe(99);
    expect(province.communes.nodes).toHaveLength(99);
    for (const commune of province.communes.nodes) {
      const prefix = { COMMUNE: "xã", WARD: "phường", SPECIAL_ZONE: "đặc khu" }[commune.type as string];
      expect(commune.serviceCenter).toEqual({
        name: `Trung tâm Phục vụ hành chính công ${prefix} ${commune.name}`,
        scope: "COMMUNE",
        commune: { code: commune.code },
      });
    }
  });

  it("says where a province-wide center serves the communes instead (Hà Nội)", async () => {
    const { data } = await server.gql(`{ commune(code: "00004") { serviceCenter { name scope note } } }`);
    expect(data!.commune.serviceCenter).toMatchObject({
      name: "Trung tâm Phục vụ hành chính công thành phố Hà Nội",
      scope: "PROVINCE",
      note: expect.stringContaining("7216/VPCP-KSTT"),
    });
  });

  it("pages through communes with first/after and totalCount", async () => {
    const page = `query($after: String) { communes(provinceCode: "12", first: 15, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { code } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const { data }: { data?: Record<string, any> } = await server.gql(page, { after });
      const connection: Record<string, any> = data!.communes;
      expect(connection.totalCount).toBe(38);
      seen.push(...connection.edges.map((e: { node: { code: string } }) => e.node.code));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(38);
    expect(new Set(seen).size).toBe(38);
    expect([...seen].sort()).toEqual(seen);
  });

  it("pages through a province's communes by the cursors of its edges", async () => {
    const first = await server.gql(`{ province(code: "15") { communes(first: 2) { edges { cursor node { code } } pageInfo { startCursor endCursor hasNextPage } } } }`);
    expect(first.errors).toBeUndefined();
    const { edges, pageInfo } = first.data!.province.communes;
    expect(edges.map((edge: { cursor: unknown }) => typeof edge.cursor)).toEqual(["string", "string"]);
    expect(pageInfo).toEqual({ startCursor: edges[0].cursor, endCursor: edges[1].cursor, hasNextPage: true });
    const next = await server.gql(`query($after: String) { province(code: "15") { communes(first: 1, after: $after) { nodes { code } } } }`, { after: edges[0].cursor });
    expect(next.errors).toBeUndefined();
    expect(next.data!.province.communes.nodes).toEqual([edges[1].node]);
  });

  it("binds cursors to their list: a cursor of another list, or of this list with other filters, is BAD_USER_INPUT", async () => {
    const { data } = await server.gql(`{ provinces(first: 2) { pageInfo { endCursor } } communes(provinceCode: "12", first: 2) { edges { cursor node { code } } pageInfo { endCursor } } }`);
    const provinceCursor: string = data!.provinces.pageInfo.endCursor;
    const communeCursor: string = data!.communes.pageInfo.endCursor;
    // Its own list continues after it.
    const next = await server.gql(`query($after: String) { communes(provinceCode: "12", first: 1, after: $after) { nodes { code } } }`, { after: communeCursor });
    expect(next.errors).toBeUndefined();
    const all = await server.gql(`{ communes(provinceCode: "12", first: 3) { nodes { code } } }`);
    expect(next.data!.communes.nodes).toEqual([all.data!.communes.nodes[2]]);
    const refused = [
      ["communes", `query($after: String) { communes(first: 1, after: $after) { totalCount } }`, provinceCursor],
      ["communes of another province", `query($after: String) { communes(provinceCode: "15", first: 1, after: $after) { totalCount } }`, communeCursor],
      ["provinces", `query($after: String) { provinces(first: 1, after: $after) { totalCount } }`, communeCursor],
      ["figures", `query($after: String) { figures(first: 1, after: $after) { totalCount } }`, provinceCursor],
      // Pothos' own offset cursors, which named no list, and a fractional offset.
      ["provinces", `query($after: String) { provinces(first: 1, after: $after) { totalCount } }`, Buffer.from("OffsetConnection:1").toString("base64")],
      ["provinces", `query($after: String) { provinces(first: 1, after: $after) { totalCount } }`, Buffer.from("Query.provinces:1.5").toString("base64")],
    ];
    for (const [list, query, after] of refused) {
      const { data: refusedData, errors } = await server.gql(query!, { after });
      expect(errors?.[0]?.extensions?.code, `${list} with ${after}`).toBe("BAD_USER_INPUT");
      expect(errors?.[0]?.message).toMatch(/not a cursor of this list/);
      expect(refusedData).toBeNull();
    }
  });

  it("defaults to 20 per page and rejects more than 200 with BAD_USER_INPUT, nested too", async () => {
    const { data } = await server.gql(`{ communes { nodes { code } } }`);
    expect(data!.communes.nodes).toHaveLength(20);
    for (const query of [
      `{ communes(first: 201) { totalCount } }`,
      `{ provinces(first: 5) { nodes { communes(first: 1000) { totalCount } } } }`,
    ]) {
      const { errors, data: none } = await server.gql(query);
      expect(none).toBeUndefined();
      expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(errors?.[0]?.message).toMatch(/maximum page size of 200/);
    }
    const viaVariable = await server.gql(`query($n: Int) { provinces(first: $n) { totalCount } }`, { n: 250 });
    expect(viaVariable.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("returns null for unknown codes and BAD_USER_INPUT for malformed ones", async () => {
    const unknown = await server.gql(`{ province(code: "99") { code } commune(code: "99999") { code } }`);
    expect(unknown).toMatchObject({ data: { province: null, commune: null } });
    expect(unknown.errors).toBeUndefined();
    const malformed = await server.gql(`{ province(code: "1") { code } }`);
    expect(malformed.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(malformed.errors?.[0]?.message).toMatch(/2 digits/);
    const badCommune = await server.gql(`{ commune(code: "abc") { code } }`);
    expect(badCommune.errors?.[0]?.message).toMatch(/5 digits/);
    const badCursor = await server.gql(`{ communes(after: "not-a-cursor") { totalCount } }`);
    expect(badCursor.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("refetches a version by its node id", async () => {
    const { data } = await server.gql(`{ province(code: "75", asOf: "2025-07-01") { id } }`);
    const refetched = await server.gql(`query($id: ID!) { node(id: $id) { ... on Province { code kind } } }`, {
      id: data!.province.id,
    });
    expect(refetched.data!.node).toEqual({ code: "75", kind: "PROVINCE" });
  });
});

describe("search", () => {
  it.each(["lao cai", "Lào Cai", "tinh lao cai", "Tỉnh Lào Cai", "LAO CAI"])("finds Lào Cai from %j", async (search) => {
    const { data } = await server.gql(`query($s: String) { provinces(search: $s) { nodes { code } } }`, { s: search });
    expect(data!.provinces.nodes[0]).toEqual({ code: "15" });
  });

  it("ranks exact matches first, then prefixes, then other matches", async () => {
    const { data } = await server.gql(`{ communes(search: "phuong ba dinh", first: 10) { nodes { code name } } }`);
    const names = data!.communes.nodes.map((n: { name: string }) => n.name);
    expect(names.slice(0, 3).sort()).toEqual(["Ba Dinh", "Ba Đình", "Ba Đình"].sort());
    const { data: prefix } = await server.gql(`{ communes(search: "hoa", first: 200) { nodes { name } } }`);
    const folded = prefix!.communes.nodes.map((n: { name: string }) =>
      n.name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase(),
    );
    const firstNonExact = folded.findIndex((n: string) => n !== "hoa");
    expect(folded.slice(firstNonExact).findIndex((n: string) => n.startsWith("hoa"))).toBe(0);
  });

  it("combines search with province and type filters", async () => {
    const { data } = await server.gql(`{ communes(search: "sa pa", provinceCode: "15", type: WARD) { nodes { code fullName } } }`);
    expect(data!.communes.nodes).toEqual([{ code: expect.any(String), fullName: "Phường Sa Pa" }]);
  });
});
