// Persisted operations: sent by hash from the SDK's map; persisted-only for the config or per key.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiKey } from "../src/auth/keys.js";
import { loadPersistedDocuments } from "../src/http/persisted.js";
import { createServer } from "../src/http/server.js";
import { createTestDatabase, type TestDatabase } from "./helpers.js";

const PROVINCE = `query Province($code: String!) { province(code: $code) { name } }`;
const hash = createHash("sha256").update(PROVINCE).digest("hex");

let database: TestDatabase;
let file: string;
beforeAll(async () => {
  database = await createTestDatabase({ data: "registry" });
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vngov-persisted-")), "persisted-documents.json");
  fs.writeFileSync(file, JSON.stringify({ [hash]: PROVINCE }));
});
afterAll(() => database?.drop());

const serverWith = (config: Record<string, unknown> = {}) =>
  createServer({ db: database.db, today: () => "2026-11-23", config: { PERSISTED_DOCUMENTS_PATH: file, ...config } });

async function post(yoga: ReturnType<typeof serverWith>, body: object, headers: Record<string, string> = {}) {
  const response = await yoga.fetch("http://vngov.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

it("runs an operation sent by documentId or by Apollo's persistedQuery hash, from the configured file", async () => {
  const yoga = serverWith();
  const variables = { code: "15" };
  for (const body of [
    { documentId: hash, variables },
    { documentId: `sha256:${hash}`, variables },
    { extensions: { persistedQuery: { version: 1, sha256Hash: hash } }, variables },
  ]) {
    const { status, body: result } = await post(yoga, body);
    expect(status).toBe(200);
    expect(result.data.province.name).toBe("Lào Cai");
  }
  const viaGet = await yoga.fetch(`http://vngov.test/graphql?documentId=${hash}&variables=${encodeURIComponent(JSON.stringify(variables))}`, {
    headers: { accept: "application/graphql-response+json" },
  });
  expect(((await viaGet.json()) as any).data.province.name).toBe("Lào Cai");
});

it("answers PERSISTED_QUERY_NOT_FOUND to an unknown hash", async () => {
  const { status, body } = await post(serverWith(), { documentId: "0".repeat(64) });
  expect(status).toBe(400);
  expect(body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
});

it("accepts only persisted operations with PERSISTED_ONLY, from everyone", async () => {
  const yoga = serverWith({ PERSISTED_ONLY: true });
  const { status, body } = await post(yoga, { query: PROVINCE, variables: { code: "15" } });
  expect(status).toBe(403);
  expect(body.errors[0].extensions.code).toBe("PERSISTED_QUERY_ONLY");
  expect(body.errors[0].message).toContain("documentId");
  expect((await post(yoga, { documentId: hash, variables: { code: "15" } })).body.data.province.name).toBe("Lào Cai");
});

it("accepts only persisted operations from a key marked persistedOnly, and anything from others", async () => {
  const yoga = serverWith();
  const { key: locked } = await createApiKey(database.db.prisma, { name: "locked", scopes: ["read"], persistedOnly: true });
  const { key: open } = await createApiKey(database.db.prisma, { name: "open", scopes: ["read"] });
  const text = { query: PROVINCE, variables: { code: "15" } };
  const refused = await post(yoga, text, { authorization: `Bearer ${locked}` });
  expect(refused.status).toBe(403);
  expect(refused.body.errors[0].extensions.code).toBe("PERSISTED_QUERY_ONLY");
  expect((await post(yoga, { documentId: hash, variables: { code: "15" } }, { authorization: `Bearer ${locked}` })).status).toBe(200);
  expect((await post(yoga, text, { authorization: `Bearer ${open}` })).body.data.province.name).toBe("Lào Cai");
  expect((await post(yoga, text)).status).toBe(200);
});

it("tolerates a missing persisted-documents file", () => {
  expect(loadPersistedDocuments(path.join(os.tmpdir(), "does-not-exist", "persisted-documents.json")).size).toBe(0);
  expect(loadPersistedDocuments(file).get(hash)).toBe(PROVINCE);
});
