// The problems a steward's write can have, reported in the payload (Shopify-style userErrors), not thrown.
import { renderMessage, type Language, type MessageKey, type MessageParams } from "../messages.js";

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

/** The catalogue entry a userError's message was made from, to render it in the caller's language. */
const catalogued = new WeakMap<UserError, { key: MessageKey; params: unknown }>();

/** A userError with a catalogued message (English in `message`; see userErrorMessage for others). */
export function userError<K extends MessageKey>(field: Array<string | number>, code: UserErrorCode, key: K, params: MessageParams<K>): UserError {
  const error = { field: field.map(String), code, message: renderMessage(key, params) };
  catalogued.set(error, { key, params });
  return error;
}

/** A userError's message in `language`; zod's own messages (types, required fields) are English only. */
export function userErrorMessage(error: UserError, language: Language): string {
  const found = catalogued.get(error);
  return found ? renderMessage(found.key, found.params as MessageParams<typeof found.key>, language) : error.message;
}

/** zod issues as userErrors under a path prefix (their messages are zod's, in English). */
export function zodUserErrors(prefix: Array<string | number>, issues: Array<{ path: Array<string | number>; message: string }>): UserError[] {
  return issues.map((issue) => ({ field: [...prefix, ...issue.path].map(String), code: "INVALID" as const, message: issue.message }));
}
