// Ranked, diacritic- and prefix-insensitive search over the registry, in the in-memory snapshot
// (registry/snapshot.ts): a few thousand short names scan in well under a millisecond.
//
// Names are folded once at seed time (data/vietnamese-names.ts) and the query is folded the same
// way, so "lao cai", "Lào Cai" and "tinh lao cai" meet on "lao cai"; the province aliases and
// English kind words of address matching apply too ("TPHCM", "Sài Gòn", "Hanoi", "Ward 5"). Ranking: exact name first, then
// names starting with the query, then names containing it as a word, then any other
// containment; ties by code.
import type { Context } from "../context.js";
import { fold, foldCurrentName, nameKey, PROVINCE_ALIASES } from "../data/vietnamese-names.js";
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

function searchTerms(search: string, level: "province" | "commune"): SearchTerms | null {
  if (search.length > MAX_SEARCH_LENGTH) {
    throw badUserInput(`search is ${search.length} characters long; at most ${MAX_SEARCH_LENGTH} are allowed.`, "search");
  }
  const raw = fold(search);
  if (raw === "") return null;
  // "Ward 5", "Ben Nghe Ward", "Bac Ninh Province": English kind words as well as Vietnamese prefixes.
  const english = nameKey(search, level);
  const name = foldCurrentName(search, level);
  return { raw, name: english.prefix && english.folded.length < name.length ? english.folded : name };
}

/** The province a search names through an alias ("TPHCM", "Sài Gòn", "HN", "TP Huế"), if any. */
function aliasedProvince(search: string): string | null {
  const raw = fold(search);
  const key = nameKey(search, "province");
  return PROVINCE_ALIASES[raw] ?? PROVINCE_ALIASES[key.folded] ?? PROVINCE_ALIASES[key.compact] ?? null;
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
  const terms = search == null ? null : searchTerms(search, "province");
  const snapshot = await registrySnapshot(ctx.prisma);
  const rows = snapshot.provincesOn(day);
  const alias = search == null ? null : aliasedProvince(search);
  if (alias) {
    // the aliased province first, then whatever else the text matches
    const rest = ranked(rows, terms, () => NONE).filter((id) => rows.find((row) => row.id === id)?.code !== alias);
    const hit = rows.filter((row) => row.code === alias).map((row) => row.id);
    return [...hit, ...rest];
  }
  return ranked(rows, terms, () => NONE);
}

/** Ids of the commune versions holding on `day` that match the filters, ranked by match. */
export async function communeIds(
  ctx: Context,
  day: string,
  filters: { search?: string | null; provinceCode?: string | null; type?: string | null },
) {
  const terms = filters.search == null ? null : searchTerms(filters.search, "commune");
  const snapshot = await registrySnapshot(ctx.prisma);
  const { provinceCode, type } = filters;
  const rows = snapshot.communesOn(day).filter((row) => (provinceCode == null || row.provinceCode === provinceCode) && (type == null || row.type === type));
  return ranked(rows, terms, (row) => row.altSearchNames);
}

/** The Prisma filter used by nested lists (Province.communes), which filter but keep code order. */
export function communeSearchWhere(search: string | null | undefined) {
  if (search == null) return {};
  const terms = searchTerms(search, "commune");
  if (!terms) return {};
  return {
    OR: [{ searchName: { contains: terms.name } }, { altSearchNames: { has: terms.name } }],
  };
}
