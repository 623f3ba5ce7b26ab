// Stage 3 of address conversion: the parsed address against the index, scored candidates (old
// commune → new unit through each lineage link), and whether one answer stands out.
//
// Names are compared two ways: folded (no diacritics, case or prefix: "xa minh quan") to find
// candidates, and with diacritics but ignoring tone-mark placement ("Hoà" = "Hòa") to rank them,
// so that Xã Minh Quân and Xã Minh Quán (both in Huyện Trấn Yên) are told apart when the input
// carries the marks, and tie when it does not.
import { diacriticMatch, hasDiacritics, typedKeys, type DiacriticMatch } from "../vietnamese-names.js";
import { COMMUNE_TYPE_OF_PREFIX, type CommuneEntry, districtsNamed, lookup, provinceCodesOf, type AddressIndex, type LineageKindName } from "./index.js";
import { parseAddress, type AddressInput, type ParsedAddress } from "./parse.js";
import { postalCodes, readPostalCode, type PostalReading } from "../postal-codes.js";

/** Which given parts of the address agree with a candidate: true, false, or null when not given. */
export interface PartAgreement {
  district: boolean | null;
  province: boolean | null;
  /** The unit kind written before the name ("Xã", "P.", "TT.") agrees with the old commune's type. */
  type: boolean | null;
  diacritics: DiacriticMatch;
  /** The postal code in the address names this candidate's new unit (or, for a bare prefix, its province). */
  postalCode?: boolean | null;
}

export interface CommuneCandidate {
  /** For a split old commune: ALL this successor took the whole population, NONE land only. */
  population: "ALL" | "NONE" | null;
  legacyCode: string;
  toCode: string;
  linkId: string;
  kind: LineageKindName;
  confidence: number;
  score: number;
  agreement: PartAgreement;
}

export interface DistrictCandidate {
  legacyDistrictCode: string;
  toCode: string;
  linkId: string;
  kind: LineageKindName;
  confidence: number;
  score: number;
  province: boolean | null;
}

export interface AddressMatch {
  parsed: ParsedAddress;
  candidates: CommuneCandidate[];
  districtCandidates: DistrictCandidate[];
  /** The postal code read in the address and how it compares with the names; null when there was none. */
  postal?: PostalCheck | null;
}

export interface PostalCheck extends PostalReading {
  /**
   * True when the best candidate found by the names lies where the code says, false when no candidate found by the
   * names does (the code contradicts them and is not trusted), null when the names found nothing to compare with.
   */
  agreesWithNames: boolean | null;
  /** True when the candidates come from the code alone (the address names no old commune that was found). */
  usedAlone: boolean;
}

/** Old communes kept per address at most (each may have several successors). */
export const MAX_LEGACY_CANDIDATES = 10;

const DIACRITIC_SCORE: Record<DiacriticMatch, number> = { EXACT: 1, FOLDED: 0.95, DIFFERENT: 0.8 };
const round = (value: number) => Math.round(value * 1000) / 1000;

/** True when any part of the address carries a diacritic: then a word typed without marks means it has none. */
function typedWithMarks(input: AddressInput): boolean {
  return [input.commune, input.district, input.province, input.line].some((text) => text != null && hasDiacritics(text));
}

export function matchAddress(input: AddressInput, index: AddressIndex): AddressMatch {
  const parsed = parseAddress(input, index);
  const match = matchNames(parsed, index, typedWithMarks(input));
  return parsed.postalCode ? withPostalCode(match, parsed.postalCode, index) : match;
}

/** Score factor of a candidate whose new unit is not the one the postal code names (as for a province that disagrees). */
const POSTAL_DISAGREES = 0.5;
/** Score of a candidate found by the postal code alone: no name, district or province agreed (0.9 × 0.9), no diacritics. */
const POSTAL_ONLY_SCORE = 0.8;

/**
 * Applies the postal code: candidates in the unit (or province) it names keep their score, the others are scaled down
 * and listed only when none agrees, in which case the code contradicts the names and `postal.agreesWithNames` says
 * so. When the names found nothing, the code alone gives the unit, reached through each old commune that went to it.
 */
