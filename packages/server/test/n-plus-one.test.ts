// No N+1: the number of SQL statements does not grow with the page sizes.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestServer, type TestServer } from "./helpers.js";

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server?.drop());

const TREE = /* GraphQL */ `
  query Tree($provinces: Int, $communes: Int) {
    provinces(first: $provinces) {
      nodes { code communes(first: $communes) { totalCount nodes { code serviceCenter { name } province { code } } } }
    }
  }
`;

async function statementsFor(provinces: number, communes: number) {
  server.db.statements.count = 0;
  const { data, errors } = await server.gql(TREE, { provinces, communes });
  expect(errors).toBeUndefined();
  expect(data!.provinces.nodes).toHaveLength(provinces);
  for (const province of data!.provinces.nodes) {
    expect(province.communes.nodes).toHaveLength(Math.min(communes, province.communes.totalCount));
    for (const commune of province.communes.nodes) expect(commune.serviceCenter.name).toBeTruthy();
  }
  return server.db.statements.count;
}

it("lists 5 provinces with 3 communes and service centers in as many statements as 34 × 200", async () => {
  const small = await statementsFor(5, 3);
  const medium = await statementsFor(20, 50);
  const large = await statementsFor(34, 200);
  // The registry is answered from memory (registry/snapshot.ts): no statement at any size.
  expect(small).toBe(0);
  expect(medium).toBe(small);
  expect(large).toBe(small);
});

it("loads the database-backed fields of every province in a list in as many statements for 34 as for 2", async () => {
  const count = async (provinces: number) => {
    server.db.statements.count = 0;
    const { errors } = await server.gql(
      `query ($n: Int) { provinces(first: $n) { nodes { code agencyCoverage { agencies } departments(first: 3) { nodes { name } } } } }`,
      { n: provinces },
    );
    expect(errors).toBeUndefined();
    return server.db.statements.count;
  };
  const two = await count(2);
  expect(two).toBeGreaterThan(0);
  expect(await count(34)).toBe(two);
});

it("loads a searched page's nested fields in a constant number of statements", async () => {
  const count = async (first: number) => {
    server.db.statements.count = 0;
    await server.gql(`query($n: Int) { communes(search: "hoa", first: $n) { nodes { province { name } serviceCenter { name } } } }`, { n: first });
    return server.db.statements.count;
  };
  expect(await count(100)).toBe(await count(2));
});
