// Operational endpoints through the real handler.
import { afterAll, beforeAll, expect, it } from "vitest";
import { seed } from "../src/db/seed.js";
import { createServer } from "../src/http/server.js";
import { createTestDatabase, type TestDatabase } from "./helpers.js";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

it("reports /health always and /ready only once the registry is seeded", async () => {
  const yoga = createServer({ db: database.db });
  const health = await yoga.fetch("http://vngov.test/health");
  expect(health.status).toBe(200);
  const notReady = await yoga.fetch("http://vngov.test/ready");
  expect(notReady.status).toBe(503);
  await seed(database.db);
  const ready = await yoga.fetch("http://vngov.test/ready");
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ status: "ready" });
});

it("serves GraphiQL with the saved example queries to browsers", async () => {
  const yoga = createServer({ db: database.db });
  const page = await yoga.fetch("http://vngov.test/graphql", { headers: { accept: "text/html" } });
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain("GraphiQL");
  expect(html).toContain("ProvinceTree");
});

it("masks unexpected errors as INTERNAL_SERVER_ERROR", async () => {
  const broken = { ...database.db, prisma: undefined as never };
  const yoga = createServer({ db: broken });
  const response = await yoga.fetch("http://vngov.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `{ province(code: "15") { name } }` }),
  });
  const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
  expect(body.errors[0]).toMatchObject({ message: "Unexpected error.", extensions: { code: "INTERNAL_SERVER_ERROR" } });
});