function withPostalCode(match: AddressMatch, code: string, index: AddressIndex): AddressMatch {
  const reading = readPostalCode(code);
  if (!reading) return { ...match, postal: null };
  const provinceOf = postalCodes().provinceByCommune;
  const agrees = (toCode: string) => (reading.communeCode ? toCode === reading.communeCode : provinceOf.get(toCode) === reading.provinceCode);
  if (match.candidates.length === 0 && match.districtCandidates.length === 0) {
    const candidates: CommuneCandidate[] = [];
    if (reading.communeCode) {
      for (const { legacyCode, link } of index.linksTo.get(reading.communeCode) ?? []) {
        candidates.push({
          legacyCode,
          toCode: link.toCode,
          linkId: link.id,
          kind: link.kind,
          confidence: link.confidence,
          score: POSTAL_ONLY_SCORE,
          agreement: { district: null, province: null, type: null, diacritics: "FOLDED", postalCode: true },
          population: link.population ?? null,
        });
      }
    }
    candidates.sort((a, b) => b.confidence - a.confidence || a.legacyCode.localeCompare(b.legacyCode));
    if (candidates.length === 0) return { ...match, postal: { ...reading, agreesWithNames: null, usedAlone: false } };
    // The text read as the commune named nothing: with the code alone it is part of the street ("Tầng 3 số 12, 11120").
    const street = [match.parsed.street, match.parsed.commune].filter(Boolean).join(", ") || null;
    return {
      ...match,
      parsed: { ...match.parsed, commune: null, street },
      candidates: candidates.slice(0, MAX_LEGACY_CANDIDATES),
      postal: { ...reading, agreesWithNames: null, usedAlone: true },
    };
  }
  const candidates = match.candidates.map((c) => {
    const postalCode = agrees(c.toCode);
    return { ...c, agreement: { ...c.agreement, postalCode }, score: postalCode ? c.score : round(c.score * POSTAL_DISAGREES) };
  });
  const districtCandidates = match.districtCandidates.map((c) => (agrees(c.toCode) ? c : { ...c, score: round(c.score * POSTAL_DISAGREES) }));
  const all = [...candidates, ...districtCandidates];
  const agreeing = all.filter((c) => agrees(c.toCode));
  const kept = agreeing.length ? candidates.filter((c) => c.agreement.postalCode) : candidates;
  kept.sort((a, b) => b.score - a.score);
  return {
    ...match,
    candidates: kept,
    districtCandidates: agreeing.length ? districtCandidates.filter((c) => agrees(c.toCode)) : districtCandidates,
    postal: { ...reading, agreesWithNames: agreeing.length > 0, usedAlone: false },
  };
}

function matchNames(parsed: ParsedAddress, index: AddressIndex, marks: boolean): AddressMatch {
  const match = matchParsed(parsed, index, marks);
  if (!parsed.alternative) return match;
  const other = matchParsed({ ...parsed, commune: parsed.alternative.commune, street: parsed.alternative.street, alternative: undefined }, index, marks);
  if (other.candidates.length === 0) return match;
  if (match.candidates.length === 0) return { ...other, parsed };
  // Both readings stand: their best candidates tie, so the answer lists both and is not unambiguous.
  const best = (list: CommuneCandidate[]) => Math.max(...list.map((c) => c.score));
  const level = Math.min(best(match.candidates), best(other.candidates));
  const scale = (list: CommuneCandidate[]) => list.map((c) => ({ ...c, score: round((c.score * level) / best(list)) }));
  const merged = [...scale(match.candidates), ...scale(other.candidates)].sort((a, b) => b.score - a.score);
  return { parsed, candidates: merged, districtCandidates: match.districtCandidates };
}

