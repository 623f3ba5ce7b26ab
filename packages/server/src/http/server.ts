// The server factory: the yoga instance with schema, context, health endpoints and error masking.
import { GraphQLError } from "graphql";
import { createYoga, type Plugin, type YogaServerInstance } from "graphql-yoga";
import type { Context } from "../context.js";
import type { Database } from "../db.js";
import { isSeeded } from "../db/setup.js";
import { ErrorCode } from "../errors.js";
import type { Logger } from "../logger.js";
import { vietnamToday } from "../schema/as-of.js";
import { schema } from "../schema/index.js";
import { GRAPHIQL_EXAMPLES } from "./examples.js";
import { pageSizePlugin } from "./page-size.js";
import { responseCachePlugin } from "./response-cache.js";

export interface ServerOptions {
  db: Database;
  logger?: Logger;
  graphiql?: boolean;
  /** Fixes "today" (tests); by default the current date in Vietnam. */
  today?: () => string;
  /** Reuse answers to identical queries on the same day (default true; the benchmark can turn it off). */
  responseCache?: boolean;
}

export type VngovServer = YogaServerInstance<Record<string, never>, Context>;

// /ready: the database answers and holds the registry. (/health, process up, is yoga's own.)
function healthPlugin(db: Database): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname === "/ready") {
        const ready = await isSeeded(db).catch(() => false);
        endResponse(
          new fetchAPI.Response(JSON.stringify({ status: ready ? "ready" : "not ready" }), {
            status: ready ? 200 : 503,
            headers: { "content-type": "application/json" },
          }),
        );
      }
    },
  };
}

/**
 * Errors users cause pass through with a code: resolver errors already carry one, graphql's own
 * request errors (variables that do not coerce) and Pothos' argument validation errors (a
 * malformed cursor) get BAD_USER_INPUT. Anything else is logged in full and reaches the client
 * only as INTERNAL_SERVER_ERROR.
 */
function maskError(error: unknown, message: string, logger?: Logger): Error {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const located = error instanceof GraphQLError ? error : undefined;
  const userError = original instanceof GraphQLError || (original instanceof Error && original.name === "PothosValidationError");
  if (userError && located) {
    if (located.extensions.code || (original instanceof GraphQLError && original.extensions.code)) return located;
    return new GraphQLError(located.message, {
      nodes: located.nodes,
      source: located.source,
      positions: located.positions,
      path: located.path,
      originalError: located.originalError,
      extensions: { ...located.extensions, code: ErrorCode.BAD_USER_INPUT },
    });
  }
  logger?.error({ err: original ?? error }, "unexpected error");
  return new GraphQLError(message, {
    nodes: located?.nodes,
    path: located?.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  });
}

export function createServer({
  db,
  logger,
  graphiql = true,
  today = () => vietnamToday(),
  responseCache = true,
}: ServerOptions): VngovServer {
  return createYoga<Record<string, never>, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    context: () => ({ prisma: db.prisma, today: today() }),
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
    maskedErrors: { maskError: (error, message) => maskError(error, message, logger) },
    plugins: [healthPlugin(db), pageSizePlugin(), ...(responseCache ? [responseCachePlugin(today)] : [])],
  });
}
