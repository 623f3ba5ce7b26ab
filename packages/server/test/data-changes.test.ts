// Caches follow writes made elsewhere: a write committed through another client of the same
// database (another process, another server instance) announces itself (db/changes.ts), and a
// running server drops its cached answers, and its in-memory registry when the registry changed.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiKey, revokeApiKey } from "../src/auth/keys.js";
import { readRegistryData } from "../src/data/files.js";
import { DATA_CHANGED_CHANNEL, type Database } from "../src/db.js";
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

/**
 * Resolves when the server's database next hears the notice `what` (they arrive asynchronously on
 * PostgreSQL). The server's own listener was subscribed first (createServer), so by then it has
 * acted on it: a test waits for this rather than for a while.
 */
function heard(what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no "${what}" data-change notice within 30 s`));
    }, 30_000);
    const stop = database.db.onDataChanged((payload) => {
      if (payload !== what) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}

it("drops a cached answer when another client commits a figure change", async () => {
  const query = `{ figures(first: 1) { nodes { id note } } }`;
  const first = await ask(query);
  await ask(query); // kept on its second sighting
  expect((await ask(query)).statements).toBe(0); // cached
  const id = Buffer.from(first.data.figures.nodes[0].id, "base64").toString("utf8").split(":").slice(1).join(":");
  const notice = heard("figures");
  await inWriteTransaction(other.prisma, (tx) => tx.figure.update({ where: { id }, data: { note: "changed elsewhere" } }));
  await notice;
  const after = (await ask(query)).data;
  expect(after.figures.nodes[0].note).toBe("changed elsewhere");
});

it("keeps cached answers when the other client's write rolls back", async () => {
  const query = `{ indicators { code } }`;
  await ask(query);
  await ask(query); // kept on its second sighting
  expect((await ask(query)).statements).toBe(0);
  const notices: string[] = [];
  const stop = database.db.onDataChanged((payload) => notices.push(payload));
  try {
    const result = await inWriteTransaction(other.prisma, async (tx) => {
      await tx.indicator.updateMany({ data: { name: "rolled back" } });
      throw new Rollback("dry run");
    });
    expect(result).toBe("dry run");
    expect((await ask(query)).statements).toBe(0);
    // Notices arrive in commit order: once one committed after the rollback has arrived, a notice of
    // the rolled-back write would have arrived before it.
    const marker = heard("marker");
    await other.query("SELECT pg_notify($1, $2)", [DATA_CHANGED_CHANNEL, "marker"]);
    await marker;
    expect(notices).toEqual(["marker"]);
  } finally {
    stop();
  }
});

/** The committed registry with commune 00004 (Phường Ba Đình) renamed, as another client might seed it. */
function registryRenaming(name: string, hash: string) {
  const data = readRegistryData();
  return { ...data, hash, communes: data.communes.map((c) => (c.code === "00004" ? { ...c, name, fullName: `Phường ${name}` } : c)) };
}

it("reloads the in-memory registry when another client re-seeds it", async () => {
  const query = `{ commune(code: "00004") { name } }`;
  expect((await ask(query)).data.commune.name).toBe("Ba Đình");
  const notice = heard("registry");
  await seed(other, registryRenaming("Ba Đình Mới", "renamed elsewhere"));
  await notice;
  const after = (await ask(query)).data;
  expect(after.commune.name).toBe("Ba Đình Mới");
});

it("serves GeoJSON downloads with the names of a registry another client re-seeded", async () => {
  const download = async () => {
    const before = database.db.statements.count;
    const response = await yoga.fetch("http://vngov.test/geo/provinces/01/communes.geojson?detail=LOW");
    const body = (await response.json()) as { features: Array<{ properties: { code: string; name: string } }> };
    const name = body.features.find((feature) => feature.properties.code === "00004")!.properties.name;
    return { name, etag: response.headers.get("etag"), statements: database.db.statements.count - before };
  };
  const first = await download();
  const kept = await download();
  expect(kept.statements).toBe(0);
  expect(kept.etag).toBe(first.etag);
  const notice = heard("registry");
  await seed(other, registryRenaming("Ba Đình Tải Về", "renamed for the downloads"));
  await notice;
  const after = await download();
  expect(after.name).toBe("Ba Đình Tải Về");
  expect(after.etag).not.toBe(first.etag);
  // The API says the same (and has reloaded its in-memory registry, which the next test counts on).
  expect((await ask(`{ commune(code: "00004") { name } }`)).data.commune.name).toBe("Ba Đình Tải Về");
});

it("refuses a key another client revoked, though this server had looked it up", async () => {
  // The server forgets the keys it looked up when it hears of a key change, this key's creation
  // included: wait for that notice, or it might land between the two requests below.
  const created = heard("keys");
  const { key } = await createApiKey(other.prisma, { name: "revoked-elsewhere", scopes: ["read"] });
  await created;
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
  const revoked = heard("keys");
  await revokeApiKey(other.prisma, "revoked-elsewhere");
  await revoked;
  expect((await send()).status).toBe(401);
});
