// The in-memory registry (registry/snapshot.ts): point lookups and search answer without SQL, give
// the answers the database gives, fall back to Prisma for what they do not hold, and follow a re-seed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRegistryData } from "../src/data/files.js";
import { fold } from "../src/data/vietnamese-names.js";
import { seed } from "../src/db/seed.js";
import { createServer } from "../src/http/server.js";
import { invalidateRegistry, registrySnapshot } from "../src/registry/snapshot.js";
import { createTestDatabase, createTestServer, type TestDatabase, type TestServer } from "./helpers.js";

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server?.drop());

async function statements<T>(run: () => Promise<T>): Promise<{ result: T; statements: number }> {
  server.db.statements.count = 0;
  const result = await run();
  return { result, statements: server.db.statements.count };
}

describe("reads from memory", () => {
  it("loads once, in three statements, and is shared by every request", async () => {
    invalidateRegistry(server.db.prisma);
    const first = await statements(() => server.gql(`{ commune(code: "00004") { name } }`));
    expect(first.result.data).toEqual({ commune: { name: "Ba Đình" } });
    expect(first.statements).toBe(3);
    const second = await statements(() => server.gql(`{ commune(code: "00004") { name } }`));
    expect(second.statements).toBe(0);
  });

  it("answers point lookups, searches and province lists with their units and centers without SQL", async () => {
    const queries = [
      `{ commune(code: "00004") { code name fullName type validFrom validTo province { code name kind } serviceCenter { name scope legalBasis commune { code } } } }`,
      `{ province(code: "15") { code fullName kind } }`,
      `{ communes(search: "hoa", first: 50) { totalCount nodes { code province { name } serviceCenter { name } } } }`,
      `{ provinces(search: "lao", first: 5) { totalCount nodes { code name } } }`,
      `{ communeAt(latitude: 21.0341, longitude: 105.8372) { code name serviceCenter { name } } }`,
    ];
    for (const query of queries) {
      const { result, statements: count } = await statements(() => server.gql(query));
      expect(result.errors, query).toBeUndefined();
      expect(count, query).toBe(0);
    }
  });

  it("gives the same rows as the database, field for field, on either side of a registry change", async () => {
    const snapshot = await registrySnapshot(server.db.prisma);
    for (const day of ["2025-07-01", "2026-11-23"]) {
      const rows = await server.db.prisma.communeVersion.findMany({
        where: { validFrom: { lte: new Date(day) }, OR: [{ validTo: null }, { validTo: { gt: new Date(day) } }] },
        include: { province: true, serviceCenter: true },
        orderBy: { code: "asc" },
      });
      expect(snapshot.communesOn(day).map((row) => row.id)).toEqual(rows.map((row) => row.id));
      const query = { include: { province: true, serviceCenter: true } };
      expect(snapshot.materializeMany("CommuneVersion", rows.map((row) => row.id), query)).toEqual(rows);
    }
  });

  it("sends a selection it does not hold (a province's commune list) to Prisma, with the same answer", async () => {
    const query = `{ commune(code: "00004") { code province { code communes(first: 3) { totalCount nodes { code } } } } }`;
    const { result, statements: count } = await statements(() => server.gql(query));
    expect(result.errors).toBeUndefined();
    expect(count).toBeGreaterThan(0);
    expect(result.data!.commune.province.communes.nodes.map((n: { code: string }) => n.code)).toEqual(["00004", "00008", "00025"]);
    expect(result.data!.commune.province.communes.totalCount).toBe(126);
  });
});

describe("search ranks as the SQL it replaced", () => {
  // The ranking search.ts ran in PostgreSQL before it moved to memory: kept here as the oracle.
  const RANKED_SQL = `SELECT id FROM "CommuneVersion"
    WHERE "validFrom" <= $1::date AND ("validTo" IS NULL OR "validTo" > $1::date)
      AND ("searchName" LIKE '%' || $3 || '%' OR EXISTS (SELECT 1 FROM unnest("altSearchNames") AS alt WHERE alt LIKE '%' || $3 || '%'))
    ORDER BY CASE
      WHEN ("searchName" IN ($2, $3) OR $3 = ANY("altSearchNames")) THEN 0
      WHEN "searchName" LIKE $3 || '%' OR "searchName" LIKE $2 || '%' THEN 1
      WHEN ' ' || "searchName" || ' ' LIKE '% ' || $3 || ' %' THEN 2
      ELSE 3 END, code`;

  it("returns the same ids in the same order for 300 terms", async () => {
    const names = (await server.db.query<{ searchName: string }>(`SELECT DISTINCT "searchName" FROM "CommuneVersion" ORDER BY 1`)).map((r) => r.searchName);
    // Whole names, first words, and short fragments, which reach every rank.
    const terms = [...new Set(names.filter((_, i) => i % 30 === 0).flatMap((name) => [name, name.split(" ")[0]!, name.slice(1, 4)]))].slice(0, 300);
    expect(terms.length).toBeGreaterThan(200);
    for (const term of terms) {
      const expected = (await server.db.query<{ id: string }>(RANKED_SQL, ["2026-11-23", fold(term), fold(term)])).map((r) => r.id);
      const { data } = await server.gql(`query ($s: String) { communes(search: $s, first: 200) { totalCount edges { node { id } } } }`, { s: term });
      expect(data!.communes.totalCount, term).toBe(expected.length);
      const ids = data!.communes.edges.map((e: { node: { id: string } }) => e.node.id);
      expect(ids.map((id: string) => Buffer.from(id, "base64").toString("utf8").split(":").slice(1).join(":")), term).toEqual(expected.slice(0, 200));
    }
  });
});

describe("after a re-seed", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.drop());

  it("answers with the new registry, not the one it held", async () => {
    await seed(database.db);
    const yoga = createServer({ db: database.db, today: () => "2026-11-23", responseCache: false, persistedDocuments: new Map() });
    const ask = async () => {
      const response = await yoga.fetch("http://vngov.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ commune(code: "00004") { name } }` }),
      });
      return ((await response.json()) as { data: { commune: { name: string } } }).data.commune.name;
    };
    expect(await ask()).toBe("Ba Đình");
    const data = readRegistryData();
    const renamed = {
      ...data,
      hash: "renamed",
      communes: data.communes.map((c) => (c.code === "00004" ? { ...c, name: "Ba Đình Mới", fullName: "Phường Ba Đình Mới" } : c)),
    };
    await seed(database.db, renamed);
    expect(await ask()).toBe("Ba Đình Mới");
  });
});
