// The 34 resolutions 1654–1687/NQ-UBTVQH15 (text from dvhcvn/input/docs): one per new province,
// Art. 1 lists, clause by clause, which old units (whole or part) form each new unit.
//
// Each clause is read as a list of items, not as a bag of words: "các xã Tân Việt (huyện Bình
// Giang), Long Xuyên, Hồng Khê và phần còn lại của xã Vĩnh Hồng" is four items, each with the type
// word that governs it (xã / phường / thị trấn, kept until the next type word), the district named
// in brackets right after it, and its share (whole, part, part of the area only, the remainder).
// An item names an old unit only when name, type and (if given) district agree; an item whose
// name fits several old units of the new province (a homonym without a district) names none of
// them on its own: the caller decides with the other sources, or leaves the link unconfirmed.
import type { Province } from "./current.ts";
import { canonicalTone, fold, stripProvincePrefix, toneKey, type LegacyUnitType } from "./lib.ts";

/** Lower case, canonical tone marks, diacritics kept, punctuation → space. */
export function norm(s: string): string {
  return canonicalTone(s).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/**
 * How much of the old unit the clause takes. PART_AREA: "một phần diện tích tự nhiên của xã X"
 * (part of the area, none of the population); POPULATION_ALL: part of the area with all of the
 * population; REMAINDER: "phần còn lại của xã X sau khi sắp xếp theo quy định tại khoản N".
 */
export type Share = "WHOLE" | "PART" | "PART_AREA" | "POPULATION_ALL" | "REMAINDER";
export type ItemType = LegacyUnitType | "DISTRICT";

export interface ClauseItem {
  type: ItemType;
  /** The name as written ("Long Xuyên"). */
  name: string;
  /** The district named in brackets after the item ("Bình Giang" of "(huyện Bình Giang)"), without its prefix. */
  district: string | null;
  share: Share;
}

export interface Clause {
  resolution: string; // "1664/NQ-UBTVQH15"
  no: number; // clause number in Art. 1
  text: string; // clean text
  newFolded: string | null; // fold("xã Ia Ly") of the unit created, if any
  unchangedList: boolean; // the closing clause listing units not rearranged
  items: ClauseItem[];
}

const TYPE_WORDS: [string, ItemType][] = [
  ["thị trấn", "TOWNSHIP"],
  ["phường", "WARD"],
  ["xã", "COMMUNE"],
  ["huyện", "DISTRICT"],
];
const SHARE_MARK =
  /(toàn bộ|một phần) diện tích tự nhiên(?:,? (?:và )?(toàn bộ )?quy mô dân(?: số)?)?(?: của)?|(toàn bộ|một phần) quy mô dân(?: số)?(?: của)?|phần còn lại(?: của)+/gu;
const QUALIFIER = /^(?:huyện|thành phố|thị xã|quận) ([^,]+)/iu;
// The unit created: "… thành xã mới có tên gọi là xã Ia Ly", "… thành đặc khu Thổ Châu".
const NEW_UNIT = /\s*thành (xã|phường|đặc khu) (?:mới )?(?:(?:có |với )?tên (?:gọi )?là (?:xã |phường |đặc khu )?)?([^,;()]+?)\.?$/u;

/** Splits the part of a clause naming old units into items (exported for tests). */
export function parseItems(oldPart: string): ClauseItem[] {
  const items: ClauseItem[] = [];
  const text = oldPart
    .replace(/sau khi (?:đã )?(?:thực hiện )?sắp xếp(?:(?!thành |phần còn lại|của ).)*?Điều này/gu, " ")
    .replace(/sau khi (?:đã )?(?:thực hiện )?sắp xếp theo quy định tại (?:các )?khoản[\d ,khoảnvà]*/gu, " ")
    .replace(/^\s*Sắp xếp\s*/u, "");
  // Segments between share marks; text before the first mark (e.g. "Sắp xếp xã Thổ Châu") is whole.
  const marks = [...text.matchAll(SHARE_MARK)];
  const segments: { share: Share; body: string }[] = [];
  let share: Share = "WHOLE";
  let at = 0;
  for (const m of marks) {
    if (m.index > at) segments.push({ share, body: text.slice(at, m.index) });
    if (m[0].startsWith("phần còn lại")) share = "REMAINDER";
    else if (m[3]) share = m[3] === "toàn bộ" ? "WHOLE" : "PART";
    else if (m[1] === "toàn bộ") share = "WHOLE";
    else share = m[2] ? "POPULATION_ALL" : m[0].includes("quy mô dân số") ? "PART" : "PART_AREA";
    at = m.index + m[0].length;
  }
  segments.push({ share, body: text.slice(at) });
  for (const seg of segments) {
    let type: ItemType | null = null;
    // Brackets hold the district of the item before them; commas inside brackets do not split.
    const quals: string[] = [];
    const pieces = seg.body.replace(/\(([^)]*)\)/gu, (_m, q: string) => `⟨${quals.push(q) - 1}⟩`).split(/\s*[,;]\s*|\s+và\s+|\s+(?=(?:xã|phường|thị trấn) [\p{Lu}\d])/u);
    for (let piece of pieces) {
      piece = piece.trim().replace(/^(?:(?:toàn bộ|của|các) )*/u, "").trim();
      const q = /⟨(\d+)⟩/u.exec(piece);
      piece = piece.replace(/⟨[^⟩]*⟩/gu, "").trim();
      for (const [w, t] of TYPE_WORDS) {
        if (piece.toLowerCase().startsWith(w + " ") || piece.toLowerCase() === w) {
          type = t;
          piece = piece.slice(w.length).trim();
          break;
        }
      }
      if (!type || !/^[\p{Lu}\d]/u.test(piece)) continue;
      const qm = q?.[1] ? QUALIFIER.exec((quals[Number(q[1])] ?? "").trim()) : null;
      items.push({ type, name: piece.replace(/\s+/gu, " "), district: qm?.[1]?.trim() ?? null, share: seg.share });
    }
  }
  return items;
}

