// Stage 1 of address conversion: the index of the old units (63 provinces, 696 districts, 10,047
// communes, their lineage links) and the look-ups every later stage makes in it.
//
// Why in memory: a bulk conversion of 1,000 addresses would otherwise need one ranked SQL search
// per address. The index (a few MB) is read lazily in five statements the first time a conversion
// or search runs, then every address is matched with map look-ups. Names are keyed by
// data/vietnamese-names.ts (folded, and per word with diacritics for ranking).
import type { PrismaClient } from "../../generated/prisma/client.js";
import { foldWords, knownTypedKeys, mayName, nameKey, PREFIXES, PROVINCE_ALIASES, storedNameKey, typedKeys, type NameKey, type NameLevel } from "../vietnamese-names.js";

export const COMMUNE_PREFIXES = PREFIXES.commune;

export const COMMUNE_TYPE_OF_PREFIX: Record<string, LegacyCommuneType> = {
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
  /** New unit code → the old communes that went to it, with their links (a postal code names a new unit). */
  linksTo: Map<string, Array<{ legacyCode: string; link: LinkEntry }>>;
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
    linksTo: new Map(),
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
  for (const link of rows.links) {
    push(index.links, link.fromCode, link);
    push(index.linksTo, link.toCode, { legacyCode: link.fromCode, link });
  }
  for (const link of rows.districtLinks) push(index.districtLinks, link.fromCode, link);
  for (const list of [...index.links.values(), ...index.districtLinks.values()]) {
    // the successor that took the whole population first (residential addresses), then by confidence
    list.sort((a, b) => Number(b.population === "ALL") - Number(a.population === "ALL") || b.confidence - a.confidence || a.toCode.localeCompare(b.toCode));
  }
  return index;
}

const NONE: readonly never[] = Object.freeze([]);

/** The index's values under any of the keys (folded, else compact), each once. Shared: do not modify it. */
export function lookup<V>(map: Map<string, V[]>, keys: readonly NameKey[]): readonly V[] {
  // one key, or one that finds anything (the common cases): the index's own list, not a copy
  if (keys.length === 0) return NONE;
  const first = map.get(keys[0]!.folded) ?? map.get(keys[0]!.compact);
  if (keys.length === 1) return first ?? NONE;
  if (keys.length === 2) {
    const second = map.get(keys[1]!.folded) ?? map.get(keys[1]!.compact);
    if (!second || second === first) return first ?? NONE;
    if (!first) return second;
  }
  const found = new Set<V>();
  for (const key of keys) {
    for (const value of map.get(key.folded) ?? map.get(key.compact) ?? []) found.add(value);
  }
  return [...found];
}

/**
 * The map's values for typed text at a level. Text never seen before is first checked cheaply
 * (mayName on its folded words): most texts tried while reading an address name nothing at that
 * level (a whole line written without commas, a street), and their keys need not be computed.
 */
export function namedIn<V>(map: Map<string, V[]>, text: string, level: NameLevel): readonly V[] {
  const keys = knownTypedKeys(text, level);
  if (keys) return lookup(map, keys);
  if (!mayName(foldWords(text.split(" ")), level, (key) => map.has(key))) return NONE;
  return lookup(map, typedKeys(text, level));
}

/** Old districts whose name the text may be. */
export function districtsNamed(text: string, index: AddressIndex) {
  return namedIn(index.districtsByKey, text, "district");
}

/** Old communes whose name the text may be. */
export function communeEntriesOf(text: string, index: AddressIndex): readonly CommuneEntry[] {
  return namedIn(index.communesByKey, text, "commune");
}

/** Province codes the text may name (names, full names and aliases). */
export function provinceCodesOf(text: string, index: AddressIndex): readonly string[] {
  return namedIn(index.provincesByKey, text, "province");
}

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
