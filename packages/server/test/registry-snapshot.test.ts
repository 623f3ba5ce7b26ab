// The in-memory registry (registry/snapshot.ts): point lookups and search answer without SQL, give
// the answers the database gives (the SQL kept here as the oracle), and follow a re-seed.
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

  it("answers every registry field, nested ones included, without SQL", async () => {
    const queries = [
      `{ province(code: "79") { code communes(first: 200) { totalCount pageInfo { hasNextPage endCursor } nodes { id code name type province { code } serviceCenter { id name scope commune { code } } } } } }`,
      `{ provinces(first: 34) { nodes { code communes(first: 20, type: WARD) { totalCount nodes { code serviceCenter { name } } } } } }`,
      `{ province(code: "01") { communes(search: "ba dinh") { nodes { code } } } }`,
      `{ commune(code: "00004") { neighbours { code province { code } } } }`,
      `{ communesAt(points: [{ latitude: 21.0341, longitude: 105.8372 }, { latitude: 10.7769, longitude: 106.7009 }]) { code province { name } } }`,
    ];
    for (const query of queries) {
      const { result, statements: count } = await statements(() => server.gql(query));
      expect(result.errors, query).toBeUndefined();
      expect(count, query).toBe(0);
    }
  });

  it("answers a province's commune list nested under a commune from memory, with the database's answer", async () => {
    const query = `{ commune(code: "00004") { code province { code communes(first: 3) { totalCount nodes { code } } } } }`;
    const { result, statements: count } = await statements(() => server.gql(query));
    expect(result.errors).toBeUndefined();
    expect(count).toBe(0);
    expect(result.data!.commune.province.communes.nodes.map((n: { code: string }) => n.code)).toEqual(["00004", "00008", "00025"]);
    expect(result.data!.commune.province.communes.totalCount).toBe(126);
  });

  it("refetches every version, center and unit by its global id without SQL", async () => {
    const { data } = await server.gql(`{ commune(code: "00004") { id province { id } serviceCenter { id } } }`);
    const ids = [data!.commune.id, data!.commune.province.id, data!.commune.serviceCenter.id];
    const { result, statements: count } = await statements(() =>
      server.gql(`query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Commune { code } ... on Province { code } ... on ServiceCenter { name } } }`, { ids }),
    );
    expect(result.errors).toBeUndefined();
    expect(count).toBe(0);
    expect(result.data!.nodes.map((node: { __typename: string }) => node.__typename)).toEqual(["Commune", "Province", "ServiceCenter"]);
    expect(result.data!.nodes.map((node: { id: string }) => node.id)).toEqual(ids);
  });
});

// The database path, kept as the oracle of the memory path: every registry field of every unit,
// computed by SQL from the tables, for days on both sides of each registry change.
const TREE_SQL = `
  SELECT p.id, p.code, p.name, p."fullName", p."nameEn", p.kind::text, to_char(p."validFrom", 'YYYY-MM-DD') AS "validFrom",
         to_char(p."validTo", 'YYYY-MM-DD') AS "validTo",
         coalesce((SELECT json_agg(json_build_object(
             'id', c.id, 'code', c.code, 'name', c.name, 'fullName', c."fullName", 'nameEn', c."nameEn", 'type', c.type::text,
             'validFrom', to_char(c."validFrom", 'YYYY-MM-DD'), 'validTo', to_char(c."validTo", 'YYYY-MM-DD'),
             'province', json_build_object('id', p.id, 'code', p.code, 'kind', p.kind::text),
             'serviceCenter', (SELECT json_build_object('id', s.id, 'name', s.name, 'scope', s.scope::text, 'legalBasis', s."legalBasis",
                                 'sourceUrl', s."sourceUrl", 'note', s.note, 'commune', json_build_object('code', c.code))
                               FROM "ServiceCenter" s WHERE s."communeVersionId" = c.id)
           ) ORDER BY c.code)
           FROM "CommuneVersion" c
           WHERE c."provinceCode" = p.code AND c."validFrom" <= $1::date AND (c."validTo" IS NULL OR c."validTo" > $1::date)), '[]') AS communes
  FROM "ProvinceVersion" p
  WHERE p."validFrom" <= $1::date AND (p."validTo" IS NULL OR p."validTo" > $1::date)
  ORDER BY p.code`;

const PROVINCES_QUERY = `query ($day: Date) { provinces(first: 200, asOf: $day) { totalCount nodes { code } } }`;
const TREE_QUERY = `query ($code: String!, $day: Date) {
  province(code: $code, asOf: $day) {
      id code name fullName nameEn kind validFrom validTo
      communes(first: 200) {
        totalCount
        nodes {
          id code name fullName nameEn type validFrom validTo
          province { id code kind }
          serviceCenter { id name scope legalBasis sourceUrl note commune { code } }
        }
      }
  }
}`;

