// The server factory: the yoga instance with schema, context, endpoint limits, keys, budgets,
// persisted operations, health endpoints and error masking. Each concern is a plugin module here.
import { useDisableIntrospection } from "@envelop/disable-introspection";
import { createYoga, useExecutionCancellation, type YogaServerInstance } from "graphql-yoga";
import type { Redis } from "ioredis";
import { defaultConfig, type Config } from "../config.js";
import type { Context } from "../context.js";
import type { Database } from "../db.js";
import type { Logger } from "../logger.js";
import { vietnamToday } from "../schema/as-of.js";
import { schema } from "../schema/index.js";
import type { PublicLimits } from "../schema/limits.js";
import { authPlugin } from "./auth.js";
import { bodyLimitPlugin } from "./body-limit.js";
import { budgetPlugin } from "./budget.js";
import { GRAPHIQL_EXAMPLES } from "./examples.js";
import { geoDownloads } from "./geo-routes.js";
import { dataChangesPlugin } from "./data-changes.js";
import { documentLimitPlugins } from "./limits.js";
import { maskError, operationsPlugin } from "./operations.js";
import { createResponseCache } from "./response-cache.js";
import { loadPersistedDocuments, persistedOperationsPlugin } from "./persisted.js";
import { readinessPlugin } from "./readiness.js";
import { createBudget, type Budget } from "./rate-limit.js";
import { requestState } from "./request-state.js";
import { timeoutPlugin } from "./timeout.js";

/** The settings the endpoint reads from the configuration (see config.ts for their defaults). */
export type EndpointConfig = Pick<
  Config,
  | "INTROSPECTION"
  | "CORS_ORIGINS"
  | "MAX_DEPTH"
  | "MAX_ALIASES"
  | "MAX_TOKENS"
  | "MAX_DIRECTIVES"
  | "MAX_COST"
  | "BATCH_LIMIT"
  | "MAX_BODY_BYTES"
  | "REQUEST_TIMEOUT_MS"
  | "RATE_LIMIT_WINDOW_SECONDS"
  | "RATE_LIMIT_ANONYMOUS"
  | "RATE_LIMIT_KEY"
  | "TRUST_PROXY"
  | "PERSISTED_DOCUMENTS_PATH"
  | "PERSISTED_ONLY"
>;

export interface ServerOptions {
  db: Database;
  logger?: Logger;
  graphiql?: boolean;
  /** Fixes "today" (tests); by default the current date in Vietnam. */
  today?: () => string;
  /** Overrides of the configured defaults. */
  config?: Partial<EndpointConfig>;
  /** Shares rate-limit budgets between instances through Redis; in memory without it. */
  redis?: Redis;
  /** Namespace of the budgets in Redis. */
  rateLimitPrefix?: string;
  /** A ready budget (tests); by default one is built from the configuration. */
  budget?: Budget;
  /** Persisted operations (hash → document); by default read from PERSISTED_DOCUMENTS_PATH. */
  persistedDocuments?: Map<string, string>;
  /** Reuse answers to identical queries on the same day (default true; the benchmark can turn it off). */
  responseCache?: boolean;
}

export type VngovServer = YogaServerInstance<Record<string, never>, Context>;

export const GRAPHQL_ENDPOINT = "/graphql";

