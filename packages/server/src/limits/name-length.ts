// One bound for every name a query matches: a search text, an old province, district or commune
// name, a part of an old address. Names are matched in memory or by LIKE, so the bound keeps the
// work of one argument small; the MCP tools take the same (packages/mcp/test/limits.test.ts).
import { badUserInput } from "../errors.js";

/** Longest name an argument may hold, in UTF-16 code units. */
export const MAX_NAME_LENGTH = 100;

/** The name, or BAD_USER_INPUT (textTooLong) on `argument` when it is longer than MAX_NAME_LENGTH. */
export function assertNameLength(value: string, argument: string): string {
  if (value.length > MAX_NAME_LENGTH) {
    throw badUserInput("textTooLong", { argument, length: value.length, max: MAX_NAME_LENGTH }, argument);
  }
  return value;
}