function matchParsed(parsed: ParsedAddress, index: AddressIndex, marks: boolean): AddressMatch {
  const provinceCodes = parsed.province ? provinceCodesOf(parsed.province, index) : null;
  let districts: ReadonlyArray<{ code: string; provinceCode: string }> | null = null;
  if (parsed.district) {
    districts = districtsNamed(parsed.district, index);
  }
  const districtCodes = districts ? new Set(districts.map((d) => d.code)) : null;
  const match: AddressMatch = { parsed, candidates: [], districtCandidates: [] };

  if (parsed.commune) {
    const keys = typedKeys(parsed.commune, "commune");
    const typeHint = keys[0]!.prefix ? COMMUNE_TYPE_OF_PREFIX[keys[0]!.prefix] ?? null : null;
    const entries = lookup(index.communesByKey, keys);
    // Candidates that contradict a given district or province are kept only when nothing agrees, so
    // only the agreeing ones are scored when there are any (a common name has dozens of namesakes).
    const agrees = (entry: CommuneEntry) =>
      (!districtCodes || districtCodes.has(entry.districtCode)) && (!provinceCodes || provinceCodes.includes(entry.provinceCode));
    const consistentEntries = entries.filter(agrees);
    const pool = consistentEntries.length ? consistentEntries : entries;
    const scored = pool.map((entry) => {
      // The best of the name's spellings (official first, then altNames) against each reading.
      let best = { score: 0, diacritics: "DIFFERENT" as DiacriticMatch };
      for (const key of keys) {
        for (let position = 0; position < entry.keys.length; position++) {
          const name = entry.keys[position]!;
          if (name.folded !== key.folded && name.compact !== key.compact) continue;
          // typed without any diacritic anywhere: an unmarked word may be a marked one (nga thanh = Nga Thạnh)
          const typed = diacriticMatch(key, name);
          const diacritics = !marks && typed === "EXACT" ? "FOLDED" : typed;
          const score =
            DIACRITIC_SCORE[diacritics] * (position === 0 ? 1 : 0.98) * (name.folded === key.folded ? 1 : 0.9);
          if (score > best.score) best = { score, diacritics };
        }
      }
      const agreement: PartAgreement = {
        district: districtCodes ? districtCodes.has(entry.districtCode) : null,
        province: provinceCodes ? provinceCodes.includes(entry.provinceCode) : null,
        type: typeHint ? typeHint === entry.type : null,
        diacritics: best.diacritics,
      };
      let score = best.score;
      score *= agreement.type === false ? 0.9 : 1;
      score *= agreement.district === null ? 0.9 : agreement.district ? 1 : 0.5;
      score *= agreement.province === null ? (agreement.district ? 0.97 : 0.9) : agreement.province ? 1 : 0.5;
      return { entry, agreement, score };
    });
    const kept = scored
      .sort((a, b) => b.score - a.score || a.entry.code.localeCompare(b.entry.code))
      .slice(0, MAX_LEGACY_CANDIDATES);
    for (const { entry, agreement, score } of kept) {
      for (const link of index.links.get(entry.code) ?? []) {
        match.candidates.push({
          legacyCode: entry.code,
          toCode: link.toCode,
          linkId: link.id,
          kind: link.kind,
          confidence: link.confidence,
          // A successor that took land only, none of the residents, is listed below the one that took them all.
          score: round(link.population === "NONE" ? score * 0.9 : score),
          agreement,
          population: link.population ?? null,
        });
      }
    }
  }

  // Island districts without communes (Côn Đảo, Lý Sơn...): the district itself has successors.
  if (match.candidates.length === 0 && districts) {
    for (const district of districts) {
      const links = index.districtLinks.get(district.code);
      if (!links) continue;
      const province = provinceCodes ? provinceCodes.includes(district.provinceCode) : null;
      for (const link of links) {
        match.districtCandidates.push({
          legacyDistrictCode: district.code,
          toCode: link.toCode,
          linkId: link.id,
          kind: link.kind,
          confidence: link.confidence,
          score: round(province === null ? 0.9 : province ? 1 : 0.5),
          province,
        });
      }
    }
  }
  return match;
}

/**
 * True when there is exactly one best answer: the top-scoring candidates all name the same new
 * unit. False when nothing matched, several old communes tie, or the old commune was split and no
 * successor took its whole population.
 */
export function isUnambiguous(match: AddressMatch): boolean {
  const all = [...match.candidates, ...match.districtCandidates];
  if (all.length === 0) return false;
  // A postal code that contradicts every name is reported, and leaves the answer open.
  if (match.postal?.agreesWithNames === false) return false;
  const best = Math.max(...all.map((c) => c.score));
  return new Set(all.filter((c) => c.score === best).map((c) => c.toCode)).size === 1;
}
