// Vietnamese text folding for diacritic-insensitive, prefix-insensitive search and matching.

/** Lower-cases, strips diacritics (đ → d), collapses punctuation and white space. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

// Folded prefixes that name a unit's kind rather than the unit, longest first so that
// "thanh pho" wins over a bare "tp" and "thi tran" over "thi". Abbreviations are the ones
// people type in addresses ("TP. Hà Nội", "P. Bến Nghé", "X. Ia Mơ").
const PROVINCE_PREFIXES = ["thanh pho truc thuoc trung uong", "thanh pho", "tinh", "tp"];
const COMMUNE_PREFIXES = ["dac khu", "phuong", "xa", "p", "x", "dk"];

function stripPrefix(folded: string, prefixes: readonly string[]): string {
  for (const prefix of prefixes) {
    if (folded.startsWith(`${prefix} `) && folded.length > prefix.length + 1) {
      return folded.slice(prefix.length + 1);
    }
  }
  return folded;
}

/** The folded name of a province without its "Tỉnh"/"Thành phố" prefix. */
export function foldProvinceName(text: string): string {
  return stripPrefix(fold(text), PROVINCE_PREFIXES);
}

/** The folded name of a commune-level unit without its "Xã"/"Phường"/"Đặc khu" prefix. */
export function foldCommuneName(text: string): string {
  return stripPrefix(fold(text), COMMUNE_PREFIXES);
}
