// What the endpoint's plugins learn about one HTTP request, shared between their hooks.
import type { Principal } from "../auth/keys.js";

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
  /** Today in Vietnam as this request sees it (the default `asOf`), fixed when the request arrives. */
  today?: string;
}

const states = new WeakMap<Request, RequestState>();

export function setRequestState(request: Request, state: RequestState): void {
  states.set(request, state);
}

/** The request's state; requests that bypassed onRequest (never in practice) get a blank one. */
export function requestState(request: Request): RequestState {
  let state = states.get(request);
  if (!state) {
    state = { requestId: "unknown", startedAt: performance.now(), rateLimitKey: "anonymous:unknown", operationNames: [], cost: 0 };
    states.set(request, state);
  }
  return state;
}
