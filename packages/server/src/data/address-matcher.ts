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
import { fold } from "./fold.js";

// ---------------------------------------------------------------------------------------------
// Name keys

/** Folded prefixes naming the kind of unit, longest first; abbreviations as typed in addresses. */
export const COMMUNE_PREFIXES = ["thi tran", "phuong", "xa", "tt", "p", "f", "x"];
const DISTRICT_PREFIXES = ["thanh pho", "thi xa", "huyen", "quan", "tp", "tx", "q", "h"];
const PROVINCE_PREFIXES = ["thanh pho truc thuoc trung uong", "thanh pho", "tinh", "tp", "t"];

const COMMUNE_TYPE_OF_PREFIX: Record<string, LegacyCommuneType> = {
  "thi tran": "TOWNSHIP",
  tt: "TOWNSHIP",
  phuong: "WARD",
  p: "WARD",
  f: "WARD",
  xa: "COMMUNE",
  x: "COMMUNE",
};

// Province names as people write them that folding alone does not reach.
const PROVINCE_ALIASES: Record<string, string> = {
  hcm: "79",
  tphcm: "79",
  "sai gon": "79",
  saigon: "79",
  sg: "79",
  hn: "01",
  "thua thien hue": "46",
  "tt hue": "46",
  brvt: "77",
  "ba ria vung tau": "77",
  daklak: "66",
  "dac lac": "66",
  daknong: "67",
  kontum: "62",
};

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const TONE_ORDER = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];

/** Numbers compare as numbers: "Phường 01" is Phường 1. */
const normaliseNumbers = (tokens: string[]) => tokens.map((token) => (/^\d+$/.test(token) ? String(Number(token)) : token));

/** Words of a name with its diacritics, each word's tone mark moved to the end (Hoà = Hòa). */
function toneWords(text: string): string[] {
  return text
    .normalize("NFC")
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => {
      const decomposed = word.normalize("NFD");
      const tones = decomposed.match(TONE_MARKS) ?? [];
      const base = decomposed.replace(TONE_MARKS, "").normalize("NFC");
      return base + tones.map((tone) => TONE_ORDER.indexOf(tone) + 1).join("");
    });
}

export interface NameKey {
  /** Folded, without prefix: "minh quan". */
  folded: string;
  /** Folded without spaces, for "Daklak" / "Đắk Lắk" and "IaMơ" / "Ia Mơ". */
  compact: string;
  /** Per word with diacritics (tone placement ignored), without prefix. */
  words: string[];
  /** True when the text carries any diacritic, i.e. `words` can rank candidates. */
  marked: boolean;
  /** The folded prefix that was removed, if any ("xa", "q"...). */
  prefix: string | null;
}

/** Splits "p1", "q.1", "f12" into prefix and number. */
const ATTACHED_NUMBER = /^(p|f|q|phuong|quan)(\d+)$/;

export function nameKey(text: string, prefixes: readonly string[]): NameKey {
  let foldedWords = fold(text).split(" ").filter(Boolean);
  let words = toneWords(text);
  // Folding and tone words split on the same boundaries; if not (an odd symbol), fall back to folding.
  if (words.length !== foldedWords.length) words = foldedWords.slice();
  let prefix: string | null = null;
  const attached = foldedWords.length === 1 ? ATTACHED_NUMBER.exec(foldedWords[0]!) : null;
  if (attached) {
    prefix = attached[1]!;
    foldedWords = [attached[2]!];
    words = [attached[2]!];
  } else {
    for (const candidate of prefixes) {
      const prefixWords = candidate.split(" ");
      if (
        foldedWords.length > prefixWords.length &&
        prefixWords.every((word, index) => foldedWords[index] === word)
      ) {
        prefix = candidate;
        foldedWords = foldedWords.slice(prefixWords.length);
        words = words.slice(prefixWords.length);
        break;
      }
    }
  }
  foldedWords = normaliseNumbers(foldedWords);
  words = normaliseNumbers(words);
  const folded = foldedWords.join(" ");
  return {
    folded,
    compact: foldedWords.join(""),
    words,
    marked: words.join(" ") !== folded,
    prefix,
  };
}

export const communeKey = (text: string) => nameKey(text, COMMUNE_PREFIXES);
export const districtKey = (text: string) => nameKey(text, DISTRICT_PREFIXES);
export const provinceKey = (text: string) => nameKey(text, PROVINCE_PREFIXES);
/** The key of a name stored without its prefix: nothing is stripped ("Phương Mai" stays "phuong mai"). */
export const storedNameKey = (text: string) => nameKey(text, []);

/**
 * What typed text may mean: without its leading prefix word(s), and as typed, since some names
 * begin like a prefix (Phường Phương Mai, Xã Xà Phìn, Huyện Quan Hóa).
 */
