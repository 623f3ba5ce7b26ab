// Stage 2 of address conversion: reading an address as people write it (one line, or parts) into
// its commune, district, province and street, with the index telling names from the rest.
import { communeEntriesOf, communeKey, districtKey, districtsNamed, lookup, provinceCodesOf, type AddressIndex } from "./index.js";
import { foldWords, mayName, nameKey } from "../vietnamese-names.js";
import { readPostalCode } from "../postal-codes.js";

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
  /** A postal code (mã bưu chính) found in `line` and taken out of it before the names were read. */
  postalCode: string | null;
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
    postalCode: null,
  };
  const found = takePostalCode(clean(input.line));
  parsed.postalCode = found.postalCode;
  const line = found.line;
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
  let provinceCodes: readonly string[] = [];
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
        if (communeEntriesOf(parts[position]!, index).length > 0) {
          at = position;
          break;
        }
      }
      // "Số 12 Lê Lợi Phường Bến Nghé": the commune is the longest run of final words that names one.
      let commune = parts[at]!;
      let before: string | null = null;
      if (communeEntriesOf(commune, index).length === 0) {
        const words = commune.split(" ");
        for (let k = Math.min(words.length - 1, MAX_NAME_WORDS); k >= 1; k--) {
          if (!mayName(foldWords(words.slice(-k)), "commune", (key) => index.communesByKey.has(key))) continue;
          const tail = words.slice(-k).join(" ");
          // "Khu 3", "Tổ 5": a bare number is a house or block number, not Phường 3
          if (/^\d+$/.test(tail)) continue;
          if (communeEntriesOf(tail, index).length > 0) {
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

const FIVE_DIGITS = /(?<=^|[\s,;])\d{5}(?=$|[\s,;])/gu;

/**
 * The postal code of a line ("12 Lê Lợi, 11120", "Phường Ba Đình, Hà Nội 11120"): a run of five digits that is a
 * unit's code under Decision 2334/QĐ-BKHCN, or, at the very end of the line, one that starts with a province's
 * prefix. Any other five digits (a house number) stay where they are. The last such run is taken out of the line.
 */
export function takePostalCode(line: string | null): { postalCode: string | null; line: string | null } {
  if (!line) return { postalCode: null, line };
  const runs = [...line.matchAll(FIVE_DIGITS)];
  for (let position = runs.length - 1; position >= 0; position--) {
    const run = runs[position]!;
    const at = run.index!;
    // A code read by its province prefix alone counts only at the very end of the line.
    const reading = readPostalCode(run[0]);
    if (!reading || (reading.communeCode === null && at + 5 !== line.length)) continue;
    const rest = `${line.slice(0, at)} ${line.slice(at + 5)}`
      .replace(/\s*([,;])(\s*[,;])+/gu, "$1")
      .replace(/^[\s,;]+|[\s,;]+$/gu, "")
      .replace(/\s+/gu, " ");
    return { postalCode: run[0], line: rest || null };
  }
  return { postalCode: null, line };
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
  let provinceCodes: readonly string[] = [];
  if (lookForProvince) {
    for (let k = Math.min(end - 1, MAX_NAME_WORDS); k >= 1; k--) {
      if (!mayName(foldWords(words.slice(end - k)), "province", (key) => index.provinceNames.has(key))) continue;
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
    if (!mayName(foldWords(words.slice(end - k, end)), "district", (key) => index.districtsByKey.has(key))) continue;
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
