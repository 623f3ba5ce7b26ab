// Thousands of malformed requests: none may get a 5xx or an unmasked, uncoded error, and the server
// must still answer afterwards. Seeded, so a failure reproduces.
import { afterAll, beforeAll, expect, it } from "vitest";
import { ErrorCode } from "../src/errors.js";
import { createServer } from "../src/http/server.js";
import { createTestDatabase, seededRandom, type TestDatabase } from "./helpers.js";

let database: TestDatabase;
let yoga: ReturnType<typeof createServer>;
beforeAll(async () => {
  database = await createTestDatabase({ data: "registry" });
  yoga = createServer({
    db: database.db,
    today: () => "2026-11-23",
    persistedDocuments: new Map(),
    config: { RATE_LIMIT_ANONYMOUS: 10_000_000 },
  });
});
afterAll(() => database?.drop());

// Seeded, so every run sends the same requests.
const random = seededRandom(20260701);
const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (max: number) => Math.floor(random() * max);

const VALID = [
  `{ province(code: "15") { name communes(first: 3) { nodes { code serviceCenter { name } } } } }`,
  `query Q($n: Int, $s: String) { communes(first: $n, search: $s) { totalCount nodes { name province { code } } } }`,
  `query($code: String!, $asOf: Date) { commune(code: $code, asOf: $asOf) { fullName type } }`,
  `{ registryChanges(from: "2025-07-01") { code to province { name } } }`,
  `{ provinces(first: 2, after: "YXJyYXljb25uZWN0aW9uOjA=") { edges { cursor node { id code } } pageInfo { hasNextPage } } }`,
  `{ node(id: "UHJvdmluY2U6MTVAMjAyNS0wNy0wMQ==") { id ... on Province { name } } }`,
];
const JUNK_VALUES = [null, 0, -1, 1e308, 2 ** 31, -(2 ** 31) - 1, 1.5, "", "x".repeat(300), "2025-02-30", "😀", true, [], {}, [1, [2]], { a: { b: null } }];

function mutate(query: string): string {
  const chars = [...query];
  for (let i = int(4) + 1; i > 0; i--) {
    const at = int(chars.length + 1);
    const action = int(3);
    if (action === 0) chars.splice(at, 1);
    else if (action === 1) chars.splice(at, 0, pick([..."{}()[]:$@!.\"#,=\\ \n\u0000…aZ9"]));
    else chars.splice(at, int(10));
  }
  return chars.join("");
}

function randomBytes(length: number): ArrayBuffer {
  return Uint8Array.from({ length }, () => int(256)).buffer as ArrayBuffer;
}

type Case = { method: string; url: string; headers: Record<string, string>; body?: BodyInit };

function nextCase(): Case {
  const url = "http://vngov.test/graphql";
  const json = { "content-type": "application/json", accept: pick(["application/json", "application/graphql-response+json", "*/*", "text/html", "application/xml", ""]) };
  const variables = () => pick([undefined, null, "not an object", 42, [], { n: pick(JUNK_VALUES), s: pick(JUNK_VALUES), code: pick(JUNK_VALUES), asOf: pick(JUNK_VALUES) }]);
  switch (int(9)) {
    case 0: // random bytes as JSON
      return { method: "POST", url, headers: json, body: randomBytes(int(200)) };
    case 1: // a body that is JSON but not a GraphQL request
      return { method: "POST", url, headers: json, body: JSON.stringify(pick([null, 1, "q", [], [1, 2], { query: pick(JUNK_VALUES) }, { operationName: 5 }, { extensions: "x" }, [{ query: 7 }]])) };
    case 2: // wrong content types
      return {
        method: "POST",
        url,
        headers: { "content-type": pick(["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "", "application/json; charset=latin1", "application/graphql"]) },
        body: pick([`{ __typename }`, JSON.stringify({ query: "{ __typename }" }), "--x\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n{\r\n--x--", "query=%7B"]),
      };
    case 3: // invalid variables for valid queries
      return { method: "POST", url, headers: json, body: JSON.stringify({ query: pick(VALID), variables: variables() }) };
    case 4: // broken queries
      return { method: "POST", url, headers: json, body: JSON.stringify({ query: mutate(pick(VALID)), variables: variables(), operationName: pick([undefined, "Q", "", "Nope"]) }) };
    case 5: // GET with broken parameters
      return {
        method: "GET",
        url: `${url}?${new URLSearchParams({ query: mutate(pick(VALID)), variables: pick(["{", "[]", "null", JSON.stringify(variables() ?? null)]), extensions: pick(["", "{", "{\"persistedQuery\":1}"]) })}`,
        headers: { accept: pick(["application/json", "application/graphql-response+json"]) },
      };
    case 6: // GET of a mutation-like or empty request
      return { method: "GET", url: `${url}?${pick(["", "query=", "query=mutation%7Ba%7D", "documentId=abc", "variables=%7B%7D"])}`, headers: { accept: "application/json" } };
    case 7: // other methods
      return { method: pick(["PUT", "DELETE", "PATCH"]), url, headers: json, body: JSON.stringify({ query: "{ __typename }" }) };
    default: // persisted ids, batches and junk authorization
      return {
        method: "POST",
        url,
        headers: { ...json, ...(random() < 0.3 ? { authorization: pick(["Bearer", "Bearer x", "Basic y", "vngov_", "Bearer vngov_" + "a".repeat(43)]) } : {}) },
        body: JSON.stringify(pick([{ documentId: pick(JUNK_VALUES) }, { extensions: { persistedQuery: { version: 1, sha256Hash: pick(JUNK_VALUES) } } }, Array.from({ length: int(15) }, () => ({ query: random() < 0.1 ? pick(VALID) : mutate(pick(VALID)) }))])),
      };
  }
}

const DOCUMENTED = new Set<string>(Object.values(ErrorCode));

it("answers thousands of malformed requests without a 5xx or an unmasked error, and keeps serving", async () => {
  const statuses = new Map<number, number>();
  let sent = 0;
  const check = async (request: Case) => {
    const response = await yoga.fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    const text = await response.text();
    const context = `${request.method} ${request.url} ${typeof request.body === "string" ? request.body.slice(0, 200) : "(bytes)"} → ${response.status} ${text.slice(0, 300)}`;
    expect(response.status, context).toBeLessThan(500);
    if (!response.headers.get("content-type")?.includes("json")) return;
    const body = JSON.parse(text) as { errors?: Array<{ message: string; extensions?: { code?: string } }> } | Array<{ errors?: Array<{ message: string; extensions?: { code?: string } }> }>;
    for (const result of Array.isArray(body) ? body : [body]) {
      for (const error of result.errors ?? []) {
        expect(error.extensions?.code, context).not.toBe("INTERNAL_SERVER_ERROR");
        expect(DOCUMENTED.has(error.extensions?.code ?? ""), context).toBe(true);
        expect(error.message, context).not.toMatch(/prisma|at \w+ \(|node_modules|TypeError|ReferenceError/i);
      }
    }
  };
  // 3,000 requests, eight in flight at a time (about 4 s on an idle 2-core machine).
  while (sent < 3000) {
    const wave = Array.from({ length: 8 }, nextCase);
    sent += wave.length;
    await Promise.all(wave.map(check));
  }
  expect([...statuses.keys()].some((status) => status >= 400)).toBe(true);
  const after = await yoga.fetch("http://vngov.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `{ province(code: "15") { name } }` }),
  });
  expect(((await after.json()) as any).data.province.name).toBe("Lào Cai");
}, 60_000);
