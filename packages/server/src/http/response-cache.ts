// Response cache for reads: the data changes only through writes, each of which drops the cache
// (mutations here, and every committed write anywhere through http/data-changes.ts), so an answer
// can be reused until the day changes (every default `asOf` is today in Vietnam).
//
// envelop's plugin rather than yoga's wrapper: yoga's looks answers up in onParams, before
// authentication, cost limits and rate limits run; envelop's looks them up at execution, after
// them, so a cached answer is refused, costed and charged exactly like a computed one.
import { useResponseCache } from "@envelop/response-cache";
import { createHash } from "node:crypto";
import { getOperationAST, Kind, type ExecutionResult } from "graphql";
import { LRUCache } from "lru-cache";
import type { Plugin } from "graphql-yoga";
import type { Context } from "../context.js";

/** Most answers kept (least recently used are dropped first). */
export const RESPONSE_CACHE_ENTRIES = 4096;
/** Most serialised answer data kept in all, in characters: memory is bounded by size, not only by count. */
export const RESPONSE_CACHE_MAX_CHARS = 8 * 1024 * 1024;
/** Answers larger than this (serialised data, in characters) are not kept. */
export const RESPONSE_CACHE_MAX_ENTRY_CHARS = 128 * 1024;
/** Upper bound on an entry's age; writes drop the whole cache before then. */
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
export function responseCachePlugin(): Plugin<Context> & { invalidateAll(): void } {
  // envelop's in-memory cache bounds entries by count only and keeps an entity → answers index we
  // never use (every write drops the whole cache): an LRU bounded by size instead.
  const newCache = () =>
    new LRUCache<string, ExecutionResult>({
      max: RESPONSE_CACHE_ENTRIES,
      maxSize: RESPONSE_CACHE_MAX_CHARS,
      ttl: RESPONSE_CACHE_TTL_MS,
      sizeCalculation: (_value, key) => sizes.get(key) ?? 1,
      dispose: (_value, key) => sizes.delete(key),
    });
  const sizes = new Map<string, number>();
  let cache = newCache();
  let generation = 0;
  const invalidateAll = () => {
    generation += 1;
    cache.clear();
    cache = newCache();
  };
  const responseCache = useResponseCache<Context>({
    // Every caller sees the same public registry: there is no per-user data to keep apart.
    session: () => null,
    cache: {
      get: (id) => cache.get(id),
      set: (id, data) => {
        const size = JSON.stringify(data.data ?? null).length;
        if (size > RESPONSE_CACHE_MAX_ENTRY_CHARS) return;
        sizes.set(id, size);
        cache.set(id, data);
      },
      // Never asked for: mutations drop the whole cache (onExecute below), not entities.
      invalidate: () => undefined,
    },
    ttl: RESPONSE_CACHE_TTL_MS,
    // "Today" is part of the key: an answer for a default asOf is only valid on the day it was computed.
    buildResponseCacheKey: ({ documentString, variableValues, operationName, context }) =>
      createHash("sha256")
        .update(JSON.stringify([generation, (context as Context).today, operationName ?? null, documentString, variableValues ?? {}]))
        .digest("hex"),
    // Errors are never kept; large answers are not kept either (see cache.set).
    shouldCacheResult: ({ result }) => !result.errors?.length,
    includeExtensionMetadata: false,
  }) as Plugin<Context>;
  return {
    ...responseCache,
    invalidateAll,
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
