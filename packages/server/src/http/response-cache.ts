// Response cache for reads: the registry only changes when the server is seeded, so an answer can
// be reused until the day changes (every default `asOf` is today in Vietnam).
//
// envelop's plugin rather than yoga's wrapper: yoga's looks answers up in onParams, before
// authentication, cost limits and rate limits run; envelop's looks them up at execution, after
// them, so a cached answer is refused, costed and charged exactly like a computed one.
import { createInMemoryCache, useResponseCache } from "@envelop/response-cache";
import { createHash } from "node:crypto";
import type { Plugin } from "graphql-yoga";
import type { Context } from "../context.js";

/** How many answers are kept (least recently used are dropped first). */
export const RESPONSE_CACHE_ENTRIES = 2048;
/** Answers larger than this (serialised data, in characters) are not kept, so memory stays bounded. */
export const RESPONSE_CACHE_MAX_ENTRY_CHARS = 128 * 1024;
/** Upper bound on an entry's age; the data itself only changes on a re-seed, which restarts the server. */
export const RESPONSE_CACHE_TTL_MS = 60 * 60 * 1000;

export function responseCachePlugin(): Plugin<Context> {
  return useResponseCache<Context>({
    // Every caller sees the same public registry: there is no per-user data to keep apart.
    session: () => null,
    cache: createInMemoryCache({ max: RESPONSE_CACHE_ENTRIES }),
    ttl: RESPONSE_CACHE_TTL_MS,
    // "Today" is part of the key: an answer for a default asOf is only valid on the day it was computed.
    buildResponseCacheKey: ({ documentString, variableValues, operationName, context }) =>
      createHash("sha256")
        .update(JSON.stringify([(context as Context).today, operationName ?? null, documentString, variableValues ?? {}]))
        .digest("hex"),
    // Errors are never kept; large answers are not kept either (a bounded cache, not a bounded count).
    shouldCacheResult: ({ result }) =>
      !result.errors?.length && JSON.stringify(result.data ?? null).length <= RESPONSE_CACHE_MAX_ENTRY_CHARS,
    includeExtensionMetadata: false,
  }) as Plugin<Context>;
}
