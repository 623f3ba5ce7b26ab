// Ranked, diacritic- and prefix-insensitive search over the registry, in SQL.
//
// Names are folded once at seed time (data/fold.ts) and the query is folded the same way, so
// "lao cai", "Lào Cai" and "tinh lao cai" meet on "lao cai". Ranking: exact name first, then
// names starting with the query, then names containing it as a word, then any other
// containment; ties by code.
import type { Context } from "../context.js";
import { fold, foldCommuneName, foldProvinceName } from "../data/fold.js";
import { badUserInput } from "../errors.js";

export const SEARCH_DESCRIPTION =
  'Finds units by name, ignoring diacritics, case and a leading "Tỉnh", "Thành phố", "Xã", "Phường" or "Đặc khu": "lao cai", "Lào Cai" and "tinh lao cai" all find Lào Cai. Results are ranked: exact matches first, then names starting with the text, then names containing it.';

const MAX_SEARCH_LENGTH = 100;

interface SearchTerms {
  /** The whole query, folded. */
  raw: string;
  /** The query without a unit-kind prefix. */
  name: string;
}

function searchTerms(search: string, strip: (text: string) => string): SearchTerms | null {
  if (search.length > MAX_SEARCH_LENGTH) {
    throw badUserInput(`search is ${search.length} characters long; at most ${MAX_SEARCH_LENGTH} are allowed.`, "search");
  }
  const raw = fold(search);
  if (raw === "") return null;
  return { raw, name: strip(search) };
}

// The search terms are always the last two parameters: $raw (whole query) and $name (no prefix).
const RANK_SQL = (column: string, alternatives: string | null, raw: string, name: string) => {
  const exact = alternatives
    ? `(${column} IN (${raw}, ${name}) OR ${name} = ANY(${alternatives}))`
    : `${column} IN (${raw}, ${name})`;
  return `CASE
      WHEN ${exact} THEN 0
      WHEN ${column} LIKE ${name} || '%' OR ${column} LIKE ${raw} || '%' THEN 1
      WHEN ' ' || ${column} || ' ' LIKE '% ' || ${name} || ' %' THEN 2
      ELSE 3 END`;
};

const MATCH_SQL = (column: string, alternatives: string | null, name: string) =>
  alternatives
    ? `(${column} LIKE '%' || ${name} || '%' OR EXISTS (SELECT 1 FROM unnest(${alternatives}) AS alt WHERE alt LIKE '%' || ${name} || '%'))`
    : `${column} LIKE '%' || ${name} || '%'`;

/** Ids of the province versions holding on `day`, ranked by match; null search lists all by code. */
export async function provinceIds(ctx: Context, day: string, search: string | null | undefined) {
  const terms = search == null ? null : searchTerms(search, foldProvinceName);
  const params: unknown[] = terms ? [day, terms.raw, terms.name] : [day];
  const rows = await ctx.prisma.$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT id FROM "ProvinceVersion"
     WHERE "validFrom" <= $1::date AND ("validTo" IS NULL OR "validTo" > $1::date)
       ${terms ? `AND ${MATCH_SQL(`"searchName"`, null, "$3::text")}` : ""}
     ORDER BY ${terms ? `${RANK_SQL(`"searchName"`, null, "$2::text", "$3::text")},` : ""} code`,
    ...params,
  );
  return rows.map((row) => row.id);
}

/** Ids of the commune versions holding on `day` that match the filters, ranked by match. */
export async function communeIds(
  ctx: Context,
  day: string,
  filters: { search?: string | null; provinceCode?: string | null; type?: string | null },
) {
  const terms = filters.search == null ? null : searchTerms(filters.search, foldCommuneName);
  const params: unknown[] = [day, filters.provinceCode ?? null, filters.type ?? null];
  if (terms) params.push(terms.raw, terms.name);
  const rows = await ctx.prisma.$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT id FROM "CommuneVersion"
     WHERE "validFrom" <= $1::date AND ("validTo" IS NULL OR "validTo" > $1::date)
       AND ($2::text IS NULL OR "provinceCode" = $2::text)
       AND ($3::text IS NULL OR type::text = $3::text)
       ${terms ? `AND ${MATCH_SQL(`"searchName"`, `"altSearchNames"`, "$5::text")}` : ""}
     ORDER BY ${terms ? `${RANK_SQL(`"searchName"`, `"altSearchNames"`, "$4::text", "$5::text")},` : ""} code`,
    ...params,
  );
  return rows.map((row) => row.id);
}

/** The Prisma filter used by nested lists (Province.communes), which filter but keep code order. */
export function communeSearchWhere(search: string | null | undefined) {
  if (search == null) return {};
  const terms = searchTerms(search, foldCommuneName);
  if (!terms) return {};
  return {
    OR: [{ searchName: { contains: terms.name } }, { altSearchNames: { has: terms.name } }],
  };
}