/** "qui" = "quy", "si" = "sy": the i/y spellings of one syllable, written either way (Quí Quân / Quý Quân). */
const iy = (folded: string): string => `~${folded.replace(/y\b/gu, "i")}`;

/** An old unit as the matcher needs it. */
export interface OldUnit {
  code: string;
  name: string;
  type: ItemType;
  districtName: string;
  provinceCode: string; // the NEW province it lies in (its old province's successor)
}

export interface Support {
  clause: Clause;
  item: ClauseItem;
  unchanged: boolean;
  /** Other old units the item's name fits (a homonym decided by the sources); empty when the item is unique. */
  homonyms: string[];
}

export class Resolutions {
  readonly byProvince = new Map<string, { id: string; clauses: Clause[] }>();
  /** item → the old units it may name (filled by `bind`). */
  private readonly denotes = new Map<ClauseItem, string[]>();
  private readonly relaxed = new Set<ClauseItem>();

  constructor(docs: { id: string; text: string }[], provinces: Province[]) {
    const provByFold = new Map(provinces.map((p) => [fold(p.name), p.code]));
    for (const d of docs) {
      const clean = d.text
        .replace(/\\(.)/gu, "$1")
        .replace(/\*+/gu, " ")
        // words glued by the PDF conversion: "Gia Sàngsau khi", "dân sốcủa", "Điều nàythành phường",
        // "Kẻ Sặtvà", "vàLong Xuyên", "vàxã", "củaxã", "phườngHiến Thành"
        .replace(/(\p{Ll})(sau khi|của |một phần|toàn bộ|phần còn lại|thành (?:xã|phường|đặc khu)|tại ?khoản|Điều)/gu, "$1 $2")
        .replace(/([\p{L})])và(?=\s|\p{Lu}|xã|phường|thị trấn|các)/gu, "$1 và")
        .replace(/(\p{Ll})(xã|phường|thị trấn|các)(?=\s|\p{Lu}|xã|phường)/gu, "$1 $2")
        .replace(/(^|\s)các(?=xã|phường|thị trấn)/gu, "$1các ")
        .replace(/(^|\s)và(?=\p{Lu}|xã|phường|thị trấn|các|một|toàn|phần)/gu, "$1và ")
        .replace(/(^|\s)của(?=xã|phường|thị trấn|các)/gu, "$1của ")
        .replace(/(xã|phường|trấn)(?=\p{Lu})/gu, "$1 ")
        .replace(/(\p{Ll})\(/gu, "$1 (");
      const title = /CẤP XÃ CỦA (.+?) NĂM 2025/u.exec(clean.replace(/\s+/gu, " "));
      if (!title?.[1]) throw new Error(`${d.id}: cannot find the province in the title`);
      const pf = fold(stripProvincePrefix(title[1].toLowerCase().replace(/^tỉnh |^thành phố /u, "")));
      const code = provByFold.get(pf);
      if (!code) throw new Error(`${d.id}: unknown province "${title[1]}"`);
      const art1 = clean.split(/\n\s*Điều 2\./u)[0] ?? clean;
      const paras = art1.split(/\n\s*\n/u).map((p) => p.replace(/\s+/gu, " ").trim());
      const clauses: Clause[] = [];
      for (const p of paras) {
        const m = /^(\d+)\.\s*(.*)$/u.exec(p);
        if (!m?.[1] || !m[2]) continue;
        const text = m[2];
        const unchanged = /không thực hiện sắp xếp là (.*)$/u.exec(text);
        const nm = unchanged ? null : NEW_UNIT.exec(text);
        const oldPart = unchanged ? (unchanged[1] ?? "") : nm ? text.slice(0, nm.index) : "";
        clauses.push({
          resolution: d.id,
          no: Number(m[1]),
          text,
          newFolded: nm?.[1] && nm[2] ? fold(`${nm[1]} ${nm[2]}`) : null,
          unchangedList: unchanged !== null,
          items: parseItems(oldPart),
        });
      }
      if (this.byProvince.has(code)) throw new Error(`two resolutions for province ${code}`);
      this.byProvince.set(code, { id: d.id, clauses });
    }
  }

