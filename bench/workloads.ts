// The benchmark's workloads: for each, the request every contender gets (vngov's GraphQL,
// PostGraphile's GraphQL for the same logical data, and the minimal SQL behind the raw server),
// and how to reduce each answer to one canonical shape so the harness can check they agree.
//
// "Current" means the version rows with "validTo" IS NULL. vngov answers for today in Vietnam,
// which selects the same rows as long as no version starts in the future; the agreement check
// before every run fails loudly if that ever stops being true.

export type Contender = "vngov" | "postgraphile" | "raw";
export const CONTENDERS: Contender[] = ["vngov", "postgraphile", "raw"];
/** Every server the harness can start: the three above and PostGIS (point lookup only, bench/geo.ts). */
export type ServerKind = Contender | "postgis";

/** What a request generator may pick from: real codes and names read from the database. */
export interface Picks {
  provinceCodes: string[];
  communeCodes: string[];
  /** Folded commune names ("ba dinh"), the search terms of workload 4. */
  searchTerms: string[];
}

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
}

/** What the load generator needs of a workload (the point-lookup workloads of bench/geo.ts have no more). */
export interface LoadWorkload {
  id: number | string;
  title: string;
  /** Inputs drawn at random for each request; a workload without one sends the same request. */
  pick?: (picks: Picks, random: () => number) => Record<string, unknown>;
  vngov: (input: Record<string, unknown>) => GraphQLRequest;
  postgraphile?: (input: Record<string, unknown>) => GraphQLRequest;
}

export interface Workload extends LoadWorkload {
  id: number;
  /** How the contenders' answers may legitimately differ; printed with the results. */
  note?: string;
  postgraphile: (input: Record<string, unknown>) => GraphQLRequest;
  /** One SQL statement returning one row with one json/text column "body"; $1.. from rawParams. */
  rawSql: string;
  rawParams: (input: Record<string, unknown>) => unknown[];
  /** Canonical form of each contender's answer (the JSON body). */
  canonical: Record<Contender, (body: any) => unknown>;
  /** Whether the canonical answers must be equal (false: compared and reported only). */
  mustAgree: boolean;
}

const randomOf = <T>(list: T[], random: () => number): T => list[Math.floor(random() * list.length)]!;

// ---- shared selections -------------------------------------------------------------------------

const VNGOV_COMMUNE = `code name type serviceCenter { name scope }`;
const PGL_COMMUNE = `code name type serviceCentersByCommuneVersionId(first: 1) { nodes { name scope } }`;
// PostGraphile sees "ServiceCenter"."communeVersionId" as a unique index, not a unique constraint,
// so it exposes the back relation as a connection; first: 1 is the same single row.

interface CanonicalCommune {
  code: string;
  name: string;
  type: string;
  serviceCenter: { name: string; scope: string } | null;
}

const vngovCommune = (c: any): CanonicalCommune => ({
  code: c.code,
  name: c.name,
  type: c.type,
  serviceCenter: c.serviceCenter ? { name: c.serviceCenter.name, scope: c.serviceCenter.scope } : null,
});
const pglCommune = (c: any): CanonicalCommune => {
  const center = c.serviceCentersByCommuneVersionId.nodes[0];
  return { code: c.code, name: c.name, type: c.type, serviceCenter: center ? { name: center.name, scope: center.scope } : null };
};

const SQL_COMMUNE = (alias: string) => `json_build_object(
    'code', ${alias}.code, 'name', ${alias}.name, 'type', ${alias}.type,
    'serviceCenter', (SELECT json_build_object('name', s.name, 'scope', s.scope)
                      FROM "ServiceCenter" s WHERE s."communeVersionId" = ${alias}.id))`;

// ---- the workloads -----------------------------------------------------------------------------

