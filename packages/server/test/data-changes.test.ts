// Caches follow writes made elsewhere: a write committed through another client of the same
// database (another process, another server instance) announces itself (db/changes.ts), and a
// running server drops its cached answers, and its in-memory registry when the registry changed.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiKey, revokeApiKey } from "../src/auth/keys.js";
import { readRegistryData } from "../src/data/files.js";
import type { Database } from "../src/db.js";
import { seed } from "../src/db/seed.js";
import { createServer } from "../src/http/server.js";
import { inWriteTransaction, Rollback } from "../src/service/transaction.js";
import { createTestDatabase, type TestDatabase } from "./helpers.js";

let database: TestDatabase;
let other: Database;
let yoga: ReturnType<typeof createServer>;

beforeAll(async () => {
  database = await createTestDatabase({ data: "all" });
  yoga = createServer({ db: database.db, today: () => "2026-11-23", persistedDocuments: new Map() }); // response cache on
  other = await database.openAnother();
  await database.db.listening();
});
afterAll(async () => {
  await yoga?.dispose();
  await other?.close();
  await database?.drop();
});

async function ask(query: string) {
  const before = database.db.statements.count;
  const response = await yoga.fetch("http://vngov.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data: any; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return { data: body.data, statements: database.db.statements.count - before };
}

/** Asks until `done` holds (notices arrive asynchronously on PostgreSQL), at most 5 s. */
async function eventually<T>(query: string, done: (data: any) => boolean): Promise<any> {
  const until = Date.now() + 5_000;
  for (;;) {
    const { data } = await ask(query);
    if (done(data) || Date.now() > until) return data;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it("drops a cached answer when another client commits a figure change", async () => {
  const query = `{ figures(first: 1) { nodes { id note } } }`;
  const first = await ask(query);
  expect((await ask(query)).statements).toBe(0); // cached
  const id = Buffer.from(first.data.figures.nodes[0].id, "base64").toString("utf8").split(":").slice(1).join(":");
  await inWriteTransaction(other.prisma, (tx) => tx.figure.update({ where: { id }, data: { note: "changed elsewhere" } }));
  const after = await eventually(query, (data) => data.figures.nodes[0].note === "changed elsewhere");
  expect(after.figures.nodes[0].note).toBe("changed elsewhere");
});

it("keeps cached answers when the other client's write rolls back", async () => {
  const query = `{ indicators { code } }`;
  await ask(query);
  expect((await ask(query)).statements).toBe(0);
  const result = await inWriteTransaction(other.prisma, async (tx) => {
    await tx.indicator.updateMany({ data: { name: "rolled back" } });
    throw new Rollback("dry run");
  });
  expect(result).toBe("dry run");
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect((await ask(query)).statements).toBe(0);
});

it("reloads the in-memory registry when another client re-seeds it", async () => {
  const query = `{ commune(code: "00004") { name } }`;
  expect((await ask(query)).data.commune.name).toBe("Ba Đình");
  const data = readRegistryData();
  const renamed = {
    ...data,
    hash: "renamed elsewhere",
    communes: data.communes.map((c) => (c.code === "00004" ? { ...c, name: "Ba Đình Mới", fullName: "Phường Ba Đình Mới" } : c)),
  };
  await seed(other, renamed);
  const after = await eventually(query, (d) => d.commune.name === "Ba Đình Mới");
  expect(after.commune.name).toBe("Ba Đình Mới");
});

it("refuses a key another client revoked, though this server had looked it up", async () => {
  const { key } = await createApiKey(other.prisma, { name: "revoked-elsewhere", scopes: ["read"] });
  const send = async () => {
    const before = database.db.statements.count;
    const response = await yoga.fetch("http://vngov.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: `{ province(code: "15") { name } }` }),
    });
    await response.text();
    return { status: response.status, statements: database.db.statements.count - before };
  };
  expect(await send()).toEqual({ status: 200, statements: 1 }); // the key's lookup; the province comes from memory
  expect(await send()).toEqual({ status: 200, statements: 0 }); // the key is remembered
  await revokeApiKey(other.prisma, "revoked-elsewhere");
  const until = Date.now() + 5_000;
  let status = 200;
  while (status === 200 && Date.now() < until) {
    ({ status } = await send());
    if (status === 200) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(status).toBe(401);
});
