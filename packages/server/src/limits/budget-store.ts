// Cost budgets per caller and window: rate-limiter-flexible, in memory or shared through Redis.
import type { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Principal } from "../auth/keys.js";
import type { Logger } from "../logger.js";
import type { Allowance } from "../http/request-state.js";

export interface BudgetOptions {
  windowSeconds: number;
  anonymousPoints: number;
  keyPoints: number;
  /** Shared store for every server instance; without it each process counts on its own. */
  redis?: Redis;
  /** Namespace of the counters in Redis (tests use their own). */
  keyPrefix?: string;
  logger?: Logger;
}

export interface Budget {
  /** Spends `points` of the caller's budget; `limited` when there were not enough. */
  spend(principal: Principal, key: string, points: number): Promise<Allowance>;
  /** The caller's allowance without spending anything. */
  peek(principal: Principal, key: string): Promise<Allowance>;
  /**
   * A refused allowance when this process has seen the caller's budget spent and the window has not
   * yet restarted, without asking the store; null otherwise. Lets a flood be refused before its
   * documents are parsed (budgetPlugin), which is what made refused requests free load before.
   */
  knownSpent(principal: Principal, key: string): Allowance | null;
}

/** Callers remembered as spent, at most (least recently refused forgotten first). */
const KNOWN_SPENT_ENTRIES = 10_000;

export function createBudget({ windowSeconds, anonymousPoints, keyPoints, redis, keyPrefix = "vngov-budget", logger }: BudgetOptions): Budget {
  const limiter = (points: number, name: string): RateLimiterAbstract => {
    const options = { points, duration: windowSeconds, keyPrefix: `${keyPrefix}:${name}` };
    if (!redis) return new RateLimiterMemory(options);
    // If Redis is unreachable, count in this process rather than refuse or wave everything through.
    return new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) });
  };
  const limiters = { anonymous: limiter(anonymousPoints, "anonymous"), key: limiter(keyPoints, "key") };
  const allowance = (budget: number, res: RateLimiterRes | null, limited = false): Allowance => ({
    budget,
    remaining: Math.max(0, res ? budget - res.consumedPoints : budget),
    resetSeconds: res ? Math.max(0, Math.ceil(res.msBeforeNext / 1000)) : windowSeconds,
    ...(limited ? { limited } : {}),
  });
  // When each spent budget is whole again (epoch ms), by limiter and key; entries expire with their window.
  const spentUntil = new LRUCache<string, number>({ max: KNOWN_SPENT_ENTRIES, ttl: windowSeconds * 1000 });
  const pick = (principal: Principal) =>
    principal.kind === "key" ? { limiter: limiters.key, budget: keyPoints } : { limiter: limiters.anonymous, budget: anonymousPoints };
  return {
    async spend(principal, key, points) {
      const { limiter, budget } = pick(principal);
      try {
        return allowance(budget, await limiter.consume(key, points));
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          if (rejection.msBeforeNext > 0) spentUntil.set(`${principal.kind}:${key}`, Date.now() + rejection.msBeforeNext, { ttl: rejection.msBeforeNext });
          return allowance(budget, rejection, true);
        }
        throw rejection;
      }
    },
    async peek(principal, key) {
      const { limiter, budget } = pick(principal);
      try {
        return allowance(budget, await limiter.get(key));
      } catch (error) {
        logger?.warn({ err: error }, "rate limit store unreachable; reporting the full budget");
        return allowance(budget, null);
      }
    },
    knownSpent(principal, key) {
      const until = spentUntil.get(`${principal.kind}:${key}`);
      if (until === undefined || until <= Date.now()) return null;
      const { budget } = pick(principal);
      return { budget, remaining: 0, resetSeconds: Math.max(1, Math.ceil((until - Date.now()) / 1000)), limited: true };
    },
  };
}
