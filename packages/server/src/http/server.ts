// The server factory: the yoga instance with schema, context, endpoint limits, keys, budgets,
// persisted operations (trusted and automatic), health endpoints, metrics, tracing, CORS, the
// change feed (subscription over server-sent events, Atom feed of registry changes),
// compression, error masking and the MCP tools at /mcp. Each concern is a plugin module here.
import { useDisableIntrospection } from "@envelop/disable-introspection";
import { createYoga, useExecutionCancellation, type YogaServerInstance } from "graphql-yoga";
import type { Redis } from "ioredis";
import { mayRunAnyOperation } from "../auth/caller.js";
import { defaultConfig, type Config } from "../config.js";
import type { Context } from "../context.js";
import type { Database } from "../db.js";
import type { Logger } from "../logger.js";
import { loadedRegistrySnapshot, registrySnapshot, type RegistrySnapshot } from "../registry/snapshot.js";
import { vietnamToday } from "../schema/as-of.js";
import { schema } from "../schema/index.js";
import { endpointLimits, type LimitsConfig } from "../limits/endpoint.js";
import { answerSizePlugin } from "../limits/answer-size.js";
import { apqPlugin, createApqStore } from "./apq.js";
import { authPlugin } from "./auth.js";
import { compressionPlugin } from "./compression.js";
import { corsOptions, simpleRequestGuardPlugin } from "./cors.js";
import { createMetrics } from "./metrics.js";
import { tracingPlugin, type RequestTracing } from "./tracing.js";
import { bodyLimitPlugin } from "../limits/body-limit.js";
import { budgetPlugin, refusedRequestsPlugin } from "../limits/budget.js";
import { EXPORT_PATH, exportRoutesPlugin } from "./export-routes.js";
import { graphiqlAssetsPlugin, graphiqlOptions, renderGraphiQLPage, renderGraphiQLUnavailable } from "./graphiql.js";
import { GEO_PATH, geoDownloads } from "./geo-routes.js";
import { dataChangesPlugin } from "./data-changes.js";
import { registryFeedPlugin } from "./atom-feed.js";
import { changeFeedPlugin } from "./change-feed.js";
import { createChangeFeed } from "../db/change-feed.js";
import { documentLimitPlugins } from "../limits/document-limits.js";
import { MCP_PATH, mcpPlugin } from "./mcp.js";
import { maskError, operationsPlugin, yogaLogging } from "./operations.js";
import { createResponseCache } from "./response-cache.js";
import { isTrustedHash, loadPersistedDocuments, persistedOperationsPlugin } from "./persisted.js";
import { readinessPlugin } from "./readiness.js";
import { createBudget, type Budget } from "../limits/budget-store.js";
import { inputStringsPlugin } from "../limits/input-strings.js";
import { languagePlugin } from "./language.js";
import { requestState } from "./request-state.js";
import { timeoutPlugin } from "../limits/timeout.js";
import { compiledExecution } from "./jit.js";
import type { IncomingMessage, ServerResponse } from "node:http";
import { answeringHitsFirst } from "./node-hits.js";
import { ByteBodyResponse } from "./byte-bodies.js";
import { jsonBytesPlugin } from "./json-bytes.js";

/** The settings the endpoint reads from the configuration (see config.ts for their defaults): its limits, and these. */
export type EndpointConfig = LimitsConfig &
  Pick<
    Config,
    | "INTROSPECTION"
    | "CORS_ORIGINS"
    | "CORS_ALLOWED_HEADERS"
    | "CORS_MAX_AGE_SECONDS"
    | "COMPRESSION"
    | "COMPRESSION_MIN_BYTES"
    | "APQ"
    | "APQ_MAX_ENTRIES"
    | "APQ_TTL_SECONDS"
    | "APQ_MAX_QUERY_BYTES"
    | "METRICS"
    | "MAX_RESPONSE_BYTES_IN_FLIGHT"
    | "TRUST_PROXY"
    | "PERSISTED_DOCUMENTS_PATH"
    | "PERSISTED_ONLY"
    | "FEED_MAX_SUBSCRIBERS"
    | "FEED_MAX_REPLAY"
    | "FEED_HEARTBEAT_SECONDS"
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
  /** Namespace of the automatic persisted queries in Redis. */
  apqPrefix?: string;
  /** A ready budget (tests); by default one is built from the configuration. */
  budget?: Budget;
  /** Persisted operations (hash → document); by default read from PERSISTED_DOCUMENTS_PATH. */
  persistedDocuments?: Map<string, string>;
  /** Records a span per request (http/tracing.ts); none without it. */
  tracing?: RequestTracing | undefined;
  /**
   * Reuse answers to identical queries on the same day (default true; the benchmark can turn it off,
   * or make it keep every answer the first time it is computed, as it did before issue 18).
   */
  responseCache?: boolean | "keep-on-first-sighting";
  /** Execute compiled operations (graphql-jit) instead of graphql-js's interpreter (default true). */
  jit?: boolean;
}

