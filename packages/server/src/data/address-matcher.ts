// Matches pre-2025 addresses (old commune, district, province) to old communes and their lineage
// links, in memory, from an index built once per database client.
//
// Why in memory: a bulk conversion of 1,000 addresses would otherwise need one ranked SQL search
// per address. The index (63 provinces, 696 districts, 10,047 communes, 10,604 links, a few MB)
// is read lazily in four statements the first time a conversion or search runs, then every
// address is matched with map look-ups.
//
// Names are compared two ways: folded (no diacritics, case or prefix: "xa minh quan") to find
// candidates, and with diacritics but ignoring tone-mark placement ("Hoà" = "Hòa") to rank them,
// so that Xã Minh Quân and Xã Minh Quán (both in Huyện Trấn Yên) are told apart when the input
// carries the marks, and tie when it does not.
import type { PrismaClient } from "../generated/prisma/client.js";
import {
  diacriticMatch,
  nameKey,
  PREFIXES,
  PROVINCE_ALIASES,
  storedNameKey,
  typedKeys,
  type DiacriticMatch,
  type NameKey,
} from "./vietnamese-names.js";

export { storedNameKey, typedKeys, type DiacriticMatch, type NameKey };

// ---------------------------------------------------------------------------------------------
// Name keys (the rules live in vietnamese-names.ts)

export const COMMUNE_PREFIXES = PREFIXES.commune;

const COMMUNE_TYPE_OF_PREFIX: Record<string, LegacyCommuneType> = {
  "thi tran": "TOWNSHIP",
  tt: "TOWNSHIP",
  phuong: "WARD",
  p: "WARD",
  f: "WARD",
  xa: "COMMUNE",
  x: "COMMUNE",
};

export const communeKey = (text: string) => nameKey(text, "commune");
export const districtKey = (text: string) => nameKey(text, "district");
export const provinceKey = (text: string) => nameKey(text, "province");

function lookup<V>(map: Map<string, V[]>, keys: NameKey[]): V[] {
  const found = new Set<V>();
  for (const key of keys) {
    for (const value of map.get(key.folded) ?? map.get(key.compact) ?? []) found.add(value);
  }
  return [...found];
}

/** Old districts whose name the text may be. */
export function districtsNamed(text: string, index: AddressIndex) {
  return lookup(index.districtsByKey, typedKeys(text, "district"));
}

// ---------------------------------------------------------------------------------------------
// The index

export type LegacyCommuneType = "COMMUNE" | "WARD" | "TOWNSHIP";
export type LineageKindName = "WHOLE" | "PARTIAL" | "RENAMED" | "UNCHANGED";

export interface IndexRows {
  provinces: Array<{ code: string; name: string; fullName: string }>;
  districts: Array<{ code: string; name: string; fullName: string; provinceCode: string }>;
  communes: Array<{
    code: string;
    name: string;
    fullName: string;
    altNames: string[];
    type: LegacyCommuneType;
    districtCode: string;
    provinceCode: string;
  }>;
  links: Array<{ id: string; fromCode: string; toCode: string; kind: LineageKindName; confidence: number; population?: "ALL" | "NONE" | null }>;
  districtLinks: Array<{ id: string; fromCode: string; toCode: string; kind: LineageKindName; confidence: number }>;
}

export interface CommuneEntry {
  code: string;
  type: LegacyCommuneType;
  districtCode: string;
  provinceCode: string;
  keys: NameKey[];
}

interface LinkEntry {
  id: string;
  toCode: string;
  kind: LineageKindName;
  confidence: number;
  population?: "ALL" | "NONE" | null;
}

