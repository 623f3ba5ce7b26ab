// Vietnamese unit names, in one place: folding, the prefix tables (Vietnamese, abbreviated and
// English), the words for the commune-level kinds and the service centers named after them, the
// province aliases people write, tone-mark-insensitive keys and how typed diacritics compare. Used
// by the data build (prisma/data-build/lib.ts, current.ts), seeding, registry search
// (schema/search.ts) and address matching (data/address/), so that a rule changes once.

/**
 * Results of fold and nameKey for short texts, by text (and level): address matching keys the same
 * parts and names again and again (each part at several levels, each candidate's stored name), and
 * folding was 43 % of its CPU profile (`npm run bench:address`). Cleared when full, so memory stays
 * bounded whatever callers send; long texts are not kept.
 */
const MEMO_ENTRIES = 50_000;
const MEMO_MAX_TEXT = 120;
function memo<V>(): { get(key: string): V | undefined; set(key: string, value: V): V } {
  const map = new Map<string, V>();
  return {
    get: (key) => map.get(key),
    set(key, value) {
      if (key.length > MEMO_MAX_TEXT) return value;
      if (map.size >= MEMO_ENTRIES) map.clear();
      map.set(key, value);
      return value;
    },
  };
}
const folds = memo<string>();

/** Lower-cases, strips diacritics (đ → d), collapses punctuation and white space: "Đạ M'ri" → "da m ri". */
export function fold(text: string): string {
  return folds.get(text) ?? folds.set(text, foldText(text));
}

/** The rule, applied to one character at a time by foldText (and kept as the reference its test compares with). */
export function foldSlowly(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * What each non-ASCII character folds to ("ạ" → "a", "’" → " ", a combining mark → ""), computed
 * by foldSlowly on first sight. Decomposition, mark removal and lower-casing act on each
 * character alone, so folding character by character gives foldSlowly's result without its four
 * passes over the text and their intermediate strings (folding was the largest cost of address
 * matching in the CPU profile of `npm run bench:address`).
 */
const charFolds = new Map<number, string>();
function foldChar(codePoint: number): string {
  let folded = charFolds.get(codePoint);
  if (folded === undefined) {
    const char = String.fromCodePoint(codePoint);
    // foldSlowly trims, so a character that folds to a separator gives "": keep it a separator
    folded = /\p{M}/u.test(char) ? "" : foldSlowly(`a${char}a`).slice(1, -1) || " ";
    if (folded.trim() === "" && folded !== "") folded = " ";
    charFolds.set(codePoint, folded);
  }
  return folded;
}

/** True when the text carries a diacritic (a letter with marks, đ, or a combining mark). */
export function hasDiacritics(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) continue;
    if (c >= 0x300 && c <= 0x36f) return true;
    const codePoint = text.codePointAt(i)!;
    if (codePoint > 0xffff) i++;
    if (/^[a-z]+$/.test(foldChar(codePoint))) return true;
  }
  return false;
}

function foldText(text: string): string {
  let out = "";
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let piece: string;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) piece = text[i]!;
    else if (c >= 65 && c <= 90) piece = String.fromCharCode(c + 32);
    else if (c < 128) piece = " ";
    else {
      const codePoint = text.codePointAt(i)!;
      if (codePoint > 0xffff) i++;
      piece = foldChar(codePoint);
      if (piece === "") continue;
      if (piece.length > 1) {
        // a character that folds to several ("ǆ" → "dz", or letters around a separator)
        for (const part of piece) {
          if (part === " ") pendingSpace = true;
          else {
            if (pendingSpace && out !== "") out += " ";
            pendingSpace = false;
            out += part;
          }
        }
        continue;
      }
    }
    if (piece === " ") pendingSpace = true;
    else {
      if (pendingSpace && out !== "") out += " ";
      pendingSpace = false;
      out += piece;
    }
  }
  return out;
}

/**
 * The legal texts (resolutions 1654–1687/NQ-UBTVQH15, list 1027/CTK-CSCL) write the apostrophe of
 * names such as Ea H'Leo and Cư M'gar as U+0027; some sources use U+2019, U+2018 or U+02BC.
 */
export function asciiApostrophes(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'");
}

export type NameLevel = "commune" | "district" | "province";

/** Folded prefixes naming the kind of an old (pre-2025) unit, longest first; abbreviations as typed in addresses. */
export const PREFIXES: Record<NameLevel, readonly string[]> = {
  commune: ["thi tran", "phuong", "xa", "tt", "p", "f", "x"],
  district: ["thanh pho", "thi xa", "huyen", "quan", "tp", "tx", "q", "h"],
  province: ["thanh pho truc thuoc trung uong", "thanh pho", "tinh", "tp", "t"],
};
/** The word a unit of the two-level registry's commune level goes by before its name: "phường Ba Đình". */
export const COMMUNE_KIND_WORD = { COMMUNE: "xã", WARD: "phường", SPECIAL_ZONE: "đặc khu" } as const;

