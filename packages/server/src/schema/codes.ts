// Validation of official unit codes at the edge.
import { badUserInput } from "../errors.js";

export const PROVINCE_CODE_DESCRIPTION =
  'Official 2-digit province code from the statistics office list (e.g. "15" for Lào Cai).';
export const COMMUNE_CODE_DESCRIPTION =
  'Official 5-digit commune-level unit code (e.g. "00004" for Phường Ba Đình, Hà Nội).';

export function assertProvinceCode(code: string, argument = "code"): string {
  if (!/^\d{2}$/.test(code)) {
    throw badUserInput("notAProvinceCode", { argument, code }, argument);
  }
  return code;
}

export function assertCommuneCode(code: string, argument = "code"): string {
  if (!/^\d{5}$/.test(code)) {
    throw badUserInput("notACommuneCode", { argument, code }, argument);
  }
  return code;
}
