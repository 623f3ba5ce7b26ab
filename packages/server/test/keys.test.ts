// API keys: created and revoked with the key command's functions, checked by the real handler.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiKey, hashKey, listApiKeys, revokeApiKey } from "../src/auth/keys.js";
import { EmbeddedDatabaseBusy, lockEmbeddedDatabase } from "../src/db/embedded-lock.js";
import { seed } from "../src/db/seed.js";
import { createServer } from "../src/http/server.js";
import { createTestDatabase, type TestDatabase } from "./helpers.js";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

let database: TestDatabase;
let yoga: ReturnType<typeof createServer>;
beforeAll(async () => {
  database = await createTestDatabase({ data: "registry" });
  yoga = createServer({ db: database.db, today: () => "2026-11-23", persistedDocuments: new Map() });
});
afterAll(() => database?.drop());

async function query(authorization?: string, query = `{ province(code: "15") { name } }`) {
  const response = await yoga.fetch("http://vngov.test/graphql", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json",
      ...(authorization ? { authorization } : {}),
    },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

it("creates a key shown once and stores only its SHA-256", async () => {
  const { key, apiKey } = await createApiKey(database.db.prisma, { name: "acme-maps", scopes: ["read"] });
  expect(key).toMatch(/^vngov_[\w-]{43}$/);
  const rows = await database.db.query<{ hash: string; prefix: string }>(`SELECT hash, prefix FROM "ApiKey" WHERE id = $1`, [apiKey.id]);
  expect(rows[0]!.hash).toBe(hashKey(key));
  expect(JSON.stringify(rows)).not.toContain(key);
  expect(key.startsWith(rows[0]!.prefix)).toBe(true);
  const { status, body, headers } = await query(`Bearer ${key}`);
  expect(status).toBe(200);
  expect(body.data.province.name).toBe("Lào Cai");
  // A key gets the key budget, not the anonymous one.
  expect(headers.get("RateLimit-Limit")).toBe("600000");
});

it("refuses an unknown key, a malformed header and a revoked key with UNAUTHENTICATED, never as anonymous", async () => {
  const { key } = await createApiKey(database.db.prisma, { name: "to-revoke", scopes: ["read"] });
  expect((await query(`Bearer ${key}`)).status).toBe(200);
  await revokeApiKey(database.db.prisma, "to-revoke");
  for (const authorization of [`Bearer ${key}`, "Bearer vngov_not-a-key", "Basic dXNlcjpwYXNz", "Bearer"]) {
    const { status, body, headers } = await query(authorization);
    expect(status, authorization).toBe(401);
    expect(headers.get("www-authenticate")).toContain("Bearer");
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
  }
  expect((await query(`Bearer ${key}`)).body.errors[0].message).toMatch(/unknown or revoked/);
  expect((await query()).status).toBe(200);
});

it("refuses a second active key with the same name, and lists keys without their secrets", async () => {
  await expect(createApiKey(database.db.prisma, { name: "acme-maps", scopes: ["read"] })).rejects.toThrow(/already named "acme-maps"/);
  await expect(createApiKey(database.db.prisma, { name: "bad name!", scopes: ["read"] })).rejects.toThrow(/must be 1–64/);
  await expect(createApiKey(database.db.prisma, { name: "x", scopes: ["admin" as never] })).rejects.toThrow(/scopes must be among read, write/);
  // A revoked name can be reused.
  await createApiKey(database.db.prisma, { name: "to-revoke", scopes: ["read"] });
  const keys = await listApiKeys(database.db.prisma);
  expect(keys.map((key) => [key.name, key.revokedAt ? "revoked" : "active"])).toEqual([
    ["acme-maps", "active"],
    ["to-revoke", "revoked"],
    ["to-revoke", "active"],
  ]);
  expect(keys.some((key) => "hash" in key)).toBe(false);
});

it("answers FORBIDDEN to a key without the read scope", async () => {
  const { key } = await createApiKey(database.db.prisma, { name: "writer", scopes: ["write"] });
  const { status, body } = await query(`Bearer ${key}`);
  expect(status).toBe(403);
  expect(body.errors[0]).toMatchObject({ extensions: { code: "FORBIDDEN" } });
  expect(body.errors[0].message).toContain('needs the "read" scope');
});

it("keeps a second process off an embedded database folder that is in use", async () => {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vngov-lock-")), "pglite");
  const release = await lockEmbeddedDatabase(dir, "the server");
  await expect(lockEmbeddedDatabase(dir, "the key command")).rejects.toThrow(EmbeddedDatabaseBusy);
  await expect(lockEmbeddedDatabase(dir, "the key command")).rejects.toThrow(/stop the server to run the key command, or run both on PostgreSQL/);
  await release();
  const again = await lockEmbeddedDatabase(dir, "the key command");
  await again();
});
