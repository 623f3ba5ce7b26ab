// Thousands of malformed requests: none may get a 5xx or an unmasked, uncoded error, and the server
// must still answer afterwards. Seeded, so a failure reproduces.
import { afterAll, beforeAll, expect, it } from "vitest";
import { ErrorCode } from "../src/errors.js";
import { createServer } from "../src/http/server.js";
import { fuzzCases, FUZZ_SEED, type Case } from "./fuzz-cases.js";
import { createTestDatabase, type TestDatabase } from "./helpers.js";

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
const nextCase = fuzzCases(FUZZ_SEED, "http://vngov.test/graphql");

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
