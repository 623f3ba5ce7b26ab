// GraphQL over HTTP: graphql-http's audit suite against the real handler, GET and POST,
// application/json and application/graphql-response+json. No MUST audit may fail.
import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createServer } from "../src/http/server.js";
import { createTestDatabase, type TestDatabase } from "./helpers.js";

let database: TestDatabase;
let yoga: ReturnType<typeof createServer>;
beforeAll(async () => {
  database = await createTestDatabase({ data: "registry" });
  yoga = createServer({ db: database.db, today: () => "2026-11-23", persistedDocuments: new Map() });
});
afterAll(() => database?.drop());

it("passes every MUST audit of the GraphQL-over-HTTP spec", async () => {
  const audits = serverAudits({ url: "http://vngov.test/graphql", fetchFn: (input: any, init: any) => yoga.fetch(input, init) });
  const results = await Promise.all(audits.map(async (audit) => ({ name: audit.name, result: await audit.fn() })));
  const failedMusts = results.filter(({ name, result }) => name.startsWith("MUST") && result.status !== "ok");
  expect(failedMusts.map(({ name, result }) => `${name}: ${"reason" in result ? result.reason : ""}`)).toEqual([]);
  expect(results.filter(({ name }) => name.startsWith("MUST")).length).toBeGreaterThan(10);
  // Reported for the record: SHOULD audits that warn.
  const warnings = results.filter(({ result }) => result.status !== "ok").map(({ name }) => name);
  expect(warnings.every((name) => name.startsWith("SHOULD") || name.startsWith("MAY"))).toBe(true);
  // Again, now that the response cache holds the answers it kept (on their second sighting): the same verdict on every audit.
  await Promise.all(audits.map((audit) => audit.fn()));
  const again = await Promise.all(audits.map(async (audit) => ({ name: audit.name, status: (await audit.fn()).status })));
  expect(again).toEqual(results.map(({ name, result }) => ({ name, status: result.status })));
});
