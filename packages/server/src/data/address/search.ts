// Search of the old communes by name (Query.legacyCommunes), over the address index.
import { diacriticMatch, type NameKey } from "../vietnamese-names.js";
import type { AddressIndex, CommuneEntry } from "./index.js";

/**
 * Codes of the old communes whose name (or an alternative spelling) matches, ranked: exact name
 * (same diacritics as typed, then typed without them, then other diacritics), names starting with
 * the text, names containing it as a word, any other containment; ties by code.
 */
export function searchCommunes(index: AddressIndex, keys: readonly NameKey[], keep: (entry: CommuneEntry) => boolean): string[] {
  const ranked: Array<{ code: string; rank: number }> = [];
  for (const entry of index.communes) {
    if (!keep(entry)) continue;
    let rank = Number.POSITIVE_INFINITY;
    for (const key of keys) {
      for (const name of entry.keys) {
        let candidate: number;
        if (name.folded === key.folded || name.compact === key.compact) {
          candidate = { EXACT: 0, FOLDED: 1, DIFFERENT: 2 }[diacriticMatch(key, name)];
        } else if (name.folded.startsWith(key.folded)) candidate = 3;
        else if (` ${name.folded} `.includes(` ${key.folded} `)) candidate = 4;
        else if (name.folded.includes(key.folded)) candidate = 5;
        else continue;
        rank = Math.min(rank, candidate);
      }
    }
    if (rank !== Number.POSITIVE_INFINITY) ranked.push({ code: entry.code, rank });
  }
  return ranked.sort((a, b) => a.rank - b.rank || a.code.localeCompare(b.code)).map((row) => row.code);
}
