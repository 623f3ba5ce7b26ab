// Prices each operation before it runs, refuses those over the per-operation limit, and spends the
// cost from the caller's budget for the window (429 once spent). Every result reports
// `extensions.cost`: what was requested, the per-operation limit and what is left of the budget.
import { getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Context } from "../context.js";
import { codedError, ErrorCode } from "../errors.js";
import { callerOf } from "../http/auth.js";
import { operationCost } from "./cost.js";
import { errorResponse } from "../http/route-charge.js";
import type { Budget } from "./budget-store.js";
import { requestState, type Allowance } from "../http/request-state.js";

export interface CostExtension {
  /** What this operation costs: the objects its response can hold. */
  requested: number;
  /** The most one operation may cost. */
  limit: number;
  /** What is left of the caller's budget for the window. */
  remaining: number;
  /** The caller's budget per window. */
  budget: number;
  /** Seconds until the budget is whole again. */
  resetSeconds: number;
}

export function rateLimitHeaders(allowance: Allowance, windowSeconds: number): Record<string, string> {
  return {
    "RateLimit-Limit": String(allowance.budget),
    "RateLimit-Remaining": String(allowance.remaining),
    "RateLimit-Reset": String(allowance.resetSeconds),
    "RateLimit-Policy": `${allowance.budget};w=${windowSeconds};comment="cost points"`,
    ...(allowance.limited ? { "Retry-After": String(Math.max(1, allowance.resetSeconds)) } : {}),
  };
}

/**
 * Cost points spent by a request that never reached execution or a priced answer: a document over a
 * limit, one that does not parse or validate, a bad variable, a page over the maximum, an operation
 * over maxCost. Such requests cost the server parsing and checking but spent nothing, so a flood of
 * them was free (10 connections of refused 5 KB documents held a core). Ten points: a caller has to
 * send a fifth of its anonymous budget's worth of mistakes per second before it is slowed down.
 */
export const REFUSED_REQUEST_COST = 10;

/** The 429 answer of a caller whose budget is spent, refused before its request is read (refusedRequestsPlugin's onRequest). */
function spentResponse(fetchAPI: { Response: typeof Response }, allowance: Allowance, windowSeconds: number, request: Request): Response {
  const error = codedError(ErrorCode.RATE_LIMITED, "budgetSpent", { budget: allowance.budget, windowSeconds, resetSeconds: allowance.resetSeconds });
  return errorResponse(fetchAPI, 429, error, request, rateLimitHeaders(allowance, windowSeconds));
}

/** The `extensions.cost` of a result. */
export function costExtension(requested: number, maxCost: number, allowance: Allowance): CostExtension {
  return {
    requested,
    limit: maxCost,
    remaining: allowance.remaining,
    budget: allowance.budget,
    resetSeconds: allowance.resetSeconds,
  };
}

/**
 * Goes right after authentication: refuses callers known to have spent their budget before anything
 * reads their request, and charges REFUSED_REQUEST_COST to every identified request that spent nothing.
 */
export function refusedRequestsPlugin({ budget, windowSeconds }: { budget: Budget; windowSeconds: number }): Plugin {
  return {
    // A caller this process has seen spend its budget is refused here, before its body is read,
    // parsed or validated; the window's restart (or another instance's count) is checked on the next spend.
    onRequest({ request, endResponse, fetchAPI }) {
      const state = requestState(request);
      if (!state.principal) return;
      const spent = budget.knownSpent(state.principal, state.rateLimitKey);
      if (!spent) return;
      state.allowance = spent;
      state.spent = true;
      endResponse(spentResponse(fetchAPI, spent, windowSeconds, request));
    },
    // A request of an identified caller that spent nothing was refused somewhere: it pays a fixed fee.
    // (Not an async function: a request that spent passes without a promise of its own.)
    onResponse({ request }) {
      const state = requestState(request);
      if (!state.principal || state.spent) return;
      state.spent = true;
      return budget.spend(state.principal, state.rateLimitKey, REFUSED_REQUEST_COST).then(() => undefined);
    },
  };
}

export function budgetPlugin({ maxCost, budget, windowSeconds }: { maxCost: number; budget: Budget; windowSeconds: number }): Plugin<Context> {
  const operationCosts = new WeakMap<object, number>();
  const extension = (requested: number, allowance: Allowance) => costExtension(requested, maxCost, allowance);
  const plugin: Plugin<Context> = {
    async onExecute({ args, setResultAndStopExecution }) {
      const { cost, pageSizeErrors } = operationCost(
        args.schema,
        args.document,
        args.variableValues as Record<string, unknown>,
        args.operationName,
      );
      // A page over the maximum is the caller's mistake: refused before it is priced or charged.
      if (pageSizeErrors.length > 0) {
        setResultAndStopExecution({ errors: pageSizeErrors });
        return;
      }
      const { request, caller } = args.contextValue;
      const state = requestState(request);
      const operation = getOperationAST(args.document, args.operationName);
      state.operationNames.push(operation?.name?.value ?? args.operationName ?? "anonymous");
      operationCosts.set(args.contextValue, cost);
      state.cost += cost;
      if (cost > maxCost) {
        const allowance = state.allowance ?? (await budget.peek(caller, state.rateLimitKey));
        state.allowance = allowance;
        setResultAndStopExecution({
          errors: [
            codedError(ErrorCode.QUERY_TOO_COMPLEX, "tooCostly", { cost, max: maxCost }, { extensions: { cost } }),
          ],
          extensions: { cost: extension(cost, allowance) },
        });
        return;
      }
      // Every operation spends at least one point, so that even empty queries are counted.
      const allowance =
        state.charged && state.allowance ? state.allowance : await budget.spend(caller, state.rateLimitKey, Math.max(1, cost));
      state.allowance = allowance;
      state.spent = true;
      if (allowance.limited) {
        setResultAndStopExecution({
          errors: [
            codedError(
              ErrorCode.RATE_LIMITED,
              "rateLimited",
              { budget: allowance.budget, windowSeconds, resetSeconds: allowance.resetSeconds, cost },
              { status: 429, headers: rateLimitHeaders(allowance, windowSeconds) },
            ),
          ],
          extensions: { cost: extension(cost, allowance) },
        });
      }
    },
    // Not an async function: the allowance is nearly always known from onExecute, and then no promise is made.
    onExecutionResult({ request, result, setResult, context }) {
      if (!result || Symbol.asyncIterator in result) return;
      if ((result.extensions as { cost?: unknown } | undefined)?.cost) return;
      const state = requestState(request);
      const cost = operationCosts.get(context) ?? 0;
      const report = (allowance: Allowance) => setResult({ ...result, extensions: { ...result.extensions, cost: extension(cost, allowance) } });
      if (state.allowance) return report(state.allowance);
      return budget.peek(callerOf(request), state.rateLimitKey).then(report);
    },
  };
  // A subscription (the change feed) starts through onSubscribe: it is priced and charged once, as
  // one answer of its selection, when it connects; the events it then streams are not charged.
  // (the hook reads only `args` and `setResultAndStopExecution`, which both payloads carry).
  plugin.onSubscribe = plugin.onExecute as unknown as NonNullable<Plugin<Context>["onSubscribe"]>;
  return plugin;
}
