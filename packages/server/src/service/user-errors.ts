// The problems a steward's write can have, reported in the payload (Shopify-style userErrors), not thrown.

export const USER_ERROR_CODES = {
  INVALID: "A value is missing or malformed (wrong type, empty text, not a date, not a URL).",
  NOT_FOUND: "The indicator, source, subject or figure named does not exist.",
  UNIT_MISMATCH: "The unit given is not the indicator's unit.",
  OUT_OF_RANGE: "The value is outside the range its unit allows (percent 0–100, counts whole numbers from 0 to 2^53 − 1, VND from 0 to 10^17).",
  AFTER_PUBLICATION: "The date is after the source's publication date (or after today).",
  SUBJECT_NOT_IN_FORCE: "The subject exists, but not on the figure's date (e.g. a current province before 2025-07-01, an old province after).",
  QUOTE_NOT_IN_SOURCE: "The quote does not occur verbatim in the source's vendored text.",
  CITES_TRANSLATION: "The source is a translation; figures cite the original document.",
  DUPLICATE: "The same record exists with different content, or twice in the input; correct the existing one instead.",
  ALREADY_SUPERSEDED: "The figure has been corrected already; correct or retract its current version.",
  ALREADY_RETRACTED: "The figure has been retracted.",
  NO_CHANGE: "The correction changes nothing.",
} as const;

export type UserErrorCode = keyof typeof USER_ERROR_CODES;

export interface UserError {
  /** Path to the offending input field, e.g. ["figures", "2", "value"]. */
  field: string[];
  code: UserErrorCode;
  message: string;
}

export const userError = (field: Array<string | number>, code: UserErrorCode, message: string): UserError => ({
  field: field.map(String),
  code,
  message,
});

/** zod issues as userErrors under a path prefix. */
export function zodUserErrors(prefix: Array<string | number>, issues: Array<{ path: Array<string | number>; message: string }>): UserError[] {
  return issues.map((issue) => userError([...prefix, ...issue.path], "INVALID", issue.message));
}
