// Ranked, diacritic- and prefix-insensitive search over the registry, in the in-memory snapshot
// (registry/snapshot.ts): a few thousand short names scan in well under a millisecond.
//
// Names are folded once at seed time (data/vietnamese-names.ts) and the query is folded the same
// way, so "lao cai", "Lào Cai" and "tinh lao cai" meet on "lao cai"; the province aliases and
// English kind words of address matching apply too ("TPHCM", "Sài Gòn", "Hanoi", "Ward 5"). Ranking: exact name first, then
// names starting with the query, then names containing it as a word, then any other
// containment; ties by code.
import { asPostalCode, postalCodes } from "../data/postal-codes.js";
import { fold, foldCurrentName, nameKey, PROVINCE_ALIASES } from "../data/vietnamese-names.js";
import { assertNameLength } from "../limits/name-length.js";
import type { CommuneVersion, ProvinceVersion } from "../generated/prisma/client.js";
import type { RegistrySnapshot } from "../registry/snapshot.js";

export const SEARCH_DESCRIPTION =
  'Finds units by name, ignoring diacritics, case and a leading "Tỉnh", "Thành phố", "Xã", "Phường" or "Đặc khu": "lao cai", "Lào Cai" and "tinh lao cai" all find Lào Cai. Results are ranked: exact matches first, then names starting with the text, then names containing it. A 5-digit postal code (mã bưu chính, Decision 2334/QĐ-BKHCN) finds its unit first: the commune whose postal code it is, or the province whose postal-code prefixes include its first two digits.';

interface SearchTerms {
  /** The whole query, folded. */
  raw: string;
  /** The query without a unit-kind prefix. */
  name: string;
}

function searchTerms(search: string, level: "province" | "commune"): SearchTerms | null {
  assertNameLength(search, "search");
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

/**
 * The rows' folded names (and alternatives) in one string, row after row, with where each row
 * starts. Finding the rows that contain a term is then a few native `indexOf` calls over one string
 * instead of a call per row: a name search scanned 3,321 rows per request, the largest item of its
 * CPU profile (`npm run bench:pipeline -- --profile`). Built once per list (the snapshot keeps one
 * list per day) and dropped with it.
 */
interface Haystack {
  text: string;
  /** Offset of row i's first character; one more entry for the end. */
  starts: Int32Array;
}
const haystacks = new WeakMap<readonly object[], Haystack>();

function haystackOf<T extends { searchName: string }>(rows: readonly T[], alternatives: (row: T) => readonly string[]): Haystack {
  let haystack = haystacks.get(rows);
  if (haystack) return haystack;
  const starts = new Int32Array(rows.length + 1);
  const parts: string[] = [];
  let offset = 0;
  rows.forEach((row, index) => {
    starts[index] = offset;
    // Folded names hold only [a-z0-9 ]: a tab cannot be part of a match, so none spans two names.
    const part = `\t${row.searchName}\t${alternatives(row).join("\t")}`;
    parts.push(part);
    offset += part.length;
  });
  starts[rows.length] = offset;
  haystack = { text: parts.join(""), starts };
  haystacks.set(rows, haystack);
  return haystack;
}

/** Indexes of the rows whose name or an alternative contains `term`, in row order. */
function containing<T extends { searchName: string }>(rows: readonly T[], term: string, alternatives: (row: T) => readonly string[]): number[] {
  const { text, starts } = haystackOf(rows, alternatives);
  const found: number[] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf(term, from);
    if (at < 0) return found;
    // the row holding offset `at`: the last start at or before it
    let low = 0;
    let high = rows.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= at) low = middle;
      else high = middle - 1;
    }
    found.push(low);
    from = starts[low + 1]!;
  }
}

/** The rows (already in code order) that match, best first; ties keep code order. */
function ranked<T extends { searchName: string }>(rows: readonly T[], terms: SearchTerms | null, alternatives: (row: T) => readonly string[]): T[] {
  if (!terms) return rows as T[];
  const hits: Array<{ row: T; rank: number; index: number }> = [];
  const candidates = terms.name === "" ? rows.map((_, index) => index) : containing(rows, terms.name, alternatives);
  for (const index of candidates) {
    const row = rows[index]!;
    const r = rank(row.searchName, alternatives(row), terms);
    if (r !== null) hits.push({ row, rank: r, index });
  }
  return hits.sort((a, b) => a.rank - b.rank || a.index - b.index).map((hit) => hit.row);
}

const NONE: readonly string[] = [];

/** The province versions holding on `day`, ranked by match; a null search lists all by code. */
export function rankedProvinces(registry: RegistrySnapshot, day: string, search: string | null | undefined): ProvinceVersion[] {
  const terms = search == null ? null : searchTerms(search, "province");
  const rows = registry.provincesOn(day);
  // A postal code names the province that owns its 2-digit prefix.
  const postal = asPostalCode(search);
  const alias = search == null ? null : postal ? (postalCodes().provinceByPrefix.get(postal.slice(0, 2)) ?? null) : aliasedProvince(search);
  if (alias) {
    // the aliased province first, then whatever else the text matches
    return [...rows.filter((row) => row.code === alias), ...ranked(rows, terms, () => NONE).filter((row) => row.code !== alias)];
  }
  return ranked(rows, terms, () => NONE);
}

/** The commune versions holding on `day` that match the filters, ranked by match. */
export function rankedCommunes(
  registry: RegistrySnapshot,
  day: string,
  filters: { search?: string | null; provinceCode?: string | null; type?: string | null },
): CommuneVersion[] {
  const terms = filters.search == null ? null : searchTerms(filters.search, "commune");
  const { provinceCode, type } = filters;
  // Ranked over the day's whole list (whose haystack is kept), then filtered: ranking keeps code order among ties either way.
  let hits = ranked(registry.communesOn(day), terms, (row) => row.altSearchNames);
  const postal = asPostalCode(filters.search);
  const owner = postal ? postalCodes().communeByPostal.get(postal) : undefined;
  if (owner) {
    // the unit whose postal code it is, first (no name is made of digits alone, so it is not also among the name hits)
    hits = [...registry.communesOn(day).filter((row) => row.code === owner), ...hits.filter((row) => row.code !== owner)];
  }
  return provinceCode == null && type == null ? hits : hits.filter((row) => (provinceCode == null || row.provinceCode === provinceCode) && (type == null || row.type === type));
}

/** The filter of nested lists (Province.communes), which filter by name but keep code order; null for no filter. */
export function communeMatcher(search: string | null | undefined): ((row: CommuneVersion) => boolean) | null {
  if (search == null) return null;
  const terms = searchTerms(search, "commune");
  if (!terms) return null;
  const owner = postalCodeOwner(search);
  return (row) => row.code === owner || row.searchName.includes(terms.name) || row.altSearchNames.includes(terms.name);
}

/** The code of the commune whose postal code `search` is, if it is one. */
function postalCodeOwner(search: string): string | undefined {
  const postal = asPostalCode(search);
  return postal ? postalCodes().communeByPostal.get(postal) : undefined;
}
