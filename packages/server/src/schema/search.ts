// Ranked, diacritic- and prefix-insensitive search over the registry, in the in-memory snapshot
// (registry/snapshot.ts): a few thousand short names scan in well under a millisecond.
//
// Names are folded once at seed time (data/fold.ts) and the query is folded the same way, so
// "lao cai", "Lào Cai" and "tinh lao cai" meet on "lao cai". Ranking: exact name first, then
// names starting with the query, then names containing it as a word, then any other
// containment; ties by code.
import { fold, foldCommuneName, foldProvinceName } from "../data/fold.js";
import { badUserInput } from "../errors.js";
import type { CommuneVersion, ProvinceVersion } from "../generated/prisma/client.js";
import type { RegistrySnapshot } from "../registry/snapshot.js";

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

/** The rows (already in code order) that match, best first; ties keep code order. */
function ranked<T extends { searchName: string }>(rows: readonly T[], terms: SearchTerms | null, alternatives: (row: T) => readonly string[]): T[] {
  if (!terms) return rows as T[];
  const hits: Array<{ row: T; rank: number; index: number }> = [];
  rows.forEach((row, index) => {
    const r = rank(row.searchName, alternatives(row), terms);
    if (r !== null) hits.push({ row, rank: r, index });
  });
  return hits.sort((a, b) => a.rank - b.rank || a.index - b.index).map((hit) => hit.row);
}

const NONE: readonly string[] = [];

/** The province versions holding on `day`, ranked by match; a null search lists all by code. */
export function rankedProvinces(registry: RegistrySnapshot, day: string, search: string | null | undefined): ProvinceVersion[] {
  const terms = search == null ? null : searchTerms(search, foldProvinceName);
  return ranked(registry.provincesOn(day), terms, () => NONE);
}

/** The commune versions holding on `day` that match the filters, ranked by match. */
export function rankedCommunes(
  registry: RegistrySnapshot,
  day: string,
  filters: { search?: string | null; provinceCode?: string | null; type?: string | null },
): CommuneVersion[] {
  const terms = filters.search == null ? null : searchTerms(filters.search, foldCommuneName);
  const { provinceCode, type } = filters;
  const all = registry.communesOn(day);
  const rows = provinceCode == null && type == null ? all : all.filter((row) => (provinceCode == null || row.provinceCode === provinceCode) && (type == null || row.type === type));
  return ranked(rows, terms, (row) => row.altSearchNames);
}

/** The filter of nested lists (Province.communes), which filter by name but keep code order; null for no filter. */
export function communeMatcher(search: string | null | undefined): ((row: CommuneVersion) => boolean) | null {
  if (search == null) return null;
  const terms = searchTerms(search, foldCommuneName);
  if (!terms) return null;
  return (row) => row.searchName.includes(terms.name) || row.altSearchNames.includes(terms.name);
}
