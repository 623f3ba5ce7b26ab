// The page-size rule of every connection: one default, one maximum, one error. The cost walk
// (limits/cost.ts) applies it to every `first`/`last` of an operation before it runs, so resolvers
// only ever see page sizes within it; Pothos' connection helpers are given the same numbers.
import type { GraphQLError } from "graphql";
import { badUserInput } from "../errors.js";

/** Page size when a connection is asked for without `first`. */
export const DEFAULT_PAGE_SIZE = 20;
/** Largest page a connection serves; a larger `first` is a BAD_USER_INPUT error, never a silent cut. */
export const MAX_PAGE_SIZE = 200;

/** The BAD_USER_INPUT error for `first`/`last` below 0 or over MAX_PAGE_SIZE on the connection `where` ("Query.communes"), or null. */
export function pageSizeError(name: "first" | "last", value: number, where: string): GraphQLError | null {
  if (value < 0) return badUserInput("pageSizeNegative", { name, value, where }, name);
  if (value > MAX_PAGE_SIZE) return badUserInput("pageSizeTooLarge", { name, value, max: MAX_PAGE_SIZE, where }, name);
  return null;
}
