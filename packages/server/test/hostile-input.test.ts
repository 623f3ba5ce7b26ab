// Input a hostile partner sends: every class the fuzz found reaching the database as an internal
// error is answered BAD_USER_INPUT (or null for an unknown id); heavy answers are priced by their
// bytes and refused before they are serialised; the endpoint's smaller faults (suggestions without
// introspection, a spoofable client address, /ready without a timeout).
import pino from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { clientAddress, proxyTrust } from "../src/http/client-address.js";
import { createServer } from "../src/http/server.js";
import { createTestServer, type TestServer } from "./helpers.js";

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server?.drop());

const id = (text: string) => Buffer.from(text).toString("base64");

async function post(yoga: ReturnType<typeof createServer>, body: unknown, headers: Record<string, string> = {}) {
  const response = await yoga.fetch("http://vngov.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as any };
}

it("answers null for a well-formed id of a record that does not exist, in node and nodes", async () => {
  const missing = id("Province:99@2025-07-01");
  const present = id("Province:15@2025-07-01");
  const { status, body } = await post(server.yoga, {
    query: `query($missing: ID!, $ids: [ID!]!) { node(id: $missing) { id } nodes(ids: $ids) { id } }`,
    variables: { missing, ids: [present, missing] },
  });
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  expect(body.data.node).toBeNull();
  expect(body.data.nodes).toEqual([{ id: present }, null]);
});

it.each([
  ["a NUL byte in a variable", `query($code: String!) { agency(code: $code) { name } }`, { code: "a\u0000b" }],
  ["a NUL byte in a literal", `{ compare(indicator: "x\\u0000", provinceCodes: ["01"]) { value } }`, {}],
  ["a lone surrogate in a variable", `query($i: String!) { provinces(first: 1) { nodes { figure(indicator: $i) { value } } } }`, { i: "\ud800" }],
  ["a lone surrogate in a nested input", `query($inputs: [LegacyAddressInput!]!) { convertAddresses(inputs: $inputs) { unambiguous } }`, { inputs: [{ line: "x\udc00" }] }],
])("refuses %s as BAD_USER_INPUT, not an internal error", async (_name, query, variables) => {
  const { body } = await post(server.yoga, { query, variables });
  expect(body.errors?.[0]?.extensions?.code, JSON.stringify(body)).toBe("BAD_USER_INPUT");
  expect(body.data ?? null).toBeNull();
});

it("bounds every string argument's length without echoing the value", async () => {
  const { body, text } = await post(server.yoga, { query: `query($code: String!) { commune(code: $code) { name } }`, variables: { code: "7".repeat(400_000) } });
  expect(body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
  expect(body.errors[0].message).toMatch(/400000 characters long, more than the 2000/);
  expect(text.length).toBeLessThan(2_000);
  const limits = await server.gql(`{ limits { maxStringLength maxResponseBytes } }`);
  expect(limits.data!.limits.maxStringLength).toBe(2000);
});

it("answers a batch with a null element without an internal error", async () => {
  const { status, body } = await post(server.yoga, [null, { query: "{ provinces(first: 1) { totalCount } }" }]);
  expect(status).toBeLessThan(500);
  expect(JSON.stringify(body)).not.toContain("INTERNAL_SERVER_ERROR");
});

it("prices boundaries by their detail, and refuses an answer over MAX_RESPONSE_BYTES before serialising it", async () => {
  const low = await server.gql(`{ provinces(first: 34) { nodes { boundary(detail: LOW) } } }`);
  const full = await post(server.yoga, { query: `{ a: provinces(first: 34) { nodes { boundary(detail: FULL) } } b: provinces(first: 34) { nodes { boundary(detail: FULL) } } c: provinces(first: 34) { nodes { boundary(detail: FULL) } } }` });
  expect(low.errors).toBeUndefined();
  expect((low as any).extensions.cost.requested).toBeGreaterThanOrEqual(34 * 33);
  // Three full maps of the country (76 MB) were priced like three lists of 34 objects.
  expect(full.body.errors[0].extensions.code).toBe("QUERY_TOO_COMPLEX");
  const small = createServer({ db: server.db, today: () => "2026-11-23", responseCache: false, config: { MAX_RESPONSE_BYTES: 1_000_000, RATE_LIMIT_ANONYMOUS: 1_000_000_000 } });
  const big = await post(small, { query: `{ provinces(first: 34) { nodes { code boundary(detail: MEDIUM) } } }` });
  expect(big.body.errors[0].extensions.code).toBe("RESPONSE_TOO_LARGE");
  expect(big.body.data ?? null).toBeNull();
  expect(big.text.length).toBeLessThan(5_000);
  const fits = await post(small, { query: `{ province(code: "01") { boundary(detail: LOW) } }` });
  expect(fits.body.errors).toBeUndefined();
});

it("refuses heavy answers past MAX_RESPONSE_BYTES_IN_FLIGHT while others are held, and gives their bytes back once sent", async () => {
  // Every province at MEDIUM is about 5.5 MB counted: a limit of 1 MB lets one answer through at a time.
  const busy = createServer({ db: server.db, today: () => "2026-11-23", responseCache: false, config: { MAX_RESPONSE_BYTES_IN_FLIGHT: 1_000_000, RATE_LIMIT_ANONYMOUS: 1_000_000_000 } });
  const query = `{ provinces(first: 34) { nodes { code boundary(detail: MEDIUM) } } }`;
  const answers = await Promise.all(Array.from({ length: 6 }, () => post(busy, { query })));
  const codes = answers.map((answer) => answer.body.errors?.[0]?.extensions.code ?? "data");
  expect(codes).toContain("data");
  expect(codes).toContain("RATE_LIMITED");
  expect(new Set(codes)).toEqual(new Set(["data", "RATE_LIMITED"]));
  const refused = answers.find((answer) => answer.body.errors)!;
  expect(refused.status).toBe(429);
  expect(refused.body.data ?? null).toBeNull();
  // Nothing is left held: one request alone, and then another, are answered.
  for (let i = 0; i < 2; i++) expect((await post(busy, { query })).body.errors).toBeUndefined();
});

it("hides field suggestions when introspection is off", async () => {
  const closed = createServer({ db: server.db, responseCache: false, config: { INTROSPECTION: false } });
  const open = await post(server.yoga, { query: "{ provnces { totalCount } }" });
  const { body } = await post(closed, { query: "{ provnces { totalCount } }" });
  expect(open.body.errors[0].message).toMatch(/Did you mean/);
  expect(body.errors[0].message).not.toMatch(/Did you mean|provinces/);
});

it("takes the right-most untrusted X-Forwarded-For entry as the client", () => {
  // The client wrote "6.6.6.6"; the one proxy in front appended the address it saw.
  expect(clientAddress("10.0.0.2", "6.6.6.6, 203.0.113.9", proxyTrust(1))).toBe("203.0.113.9");
  expect(clientAddress("10.0.0.2", "6.6.6.6, 203.0.113.9", proxyTrust(0))).toBe("10.0.0.2");
  expect(clientAddress("10.0.0.2", "6.6.6.6, 203.0.113.9, 10.0.0.7", proxyTrust(["10.0.0.0/8"]))).toBe("203.0.113.9");
  expect(clientAddress("::ffff:10.0.0.2", "203.0.113.9", proxyTrust(["10.0.0.2"]))).toBe("203.0.113.9");
  // An untrusted peer's header is not believed at all.
  expect(clientAddress("198.51.100.1", "6.6.6.6", proxyTrust(["10.0.0.0/8"]))).toBe("198.51.100.1");
});

it("answers /ready within its timeout when the database does not answer", async () => {
  const hanging = { ...server.db, query: () => new Promise<never>(() => undefined) };
  const yoga = createServer({ db: hanging, responseCache: false });
  const started = performance.now();
  const response = await yoga.fetch("http://vngov.test/ready");
  expect(response.status).toBe(503);
  expect(performance.now() - started).toBeLessThan(5_000);
});

it("logs user errors once at info, without their values, and never echoes a large value back", async () => {
  const lines: string[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => void lines.push(line) });
  const yoga = createServer({ db: server.db, logger, today: () => "2026-11-23", persistedDocuments: new Map() });
  const large = "9".repeat(450_000);
  const requests = [
    // a string argument far over the bound, as a variable and as a literal
    { query: `query($code: String!) { commune(code: $code) { name } }`, variables: { code: large } },
    { query: `{ commune(code: "${large.slice(0, 100_000)}") { name } }` },
    // a value of the wrong type, large, where graphql-js would quote it in its message
    { query: `query($first: Int) { provinces(first: $first) { totalCount } }`, variables: { first: large } },
    { query: `query($first: Int) { provinces(first: $first) { totalCount } }`, variables: { first: Array.from({ length: 50_000 }, (_, i) => i) } },
    // a document that does not parse, with a large token in it
    { query: `{ provinces(first: ${large.slice(0, 100_000)}` },
  ];
  for (const body of requests) {
    const answer = await post(yoga, body);
    expect(answer.body.data ?? null).toBeNull();
    expect(answer.body.errors[0].extensions.code).toMatch(/^(BAD_USER_INPUT|GRAPHQL_PARSE_FAILED|GRAPHQL_VALIDATION_FAILED|BAD_REQUEST)$/);
    expect(answer.text.length, `answer to request ${requests.indexOf(body)}: ${answer.text.slice(0, 300)}`).toBeLessThan(2_000);
  }
  const records = lines.map((line) => JSON.parse(line) as { level: number; msg: string });
  // One request line each, at info; no error-level line for the caller's mistakes.
  expect(records.filter((record) => record.msg === "graphql request")).toHaveLength(requests.length);
  expect(records.filter((record) => record.level >= 50).map((record) => record.msg.slice(0, 300))).toEqual([]);
  expect(lines.filter((line) => line.length >= 2_000).map((line) => line.slice(0, 300))).toEqual([]);
});

it("answers variables that do not coerce exactly as graphql-js does (400 BAD_USER_INPUT), with compiled execution on", async () => {
  // Compiled execution (http/jit.ts) coerces variables itself and hands a refusal to graphql-js.
  const interpreted = createServer({ db: server.db, today: () => "2026-11-23", persistedDocuments: new Map(), jit: false });
  const query = `query($code: String!, $first: Int) { commune(code: $code) { name } provinces(first: $first) { totalCount } }`;
  for (const variables of [{ code: 7 }, { code: "00004", first: "many" }, { first: 1 }, { code: ["00004"] }, { code: "00004", first: 1.5 }]) {
    const [compiled, expected] = await Promise.all([post(server.yoga, { query, variables }), post(interpreted, { query, variables })]);
    expect(compiled.status, JSON.stringify(variables)).toBe(400);
    expect(compiled.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect({ status: compiled.status, errors: compiled.body.errors }).toEqual({ status: expected.status, errors: expected.body.errors });
  }
  const good = await post(server.yoga, { query, variables: { code: "00004", first: 1 } });
  expect(good.status).toBe(200);
  expect(good.body.data).toEqual((await post(interpreted, { query, variables: { code: "00004", first: 1 } })).body.data);
});
