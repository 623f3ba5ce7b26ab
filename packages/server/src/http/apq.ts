// Automatic persisted queries (Apollo's protocol): a client sends only the SHA-256 of its query;
// on PERSISTED_QUERY_NOT_FOUND it sends the text once with the hash, which registers it, and the
// hash alone works from then on, on every instance when the store is in Redis.
//
// Beside the trusted documents of persisted.ts, not instead of them: a hash that names a trusted
// document is left to that plugin (and is never stored here); APQ is only for callers that may send
// query text anyway, so persisted-only keys and PERSISTED_ONLY get nothing new from it.
import { createInMemoryAPQStore, useAPQ, type APQStore } from "@graphql-yoga/plugin-apq";
import type { GraphQLParams, Plugin } from "graphql-yoga";
import type { Redis } from "ioredis";
import { codedError, ErrorCode } from "../errors.js";
import type { Logger } from "../logger.js";

export interface ApqStoreOptions {
  /** Most entries kept in this process (an LRU; in front of Redis when there is one). */
  maxEntries: number;
  /** How long an entry lives after its registration. */
  ttlSeconds: number;
  /** Shares registrations between instances; entries expire there after ttlSeconds. */
  redis?: Redis | undefined;
  /** Namespace of the entries in Redis. */
  keyPrefix?: string;
  logger?: Logger | undefined;
}

/**
 * A bounded store: an LRU of at most maxEntries in this process, and with Redis an entry per hash
 * that expires after ttlSeconds (each at most APQ_MAX_QUERY_BYTES, so Redis holds at most what
 * callers registered within one TTL). Redis being down costs clients a second round trip, never an error.
 */
export function createApqStore({ maxEntries, ttlSeconds, redis, keyPrefix = "vngov:apq:", logger }: ApqStoreOptions): APQStore {
  const local = createInMemoryAPQStore({ max: maxEntries, ttl: ttlSeconds * 1000 });
  if (!redis) return local;
  return {
    async get(hash) {
      const known = await local.get(hash);
      if (known) return known;
      const shared = await redis.get(keyPrefix + hash).catch((error: unknown) => {
        logger?.warn({ err: error }, "redis unreachable; automatic persisted query looked up in this process only");
        return null;
      });
      if (shared) await local.set(hash, shared);
      return shared;
    },
    async set(hash, query) {
      await local.set(hash, query);
      await redis.set(keyPrefix + hash, query, "EX", ttlSeconds).catch((error: unknown) => {
        logger?.warn({ err: error }, "redis unreachable; automatic persisted query kept in this process only");
      });
    },
  };
}

function apqHash(params: GraphQLParams): string | null {
  const persisted = (params.extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | undefined)?.persistedQuery;
  return persisted?.version === 1 && typeof persisted.sha256Hash === "string" ? persisted.sha256Hash : null;
}

export interface ApqOptions {
  store: APQStore;
  /** True when the hash names one of the trusted documents (persisted.ts answers those). */
  isTrusted(hash: string): boolean;
  /** Whether this caller may send query text (not persisted-only). */
  mayRegister(request: Request): boolean;
  maxQueryBytes: number;
}

/** Goes right before the trusted-documents plugin, which refuses what this one leaves alone. */
export function apqPlugin({ store, isTrusted, mayRegister, maxQueryBytes }: ApqOptions): Plugin {
  const apq = useAPQ({ store }) as Plugin;
  return {
    onParams(payload) {
      const hash = apqHash(payload.params);
      if (hash === null || !mayRegister(payload.request)) return;
      const query = payload.params.query;
      if (typeof query === "string" && query !== "") {
        if (Buffer.byteLength(query) > maxQueryBytes) {
          throw codedError(ErrorCode.PERSISTED_QUERY_MISMATCH, "apqQueryTooLong", { max: maxQueryBytes }, { status: 400 });
        }
      } else if (isTrusted(hash)) {
        return; // a trusted document: the trusted-documents plugin fills it in
      }
      // Registration (text and hash: checked, then kept) or look-up (hash alone: filled in, or
      // PERSISTED_QUERY_NOT_FOUND with 404, which Apollo's link answers by sending the text).
      return apq.onParams?.(payload as never);
    },
  };
}
