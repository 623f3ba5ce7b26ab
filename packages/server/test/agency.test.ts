// Agencies: departments trees of Lào Cai and Lai Châu, linked to the registry by code, without N+1.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestServer, type TestServer } from "./helpers.js";

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer({ data: "all" });
});
afterAll(() => server?.drop());

const DONE_WHEN = /* GraphQL */ `
  query Both($communes: Int) {
    laoCai: province(code: "15") { ...Tree }
    laiChau: province(code: "12") { ...Tree }
  }
  fragment Tree on Province {
    name
    departments { nodes { name } }
    communes(first: $communes) { nodes { name type serviceCenter { name } } }
    figures { nodes { indicator { code } value asOf source { publisher url } } }
  }
`;

it("answers the province tree with departments, communes and sourced figures for 15 and 12 in one request", async () => {
  const { data, errors } = await server.gql(DONE_WHEN, { communes: 200 });
  expect(errors).toBeUndefined();
  expect(data!.laoCai.name).toBe("Lào Cai");
  expect(data!.laoCai.departments.nodes.map((d: { name: string }) => d.name)).toContain("Sở Nội vụ");
  expect(data!.laoCai.departments.nodes).toHaveLength(14);
  expect(data!.laiChau.departments.nodes).toHaveLength(14);
  for (const province of [data!.laoCai, data!.laiChau]) {
    expect(province.communes.nodes.length).toBeGreaterThan(30);
    for (const commune of province.communes.nodes) expect(commune.serviceCenter.name).toMatch(/^Trung tâm Phục vụ hành chính công/);
    expect(province.figures.nodes.length).toBeGreaterThan(0);
    for (const figure of province.figures.nodes) expect(figure.source.url).toMatch(/^https:\/\//);
  }
  // Besides the map portal's area and population records, the figures come from the provinces' own reports.
  const reported = (nodes: { source: { publisher: string } }[]) => nodes.filter((f) => !f.source.publisher.includes("sapnhap.bando.com.vn"));
  expect(reported(data!.laoCai.figures.nodes).every((f) => f.source.publisher.includes("Lào Cai"))).toBe(true);
  expect(reported(data!.laiChau.figures.nodes).every((f) => f.source.publisher === "Báo Nhân dân")).toBe(true);
});

it("serves the nested tree in as many SQL statements for 200 communes as for 3", async () => {
  const count = async (communes: number) => {
    server.db.statements.count = 0;
    const { errors } = await server.gql(DONE_WHEN, { communes });
    expect(errors).toBeUndefined();
    return server.db.statements.count;
  };
  const small = await count(3);
  expect(await count(200)).toBe(small);
  expect(small).toBeLessThanOrEqual(16);
});

it("loads departments and coverage of all 34 provinces without a query per province", async () => {
  const count = async (first: number) => {
    server.db.statements.count = 0;
    const { data, errors } = await server.gql(
      `query($n: Int) { provinces(first: $n) { nodes { code departments(first: 3) { totalCount nodes { name province { code } parent { name } } } agencyCoverage { covered departments } } } }`,
      { n: first },
    );
    expect(errors).toBeUndefined();
    return { statements: server.db.statements.count, nodes: data!.provinces.nodes };
  };
  const few = await count(8); // the first 8 by code include 12 and 15
  const all = await count(34);
  expect(all.statements).toBe(few.statements);
  const covered = all.nodes.filter((p: { agencyCoverage: { covered: boolean } }) => p.agencyCoverage.covered).map((p: { code: string }) => p.code);
  // Every province lists departments now; only 12 and 15 have some confirmed by a provincial source.
  expect(covered).toHaveLength(34);
  const laoCai = all.nodes.find((p: { code: string }) => p.code === "15");
  expect(laoCai.departments.totalCount).toBe(14);
  expect(laoCai.departments.nodes[0].province.code).toBe("15");
  expect(laoCai.departments.nodes[0].parent.name).toBe("Ủy ban nhân dân tỉnh Lào Cai");
});

it("shows the People's Committee with its departments as children and each agency's sources", async () => {
  const { data, errors } = await server.gql(`{
    agency(code: "15-ubnd") { name nameEn kind level children { code kind } sources { publisher url vendored } quote quoteSource { code } }
    dept: agency(code: "15-so-noi-vu") { id parent { code } sources { title url } }
  }`);
  expect(errors).toBeUndefined();
  expect(data!.agency.kind).toBe("PEOPLES_COMMITTEE");
  expect(data!.agency.level).toBe("PROVINCE");
  expect(data!.agency.children).toHaveLength(14);
  expect(data!.agency.sources[0]).toMatchObject({ vendored: true, url: expect.stringContaining("snv.laocai.gov.vn") });
  expect(data!.agency.quoteSource.code).toBe("laocai-home-affairs-2025-10-20");
  expect(data!.dept.parent.code).toBe("15-ubnd");
  expect(data!.dept.sources[0].url).toContain("luatvietnam.vn");
  const byId = await server.gql(`query($id: ID) { agency(id: $id) { code } }`, { id: data!.dept.id });
  expect(byId.data!.agency.code).toBe("15-so-noi-vu");
});

it("searches agencies by folded Vietnamese or English name and filters by province and kind", async () => {
  const { data, errors } = await server.gql(`{
    vi: agencies(search: "noi vu") { totalCount nodes { code } }
    en: agencies(search: "home affairs", provinceCode: "12") { nodes { code } }
    committees: agencies(kind: PEOPLES_COMMITTEE, level: PROVINCE, first: 50) { totalCount nodes { code } }
    communeCommittees: agencies(kind: PEOPLES_COMMITTEE, level: COMMUNE) { totalCount }
    laoCaiAll: province(code: "15") { agencies(first: 50) { totalCount } }
    commune: commune(code: "04000") { agencies { code } }
  }`);
  expect(errors).toBeUndefined();
  // One Sở Nội vụ and one People's Committee per province: curated for 12 and 15, the decree's frame elsewhere.
  expect(data!.vi.totalCount).toBe(34);
  expect(data!.vi.nodes.map((n: { code: string }) => n.code)).toEqual(expect.arrayContaining(["12-so-noi-vu", "15-so-noi-vu", "01-so-noi-vu"]));
  expect(data!.en.nodes).toEqual([{ code: "12-so-noi-vu" }]);
  expect(data!.committees.nodes.map((n: { code: string }) => n.code)).toEqual(expect.arrayContaining(["01-ubnd", "12-ubnd", "15-ubnd"]));
  expect(data!.committees.totalCount).toBe(34);
  expect(data!.communeCommittees.totalCount).toBe(3321);
  // The province's own 15 and the People's Council, People's Committee and three offices of each of its 99 units.
  expect(data!.laoCaiAll.agencies.totalCount).toBe(15 + 99 * 5);
});

// The full lists: the 12 departments Decree 150/2025 Art. 8 requires of every province, plus
// Sở Dân tộc và Tôn giáo and Sở Ngoại vụ, each named for the province by a report after 2025-07-01.
const FULL_LIST = [
  "Sở Công Thương",
  "Sở Dân tộc và Tôn giáo",
  "Sở Giáo dục và Đào tạo",
  "Sở Khoa học và Công nghệ",
  "Sở Ngoại vụ",
  "Sở Nông nghiệp và Môi trường",
  "Sở Nội vụ",
  "Sở Tài chính",
  "Sở Tư pháp",
  "Sở Văn hóa, Thể thao và Du lịch",
  "Sở Xây dựng",
  "Sở Y tế",
  "Thanh tra tỉnh",
  "Văn phòng Ủy ban nhân dân tỉnh",
];

it("lists the full 14 departments of Lào Cai and Lai Châu, each under the People's Committee and with a sourced URL", async () => {
  const { data, errors } = await server.gql(`{
    laoCai: province(code: "15") { departments(first: 50) { totalCount nodes { code name nameEn kind level parent { code } sources { url } } } }
    laiChau: province(code: "12") { departments(first: 50) { totalCount nodes { code name nameEn kind level parent { code } sources { url } } } }
    extra: agencies(search: "ngoai vu") { nodes { code sources { url } } }
  }`);
  expect(errors).toBeUndefined();
  for (const [code, province] of [["15", data!.laoCai], ["12", data!.laiChau]] as const) {
    expect(province.departments.totalCount).toBe(14);
    const nodes = province.departments.nodes as { code: string; name: string; nameEn: string; kind: string; level: string; parent: { code: string }; sources: { url: string }[] }[];
    expect(nodes.map((d) => d.name).sort((a, b) => a.localeCompare(b, "vi"))).toEqual([...FULL_LIST].sort((a, b) => a.localeCompare(b, "vi")));
    for (const department of nodes) {
      expect(department.level).toBe("PROVINCE");
      expect(department.parent.code).toBe(`${code}-ubnd`);
      expect(department.nameEn).toBeTruthy();
      expect(department.sources.length).toBeGreaterThan(0);
      for (const source of department.sources) expect(source.url).toMatch(/^https?:\/\//);
    }
  }
  // The two optional departments rest on province-specific reports, not on the decree alone.
  const sourcesOf = (code: string) =>
    (data!.extra.nodes as { code: string; sources: { url: string }[] }[]).find((n) => n.code === code)!.sources.map((s) => s.url);
  expect(sourcesOf("15-so-ngoai-vu")[0]).toContain("baolaocai.vn");
  expect(sourcesOf("12-so-ngoai-vu")[0]).toContain("vietnam.vn");
  const dttg = await server.gql(`{ agency(code: "15-so-dan-toc-va-ton-giao") { parent { code } sources { url publishedOn } } }`);
  expect(dttg.errors).toBeUndefined();
  expect(dttg.data!.agency.parent.code).toBe("15-ubnd");
  expect(dttg.data!.agency.sources[0].url).toContain("vietnamnet.vn");
});

it("rejects agency() with neither or both of code and id, and a malformed province code", async () => {
  const none = await server.gql(`{ agency { code } }`);
  expect(none.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
  const bad = await server.gql(`{ agencies(provinceCode: "1") { totalCount } }`);
  expect(bad.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
});

it("loads the bodies of 3 or 99 communes, with their sources and parents, in as many statements", async () => {
  const count = async (communes: number) => {
    server.db.statements.count = 0;
    const { data, errors } = await server.gql(
      `query($n: Int) { province(code: "15") { communes(first: $n) { nodes { code agencies { name nameEn kind validFrom sources { url } parent { name } } } } } }`,
      { n: communes },
    );
    expect(errors).toBeUndefined();
    const nodes = data!.province.communes.nodes as Array<{ agencies: Array<{ kind: string }> }>;
    expect(nodes).toHaveLength(communes);
    expect(nodes.every((node) => node.agencies.length === 5)).toBe(true);
    return server.db.statements.count;
  };
  const few = await count(3);
  expect(few).toBeGreaterThan(0);
  expect(await count(99)).toBe(few);
});