export function typedKeys(text: string, prefixes: readonly string[]): NameKey[] {
  const stripped = nameKey(text, prefixes);
  const whole = nameKey(text, []);
  return whole.folded === stripped.folded ? [stripped] : [stripped, whole];
}

function lookup<V>(map: Map<string, V[]>, keys: NameKey[]): V[] {
  const found = new Set<V>();
  for (const key of keys) {
    for (const value of map.get(key.folded) ?? map.get(key.compact) ?? []) found.add(value);
  }
  return [...found];
}

/** Old districts whose name the text may be. */
export function districtsNamed(text: string, index: AddressIndex) {
  return lookup(index.districtsByKey, typedKeys(text, DISTRICT_PREFIXES));
}

/** How the diacritics of the input agree with a name: EXACT, FOLDED (input has none) or DIFFERENT. */
export type DiacriticMatch = "EXACT" | "FOLDED" | "DIFFERENT";

function diacriticMatch(input: NameKey, name: NameKey): DiacriticMatch {
  if (input.words.length !== name.words.length) return input.compact === name.compact ? "FOLDED" : "DIFFERENT";
  let unknown = false;
  for (let index = 0; index < input.words.length; index++) {
    const typed = input.words[index]!;
    if (typed === name.words[index]) continue;
    // A word typed without marks says nothing about the marks; one typed with them must agree.
    if (fold(typed) === typed) unknown = true;
    else return "DIFFERENT";
  }
  return unknown ? "FOLDED" : "EXACT";
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
  links: Array<{ id: string; fromCode: string; toCode: string; kind: LineageKindName; confidence: number }>;
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
}

export interface AddressIndex {
  communes: CommuneEntry[];
  communesByKey: Map<string, CommuneEntry[]>;
  districtsByKey: Map<string, Array<{ code: string; provinceCode: string }>>;
  provincesByKey: Map<string, string[]>;
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
    links: new Map(),
    districtLinks: new Map(),
  };
  for (const province of rows.provinces) {
    const key = storedNameKey(province.name);
    for (const k of new Set([key.folded, key.compact, storedNameKey(province.fullName).folded])) {
      push(index.provincesByKey, k, province.code);
    }
  }
  for (const [alias, code] of Object.entries(PROVINCE_ALIASES)) {
    if (!index.provincesByKey.get(alias)?.includes(code)) push(index.provincesByKey, alias, code);
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
    list.sort((a, b) => b.confidence - a.confidence || a.toCode.localeCompare(b.toCode));
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
  const parts = line
    .split(/[,;\n]+/)
    .map((part) => clean(part))
    .filter((part): part is string => part !== null);
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
        if (lookup(index.communesByKey, typedKeys(parts[position]!, COMMUNE_PREFIXES)).length > 0) {
          at = position;
          break;
        }
      }
      parsed.commune = parts[at]!;
      const rest = [...parts.slice(0, at), ...parts.slice(at + 1, end + 1)];
      parsed.street = rest.length ? rest.join(", ") : null;
    } else {
      parsed.street = parts.slice(0, end + 1).join(", ");
    }
  }
  return parsed;
}

export function provinceCodesOf(text: string, index: AddressIndex): string[] {
  return lookup(index.provincesByKey, typedKeys(text, PROVINCE_PREFIXES));
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

export function matchAddress(input: AddressInput, index: AddressIndex): AddressMatch {
  const parsed = parseAddress(input, index);
  const provinceCodes = parsed.province ? provinceCodesOf(parsed.province, index) : null;
  let districts: Array<{ code: string; provinceCode: string }> | null = null;
  if (parsed.district) {
    districts = districtsNamed(parsed.district, index);
  }
  const districtCodes = districts ? new Set(districts.map((d) => d.code)) : null;
  const match: AddressMatch = { parsed, candidates: [], districtCandidates: [] };

  if (parsed.commune) {
    const keys = typedKeys(parsed.commune, COMMUNE_PREFIXES);
    const typeHint = keys[0]!.prefix ? COMMUNE_TYPE_OF_PREFIX[keys[0]!.prefix] ?? null : null;
    const entries = lookup(index.communesByKey, keys);
    const scored = entries.map((entry) => {
      // The best of the name's spellings (official first, then altNames) against each reading.
      let best = { score: 0, diacritics: "DIFFERENT" as DiacriticMatch };
      for (const key of keys) {
        entry.keys.forEach((name, position) => {
          if (name.folded !== key.folded && name.compact !== key.compact) return;
          const diacritics = diacriticMatch(key, name);
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
          score: round(score),
          agreement,
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
    prisma.lineageLink.findMany({ select: linkFields }),
    prisma.districtLineageLink.findMany({ select: linkFields }),
  ]);
  return buildIndex({ provinces, districts, communes, links, districtLinks });
}
