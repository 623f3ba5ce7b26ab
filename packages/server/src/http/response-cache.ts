// Response cache for reads: the data changes only through writes, each of which drops the cache
// (mutations here, and every committed write anywhere through http/data-changes.ts), so an answer
// can be reused until the day changes (every default `asOf` is today in Vietnam).
//
// Written here rather than taken from @envelop/response-cache or @graphql-yoga/plugin-response-cache:
// envelop's looks answers up at execution, so a hit still pays for request parsing, the parse and
// validation caches, every envelop hook and the serialisation of the whole answer, and it adds
// `__typename` and `id` to every selection to index entities we never invalidate one by one; yoga's
// looks them up in onParams, before the scope check, cost and rate limit. A point lookup served from
// either cost about twice what the raw `pg` server of the benchmark costs (bench/RESULTS.md).
//
// Here a request is matched on what decides its answer, as sent: method, Content-Type, Accept, the
// body (or the query string of a GET), the day and the scopes the caller holds (auth/caller.ts's
// grantedScopes, the rule scope-auth checks fields against: callers holding the same scopes are
// allowed the same fields), right after authentication (onRequest). A hit is then checked, costed and
// charged exactly as its first answer was: persisted-only callers, the stored cost spent from the
// caller's budget (a spent budget falls through to the full pipeline, which reports it), and the cost
// extension written afresh. The stored UTF-8 bytes of `data` (encoded once, when kept) are
// written as they are, with the Content-Type the first answer was negotiated to; CORS, x-request-id,
// RateLimit headers and the request log come from the onResponse hooks, as for any answer.
//
// Most hits never reach this plugin: http/node-hits.ts answers them in front of yoga, through
// `reusable` and the same key, checks, charge and headers, at about half the CPU (a hit through
// yoga spent most of its time in yoga's and whatwg-node's per-request machinery). This lookup
// answers the hits that path leaves to yoga (CORS, compression, keys not yet known, tracing) and
// every hit of yoga.fetch.
//
// An answer is kept on the second sighting of its request, not the first (the "doorkeeper" of
// TinyLFU: keys seen once are remembered in a small LRU). A partner's computed traffic is mostly
// requests asked once (their variables differ); keeping each of those cost about a tenth of a
// computed province tree's CPU, in serialising and then holding answers nobody asks for again
// (`npm run bench:pipeline`, "keeping on first sighting"). A repeated request is a hit from its third time.
import crypto from "node:crypto";
import { getOperationAST, Kind, type ExecutionResult } from "graphql";
import { LRUCache } from "lru-cache";
import type { Plugin } from "graphql-yoga";
import { grantedScopes, grantedScopesKey, mayRunAnyOperation, OPERATION_SCOPE } from "../auth/caller.js";
import type { Context } from "../context.js";
import { costExtension } from "../limits/budget.js";
import type { Budget } from "../limits/budget-store.js";
import type { Principal } from "../auth/keys.js";
import { ownUtf8Bytes } from "./byte-bodies.js";
import { requestState, setRequestState, type Allowance, type RequestState } from "./request-state.js";

/** Most answers kept (least recently used are dropped first). */
export const RESPONSE_CACHE_ENTRIES = 4096;
/** Most memory kept in all, in characters of request keys and serialised answers: bounded by size, not only by count. */
export const RESPONSE_CACHE_MAX_CHARS = 8 * 1024 * 1024;
/** Answers larger than this (serialised data, in characters) are not kept. */
export const RESPONSE_CACHE_MAX_ENTRY_CHARS = 128 * 1024;
/** Request bodies larger than this (bytes, from Content-Length) are neither looked up nor kept. */
export const RESPONSE_CACHE_MAX_BODY_BYTES = 16 * 1024;
/** Keys remembered as asked once, so that the second request for the same answer keeps it. */
export const RESPONSE_CACHE_SEEN_KEYS = 16_384;
const SEEN_KEYS = RESPONSE_CACHE_SEEN_KEYS;
/** Most characters of remembered keys (digests of 43 characters: the count bounds them first). */
const SEEN_KEYS_MAX_CHARS = 4 * 1024 * 1024;
/** Upper bound on an entry's age; writes drop the whole cache before then. */
export const RESPONSE_CACHE_TTL_MS = 60 * 60 * 1000;
/**
 * Operations selecting one of these root fields are neither looked up nor kept: the same list of up to 1,000
 * points hardly ever comes twice, and keeping them would cost more than answering (up to ~50 kB per entry).
 */
const UNCACHED_ROOT_FIELDS = new Set(["communesAt"]);
/** The media types a kept answer may have been negotiated to (not event streams or multipart). */
const KEPT_CONTENT_TYPE = /^application\/(?:graphql-response\+)?json\b/;