export function createServer({
  db,
  logger,
  graphiql = true,
  today = () => vietnamToday(),
  config: overrides = {},
  redis,
  rateLimitPrefix,
  budget,
  persistedDocuments,
  responseCache = true,
}: ServerOptions): VngovServer {
  const config: EndpointConfig = { ...defaultConfig, ...overrides };
  const windowSeconds = config.RATE_LIMIT_WINDOW_SECONDS;
  const limits: PublicLimits = {
    maxDepth: config.MAX_DEPTH,
    maxAliases: config.MAX_ALIASES,
    maxTokens: config.MAX_TOKENS,
    maxDirectives: config.MAX_DIRECTIVES,
    maxCost: config.MAX_COST,
    batchLimit: config.BATCH_LIMIT,
    maxBodyBytes: config.MAX_BODY_BYTES,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
    rateLimitWindowSeconds: windowSeconds,
    anonymousBudget: config.RATE_LIMIT_ANONYMOUS,
    keyBudget: config.RATE_LIMIT_KEY,
  };
  // One set of budgets, spent by computed and cached answers alike.
  const budgets =
    budget ??
    createBudget({
      windowSeconds,
      anonymousPoints: config.RATE_LIMIT_ANONYMOUS,
      keyPoints: config.RATE_LIMIT_KEY,
      redis,
      keyPrefix: rateLimitPrefix,
      logger,
    });
  const answers = responseCache
    ? createResponseCache({ budget: budgets, maxCost: config.MAX_COST, persistedOnly: config.PERSISTED_ONLY, graphqlEndpoint: GRAPHQL_ENDPOINT, today })
    : null;
  const downloads = geoDownloads(db, today);
  return createYoga<Record<string, never>, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    landingPage: false,
    context: ({ request }) => ({ prisma: db.prisma, today: requestState(request).today ?? today(), limits }),
    graphiql: graphiql
      ? { title: "vngov: Vietnam's local government registry", defaultQuery: GRAPHIQL_EXAMPLES }
      : false,
    logging: logger
      ? {
          debug: (...args) => logger.debug(args.map(String).join(" ")),
          info: (...args) => logger.info(args.map(String).join(" ")),
          warn: (...args) => logger.warn(args.map(String).join(" ")),
          error: (...args) => logger.error({ err: args[0] }, args.map(String).join(" ")),
        }
      : false,
    maskedErrors: { maskError: (error, message) => maskError(error, message) },
    batching: config.BATCH_LIMIT > 0 ? { limit: config.BATCH_LIMIT } : false,
    // Enforced by bodyLimitPlugin, which skips yoga's stream counting where Content-Length bounds the body.
    maxRequestBodySize: false,
    cors: {
      origin: config.CORS_ORIGINS.includes("*") ? "*" : config.CORS_ORIGINS,
      methods: ["GET", "POST", "OPTIONS"],
      allowedHeaders: ["content-type", "authorization", "x-request-id"],
      exposedHeaders: ["x-request-id", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy", "Retry-After"],
    },
    plugins: [
      readinessPlugin(db),
      dataChangesPlugin(db, {
        dropAnswers: () => answers?.invalidateAll(),
        dropRegistryAnswers: () => downloads.invalidateAll(),
      }),
      downloads.plugin,
      authPlugin({ db, graphqlEndpoint: GRAPHQL_ENDPOINT, trustProxy: config.TRUST_PROXY }),
      // Right after authentication: a cached answer skips everything below, once checked, costed and charged.
      ...(answers ? [answers.lookup] : []),
      operationsPlugin({ logger, windowSeconds }),
      bodyLimitPlugin(config.MAX_BODY_BYTES),
      persistedOperationsPlugin({
        documents: persistedDocuments ?? loadPersistedDocuments(config.PERSISTED_DOCUMENTS_PATH, logger),
        persistedOnly: config.PERSISTED_ONLY,
      }),
      ...documentLimitPlugins({
        maxDepth: config.MAX_DEPTH,
        maxAliases: config.MAX_ALIASES,
        maxTokens: config.MAX_TOKENS,
        maxDirectives: config.MAX_DIRECTIVES,
      }),
      ...(config.INTROSPECTION ? [] : [useDisableIntrospection()]),
      budgetPlugin({
        maxCost: config.MAX_COST,
        windowSeconds,
        budget: budgets,
      }),
      useExecutionCancellation(),
      timeoutPlugin(config.REQUEST_TIMEOUT_MS),
      // Last: keeps answers once costed and decorated by the plugins above.
      ...(answers ? [answers.store] : []),
    ],
  });
}
