// What the plain HTTP routes (table exports, GeoJSON downloads) share with GraphQL answers: errors
// in the same `{ errors: [{ message, extensions: { code, requestId } }] }` form, and the caller's
// budget charged for what the route returns (429 with the RateLimit headers once it is spent).
import type { GraphQLError } from "graphql";
import { codedError, ErrorCode, localizedMessage } from "../errors.js";
import { rateLimitHeaders } from "../limits/budget.js";
import type { Budget } from "../limits/budget-store.js";
import { principalOf } from "./auth.js";
import { requestLanguage } from "./language.js";
import { requestState } from "./request-state.js";

type FetchAPI = { Response: typeof Response };

/** A route's error, as GraphQL answers write theirs, its message in the request's language. */
export function errorResponse(fetchAPI: FetchAPI, status: number, error: GraphQLError, request: Request, headers: Record<string, string> = {}): Response {
  const message = localizedMessage(error, requestLanguage(request));
  const { requestId } = requestState(request);
  return new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { ...error.extensions, requestId } }] }), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

export interface RouteCharge {
  budget: Budget;
  windowSeconds: number;
}

/**
 * Spends `cost` (at least one point) from the caller's budget for what `what` returns; the 429 to
 * answer when the budget is spent, else null. The request runs after authPlugin, which identified the caller.
 */
export async function chargeRoute(
  { budget, windowSeconds }: RouteCharge,
  fetchAPI: FetchAPI,
  request: Request,
  cost: number,
  what: string,
): Promise<Response | null> {
  const state = requestState(request);
  state.operationNames.push(what);
  state.cost += cost;
  const allowance = await budget.spend(principalOf(request), state.rateLimitKey, Math.max(1, cost));
  state.allowance = allowance;
  state.spent = true;
  if (!allowance.limited) return null;
  const error = codedError(ErrorCode.RATE_LIMITED, "rateLimited", { budget: allowance.budget, windowSeconds, resetSeconds: allowance.resetSeconds, cost, what });
  return errorResponse(fetchAPI, 429, error, request, rateLimitHeaders(allowance, windowSeconds));
}