/** A commune-level unit's public administrative service center, named by statute: "Trung tâm Phục vụ hành chính công" + the unit. */
export function communeServiceCenterName(kind: keyof typeof COMMUNE_KIND_WORD, name: string): string {
  return `Trung tâm Phục vụ hành chính công ${COMMUNE_KIND_WORD[kind]} ${name}`;
}

/** Prefixes of the units of the two-level registry (registry search): no districts, no townships. */
export const CURRENT_PREFIXES = {
  province: ["thanh pho truc thuoc trung uong", "thanh pho", "tinh", "tp"],
  commune: ["dac khu", "phuong", "xa", "p", "x", "dk"],
} as const;

/** English forms, folded: "Ward 5", "Tan Dinh Ward", "District 3", "Bac Ninh Province", "Ho Chi Minh City". */
const ENGLISH: Record<NameLevel, { before: Record<string, string>; after: Record<string, string> }> = {
  commune: { before: { ward: "phuong", commune: "xa" }, after: { ward: "phuong", commune: "xa", town: "thi tran", township: "thi tran" } },
  district: { before: { district: "quan" }, after: { district: "huyen", town: "thi xa", city: "thanh pho" } },
  province: { before: { province: "tinh" }, after: { province: "tinh", city: "thanh pho" } },
};

/**
 * Province names as people write them that folding alone does not reach, to province codes. The
 * codes of the six cities and of Huế are the same before and after 2025-07-01 (01, 31, 46, 48,
 * 79, 92), so one table serves old addresses and registry search.
 */
export const PROVINCE_ALIASES: Readonly<Record<string, string>> = {
  hcm: "79",
  tphcm: "79",
  hcmc: "79",
  "tp hcm": "79",
  "sai gon": "79",
  saigon: "79",
  sg: "79",
  hn: "01",
  hanoi: "01",
  hue: "46",
  "thua thien hue": "46",
  "tt hue": "46",
  danang: "48",
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
function normaliseNumbers(tokens: string[]): string[] {
  let out = tokens;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    const first = token.charCodeAt(0);
    if (first < 48 || first > 57 || !/^\d+$/.test(token)) continue;
    const number = String(Number(token));
    if (number === token) continue;
    if (out === tokens) out = tokens.slice();
    out[index] = number;
  }
  return out;
}

/** Words of a name with its diacritics, each word's tone mark moved to the end (Hoà = Hòa). */
function toneWords(text: string): string[] {
  return asciiApostrophes(text)
    .normalize("NFC")
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean)
    .map(toneWord);
}

// Words repeat far more than names (a few thousand Vietnamese syllables make every name).
const toneWordMemo = memo<string>();

function toneWord(word: string): string {
  const known = toneWordMemo.get(word);
  if (known !== undefined) return known;
  const decomposed = word.normalize("NFD");
  const tones = decomposed.match(TONE_MARKS) ?? [];
  const base = decomposed.replace(TONE_MARKS, "").normalize("NFC");
  return toneWordMemo.set(word, base + tones.map((tone) => TONE_ORDER.indexOf(tone) + 1).join(""));
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
  /** The folded prefix that was removed, if any ("xa", "q"...); English kinds are given as their Vietnamese prefix. */
  prefix: string | null;
}

/** PREFIXES with each prefix's words, split once. */
const PREFIX_WORDS = Object.fromEntries(
  Object.entries(PREFIXES).map(([level, prefixes]) => [level, prefixes.map((prefix) => [prefix, prefix.split(" ")] as const)]),
) as unknown as Record<NameLevel, ReadonlyArray<readonly [string, readonly string[]]>>;

/** Splits "p1", "q.1", "f12" into prefix and number. */
const ATTACHED_NUMBER = /^(p|f|q|phuong|quan)(\d+)$/;

// One memo per level, keyed by the text itself: a joined key would be a new string to hash on every call.
const nameKeys = { commune: memo<Readonly<NameKey>>(), district: memo<Readonly<NameKey>>(), province: memo<Readonly<NameKey>>(), stored: memo<Readonly<NameKey>>() };
const typedKeyLists = { commune: memo<readonly NameKey[]>(), district: memo<readonly NameKey[]>(), province: memo<readonly NameKey[]>() };

/** The key of typed text at one level (its prefix and English kind word removed), or of a stored name (level null: nothing removed). Shared: do not modify it. */
export function nameKey(text: string, level: NameLevel | null): Readonly<NameKey> {
  const keys = nameKeys[level ?? "stored"];
  const known = keys.get(text);
  if (known) return known;
  const key = computeNameKey(text, level);
  Object.freeze(key.words);
  return keys.set(text, Object.freeze(key));
}

