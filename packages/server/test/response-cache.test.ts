// The response cache: repeated reads skip the database, answers are the same as uncached ones,
// an answer is only reused on the day it was computed, and cached answers pass the same limits.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ANONYMOUS, createApiKey } from "../src/auth/keys.js";
import { answerKey, RESPONSE_CACHE_MAX_ENTRY_CHARS } from "../src/http/response-cache.js";
import { createServer } from "../src/http/server.js";
import { createTestDatabase, type TestDatabase } from "./helpers.js";

let database: TestDatabase;
let today = "2026-11-23";
let cached: ReturnType<typeof createServer>;
let uncached: ReturnType<typeof createServer>;

beforeAll(async () => {
  database = await createTestDatabase({ data: "registry" });
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

// Registry fields are answered from memory (no SQL); agency coverage is read from the database, so
// a query that asks for it costs statements when computed and none when it comes from the cache.
const FROM_DATABASE = "agencyCoverage { agencies }";

const PROVINCE_TREE = `query ($code: String!) {
  province(code: $code) { id code name ${FROM_DATABASE} communes(first: 200) { totalCount nodes { id code name type serviceCenter { name scope } } } }
}`;

it("keys answers by a digest of what decides them: short, and different when any of it differs", () => {
  const anonymous = { ...ANONYMOUS, id: "anonymous" };
  const parts: Parameters<typeof answerKey> = ["POST", "application/json", "application/json", "2026-11-23", anonymous, '{"query":"{ provinces { nodes { code } } }"}'];
  const key = answerKey(...parts);
  expect(key).toMatch(/^[\w-]{43}$/);
  expect(answerKey(...parts)).toBe(key);
  const variants: Array<Parameters<typeof answerKey>> = [
    ["GET", ...parts.slice(1)] as Parameters<typeof answerKey>,
    [parts[0], "application/graphql+json", ...parts.slice(2)] as Parameters<typeof answerKey>,
    [parts[0], parts[1], "application/graphql-response+json", ...parts.slice(3)] as Parameters<typeof answerKey>,
    [...parts.slice(0, 3), "2026-11-24", ...parts.slice(4)] as Parameters<typeof answerKey>,
    [...parts.slice(0, 5), '{"query":"{ provinces { nodes { name } } }"}'] as Parameters<typeof answerKey>,
  ];
  for (const variant of variants) expect(answerKey(...variant)).not.toBe(key);
});

it("answers a repeated query from the cache without a SQL statement", async () => {
  const sent = performance.now();
  const first = await post(cached, PROVINCE_TREE, { code: "79" });
  expect(first.statements).toBeGreaterThan(0);
  // Asked once, an answer is not kept (most computed answers are asked once); asked again, it is.
  const kept = await post(cached, PROVINCE_TREE, { code: "79" });
  expect(kept.statements).toBeGreaterThan(0);
  const second = await post(cached, PROVINCE_TREE, { code: "79" });
  const elapsedSeconds = (performance.now() - sent) / 1000;
  expect(second.statements).toBe(0);
  expect(second.body.data).toEqual(first.body.data);
  // A cached answer is costed and charged like a computed one.
  const cost = kept.body.extensions.cost;
  expect(second.body.extensions.cost).toEqual({ ...cost, remaining: cost.remaining - cost.requested, resetSeconds: expect.any(Number) });
  // The same window, counted down by the time that passed between the two answers (a whole second
  // may have begun in between, or several on a busy machine).
  expect(second.body.extensions.cost.resetSeconds).toBeLessThanOrEqual(cost.resetSeconds);
  expect(second.body.extensions.cost.resetSeconds).toBeGreaterThanOrEqual(cost.resetSeconds - Math.ceil(elapsedSeconds));
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
    await post(cached, query, variables);
    const hit = await post(cached, query, variables);
    expect(hit.statements).toBe(0);
    expect(hit.body.data).toEqual(expected.body.data);
    expect(hit.body.extensions.cost.requested).toBe(expected.body.extensions.cost.requested);
  }
});

it("computes the answer again when the day changes, since asOf defaults to today", async () => {
  const query = `{ province(code: "01") { ${FROM_DATABASE} communes(first: 1) { nodes { code } } } }`;
  await post(cached, query);
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
  const query = `{ province(code: "01") { ${FROM_DATABASE} communes(first: 200) { nodes { code boundary(detail: MEDIUM) } } } }`;
  const first = await post(cached, query);
  expect(JSON.stringify(first.body.data).length).toBeGreaterThan(RESPONSE_CACHE_MAX_ENTRY_CHARS);
  expect((await post(cached, query)).statements).toBeGreaterThan(0);
  expect((await post(cached, query)).statements).toBeGreaterThan(0);
  // A small answer of the same shape is kept.
  const small = `{ province(code: "01") { ${FROM_DATABASE} communes(first: 2) { nodes { code } } } }`;
  await post(cached, small);
  await post(cached, small);
  expect((await post(cached, small)).statements).toBe(0);
});

it("neither keeps nor looks up answers to point lists (communesAt)", async () => {
  const query = `query ($points: [PointInput!]!) { communesAt(points: $points) { code province { ${FROM_DATABASE} communes(first: 1) { nodes { code } } } } }`;
  const variables = { points: [{ latitude: 21.0288, longitude: 105.8525 }] };
  const first = await post(cached, query, variables);
  expect(first.body.data.communesAt[0].code).toBe("00070");
  expect(first.statements).toBeGreaterThan(0);
  const second = await post(cached, query, variables);
  expect(second.statements).toBe(first.statements);
  expect(second.body.data).toEqual(first.body.data);
});

// What a hit sends must be what the full pipeline sends: the same bytes apart from the budget left,
// the same headers apart from the request id and the RateLimit values (and Content-Length, which
// follows the digits of the budget left and the seconds to its reset: checked against the body instead).
const VARYING_HEADERS = new Set(["x-request-id", "ratelimit-remaining", "ratelimit-reset", "retry-after", "date", "content-length"]);
const comparable = (headers: Headers) =>
  Object.fromEntries([...headers].map(([name, value]) => [name.toLowerCase(), value] as const).filter(([name]) => !VARYING_HEADERS.has(name)).sort(([a], [b]) => a.localeCompare(b)));
const sameBudgetLeft = (body: string) => body.replace(/"remaining":\d+,/, '"remaining":0,').replace(/"resetSeconds":\d+/, '"resetSeconds":0');

it("sends a cached answer byte for byte, with the headers of a computed one, for each way of asking", async () => {
  const query = `query Communes($code: String!) { province(code: $code) { name ${FROM_DATABASE} communes(first: 3) { nodes { code name type } } } }`;
  const variables = { code: "15" };
  const requests: Array<{ name: string; url: string; init: RequestInit }> = [];
  for (const accept of ["application/graphql-response+json", "application/json", "*/*"]) {
    requests.push({
      name: `POST ${accept}`,
      url: "http://vngov.test/graphql",
      init: {
        method: "POST",
        headers: { "content-type": "application/json", accept, origin: "https://app.example" },
        body: JSON.stringify({ query, variables, operationName: "Communes" }),
      },
    });
  }
  requests.push({
    name: "GET",
    url: `http://vngov.test/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify(variables))}`,
    init: { headers: { accept: "application/graphql-response+json" } },
  });
  for (const { name, url, init } of requests) {
    const send = async (server: ReturnType<typeof createServer>) => {
      const before = database.db.statements.count;
      const response = await server.fetch(url, init);
      return { response, text: await response.text(), statements: database.db.statements.count - before };
    };
    const expected = await send(uncached);
    await send(cached);
    await send(cached);
    const hit = await send(cached);
    expect(expected.statements, name).toBeGreaterThan(0);
    expect(hit.statements, name).toBe(0);
    expect(hit.text, name).not.toContain('"errors"');
    expect(sameBudgetLeft(hit.text), name).toBe(sameBudgetLeft(expected.text));
    expect(hit.response.status, name).toBe(expected.response.status);
    expect(comparable(hit.response.headers), name).toEqual(comparable(expected.response.headers));
    expect(hit.response.headers.has("content-length"), name).toBe(expected.response.headers.has("content-length"));
    for (const { response, text } of [expected, hit]) {
      const length = response.headers.get("content-length");
      if (length !== null) expect(Number(length), name).toBe(Buffer.byteLength(text));
    }
    expect(hit.response.headers.get("x-request-id"), name).toMatch(/^[\w-]+$/);
  }
});

it("takes a body the Request has already handed out (a native Request) on a miss and on a hit", async () => {
  const query = `{ province(code: "15") { name ${FROM_DATABASE} communes(first: 1) { nodes { code } } } }`;
  const native = () =>
    new globalThis.Request("http://vngov.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", "content-length": String(JSON.stringify({ query }).length) },
      body: JSON.stringify({ query }),
    });
  for (let i = 0; i < 3; i++) {
    const before = database.db.statements.count;
    const response = await cached.fetch(native());
    expect(response.status).toBe(200);
    expect(database.db.statements.count - before).toBe(i < 2 ? 1 : 0);
    expect(((await response.json()) as any).data.province.name).toBe("Lào Cai");
  }
});

