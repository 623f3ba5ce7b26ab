// Response cache for reads: the registry only changes when the server is seeded, so an answer can
// be reused until the day changes (every default `asOf` is today in Vietnam).
//
// envelop's plugin rather than yoga's wrapper: yoga's looks answers up in onParams, before
// authentication, cost limits and rate limits run; envelop's looks them up at execution, after
// them, so a cached answer is refused, costed and charged exactly like a computed one.
import { createInMemoryCache, useResponseCache } from "@envelop/response-cache";
import { createHash } from "node:crypto";
import { getOperationAST, Kind } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Context } from "../context.js";

/** How many answers are kept (least recently used are dropped first). */
export const RESPONSE_CACHE_ENTRIES = 2048;
/** Answers larger than this (serialised data, in characters) are not kept, so memory stays bounded. */
export const RESPONSE_CACHE_MAX_ENTRY_CHARS = 128 * 1024;
/** Upper bound on an entry's age; the data itself only changes on a re-seed, which restarts the server. */
export const RESPONSE_CACHE_TTL_MS = 60 * 60 * 1000;
/**
 * Operations selecting one of these root fields are neither looked up nor kept: the same list of up to 1,000
 * points hardly ever comes twice, and caching would cost more than answering (hashing the points, an added
 * __typename and id on every item, stripped again, and up to ~50 kB kept per entry).
 */
const UNCACHED_ROOT_FIELDS = new Set(["communesAt"]);

/**
 * Steward writes change the data while the server runs. Every executed mutation starts a new
 * generation of the cache: the generation is part of each answer's key, so an answer computed
 * before the write (even one still being computed while the write commits) is never served after
 * it; the old entries are dropped at once to free their memory.
 */
export function responseCachePlugin(): Plugin<Context> {
  let cache = createInMemoryCache({ max: RESPONSE_CACHE_ENTRIES });
  let generation = 0;
  const invalidateAll = () => {
    generation += 1;
    cache = createInMemoryCache({ max: RESPONSE_CACHE_ENTRIES });
  };
  const responseCache = useResponseCache<Context>({
    // Every caller sees the same public registry: there is no per-user data to keep apart.
    session: () => null,
    cache: {
      get: (id) => cache.get(id),
      set: (id, data, entities, ttl) => cache.set(id, data, entities, ttl),
      invalidate: (entities) => cache.invalidate(entities),
    },
    ttl: RESPONSE_CACHE_TTL_MS,
    // "Today" is part of the key: an answer for a default asOf is only valid on the day it was computed.
    buildResponseCacheKey: ({ documentString, variableValues, operationName, context }) =>
      createHash("sha256")
        .update(JSON.stringify([generation, (context as Context).today, operationName ?? null, documentString, variableValues ?? {}]))
        .digest("hex"),
    // Errors are never kept; large answers are not kept either (a bounded cache, not a bounded count).
    shouldCacheResult: ({ result }) =>
      !result.errors?.length && JSON.stringify(result.data ?? null).length <= RESPONSE_CACHE_MAX_ENTRY_CHARS,
    includeExtensionMetadata: false,
  }) as Plugin<Context>;
  return {
    ...responseCache,
    onExecute(payload) {
      const operation = getOperationAST(payload.args.document, payload.args.operationName);
      if (operation?.operation === "mutation") {
        // After the write, whatever it did (a rejected write costs one generation, nothing more).
        return { onExecuteDone: () => invalidateAll() };
      }
      if (operation?.selectionSet.selections.some((s) => s.kind === Kind.FIELD && UNCACHED_ROOT_FIELDS.has(s.name.value))) return;
      return (responseCache.onExecute as NonNullable<Plugin<Context>["onExecute"]>)(payload);
    },
  };
}
