// The 34 resolutions 1654–1687/NQ-UBTVQH15 (text from dvhcvn/input/docs): one per new province,
// Art. 1 lists, clause by clause, which old units (whole or part) form each new unit.
import type { Province } from "./current.ts";
import { canonicalTone, fold, stripProvincePrefix } from "./lib.ts";

/** Lower case, canonical tone marks, diacritics kept, punctuation → space. */
export function norm(s: string): string {
  return canonicalTone(s).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}
const OLD_PART = / thành (xã|phường|đặc khu) (mới )?(có |với )?tên (gọi )?là .*$/u;
const OLD_PART_F = / thanh (xa|phuong|dac khu) (moi )?(co |voi )?ten (goi )?la .*$/u;
const QUAL = /^(huyện|thành phố|thị xã|quận|huyen|thanh pho|thi xa|quan) /u;

export interface Clause {
  resolution: string; // "1664/NQ-UBTVQH15"
  no: number; // clause number in Art. 1
  text: string; // clean text
  folded: string; // " " + fold(text) + " "
  marked: string; // " " + norm(text) + " " (diacritics kept, canonical tone marks, lower case)
  newFolded: string | null; // fold("xã Ia Ly") of the unit created, if any
  unchangedList: boolean; // the closing clause listing units not rearranged
}

export class Resolutions {
  readonly byProvince = new Map<string, { id: string; clauses: Clause[] }>();

  constructor(docs: { id: string; text: string }[], provinces: Province[]) {
    const provByFold = new Map(provinces.map((p) => [fold(p.name), p.code]));
    for (const d of docs) {
      const clean = d.text
        .replace(/\\(.)/gu, "$1")
        .replace(/\*+/gu, " ")
        // words glued by the PDF conversion: "Gia Sàngsau khi", "dân sốcủa", "Điều nàythành phường"
        .replace(/(\p{Ll})(sau khi|của |một phần|toàn bộ|phần còn lại|thành (?:xã|phường|đặc khu)|tại ?khoản|Điều)/gu, "$1 $2")
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
        const nm =
          /(?:có tên gọi là|có tên là|với tên gọi là) (xã|phường|đặc khu) ([^,;()]+?)\.?$/iu.exec(text) ??
          /thành (xã|phường|đặc khu) ([^,;()]+?)\.?$/iu.exec(text);
        clauses.push({
          resolution: d.id,
          no: Number(m[1]),
          text,
          folded: ` ${fold(text)} `,
          marked: ` ${norm(text)} `,
          newFolded: nm?.[1] && nm[2] ? fold(`${nm[1]} ${nm[2]}`) : null,
          unchangedList: /không thực hiện sắp xếp/u.test(text),
        });
      }
      if (this.byProvince.has(code)) throw new Error(`two resolutions for province ${code}`);
      this.byProvince.set(code, { id: d.id, clauses });
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
   * The clause supporting "old unit `oldName` (without prefix) → new unit `newFullName`", or null.
   * `part` is "toàn bộ" / "một phần" as worded, when found.
   */
  support(provinceCode: string, oldName: string, newFullName: string, newName: string, districtName: string): { clause: Clause; unchanged: boolean } | null {
    const clauses = this.clausesFor(provinceCode, newFullName);
    const all = this.byProvince.get(provinceCode)?.clauses ?? [];
    // Match with diacritics when the resolution spells the old name so anywhere in the province (Vĩnh Thành ≠ Vĩnh Thạnh),
    // else diacritic-free. A qualifier right after the name ("Quang Trung (thành phố Nam Định)") must name the old district.
    const om = ` ${norm(oldName)} `;
    const useMarked = all.some((c) => c.marked.includes(om));
    const o = useMarked ? om : ` ${fold(oldName)} `;
    const d = useMarked ? norm(districtName) : fold(districtName);
    const hit = (text: string): boolean => {
      let i = text.indexOf(o);
      while (i >= 0) {
        const rest = text.slice(i + o.length);
        const q = QUAL.exec(rest);
        if (!q || rest.slice(q[0].length).startsWith(d + " ") || fold(rest.slice(q[0].length)).startsWith(fold(districtName) + " ")) return true;
        i = text.indexOf(o, i + 1);
      }
      return false;
    };
    for (const c of clauses) {
      const oldPart = useMarked ? c.marked.replace(OLD_PART, " ") : c.folded.replace(OLD_PART_F, " ");
      if (hit(oldPart)) return { clause: c, unchanged: false };
    }
    if (fold(oldName) === fold(newName))
      for (const c of all) if (c.unchangedList && hit(useMarked ? c.marked : c.folded)) return { clause: c, unchanged: true };
    return null;
  }

  cite(c: Clause): string {
    return `${c.resolution}, Điều 1 khoản ${c.no}: "${c.text}"`;
  }
}