export interface AddressIndex {
  communes: CommuneEntry[];
  communesByKey: Map<string, CommuneEntry[]>;
  districtsByKey: Map<string, Array<{ code: string; provinceCode: string }>>;
  provincesByKey: Map<string, string[]>;
  /** Province names and aliases only (no full names): runs of words in addresses without commas. */
  provinceNames: Map<string, string[]>;
  links: Map<string, LinkEntry[]>;
  districtLinks: Map<string, LinkEntry[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildIndex(rows: IndexRows): AddressIndex {
  const index: AddressIndex = {
    communes: [],
    communesByKey: new Map(),
    districtsByKey: new Map(),
    provincesByKey: new Map(),
    provinceNames: new Map(),
    links: new Map(),
    districtLinks: new Map(),
  };
  for (const province of rows.provinces) {
    const key = storedNameKey(province.name);
    for (const k of new Set([key.folded, key.compact, storedNameKey(province.fullName).folded])) {
      push(index.provincesByKey, k, province.code);
    }
  }
  for (const province of rows.provinces) {
    const key = storedNameKey(province.name);
    for (const k of new Set([key.folded, key.compact])) push(index.provinceNames, k, province.code);
  }
  for (const [alias, code] of Object.entries(PROVINCE_ALIASES)) {
    if (!index.provincesByKey.get(alias)?.includes(code)) push(index.provincesByKey, alias, code);
    if (!index.provinceNames.get(alias)?.includes(code)) push(index.provinceNames, alias, code);
  }
  for (const district of rows.districts) {
    const key = storedNameKey(district.name);
    for (const k of new Set([key.folded, key.compact])) {
      push(index.districtsByKey, k, { code: district.code, provinceCode: district.provinceCode });
    }
  }
  for (const commune of rows.communes) {
    const entry: CommuneEntry = {
      code: commune.code,
      type: commune.type,
      districtCode: commune.districtCode,
      provinceCode: commune.provinceCode,
      keys: [commune.name, ...commune.altNames].map(storedNameKey),
    };
    index.communes.push(entry);
    const seen = new Set<string>();
    for (const key of entry.keys) {
      for (const k of [key.folded, key.compact]) {
        if (seen.has(k)) continue;
        seen.add(k);
        push(index.communesByKey, k, entry);
      }
    }
  }
  for (const link of rows.links) push(index.links, link.fromCode, link);
  for (const link of rows.districtLinks) push(index.districtLinks, link.fromCode, link);
  for (const list of [...index.links.values(), ...index.districtLinks.values()]) {
    // the successor that took the whole population first (residential addresses), then by confidence
    list.sort((a, b) => Number(b.population === "ALL") - Number(a.population === "ALL") || b.confidence - a.confidence || a.toCode.localeCompare(b.toCode));
  }
  return index;
}

// ---------------------------------------------------------------------------------------------
// Parsing an address

export interface AddressInput {
  commune?: string | null;
  district?: string | null;
  province?: string | null;
  line?: string | null;
}

export interface ParsedAddress {
  commune: string | null;
  district: string | null;
  province: string | null;
  /** What came before the commune in `line` (street, house number), as written. */
  street: string | null;
  /**
   * Another part of `line` that also names an old commune when the part read as the commune may
   * be a district no longer in the list ("Đạ M'ri, Đạ Tẻh, Lâm Đồng": Đạ Tẻh is a township and was
   * a district): both readings are matched and tie, so the answer is ambiguous, not silently wrong.
   */
  alternative?: { commune: string; street: string | null };
}

const clean = (text: string | null | undefined) => {
  const trimmed = text?.normalize("NFC").replace(/\s+/g, " ").trim();
  return trimmed ? trimmed : null;
};

/**
 * Splits a one-line address at commas and semicolons and reads it from the end: the last part is
 * the province if it names one, the next the district if it names one (in that province), and
 * the next the commune; anything before the commune is the street. Parts given separately win
 * over what the line says.
 */
export function parseAddress(input: AddressInput, index: AddressIndex): ParsedAddress {
  const parsed: ParsedAddress = {
    commune: clean(input.commune),
    district: clean(input.district),
    province: clean(input.province),
    street: null,
  };
  const line = clean(input.line);
  if (!line) return parsed;
  const parts = splitUnmarked(
    line
      .split(/[,;\n]+/)
      .map((part) => clean(part))
      .filter((part): part is string => part !== null),
    index,
    parsed.province === null,
  );
  let end = parts.length - 1;
  let provinceCodes: string[] = [];
  if (end >= 0 && (parts.length > 1 || parsed.commune)) {
    const codes = provinceCodesOf(parts[end]!, index);
    if (codes.length > 0) {
      provinceCodes = codes;
      parsed.province ??= parts[end]!;
      end -= 1;
    }
  }
  if (end >= 0) {
    const key = districtKey(parts[end]!);
    const communeKeyOfPart = communeKey(parts[end]!);
    const isCommuneLike = communeKeyOfPart.prefix !== null && key.prefix === null;
    // A lone remaining part is the commune unless it says it is a district ("Huyện Côn Đảo").
    const mayBeDistrict = end > 0 || parsed.commune !== null || key.prefix !== null;
    const districts = districtsNamed(parts[end]!, index).filter(
      (district) => provinceCodes.length === 0 || provinceCodes.includes(district.provinceCode),
    );
    if (mayBeDistrict && !isCommuneLike && districts.length > 0) {
      parsed.district ??= parts[end]!;
      end -= 1;
    }
  }
  if (end >= 0) {
    if (!parsed.commune) {
      // The commune is the last remaining part that names an old commune (street parts may follow
      // it in careless addresses); failing that, the last remaining part.
      let at = end;
      for (let position = end; position >= 0; position--) {
        if (lookup(index.communesByKey, typedKeys(parts[position]!, "commune")).length > 0) {
          at = position;
          break;
        }
      }
      // "Số 12 Lê Lợi Phường Bến Nghé": the commune is the longest run of final words that names one.
      let commune = parts[at]!;
      let before: string | null = null;
      if (lookup(index.communesByKey, typedKeys(commune, "commune")).length === 0) {
        const words = commune.split(" ");
        for (let k = Math.min(words.length - 1, MAX_NAME_WORDS); k >= 1; k--) {
          const tail = words.slice(-k).join(" ");
          // "Khu 3", "Tổ 5": a bare number is a house or block number, not Phường 3
          if (/^\d+$/.test(tail)) continue;
          if (lookup(index.communesByKey, typedKeys(tail, "commune")).length > 0) {
            commune = tail;
            before = words.slice(0, -k).join(" ");
            break;
          }
        }
      }
      parsed.commune = commune;
      const rest = [...parts.slice(0, at), ...(before ? [before] : []), ...parts.slice(at + 1, end + 1)];
      parsed.street = rest.length ? rest.join(", ") : null;
      if (!parsed.district && at === end && before === null && communeKey(commune).prefix === null) {
        for (let position = at - 1; position >= 0; position--) {
          const other = communeEntriesOf(parts[position]!, index).filter((entry) => provinceCodes.length === 0 || provinceCodes.includes(entry.provinceCode));
          if (other.length > 0) {
            const streetParts = parts.slice(0, position);
            parsed.alternative = { commune: parts[position]!, street: streetParts.length ? streetParts.join(", ") : null };
            break;
          }
        }
      }
    } else {
      parsed.street = parts.slice(0, end + 1).join(", ");
    }
  }
  return parsed;
}

/** Longest name (with its prefix) looked for in a run of words: "Thành phố Trực thuộc Trung ương Hồ Chí Minh" is 9. */
const MAX_NAME_WORDS = 9;

/**
 * Addresses written without commas ("Phường 1 Quận 3 TPHCM", "xa minh quan huyen tran yen tinh
 * yen bai"): when the last part is not itself a province, its longest final run of words that
 * names a province becomes a part of its own, and then, before it, the longest final run that
 * names a district of that province (or, without a province, a run that starts with a district
 * prefix). Parts that already name a province are left as written.
 */
function splitUnmarked(parts: string[], index: AddressIndex, lookForProvince: boolean): string[] {
  const last = parts[parts.length - 1];
  if (!last || (lookForProvince && provinceCodesOf(last, index).length > 0)) return parts;
  const words = last.split(" ");
  if (words.length < 2) return parts;
  const out = parts.slice(0, -1);
  let end = words.length;
  let provinceCodes: string[] = [];
  if (lookForProvince) {
    for (let k = Math.min(end - 1, MAX_NAME_WORDS); k >= 1; k--) {
      // the name after at most one prefix ("Tỉnh Quảng Ngãi", not "Tịnh Tỉnh Quảng Ngãi")
      const codes = lookup(index.provinceNames, [nameKey(words.slice(end - k).join(" "), "province")]);
      if (codes.length > 0) {
        provinceCodes = codes;
        end -= k;
        break;
      }
    }
  }
  let district: string | null = null;
  for (let k = Math.min(end - 1, MAX_NAME_WORDS); k >= 1; k--) {
    const text = words.slice(end - k, end).join(" ");
    const key = districtKey(text);
    const found = districtsNamed(text, index).filter((d) => provinceCodes.length === 0 || provinceCodes.includes(d.provinceCode));
    // a district needs its prefix ("Huyện", "Quận", "Q.") unless the province was found before it
    if (found.length > 0 && (key.prefix !== null || provinceCodes.length > 0) && communeKey(text).prefix === null) {
      district = text;
      end -= k;
      break;
    }
  }
  if (provinceCodes.length === 0 && district === null) return parts;
  out.push(words.slice(0, end).join(" "));
  if (district) out.push(district);
  if (provinceCodes.length > 0) out.push(words.slice(end + (district ? district.split(" ").length : 0)).join(" "));
  return out.filter((part) => part !== "");
}

function communeEntriesOf(text: string, index: AddressIndex): CommuneEntry[] {
  return lookup(index.communesByKey, typedKeys(text, "commune"));
}

export function provinceCodesOf(text: string, index: AddressIndex): string[] {
  return lookup(index.provincesByKey, typedKeys(text, "province"));
}

// ---------------------------------------------------------------------------------------------
// Matching

/** Which given parts of the address agree with a candidate: true, false, or null when not given. */
export interface PartAgreement {
  district: boolean | null;
  province: boolean | null;
  /** The unit kind written before the name ("Xã", "P.", "TT.") agrees with the old commune's type. */
  type: boolean | null;
  diacritics: DiacriticMatch;
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
}

/** Old communes kept per address at most (each may have several successors). */
export const MAX_LEGACY_CANDIDATES = 10;

const DIACRITIC_SCORE: Record<DiacriticMatch, number> = { EXACT: 1, FOLDED: 0.95, DIFFERENT: 0.8 };
const round = (value: number) => Math.round(value * 1000) / 1000;

/** True when any part of the address carries a diacritic: then a word typed without marks means it has none. */
function typedWithMarks(input: AddressInput): boolean {
  const text = [input.commune, input.district, input.province, input.line].filter(Boolean).join(" ");
  return /[\u0300-\u036f]/.test(text.normalize("NFD")) || /[đĐ]/.test(text);
}

export function matchAddress(input: AddressInput, index: AddressIndex): AddressMatch {
  const parsed = parseAddress(input, index);
  const marks = typedWithMarks(input);
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
  let districts: Array<{ code: string; provinceCode: string }> | null = null;
  if (parsed.district) {
    districts = districtsNamed(parsed.district, index);
  }
  const districtCodes = districts ? new Set(districts.map((d) => d.code)) : null;
  const match: AddressMatch = { parsed, candidates: [], districtCandidates: [] };

  if (parsed.commune) {
    const keys = typedKeys(parsed.commune, "commune");
    const typeHint = keys[0]!.prefix ? COMMUNE_TYPE_OF_PREFIX[keys[0]!.prefix] ?? null : null;
    const entries = lookup(index.communesByKey, keys);
    const scored = entries.map((entry) => {
      // The best of the name's spellings (official first, then altNames) against each reading.
      let best = { score: 0, diacritics: "DIFFERENT" as DiacriticMatch };
      for (const key of keys) {
        entry.keys.forEach((name, position) => {
          if (name.folded !== key.folded && name.compact !== key.compact) return;
          // typed without any diacritic anywhere: an unmarked word may be a marked one (nga thanh = Nga Thạnh)
          const typed = diacriticMatch(key, name);
          const diacritics = !marks && typed === "EXACT" ? "FOLDED" : typed;
          const score =
            DIACRITIC_SCORE[diacritics] * (position === 0 ? 1 : 0.98) * (name.folded === key.folded ? 1 : 0.9);
          if (score > best.score) best = { score, diacritics };
        });
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
    // Candidates that contradict a given district or province are kept only when nothing agrees.
    const consistent = scored.filter((c) => c.agreement.district !== false && c.agreement.province !== false);
    const kept = (consistent.length ? consistent : scored)
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
  const best = Math.max(...all.map((c) => c.score));
  return new Set(all.filter((c) => c.score === best).map((c) => c.toCode)).size === 1;
}

// ---------------------------------------------------------------------------------------------
// Search by name (Query.legacyCommunes)

/**
 * Codes of the old communes whose name (or an alternative spelling) matches, ranked: exact name
 * (same diacritics as typed, then typed without them, then other diacritics), names starting with
 * the text, names containing it as a word, any other containment; ties by code.
 */
export function searchCommunes(index: AddressIndex, keys: NameKey[], keep: (entry: CommuneEntry) => boolean): string[] {
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

// ---------------------------------------------------------------------------------------------
// Loading the index

const indexes = new WeakMap<PrismaClient, Promise<AddressIndex>>();

/**
 * The index for this database, read once (five statements) and kept for the life of the client.
 * The lineage tables change only when the server seeds at start-up, before it serves requests.
 */
export function getAddressIndex(prisma: PrismaClient): Promise<AddressIndex> {
  let index = indexes.get(prisma);
  if (!index) {
    index = loadIndex(prisma);
    indexes.set(prisma, index);
    // Neither a failure nor an empty (not yet seeded) database is kept.
    index.then(
      (loaded) => loaded.communes.length === 0 && indexes.delete(prisma),
      () => indexes.delete(prisma),
    );
  }
  return index;
}

async function loadIndex(prisma: PrismaClient): Promise<AddressIndex> {
  const linkFields = { id: true, fromCode: true, toCode: true, kind: true, confidence: true } as const;
  const [provinces, districts, communes, links, districtLinks] = await Promise.all([
    prisma.legacyProvince.findMany({ select: { code: true, name: true, fullName: true } }),
    prisma.legacyDistrict.findMany({ select: { code: true, name: true, fullName: true, provinceCode: true } }),
    prisma.legacyCommune.findMany({
      select: { code: true, name: true, fullName: true, altNames: true, type: true, districtCode: true, provinceCode: true },
      orderBy: { code: "asc" },
    }),
    prisma.lineageLink.findMany({ select: { ...linkFields, population: true } }),
    prisma.districtLineageLink.findMany({ select: linkFields }),
  ]);
  return buildIndex({ provinces, districts, communes, links, districtLinks });
}