export const WORKLOADS: Workload[] = [
  {
    id: 1,
    title: "province tree",
    pick: (picks, random) => ({ code: randomOf(picks.provinceCodes, random) }),
    vngov: (variables) => ({
      query: `query ProvinceTree($code: String!) {
        province(code: $code) { code name communes(first: 200) { nodes { ${VNGOV_COMMUNE} } } }
      }`,
      variables,
    }),
    postgraphile: (variables) => ({
      query: `query ProvinceTree($code: String!) {
        allProvinceVersions(condition: { code: $code }, filter: { validTo: { isNull: true } }, first: 1) {
          nodes { code name communeVersionsByProvinceVersionId(orderBy: CODE_ASC) { nodes { ${PGL_COMMUNE} } } }
        }
      }`,
      variables,
    }),
    rawSql: `SELECT json_build_object('code', p.code, 'name', p.name, 'communes', coalesce(
        (SELECT json_agg(${SQL_COMMUNE("c")} ORDER BY c.code) FROM "CommuneVersion" c WHERE c."provinceVersionId" = p.id),
        '[]'::json)) AS body
      FROM "ProvinceVersion" p WHERE p.code = $1 AND p."validTo" IS NULL`,
    rawParams: (input) => [input.code],
    canonical: {
      vngov: (body) => {
        const p = body.data.province;
        return { code: p.code, name: p.name, communes: p.communes.nodes.map(vngovCommune) };
      },
      postgraphile: (body) => {
        const p = body.data.allProvinceVersions.nodes[0];
        return { code: p.code, name: p.name, communes: p.communeVersionsByProvinceVersionId.nodes.map(pglCommune) };
      },
      raw: (body) => body,
    },
    mustAgree: true,
  },
  {
    id: 2,
    title: "all provinces, 20 communes each",
    vngov: () => ({
      query: `query AllProvinces {
        provinces(first: 34) { nodes { code name communes(first: 20) { nodes { ${VNGOV_COMMUNE} } } } }
      }`,
    }),
    postgraphile: () => ({
      query: `query AllProvinces {
        allProvinceVersions(filter: { validTo: { isNull: true } }, orderBy: CODE_ASC) {
          nodes { code name communeVersionsByProvinceVersionId(first: 20, orderBy: CODE_ASC) { nodes { ${PGL_COMMUNE} } } }
        }
      }`,
    }),
    rawSql: `SELECT coalesce(json_agg(json_build_object('code', p.code, 'name', p.name, 'communes', coalesce(
        (SELECT json_agg(${SQL_COMMUNE("c")} ORDER BY c.code)
         FROM (SELECT * FROM "CommuneVersion" WHERE "provinceVersionId" = p.id ORDER BY code LIMIT 20) c),
        '[]'::json)) ORDER BY p.code), '[]'::json) AS body
      FROM "ProvinceVersion" p WHERE p."validTo" IS NULL`,
    rawParams: () => [],
    canonical: {
      vngov: (body) =>
        body.data.provinces.nodes.map((p: any) => ({ code: p.code, name: p.name, communes: p.communes.nodes.map(vngovCommune) })),
      postgraphile: (body) =>
        body.data.allProvinceVersions.nodes.map((p: any) => ({
          code: p.code,
          name: p.name,
          communes: p.communeVersionsByProvinceVersionId.nodes.map(pglCommune),
        })),
      raw: (body) => body,
    },
    mustAgree: true,
  },
  {
    id: 3,
    title: "commune point lookups",
    pick: (picks, random) => ({ code: randomOf(picks.communeCodes, random) }),
    vngov: (variables) => ({
      query: `query Commune($code: String!) {
        commune(code: $code) { ${VNGOV_COMMUNE} province { code name } }
      }`,
      variables,
    }),
    postgraphile: (variables) => ({
      query: `query Commune($code: String!) {
        allCommuneVersions(condition: { code: $code }, filter: { validTo: { isNull: true } }, first: 1) {
          nodes { ${PGL_COMMUNE} provinceVersionByProvinceVersionId { code name } }
        }
      }`,
      variables,
    }),
    rawSql: `SELECT json_build_object('commune', ${SQL_COMMUNE("c")},
        'province', json_build_object('code', p.code, 'name', p.name)) AS body
      FROM "CommuneVersion" c JOIN "ProvinceVersion" p ON p.id = c."provinceVersionId"
      WHERE c.code = $1 AND c."validTo" IS NULL`,
    rawParams: (input) => [input.code],
    canonical: {
      vngov: (body) => {
        const c = body.data.commune;
        return { commune: vngovCommune(c), province: { code: c.province.code, name: c.province.name } };
      },
      postgraphile: (body) => {
        const c = body.data.allCommuneVersions.nodes[0];
        const p = c.provinceVersionByProvinceVersionId;
        return { commune: pglCommune(c), province: { code: p.code, name: p.name } };
      },
      raw: (body) => body,
    },
    mustAgree: true,
  },
  {
    id: 4,
    title: "name search",
    note:
      "vngov folds the query itself (diacritics, case, unit prefix), also matches alternative spellings and ranks exact > prefix > word > substring. " +
      "PostGraphile has no diacritic-insensitive search: it gets the already folded term and filters \"searchName\" with the connection-filter plugin's `includes` (a substring match, code order, no ranking, no alternative spellings). " +
      "Raw pg runs vngov's ranked SQL. The page (first 20) agrees only when the term matches 20 units or fewer.",
    pick: (picks, random) => ({ search: randomOf(picks.searchTerms, random) }),
    vngov: (input) => ({
      query: `query Search($search: String!) {
        communes(search: $search, first: 20) { nodes { code name province { name } } }
      }`,
      variables: input,
    }),
    postgraphile: (input) => ({
      query: `query Search($search: String!) {
        allCommuneVersions(filter: { validTo: { isNull: true }, searchName: { includes: $search } }, orderBy: CODE_ASC, first: 20) {
          nodes { code name provinceVersionByProvinceVersionId { name } }
        }
      }`,
      variables: input,
    }),
    // The terms are folded commune names, so the raw query uses them as vngov's $raw and $name.
    rawSql: `SELECT coalesce(json_agg(json_build_object('code', t.code, 'name', t.name, 'province', t.province) ORDER BY t.rank, t.code), '[]'::json) AS body
      FROM (SELECT c.code, c.name, p.name AS province,
              CASE WHEN c."searchName" = $1 OR $1 = ANY(c."altSearchNames") THEN 0
                   WHEN c."searchName" LIKE $1 || '%' THEN 1
                   WHEN ' ' || c."searchName" || ' ' LIKE '% ' || $1 || ' %' THEN 2
                   ELSE 3 END AS rank
            FROM "CommuneVersion" c JOIN "ProvinceVersion" p ON p.id = c."provinceVersionId"
            WHERE c."validTo" IS NULL
              AND (c."searchName" LIKE '%' || $1 || '%'
                   OR EXISTS (SELECT 1 FROM unnest(c."altSearchNames") AS alt WHERE alt LIKE '%' || $1 || '%'))
            ORDER BY rank, c.code LIMIT 20) t`,
    rawParams: (input) => [input.search],
    canonical: {
      vngov: (body) => body.data.communes.nodes.map((c: any) => c.code).sort(),
      postgraphile: (body) => body.data.allCommuneVersions.nodes.map((c: any) => c.code).sort(),
      raw: (body) => body.map((c: any) => c.code).sort(),
    },
    mustAgree: false,
  },
];

/**
 * Workload 5, the figures comparison across all provinces, exists only when the schema has
 * Query.compare (another branch adds it). Its arguments are not known here, so the harness runs
 * it for vngov alone with the operation in bench/compare.graphql, and skips it with the reason
 * when the field or that file is missing or the operation does not validate.
 */
export const COMPARE_WORKLOAD = { id: 5, title: "figures comparison across provinces" } as const;