  /**
   * Binds every item to the old units it may name: same folded name (or the same without spaces:
   * "Adơk" = "A Dơk"), same type, and the bracketed district if given; narrowed to the exact
   * spelling when one fits it (Vĩnh Thành ≠ Vĩnh Thạnh). When no unit of the written type fits, a
   * unit of another type is accepted only if it is the only unit of that name in the province
   * (a few units changed type between the legacy list and the resolution).
   */
  bind(oldUnits: OldUnit[]): void {
    const byProv = new Map<string, OldUnit[]>();
    for (const u of oldUnits) byProv.set(u.provinceCode, [...(byProv.get(u.provinceCode) ?? []), u]);
    for (const [prov, r] of this.byProvince) {
      const units = byProv.get(prov) ?? [];
      const byName = new Map<string, OldUnit[]>();
      for (const u of units) for (const k of new Set([fold(u.name), fold(u.name).replace(/ /gu, ""), iy(fold(u.name))])) byName.set(k, [...(byName.get(k) ?? []), u]);
      for (const c of r.clauses)
        for (const it of c.items) {
          const f = fold(it.name);
          const named = byName.get(f) ?? byName.get(f.replace(/ /gu, "")) ?? byName.get(iy(f)) ?? [];
          let inDistrict = it.district ? named.filter((u) => fold(u.districtName) === fold(it.district ?? "")) : named;
          // "Phường 14 và Phường 15 (Quận 8)": a bracket closing a run may hold for the items before it,
          // used only when it leaves exactly one unit
          if (!it.district && inDistrict.length > 1) {
            const next = c.items.slice(c.items.indexOf(it) + 1).find((x) => x.district);
            const narrowed = next ? inDistrict.filter((u) => u.type === it.type && fold(u.districtName) === fold(next.district ?? "")) : [];
            if (narrowed.length === 1) inDistrict = narrowed;
          }
          let fits = inDistrict.filter((u) => u.type === it.type);
          if (fits.length === 0 && inDistrict.length === 1) {
            fits = inDistrict;
            this.relaxed.add(it);
          }
          const exact = fits.filter((u) => toneKey(u.name) === toneKey(it.name));
          if (exact.length > 0) fits = exact;
          this.denotes.set(it, fits.map((u) => u.code));
        }
    }
  }

  resolutionOf(provinceCode: string): string | null {
    return this.byProvince.get(provinceCode)?.id ?? null;
  }

  /** Clauses creating the new unit `newFullName` in `provinceCode`. */
  clausesFor(provinceCode: string, newFullName: string): Clause[] {
    const f = fold(newFullName);
    return (this.byProvince.get(provinceCode)?.clauses ?? []).filter((c) => c.newFolded === f);
  }

  /**
   * The clause item supporting "old unit `oldCode` → new unit `newFullName`", or null.
   * `linkedElsewhere(code)` says whether a source links another old unit to this new unit: an item
   * naming a homonym supports `oldCode` only when no other homonym is so linked.
   */
  support(provinceCode: string, oldCode: string, oldName: string, newFullName: string, newName: string, linked: (code: string) => boolean): Support | null {
    const find = (clauses: Clause[], unchanged: boolean): Support | null => {
      for (const c of clauses)
        for (const it of c.items) {
          const d = this.denotes.get(it) ?? [];
          if (!d.includes(oldCode)) continue;
          const others = d.filter((x) => x !== oldCode);
          if (others.length > 0 && others.some(linked)) continue; // a homonym: refuse
          return { clause: c, item: it, unchanged, homonyms: others };
        }
      return null;
    };
    const s = find(this.clausesFor(provinceCode, newFullName), false);
    if (s) return s;
    if (fold(oldName) === fold(newName)) return find((this.byProvince.get(provinceCode)?.clauses ?? []).filter((c) => c.unchangedList), true);
    return null;
  }

  /** Items bound to no old unit, and items bound to several (for the quality report). */
  bindingStats(): { items: number; unbound: string[]; homonyms: number; relaxed: number } {
    let items = 0,
      homonyms = 0;
    const unbound: string[] = [];
    for (const [, r] of this.byProvince)
      for (const c of r.clauses)
        for (const it of c.items) {
          items++;
          const d = this.denotes.get(it) ?? [];
          if (d.length === 0) unbound.push(`${c.resolution} khoản ${c.no}: ${it.type.toLowerCase()} "${it.name}"${it.district ? ` (${it.district})` : ""}`);
          if (d.length > 1) homonyms++;
        }
    return { items, unbound, homonyms, relaxed: this.relaxed.size };
  }

  cite(c: Clause): string {
    return `${c.resolution}, Điều 1 khoản ${c.no}: "${c.text}"`;
  }
}