it("checks the caller of a cached answer: scope, persisted-only keys and budget", async () => {
  const query = `{ province(code: "01") { code name } }`;
  const server = createServer({
    db: database.db,
    today: () => today,
    persistedDocuments: new Map([[createHash("sha256").update(query).digest("hex"), query]]),
    config: { RATE_LIMIT_ANONYMOUS: 3 },
  });
  const send = async (body: object, headers: Record<string, string> = {}, client = "198.51.100.1") => {
    const response = await server.fetch(
      "http://vngov.test/graphql",
      { method: "POST", headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers }, body: JSON.stringify(body) },
      { req: { socket: { remoteAddress: client } } } as never,
    );
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  };
  // Cached by an anonymous caller.
  expect((await send({ query })).body.data.province.name).toBe("Hà Nội");
  expect((await send({ query }, {}, "198.51.100.2")).body.data.province.name).toBe("Hà Nội");

  const { key: writer } = await createApiKey(database.db.prisma, { name: "cache-writer", scopes: ["write"] });
  const refused = await send({ query }, { authorization: `Bearer ${writer}` });
  expect(refused.status).toBe(403);
  expect(refused.body.errors[0].extensions.code).toBe("FORBIDDEN");

  const { key: locked } = await createApiKey(database.db.prisma, { name: "cache-locked", scopes: ["read"], persistedOnly: true });
  const text = await send({ query }, { authorization: `Bearer ${locked}` });
  expect(text.body.errors[0].extensions.code).toBe("PERSISTED_QUERY_ONLY");
  const documentId = createHash("sha256").update(query).digest("hex");
  for (let i = 0; i < 2; i++) {
    const byHash = await send({ documentId }, { authorization: `Bearer ${locked}` });
    expect(byHash.body.data.province.name).toBe("Hà Nội");
  }

  // The anonymous budget is 3 points a window; the answer costs 1. A cached answer spends it too,
  // and once it is spent the refusal is the usual 429, charged once.
  const client = "198.51.100.3";
  for (let i = 0; i < 3; i++) expect((await send({ query }, {}, client)).body.extensions.cost.remaining).toBe(2 - i);
  const limited = await send({ query }, {}, client);
  expect(limited.status).toBe(429);
  expect(limited.body.errors[0].extensions.code).toBe("RATE_LIMITED");
  expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
  expect(limited.headers.get("ratelimit-remaining")).toBe("0");
});