/** What the server's own context factory builds; the authentication plugin adds `caller` (http/auth.ts). */
type ServerContext = Omit<Context, "caller">;

export type VngovServer = YogaServerInstance<Record<string, never>, ServerContext>;

export const GRAPHQL_ENDPOINT = "/graphql";

type NodeHandler = (request: IncomingMessage, response: ServerResponse) => unknown;
/** Each server's node:http handler with cached answers served in front of yoga (http/node-hits.ts). */
const nodeHandlers = new WeakMap<VngovServer, NodeHandler>();

/** The handler node:http runs the server with: yoga, with response-cache hits answered in front of it when the cache is on. */
export function nodeHandler(yoga: VngovServer): NodeHandler {
  return nodeHandlers.get(yoga) ?? yoga;
}

export function createServer({
  db,
  logger,
  graphiql = true,
  today = () => vietnamToday(),
  config: overrides = {},
  redis,
  rateLimitPrefix,
  apqPrefix,
  budget,
  persistedDocuments,
  responseCache = true,
  jit = true,
  tracing,
}: ServerOptions): VngovServer {
  const config: EndpointConfig = { ...defaultConfig, ...overrides };
  // One object: the plugins below enforce these numbers and Query.limits reports them.
  const limits = endpointLimits(config);
  const windowSeconds = limits.rateLimitWindowSeconds;
  // One set of budgets, spent by computed and cached answers alike.
  const budgets =
    budget ??
    createBudget({
      windowSeconds,
      anonymousPoints: limits.anonymousBudget,
      keyPoints: limits.keyBudget,
      redis,
      keyPrefix: rateLimitPrefix,
      logger,
    });
  const documents = persistedDocuments ?? loadPersistedDocuments(config.PERSISTED_DOCUMENTS_PATH, logger);
  const mayRegister = (request: Request) => mayRunAnyOperation(requestState(request).principal, config.PERSISTED_ONLY);
  const answers = responseCache
    ? createResponseCache({
        budget: budgets,
        maxCost: limits.maxCost,
        persistedOnly: config.PERSISTED_ONLY,
        graphqlEndpoint: GRAPHQL_ENDPOINT,
        keepOnFirstSighting: responseCache === "keep-on-first-sighting",
      })
    : null;
  // Bytes of answers this process is computing or sending, shared by every request (limits/answer-size.ts).
  const answersInFlight = { bytes: 0, limit: config.MAX_RESPONSE_BYTES_IN_FLIGHT };
  const downloads = geoDownloads({ db, today, budget: budgets, windowSeconds });
  const metrics = config.METRICS ? createMetrics(db, GRAPHQL_ENDPOINT) : undefined;
  const changeFeed = createChangeFeed(db, { maxSubscribers: config.FEED_MAX_SUBSCRIBERS, maxReplay: config.FEED_MAX_REPLAY });
  const yoga: VngovServer = createYoga<Record<string, never>, ServerContext>({
    schema,
    graphqlEndpoint: GRAPHQL_ENDPOINT,
    landingPage: false,
    // Answers are encoded to UTF-8 once, as they are made (http/byte-bodies.ts).
    fetchAPI: { Response: ByteBodyResponse },
    // The registry snapshot is loaded once per process (three statements) and shared by every request;
    // once loaded, the context is built without a promise.
    context: ({ request }) => {
      const contextWith = (registry: RegistrySnapshot) => ({
        prisma: db.prisma,
        registry,
        limits,
        answer: { bytes: 0, exceeded: false, held: 0, inFlight: answersInFlight },
        changeFeed,
        lastEventId: request.headers.get("last-event-id"),
        feedCursor: { current: null },
      });
      const loaded = loadedRegistrySnapshot(db.prisma);
      return loaded ? contextWith(loaded) : registrySnapshot(db.prisma).then(contextWith);
    },
    // One tab per saved example, in the visitor's language; served from this origin only (graphiql.ts), or a page saying why not.
    graphiql: graphiql ? graphiqlOptions : false,
    renderGraphiQL: config.INTROSPECTION ? renderGraphiQLPage : renderGraphiQLUnavailable,
    logging: logger ? yogaLogging(logger) : false,
    maskedErrors: { maskError: (error, message) => maskError(error, message) },
    batching: limits.batchLimit > 0 ? { limit: limits.batchLimit } : false,
    // Enforced by bodyLimitPlugin, which skips yoga's stream counting where Content-Length bounds the body.
    maxRequestBodySize: false,
    cors: corsOptions({ origins: config.CORS_ORIGINS, allowedHeaders: config.CORS_ALLOWED_HEADERS, maxAgeSeconds: config.CORS_MAX_AGE_SECONDS }),
    plugins: [
      // First: the request's clock, id and span start before any route answers.
      ...(metrics ? [metrics.plugin] : []),
      ...(tracing ? [tracingPlugin(tracing)] : []),
      simpleRequestGuardPlugin(GRAPHQL_ENDPOINT),
      languagePlugin(GRAPHQL_ENDPOINT),
      readinessPlugin(db),
      dataChangesPlugin(db, {
        dropAnswers: () => answers?.invalidateAll(),
        dropRegistryAnswers: () => downloads.invalidateAll(),
      }),
      { onDispose: () => changeFeed.close() },
      registryFeedPlugin(db),
      ...(graphiql ? [graphiqlAssetsPlugin()] : []),
      authPlugin({ db, graphqlEndpoint: GRAPHQL_ENDPOINT, trustProxy: config.TRUST_PROXY, alsoUnder: [EXPORT_PATH, GEO_PATH, MCP_PATH], today }),
      // The MCP tools: each of their GraphQL requests comes back in through this same plugin list,
      // where a spent budget is refused: the MCP client gets that as a tool error with its code.
      mcpPlugin({
        graphqlEndpoint: GRAPHQL_ENDPOINT,
        maxBodyBytes: limits.maxBodyBytes,
        requestTimeoutMs: limits.requestTimeoutMs,
        // The node adapter hands every request { req, res } as server context, whatever the declared type says.
        fetch: (input, init, context) => yoga.fetch(input, init, context as unknown as Record<string, never>),
      }),
      // Before anything reads the request: a spent caller is refused here, and refusals are charged.
      refusedRequestsPlugin({ budget: budgets, windowSeconds }),
      downloads.plugin,
      exportRoutesPlugin({ db, today, budget: budgets, windowSeconds }),
      // Right after authentication: a cached answer skips everything below, once checked, costed and charged.
      ...(answers ? [answers.lookup] : []),
      // Without introspection, "Did you mean …" in validation errors would list the schema's fields anyway.
      operationsPlugin({ logger, windowSeconds, hideSuggestions: !config.INTROSPECTION }),
      bodyLimitPlugin(limits.maxBodyBytes),
      ...(config.APQ
        ? [
            apqPlugin({
              store: createApqStore({ maxEntries: config.APQ_MAX_ENTRIES, ttlSeconds: config.APQ_TTL_SECONDS, redis, keyPrefix: apqPrefix, logger }),
              isTrusted: (hash) => isTrustedHash(documents, hash),
              mayRegister,
              maxQueryBytes: config.APQ_MAX_QUERY_BYTES,
            }),
          ]
        : []),
      persistedOperationsPlugin({ documents, persistedOnly: config.PERSISTED_ONLY }),
      ...documentLimitPlugins(limits),
      ...(config.INTROSPECTION ? [] : [useDisableIntrospection()]),
      inputStringsPlugin(),
      budgetPlugin({
        maxCost: limits.maxCost,
        windowSeconds,
        budget: budgets,
      }),
      useExecutionCancellation(),
      changeFeedPlugin({ heartbeatMs: config.FEED_HEARTBEAT_SECONDS * 1000 }),
      ...(jit ? [compiledExecution()] : []),
      timeoutPlugin(limits.requestTimeoutMs),
      answerSizePlugin(),
      // Last: keeps answers once costed and decorated by the plugins above.
      ...(answers ? [answers.store] : []),
      // After every plugin that replaces a result or how it is serialised: long answers become bytes in pieces.
      jsonBytesPlugin(),
      // Very last: compresses the answer once every other plugin has set its headers (and the cache kept it).
      ...(config.COMPRESSION ? [compressionPlugin({ minBytes: config.COMPRESSION_MIN_BYTES })] : []),
    ],
  });
  // Not with tracing on: a hit answered there would have no span.
  if (answers && !tracing) {
    nodeHandlers.set(
      yoga,
      answeringHitsFirst(yoga, {
        cache: answers,
        db,
        budget: budgets,
        maxCost: limits.maxCost,
        windowSeconds,
        graphqlEndpoint: GRAPHQL_ENDPOINT,
        trustProxy: config.TRUST_PROXY,
        today,
        metrics,
        logger,
        compressionMinBytes: config.COMPRESSION ? config.COMPRESSION_MIN_BYTES : undefined,
      }),
    );
  }
  return yoga;
}
