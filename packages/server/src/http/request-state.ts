// What the endpoint's plugins learn about one HTTP request, shared between their hooks.
import { randomUUID } from "node:crypto";
import type { Principal } from "../auth/keys.js";
import type { Language } from "../messages.js";

export interface Allowance {
  /** The caller's budget per window. */
  budget: number;
  /** What is left of it after this request. */
  remaining: number;
  /** Seconds until the window restarts and the budget is whole again. */
  resetSeconds: number;
  /** Set when the request was refused for want of budget. */
  limited?: boolean;
}

export interface RequestState {
  requestId: string;
  startedAt: number;
  principal?: Principal;
  /** What rate limits count by: the key's id, or the client address for anonymous callers. */
  rateLimitKey: string;
  operationNames: string[];
  /** Sum of the costs of the request's operations (several in a batch). */
  cost: number;
  allowance?: Allowance;
  /** The budget was already spent for this request (a cached answer refused for want of budget): not spent again. */
  charged?: boolean;
  /** Some cost was spent from the caller's budget for this request; one never spent is charged REFUSED_REQUEST_COST (budget.ts). */
  spent?: boolean;
  /** Answered from the response cache. */
  cacheHit?: boolean;
  /** The operation came from the trusted documents (persisted.ts), by hash. */
  trustedDocument?: boolean;
  /** The request's trace, when tracing is on (http/tracing.ts). */
  traceId?: string;
  /** Today in Vietnam as this request sees it (the default `asOf`), fixed when the request arrives. */
  today?: string;
  /** The language of the request's messages, from Accept-Language (http/language.ts), once asked for. */
  language?: Language;
}

const states = new WeakMap<Request, RequestState>();

/** A caller's own request id is kept when it is sensible: short, no spaces or control characters. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The request id an answer carries: the caller's x-request-id, or a fresh UUID. */
export function requestIdOf(request: Request): string {
  return requestIdFrom(request.headers.get("x-request-id"));
}

/** The request id for a caller's x-request-id header (null when absent). */
export function requestIdFrom(incoming: string | null | undefined): string {
  return incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

export function setRequestState(request: Request, state: RequestState): void {
  states.set(request, state);
}

/**
 * The path of the request's URL. The Request that @whatwg-node/server makes on Node keeps the URL it
 * parsed for the onRequest hooks (`parsedUrl`): onResponse hooks reuse it rather than parse the URL
 * again (a tenth of a small answer's CPU went to URL parsing); any other Request is parsed here.
 */
export function requestPathname(request: Request): string {
  return ((request as { parsedUrl?: URL }).parsedUrl ?? new URL(request.url, "http://localhost")).pathname;
}

/**
 * The request's state. Requests answered before authentication (yoga's /health, /ready, /metrics,
 * the GeoJSON downloads, CORS preflights) get one here on first use, with their own request id;
 * an empty rateLimitKey keeps them out of the per-request GraphQL log.
 */
export function requestState(request: Request): RequestState {
  let state = states.get(request);
  if (!state) {
    state = { requestId: requestIdOf(request), startedAt: performance.now(), rateLimitKey: "", operationNames: [], cost: 0 };
    states.set(request, state);
  }
  return state;
}
