// The response cache: repeated reads skip the database, answers are the same as uncached ones,
// an answer is only reused on the day it was computed, and cached answers pass the same limits.
import { afterAll, beforeAll, expect, it } from "vitest";
import { seed } from "../src/db/seed.js";
import { RESPONSE_CACHE_MAX_ENTRY_CHARS } from "../src/http/response-cache.js";
import { createServer } from "../src/http/server.js";
import { createTestDatabase, type TestDatabase } from "./helpers.js";

let database: TestDatabase;
let today = "2026-11-23";
let cached: ReturnType<typeof createServer>;
let uncached: ReturnType<typeof createServer>;

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db);
  cached = createServer({ db: database.db, today: () => today });
  uncached = createServer({ db: database.db, today: () => today, responseCache: false });
});
afterAll(() => database.drop());

async function post(server: ReturnType<typeof createServer>, query: string, variables?: Record<string, unknown>) {
  const before = database.db.statements.count;
  const response = await server.fetch("http://vngov.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query, variables }),
  });
  return { body: (await response.json()) as Record<string, any>, statements: database.db.statements.count - before };
}

const PROVINCE_TREE = `query ($code: String!) {
  province(code: $code) { id code name communes(first: 200) { totalCount nodes { id code name type serviceCenter { name scope } } } }
}`;

it("answers a repeated query from the cache without a SQL statement", async () => {
  const first = await post(cached, PROVINCE_TREE, { code: "79" });
  expect(first.statements).toBeGreaterThan(0);
  const second = await post(cached, PROVINCE_TREE, { code: "79" });
  expect(second.statements).toBe(0);
  expect(second.body.data).toEqual(first.body.data);
  // A cached answer is costed and charged like a computed one.
  const cost = first.body.extensions.cost;
  expect(second.body.extensions.cost).toEqual({ ...cost, remaining: cost.remaining - cost.requested });
});

it("still refuses what the limits refuse, cached or not", async () => {
  const tooDeep = `{ provinces(first: 200) { nodes { communes(first: 200) { nodes { code serviceCenter { name } } } } } }`;
  for (let i = 0; i < 2; i++) {
    const { body } = await post(cached, tooDeep);
    expect(body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
  }
});

it("gives the same answer as the server without a cache, field for field", async () => {
  const queries: Array<[string, Record<string, unknown>]> = [
    [PROVINCE_TREE, { code: "01" }],
    [`{ provinces(first: 34) { totalCount nodes { code communes(first: 3) { nodes { code serviceCenter { name } } } } } }`, {}],
    [`query ($code: String!) { commune(code: $code) { code name province { code name } } }`, { code: "00004" }],
    [`query ($search: String!) { communes(search: $search, first: 5) { totalCount nodes { code name } } }`, { search: "tan" }],
  ];
  for (const [query, variables] of queries) {
    const expected = await post(uncached, query, variables);
    expect(expected.body.errors).toBeUndefined();
    await post(cached, query, variables);
    const hit = await post(cached, query, variables);
    expect(hit.statements).toBe(0);
    expect(hit.body.data).toEqual(expected.body.data);
    expect(hit.body.extensions.cost.requested).toBe(expected.body.extensions.cost.requested);
  }
});

it("computes the answer again when the day changes, since asOf defaults to today", async () => {
  // A province's communes are read from the database (point lookups come from memory and cost no statement).
  const query = `{ province(code: "01") { communes(first: 1) { nodes { code } } } }`;
  await post(cached, query);
  expect((await post(cached, query)).statements).toBe(0);
  today = "2026-11-24";
  try {
    expect((await post(cached, query)).statements).toBeGreaterThan(0);
  } finally {
    today = "2026-11-23";
  }
});

it("never keeps an error", async () => {
  const query = `{ province(code: "999") { code } }`;
  const first = await post(cached, query);
  expect(first.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  const second = await post(cached, query);
  expect(second.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  expect(second.statements).toBe(first.statements);
});

it("does not keep an answer larger than RESPONSE_CACHE_MAX_ENTRY_CHARS", async () => {
  const query = `{ province(code: "01") { communes(first: 200) { nodes { code boundary(detail: MEDIUM) } } } }`;
  const first = await post(cached, query);
  expect(JSON.stringify(first.body.data).length).toBeGreaterThan(RESPONSE_CACHE_MAX_ENTRY_CHARS);
  expect((await post(cached, query)).statements).toBeGreaterThan(0);
  // A small answer of the same shape is kept.
  const small = `{ province(code: "01") { communes(first: 2) { nodes { code } } } }`;
  await post(cached, small);
  expect((await post(cached, small)).statements).toBe(0);
});

it("neither keeps nor looks up answers to point lists (communesAt)", async () => {
  // A province's commune list is read from the database, so a computed answer costs statements and a cached one none.
  const query = `query ($points: [PointInput!]!) { communesAt(points: $points) { code province { communes(first: 1) { nodes { code } } } } }`;
  const variables = { points: [{ latitude: 21.0288, longitude: 105.8525 }] };
  const first = await post(cached, query, variables);
  expect(first.body.data.communesAt[0].code).toBe("00070");
  expect(first.statements).toBeGreaterThan(0);
  const second = await post(cached, query, variables);
  expect(second.statements).toBe(first.statements);
  expect(second.body.data).toEqual(first.body.data);
});