function computeNameKey(text: string, level: NameLevel | null): NameKey {
  let foldedWords: string[];
  let words: string[];
  if (level) {
    // A level's key is the stored key (typedKeys asks for both) with its prefix taken off.
    const whole = nameKey(text, null);
    foldedWords = whole.folded === "" ? [] : whole.folded.split(" ");
    words = whole.words.slice();
  } else {
    // word by word: words repeat across names far more than whole texts do (fold of the whole text is the same)
    foldedWords = foldWords(text.split(" "));
    words = toneWords(text);
    // Folding and tone words split on the same boundaries; if not (an odd symbol), fall back to folding.
    if (words.length !== foldedWords.length) words = foldedWords.slice();
  }
  let prefix: string | null = null;
  const attached = level && foldedWords.length === 1 ? ATTACHED_NUMBER.exec(foldedWords[0]!) : null;
  if (attached) {
    prefix = attached[1]!;
    foldedWords = [attached[2]!];
    words = [attached[2]!];
  } else if (level) {
    const english = ENGLISH[level];
    const last = foldedWords[foldedWords.length - 1]!;
    if (foldedWords.length > 1 && Object.hasOwn(english.after, last) && words[words.length - 1] === last) {
      prefix = english.after[last]!;
      foldedWords = foldedWords.slice(0, -1);
      words = words.slice(0, -1);
    } else if (foldedWords.length > 1 && Object.hasOwn(english.before, foldedWords[0]!) && words[0] === foldedWords[0]) {
      prefix = english.before[foldedWords[0]!]!;
      foldedWords = foldedWords.slice(1);
      words = words.slice(1);
    } else {
      for (const [candidate, prefixWords] of PREFIX_WORDS[level]) {
        if (foldedWords.length > prefixWords.length && prefixWords.every((word, index) => foldedWords[index] === word)) {
          prefix = candidate;
          foldedWords = foldedWords.slice(prefixWords.length);
          words = words.slice(prefixWords.length);
          break;
        }
      }
    }
  }
  foldedWords = normaliseNumbers(foldedWords);
  words = normaliseNumbers(words);
  const folded = foldedWords.join(" ");
  return { folded, compact: foldedWords.join(""), words, marked: words.join(" ") !== folded, prefix };
}

/**
 * Whether a run of words may be a name of `level` under some key `has` knows: every folded form
 * typedKeys could give the run (as typed, without a prefix, an English kind word or an attached
 * "p"/"q") is tried. A cheap filter on words already folded, so that reading an address without
 * commas, which tries each final run of words, computes nameKey only for the runs that may name a
 * unit (it was a third of the CPU time of that style in `npm run bench:address`).
 */
export function mayName(foldedWords: readonly string[], level: NameLevel, has: (key: string) => boolean): boolean {
  const words = normaliseNumbers(foldedWords as string[]);
  const known = (list: readonly string[]) => list.length > 0 && (has(list.join(" ")) || has(list.join("")));
  if (known(words)) return true;
  if (words.length === 1) {
    const attached = ATTACHED_NUMBER.exec(foldedWords[0]!);
    return attached !== null && known([String(Number(attached[2]))]);
  }
  const english = ENGLISH[level];
  if (Object.hasOwn(english.after, words[words.length - 1]!) && known(words.slice(0, -1))) return true;
  if (Object.hasOwn(english.before, words[0]!) && known(words.slice(1))) return true;
  for (const [, prefixWords] of PREFIX_WORDS[level]) {
    if (words.length > prefixWords.length && prefixWords.every((word, index) => foldedWords[index] === word) && known(words.slice(prefixWords.length))) return true;
  }
  return false;
}

/** The folded words of typed words, in order (a typed word may fold to several, or to none). */
export function foldWords(typedWords: readonly string[]): string[] {
  const out: string[] = [];
  for (const word of typedWords) {
    const folded = fold(word);
    if (folded === "") continue;
    if (folded.includes(" ")) out.push(...folded.split(" "));
    else out.push(folded);
  }
  return out;
}

/** The key of a name stored without its prefix: nothing is stripped ("Phương Mai" stays "phuong mai"). */
export const storedNameKey = (text: string) => nameKey(text, null);

/**
 * What typed text may mean: without its leading prefix word(s), and as typed, since some names
 * begin like a prefix (Phường Phương Mai, Xã Xà Phìn, Huyện Quan Hóa).
 */
/** typedKeys' answer if it is at hand (computed before), else undefined. */
export function knownTypedKeys(text: string, level: NameLevel): readonly NameKey[] | undefined {
  return typedKeyLists[level].get(text);
}

export function typedKeys(text: string, level: NameLevel): readonly NameKey[] {
  const lists = typedKeyLists[level];
  const known = lists.get(text);
  if (known) return known;
  const stripped = nameKey(text, level);
  const whole = nameKey(text, null);
  return lists.set(text, Object.freeze(whole.folded === stripped.folded ? [stripped] : [stripped, whole]));
}

/** How the diacritics of the input agree with a name: EXACT, FOLDED (input has none) or DIFFERENT. */
export type DiacriticMatch = "EXACT" | "FOLDED" | "DIFFERENT";

export function diacriticMatch(input: NameKey, name: NameKey): DiacriticMatch {
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

/** The folded name of a unit of the two-level registry without its kind prefix (registry search). */
export function foldCurrentName(text: string, level: "province" | "commune"): string {
  const folded = fold(text);
  for (const prefix of CURRENT_PREFIXES[level]) {
    if (folded.startsWith(`${prefix} `) && folded.length > prefix.length + 1) return folded.slice(prefix.length + 1);
  }
  return folded;
}
