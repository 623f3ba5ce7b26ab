// Instances starting together on an empty PostgreSQL database all come up: migrations and seeds run
// under an advisory lock, one instance after the other (before, one of two crashed on
// `type "ProvinceKind" already exists` or a duplicate key in the seed). Skipped without PostgreSQL.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildServer, graphql, startServer } from "./process.js";

const serverUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = `vngov_reliability_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
let available = true;
let databaseUrl = "";

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
  } catch {
    available = false;
    return;
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  await buildServer();
}, 120_000);

afterAll(async () => {
  if (!available) return;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

it("three servers started at once on an empty database all serve the whole registry", async (context) => {
  if (!available) context.skip();
  const servers = Array.from({ length: 3 }, () => startServer({ DATABASE_URL: databaseUrl }));
  try {
    const urls = await Promise.all(servers.map((server) => server.listening));
    for (const url of urls) {
      const { body } = await graphql(url, "{ provinces(first: 1) { totalCount } legacyProvinces { code } }");
      expect(body.errors).toBeUndefined();
      expect(body.data.provinces.totalCount).toBe(34);
      expect(body.data.legacyProvinces).toHaveLength(63);
    }
    // One instance seeded; the others found the work done.
    const seeded = servers.filter((server) => server.logs().includes('"seeded":true')).length;
    expect(seeded).toBe(1);
  } finally {
    for (const server of servers) server.child.kill("SIGTERM");
    await Promise.all(servers.map((server) => server.exited));
  }
});
