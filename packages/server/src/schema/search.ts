// Ranked, diacritic- and prefix-insensitive search over the registry, in the in-memory snapshot
// (registry/snapshot.ts): a few thousand short names scan in well under a millisecond.
//
// Names are folded once at seed time (data/fold.ts) and the query is folded the same way, so
// "lao cai", "Lào Cai" and "tinh lao cai" meet on "lao cai". Ranking: exact name first, then
// names starting with the query, then names containing it as a word, then any other
// containment; ties by code.
import type { Context } from "../context.js";
import { fold, foldCommuneName, foldProvinceName } from "../data/fold.js";
import { badUserInput } from "../errors.js";
import { registrySnapshot } from "../registry/snapshot.js";

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

/** How well a folded name matches: 0 exact, 1 prefix, 2 whole word, 3 elsewhere; null for no match. */
function rank(searchName: string, alternatives: readonly string[], terms: SearchTerms): number | null {
  const { raw, name } = terms;
  if (!searchName.includes(name) && !alternatives.some((alt) => alt.includes(name))) return null;
  if (searchName === raw || searchName === name || alternatives.includes(name)) return 0;
  if (searchName.startsWith(name) || searchName.startsWith(raw)) return 1;
  if (` ${searchName} `.includes(` ${name} `)) return 2;
  return 3;
}

/** The ids of `rows` (already in code order) that match, best first; ties keep code order. */
function ranked<T extends { id: string; searchName: string }>(rows: T[], terms: SearchTerms | null, alternatives: (row: T) => readonly string[]) {
  if (!terms) return rows.map((row) => row.id);
  const hits: Array<{ id: string; rank: number; index: number }> = [];
  rows.forEach((row, index) => {
    const r = rank(row.searchName, alternatives(row), terms);
    if (r !== null) hits.push({ id: row.id, rank: r, index });
  });
  return hits.sort((a, b) => a.rank - b.rank || a.index - b.index).map((hit) => hit.id);
}

const NONE: readonly string[] = [];

/** Ids of the province versions holding on `day`, ranked by match; null search lists all by code. */
export async function provinceIds(ctx: Context, day: string, search: string | null | undefined) {
  const terms = search == null ? null : searchTerms(search, foldProvinceName);
  const snapshot = await registrySnapshot(ctx.prisma);
  return ranked(snapshot.provincesOn(day), terms, () => NONE);
}

/** Ids of the commune versions holding on `day` that match the filters, ranked by match. */
export async function communeIds(
  ctx: Context,
  day: string,
  filters: { search?: string | null; provinceCode?: string | null; type?: string | null },
) {
  const terms = filters.search == null ? null : searchTerms(filters.search, foldCommuneName);
  const snapshot = await registrySnapshot(ctx.prisma);
  const { provinceCode, type } = filters;
  const rows = snapshot.communesOn(day).filter((row) => (provinceCode == null || row.provinceCode === provinceCode) && (type == null || row.type === type));
  return ranked(rows, terms, (row) => row.altSearchNames);
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