export interface Answer {
  /**
   * `{"data":…` : the serialised result without its cost extension and closing brace, in UTF-8:
   * encoded once when kept, not on every hit, and written as it is.
   */
  headBytes: Buffer;
  /** The Content-Type the first answer was negotiated to. */
  contentType: string;
  /** The operation's cost, charged again on every hit. */
  cost: number;
  operationName: string;
  /** The request named a persisted operation rather than sending query text (persisted-only callers may reuse it). */
  persisted: boolean;
}

/** A request that missed: what to keep once its answer is known. */
interface Pending {
  key: string;
  generation: number;
  answer?: Omit<Answer, "contentType" | "persisted" | "headBytes"> & { head: string };
}

const pendings = new WeakMap<RequestState, Pending>();

export interface ResponseCacheOptions {
  budget: Budget;
  maxCost: number;
  /** The endpoint accepts only persisted operations from every caller. */
  persistedOnly: boolean;
  graphqlEndpoint: string;
  /** Keep every answer the first time it is computed (the benchmark's comparison; default false: on its second sighting). */
  keepOnFirstSighting?: boolean;
}

/**
 * What decides an answer, as sent (see the header comment), as the key it is kept under: the SHA-256 of
 * those parts, 43 characters. Held as text, the doorkeeper's 16,384 remembered keys took about 10 MB of
 * the heap under computed traffic (each key a request body plus the rope of strings that joined it:
 * heap snapshot after 30,000 unique point lookups), and the heap's headroom grows with what it holds.
 */
export function answerKey(method: string, contentType: string | null | undefined, accept: string | null | undefined, day: string, principal: Principal, payload: string): string {
  return sha256(`${method}\n${contentType ?? ""}\n${accept ?? ""}\n${day}\n${grantedScopesKey(principal)}\n${payload}`);
}

/** crypto.hash (Node 20.12+) is one call and about half the time of a Hash object; older Node 20s make one. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: "base64url") => string }).hash;
const sha256 = (text: string): string => (oneShot ? oneShot("sha256", text, "base64url") : crypto.createHash("sha256").update(text).digest("base64url"));

/** The `,"extensions":…}` that ends a reused answer: its cost, with the caller's allowance after this request. */
export function answerTail(answer: Answer, maxCost: number, allowance: Allowance): string {
  return `,"extensions":${JSON.stringify({ cost: costExtension(answer.cost, maxCost, allowance) })}}`;
}

/** A reused answer as sent: the kept bytes and the cost extension written afresh. */
export function answerBytes(answer: Answer, maxCost: number, allowance: Allowance): Buffer {
  return Buffer.concat([answer.headBytes, Buffer.from(answerTail(answer, maxCost, allowance))]);
}

export interface ResponseCache {
  /** The kept answer for a key that this caller may reuse (persisted-only callers: trusted documents only), without counting a sighting. */
  reusable(key: string, principal: Principal): Answer | undefined;
  /** Looks answers up; goes right after authentication and before the persisted-operations plugin. */
  lookup: Plugin;
  /** Keeps answers and drops them all after a mutation; goes last, after the cost and result plugins. */
  store: Plugin<Context>;
  /** Drops every answer, including those still being computed. */
  invalidateAll(): void;
}

/**
 * Steward writes change the data while the server runs. Every executed mutation starts a new
 * generation of the cache: an answer computed before the write (even one still being computed
 * while the write commits) is never kept after it, and the old entries are dropped at once.
 */