it("drops cached answers after a mutation", async () => {
  const { key } = await createApiKey(database.db.prisma, { name: "cache-steward", scopes: ["read", "write"] });
  const query = `{ province(code: "01") { ${FROM_DATABASE} communes(first: 1) { nodes { code } } } }`;
  await post(cached, query);
  expect((await post(cached, query)).statements).toBe(0);
  // Any executed mutation starts a new generation, whether or not it changed anything.
  const response = await cached.fetch("http://vngov.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: `mutation { __typename }` }),
  });
  expect(response.status).toBe(200);
  expect((await post(cached, query)).statements).toBeGreaterThan(0);
  expect((await post(cached, query)).statements).toBe(0);
});

it("never hands an answer a caller's scopes allowed to a caller without them (the audit log)", async () => {
  const { key: steward } = await createApiKey(database.db.prisma, { name: "cache-auditor", scopes: ["read", "write"] });
  const { key: reader } = await createApiKey(database.db.prisma, { name: "cache-reader", scopes: ["read"] });
  const query = `{ auditLog(first: 1) { totalCount } }`;
  const send = async (key: string | null) => {
    const before = database.db.statements.count;
    const response = await cached.fetch("http://vngov.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as any, statements: database.db.statements.count - before };
  };
  expect((await send(steward)).body.data.auditLog.totalCount).toBeGreaterThanOrEqual(0);
  await send(steward); // kept on its second sighting
  expect((await send(steward)).statements).toBe(0); // and reused for the same scopes
  const read = await send(reader);
  expect(read.status).toBe(403);
  expect(read.body.errors[0].extensions.code).toBe("FORBIDDEN");
  expect(read.body.data?.auditLog).toBeUndefined();
  const anonymous = await send(null);
  expect(anonymous.status).toBe(401);
  expect(anonymous.body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
});

it("keeps cached answers after a mutation refused for want of the write scope", async () => {
  const { key: reader } = await createApiKey(database.db.prisma, { name: "cache-mutation-reader", scopes: ["read"] });
  const query = `{ province(code: "01") { ${FROM_DATABASE} communes(first: 3) { nodes { code } } } }`;
  await post(cached, query);
  await post(cached, query);
  expect((await post(cached, query)).statements).toBe(0);
  for (const authorization of [undefined, `Bearer ${reader}`]) {
    const response = await cached.fetch("http://vngov.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query: `mutation { retractFigure(input: { id: "x", reason: "y" }) { userErrors { code } } }` }),
    });
    expect(response.status).toBe(authorization ? 403 : 401);
    // A caller who may not write cannot empty the cache for everyone else.
    expect((await post(cached, query)).statements).toBe(0);
  }
});
