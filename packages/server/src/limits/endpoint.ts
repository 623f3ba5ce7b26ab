// The endpoint's limits as one object, made from the configuration once per server: the plugins
// that enforce them (http/server.ts) and Query.limits (schema/limits.ts) read the same numbers.
import type { Config } from "../config.js";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./page-size.js";

/**
 * Longest string any argument, input field or variable may hold, in UTF-16 code units (characters
 * outside the Basic Multilingual Plane count twice); checked before execution (limits/input-strings.ts)
 * and stated on every String and ID argument's description. The longest legitimate value is a
 * figure's quote, at most a few hundred characters in the committed data.
 */
export const MAX_STRING_LENGTH = 2_000;

/** Appended to the description of every String/ID argument and input field. */
export const STRING_BOUND_NOTE = `At most ${MAX_STRING_LENGTH.toLocaleString("en-US")} characters, without NUL (U+0000) or unpaired surrogates (BAD_USER_INPUT).`;

export interface PublicLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  maxCost: number;
  maxPageSize: number;
  defaultPageSize: number;
  maxStringLength: number;
  batchLimit: number;
  maxBodyBytes: number;
  requestTimeoutMs: number;
  maxResponseBytes: number;
  rateLimitWindowSeconds: number;
  anonymousBudget: number;
  keyBudget: number;
}

/** The settings the limits are made from (see config.ts for their defaults). */
export type LimitsConfig = Pick<
  Config,
  | "MAX_DEPTH"
  | "MAX_ALIASES"
  | "MAX_TOKENS"
  | "MAX_DIRECTIVES"
  | "MAX_COST"
  | "BATCH_LIMIT"
  | "MAX_BODY_BYTES"
  | "REQUEST_TIMEOUT_MS"
  | "MAX_RESPONSE_BYTES"
  | "RATE_LIMIT_WINDOW_SECONDS"
  | "RATE_LIMIT_ANONYMOUS"
  | "RATE_LIMIT_KEY"
>;

export function endpointLimits(config: LimitsConfig): PublicLimits {
  return {
    maxDepth: config.MAX_DEPTH,
    maxAliases: config.MAX_ALIASES,
    maxTokens: config.MAX_TOKENS,
    maxDirectives: config.MAX_DIRECTIVES,
    maxCost: config.MAX_COST,
    maxPageSize: MAX_PAGE_SIZE,
    defaultPageSize: DEFAULT_PAGE_SIZE,
    maxStringLength: MAX_STRING_LENGTH,
    batchLimit: config.BATCH_LIMIT,
    maxBodyBytes: config.MAX_BODY_BYTES,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
    maxResponseBytes: config.MAX_RESPONSE_BYTES,
    rateLimitWindowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
    anonymousBudget: config.RATE_LIMIT_ANONYMOUS,
    keyBudget: config.RATE_LIMIT_KEY,
  };
}