describe("memory and database agree", () => {
  const decodeId = (id: string) => Buffer.from(id, "base64").toString("utf8");
  const days = async () => {
    const starts = (await server.db.query<{ day: string }>(`SELECT DISTINCT to_char("validFrom", 'YYYY-MM-DD') AS day FROM "CommuneVersion" ORDER BY 1`)).map((r) => r.day);
    // Each version's first day, the day before it, and a day long after the last change.
    const before = starts.slice(1).map((day) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10));
    return [...new Set([...starts, ...before, "2030-01-01"])].sort();
  };

  it("on every registry field of every unit, for days on both sides of each change", async () => {
    const checked = await days();
    expect(checked.length).toBeGreaterThanOrEqual(5);
    for (const day of checked) {
      const rows = await server.db.query<Record<string, any>>(TREE_SQL, [day]);
      const expected: Array<Record<string, any>> = rows.map((p) => ({
        ...p,
        id: `Province:${p.id}`,
        communes: {
          totalCount: p.communes.length,
          nodes: p.communes.map((c: Record<string, any>) => ({
            ...c,
            id: `Commune:${c.id}`,
            province: { ...c.province, id: `Province:${c.province.id}` },
            serviceCenter: c.serviceCenter && { ...c.serviceCenter, id: `ServiceCenter:${c.serviceCenter.id}` },
          })),
        },
      }));
      const list = await server.gql(PROVINCES_QUERY, { day });
      expect(list.errors, day).toBeUndefined();
      expect(list.data!.provinces.totalCount, day).toBe(expected.length);
      expect(list.data!.provinces.nodes.map((p: { code: string }) => p.code), day).toEqual(expected.map((p) => p.code));
      const answers = [];
      for (const { code } of expected) {
        const { data, errors } = await server.gql(TREE_QUERY, { code, day });
        expect(errors, `${code} ${day}`).toBeUndefined();
        answers.push(data!.province);
      }
      const actual = answers.map((p: Record<string, any>) => ({
        ...p,
        id: decodeId(p.id),
        communes: {
          ...p.communes,
          nodes: p.communes.nodes.map((c: Record<string, any>) => ({
            ...c,
            id: decodeId(c.id),
            province: { ...c.province, id: decodeId(c.province.id) },
            serviceCenter: c.serviceCenter && { ...c.serviceCenter, id: decodeId(c.serviceCenter.id) },
          })),
        },
      }));
      expect(actual, day).toEqual(expected);
    }
  }, 300_000);

  it("on point lookups by code, for every unit on two days", async () => {
    for (const day of ["2025-07-01", "2026-11-23"]) {
      const rows = await server.db.query<{ code: string; fullName: string; type: string; provinceCode: string }>(
        `SELECT c.code, c."fullName", c.type::text, c."provinceCode" FROM "CommuneVersion" c
         WHERE c."validFrom" <= $1::date AND (c."validTo" IS NULL OR c."validTo" > $1::date) ORDER BY c.code`,
        [day],
      );
      // In batches within the endpoint's alias limit (30), the codes as variables: one document for
      // every full batch, compiled once, as a client's repeated query is (a document per batch
      // spent most of the test compiling 222 one-off operations).
      const batch = (size: number) => {
        const slots = Array.from({ length: size }, (_, i) => i);
        return `query ($day: Date, ${slots.map((i) => `$c${i}: String!`).join(", ")}) { ${slots.map((i) => `c${i}: commune(code: $c${i}, asOf: $day) { code fullName type province { code } }`).join(" ")} }`;
      };
      for (let start = 0; start < rows.length; start += 30) {
        const codes = rows.slice(start, start + 30).map((row) => row.code);
        const { data, errors } = await server.gql(batch(codes.length), { day, ...Object.fromEntries(codes.map((code, i) => [`c${i}`, code])) });
        expect(errors, day).toBeUndefined();
        const answered = Object.values(data!) as Array<{ code: string; fullName: string; type: string; province: { code: string } }>;
        expect(answered.map((c) => ({ code: c.code, fullName: c.fullName, type: c.type, provinceCode: c.province.code }))).toEqual(rows.slice(start, start + 30));
      }
    }
  }, 300_000);
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
    // Seeded with the committed registry (a copy of the run's template): the re-seed is under test.
    database = await createTestDatabase({ data: "registry" });
  });
  afterAll(() => database?.drop());

  it("answers with the new registry, not the one it held", async () => {
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