export function createResponseCache({ budget, maxCost, persistedOnly, graphqlEndpoint, keepOnFirstSighting = false }: ResponseCacheOptions): ResponseCache {
  const newCache = () =>
    new LRUCache<string, Answer>({
      max: RESPONSE_CACHE_ENTRIES,
      maxSize: RESPONSE_CACHE_MAX_CHARS,
      ttl: RESPONSE_CACHE_TTL_MS,
      sizeCalculation: (answer, key) => key.length + answer.headBytes.length,
    });
  let cache = newCache();
  // Keys asked for once and not kept (TinyLFU's "doorkeeper", here an LRU of keys bounded in characters).
  const seen = new LRUCache<string, true>({ max: SEEN_KEYS, maxSize: SEEN_KEYS_MAX_CHARS, sizeCalculation: (_, key) => key.length });
  let generation = 0;
  const invalidateAll = () => {
    generation += 1;
    cache.clear();
    cache = newCache();
  };

  const mayReuseAnswer = (answer: Answer, principal: Principal) => answer.persisted || mayRunAnyOperation(principal, persistedOnly);
  const reusable = (key: string, principal: Principal) => {
    const answer = cache.get(key);
    return answer !== undefined && mayReuseAnswer(answer, principal) ? answer : undefined;
  };

  const lookup: Plugin = {
    async onRequest({ request, setRequest, url, endResponse, fetchAPI }) {
      const state = requestState(request);
      const principal = state.principal;
      // Not the GraphQL endpoint, or refused by authentication.
      if (!principal || url.pathname !== graphqlEndpoint) return;
      // Today in Vietnam, fixed by authentication as the request arrived: part of every key, and the request's default `asOf`.
      const day = state.today!;
      let payload: string;
      if (request.method === "GET") {
        payload = url.search;
      } else if (request.method === "POST") {
        const length = Number(request.headers.get("content-length") ?? NaN);
        if (!(length <= RESPONSE_CACHE_MAX_BODY_BYTES)) return; // unknown, chunked or large: bodyLimitPlugin's business
        try {
          payload = await request.text();
        } catch {
          return; // a body that cannot be read (the client went away): yoga's parser reports it
        }
        // The Request yoga makes on Node keeps its text for the parser; a native one is spent: hand on a copy.
        if (request.bodyUsed) {
          const copy = new fetchAPI.Request(request.url, { method: request.method, headers: request.headers, body: payload, signal: request.signal });
          setRequestState(copy, state);
          setRequest(copy);
        }
      } else {
        return;
      }
      const key = answerKey(request.method, request.headers.get("content-type"), request.headers.get("accept"), day, principal, payload);
      const answer = cache.get(key);
      const mayReuse = answer !== undefined && mayReuseAnswer(answer, principal);
      if (!mayReuse) {
        // Kept on its second sighting only: most computed answers are asked once (their variables
        // differ), and keeping each would serialise it for the cache and hold it until evicted.
        if (keepOnFirstSighting || answer !== undefined || seen.has(key)) pendings.set(state, { key, generation });
        else seen.set(key, true);
        return;
      }
      const allowance = await budget.spend(principal, state.rateLimitKey, Math.max(1, answer.cost));
      state.allowance = allowance;
      state.spent = true;
      // A spent budget: the full pipeline refuses the operation with its usual error, without charging again.
      if (allowance.limited) {
        state.charged = true;
        return;
      }
      state.cost += answer.cost;
      state.cacheHit = true;
      state.operationNames.push(answer.operationName);
      endResponse(
        new fetchAPI.Response(answerBytes(answer, maxCost, allowance) as Uint8Array<ArrayBuffer>, {
          status: 200,
          headers: { "Content-Type": answer.contentType }, // spelt as yoga spells it
        }),
      );
    },
  };

  const store: Plugin<Context> = {
    onExecute({ args }) {
      const operation = getOperationAST(args.document, args.operationName);
      const { request, caller } = args.contextValue;
      // Only queries are kept, and none that selects an uncached root field.
      const keep =
        operation?.operation === "query" &&
        !operation.selectionSet.selections.some((s) => s.kind === Kind.FIELD && UNCACHED_ROOT_FIELDS.has(s.name.value));
      if (!keep) pendings.delete(requestState(request));
      // After a write, whatever it did (a rejected write costs one generation, nothing more); a caller
      // without the scope mutations need writes nothing (scope-auth refuses it), so cannot drop the cache.
      if (operation?.operation === "mutation" && grantedScopes(caller)[OPERATION_SCOPE.mutation]) {
        return { onExecuteDone: () => invalidateAll() };
      }
      return undefined;
    },
    onResultProcess({ request, result }) {
      const state = requestState(request);
      const pending = pendings.get(state);
      if (!pending) return;
      // One operation, a query, no errors, nothing in extensions but the cost (written afresh on every hit).
      const single = result as ExecutionResult;
      const { cost, ...otherExtensions } = (single.extensions ?? {}) as { cost?: { requested: number } };
      if (Array.isArray(result) || Symbol.asyncIterator in (result as object) || single.errors?.length || !single.data || !cost) return;
      // `stringify` is the serialiser compiled execution (http/jit.ts) attaches, not part of the answer.
      if (Object.keys(single).some((name) => name !== "data" && name !== "extensions" && name !== "stringify") || Object.keys(otherExtensions).length > 0) return;
      const operationName = state.operationNames[0] ?? "anonymous";
      const head = JSON.stringify({ data: single.data }).slice(0, -1);
      // yoga writes the answer with the result's own stringifier: reuse the data serialised here
      // rather than serialising it a second time (for a province tree, half the cost of writing it).
      (single as ExecutionResult & { stringify?: (result: ExecutionResult) => string }).stringify = (sanitized) =>
        sanitized.extensions === undefined ? `${head}}` : `${head},"extensions":${JSON.stringify(sanitized.extensions)}}`;
      if (head.length > RESPONSE_CACHE_MAX_ENTRY_CHARS) return;
      pending.answer = { head, cost: cost.requested, operationName };
    },
    onResponse({ request, response }) {
      const state = requestState(request);
      const pending = pendings.get(state);
      if (!pending?.answer || pending.generation !== generation || response.status !== 200) return;
      const contentType = response.headers.get("content-type");
      if (!contentType || !KEPT_CONTENT_TYPE.test(contentType)) return;
      // Only a trusted document may be reused by persisted-only callers: an automatic persisted query's hash is text another caller sent.
      const { head, ...answer } = pending.answer;
      cache.set(pending.key, { ...answer, headBytes: ownUtf8Bytes(head), contentType, persisted: state.trustedDocument === true });
    },
  };
  return { reusable, lookup, store, invalidateAll };
}
