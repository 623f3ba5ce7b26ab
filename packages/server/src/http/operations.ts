// Operator-facing plumbing: request ids, one structured log line per request, response headers,
// coded and masked errors.
import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import { codedError, ErrorCode, localizedMessage } from "../errors.js";
import { requestLanguage } from "./language.js";
import type { Logger } from "../logger.js";
import { rateLimitHeaders } from "../limits/budget.js";
import { requestState, type RequestState } from "./request-state.js";

/** Originals behind masked errors, logged with the request id once the request is known. */
const maskedOriginals = new WeakMap<GraphQLError, unknown>();

/**
 * Errors users cause pass through with a code: resolver errors already carry one, graphql's own
 * request errors (variables that do not coerce) and Pothos' argument validation errors (a
 * malformed cursor) get BAD_USER_INPUT. Anything else reaches the client only as
 * INTERNAL_SERVER_ERROR with the request id, and is logged in full (see operationsPlugin).
 */
export function maskError(error: unknown, _message?: string): Error {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const located = error instanceof GraphQLError ? error : undefined;
  const userError = original instanceof GraphQLError || (original instanceof Error && original.name === "PothosValidationError");
  if (userError && located) {
    if (located.extensions?.code || (original instanceof GraphQLError && original.extensions?.code)) return located;
    return new GraphQLError(located.message, {
      nodes: located.nodes,
      source: located.source,
      positions: located.positions,
      path: located.path,
      originalError: located.originalError,
      extensions: { ...located.extensions, code: ErrorCode.BAD_USER_INPUT },
    });
  }
  // Catalogued (so it is rendered in the caller's language), then placed where the error happened.
  const catalogued = codedError(ErrorCode.INTERNAL_SERVER_ERROR, "internalError", {});
  const masked = new GraphQLError(catalogued.message, { nodes: located?.nodes, path: located?.path, originalError: catalogued, extensions: catalogued.extensions });
  maskedOriginals.set(masked, original ?? error);
  return masked;
}

/** Whether an error is the caller's (a GraphQLError not wrapping an unexpected exception). */
function isUserError(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && (error.originalError == null || error.originalError instanceof GraphQLError);
}

/**
 * yoga's own log calls, onto the operators' logger. yoga reports errors it meets while handling a
 * request (variables that do not coerce, among them) at error level with their stack and message,
 * and graphql's message quotes the value sent: a 450 KB variable wrote 2.25 MB of log. The caller's
 * mistakes are logged at info, with their code and a bounded message; everything else at error, in full.
 */
export function yogaLogging(logger: Logger) {
  const text = (args: unknown[]) => bounded(args.map(String).join(" "));
  return {
    debug: (...args: unknown[]) => logger.debug(text(args)),
    info: (...args: unknown[]) => logger.info(text(args)),
    warn: (...args: unknown[]) => logger.warn(text(args)),
    error: (...args: unknown[]) => {
      const [first] = args;
      if (isUserError(first)) logger.info({ code: first.extensions.code ?? ErrorCode.BAD_USER_INPUT }, bounded(first.message));
      else logger.error({ err: first }, text(args));
    },
  };
}

/** Codes from yoga and graphql-js, mapped onto the project's documented list. */
function documentedCode(error: GraphQLError): string {
  const code = error.extensions.code;
  if (code === "REQUEST_ENTITY_TOO_LARGE") return ErrorCode.PAYLOAD_TOO_LARGE;
  if (code === "BAD_REQUEST" && error.message.startsWith("Batching")) return ErrorCode.TOO_MANY_OPERATIONS;
  if (code === "OPERATION_RESOLUTION_FAILURE") return ErrorCode.BAD_REQUEST;
  if (typeof code === "string") return code;
  if (error.message.startsWith("Syntax Error")) return ErrorCode.GRAPHQL_PARSE_FAILED;
  return error.path ? ErrorCode.INTERNAL_SERVER_ERROR : ErrorCode.GRAPHQL_VALIDATION_FAILED;
}

type Result = { errors?: readonly unknown[] };

/**
 * Longest error message sent back, in characters. graphql-js quotes a variable's whole value in its
 * coercion errors ("Variable \"$first\" got invalid value [0, 1, 2, …"): a 340 KB answer for a
 * 50,000-item list. Messages are cut in the middle, keeping the start (what is wrong, where) and the end
 * (graphql-js's reason).
 */
export const MAX_ERROR_MESSAGE_CHARS = 600;

export function bounded(message: string): string {
  if (message.length <= MAX_ERROR_MESSAGE_CHARS) return message;
  const left = message.length - MAX_ERROR_MESSAGE_CHARS;
  return `${message.slice(0, MAX_ERROR_MESSAGE_CHARS - 200)} … (${left} characters left out) … ${message.slice(-200)}`;
}

/** graphql-js' suggestions, which name fields and types ("Did you mean \"province\"?"). */
const SUGGESTION = / ?Did you mean [^?]*\?$/;

export function operationsPlugin({ logger, windowSeconds, hideSuggestions = false }: { logger?: Logger; windowSeconds: number; hideSuggestions?: boolean }): Plugin {
  return {
    // yoga's GET parser lets JSON.parse's SyntaxError escape on a malformed `extensions` or
    // `variables` parameter, which would be masked as an internal error: it is the client's.
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          const params = await requestParser(request);
          // A batch element that is not an object (`[null, …]`) reached later plugins as null
          // params (a TypeError in the persisted-operations plugin): the request is malformed.
          const bad = Array.isArray(params) ? params.findIndex((item) => item === null || typeof item !== "object" || Array.isArray(item)) : -1;
          if (bad >= 0) throw codedError(ErrorCode.BAD_REQUEST, "batchItemNotObject", { index: bad }, { status: 400 });
          return params;
        } catch (error) {
          if (error instanceof GraphQLError || !(error instanceof SyntaxError)) throw error;
          throw codedError(ErrorCode.BAD_REQUEST, "parameterNotJson", { detail: error.message }, { status: 400 });
        }
      });
    },
    onResultProcess({ request, result, setResult }) {
      if (Symbol.asyncIterator in (result as object)) return;
      const state = requestState(request);
      const decorate = <R extends Result>(single: R): R => {
        if (!single.errors?.length) return single;
        const language = requestLanguage(request);
        const errors = single.errors.map((error) => {
          if (!(error instanceof GraphQLError)) return error;
          const code = documentedCode(error);
          const internal = code === ErrorCode.INTERNAL_SERVER_ERROR;
          if (internal) {
            logger?.error({ err: maskedOriginals.get(error) ?? error.originalError ?? error, requestId: state.requestId, traceId: state.traceId, path: error.path }, "unexpected error");
          }
          const localized = localizedMessage(error, language);
          const message = bounded(hideSuggestions ? localized.replace(SUGGESTION, "") : localized);
          // With tracing on, every error names its trace, so a partner's report leads to the spans.
          const traced = state.traceId ? { traceId: state.traceId } : {};
          if (code === error.extensions.code && !internal && message === error.message && !state.traceId) return error;
          return new GraphQLError(message, {
            nodes: error.nodes,
            source: error.source,
            positions: error.positions,
            path: error.path,
            originalError: error.originalError,
            extensions: { ...error.extensions, code, ...(internal ? { requestId: state.requestId } : {}), ...traced },
          });
        });
        return { ...single, errors };
      };
      setResult(Array.isArray(result) ? result.map(decorate) : decorate(result as Result & typeof result));
    },
    onResponse({ request, response }) {
      const state = requestState(request);
      response.headers.set("x-request-id", state.requestId);
      if (state.allowance) {
        // Not again when the answer has them already (a 429 carries them from its error): whatwg-node's Headers
        // over yoga's header object would keep both spellings, and the client would read "59, 59".
        for (const [name, value] of Object.entries(rateLimitHeaders(state.allowance, windowSeconds))) if (!response.headers.has(name)) response.headers.set(name, value);
      }
      if (state.rateLimitKey === "") return; // /health, /ready, GraphiQL assets: not logged per request
      logRequest(logger, state, response.status);
    },
  };
}

/** The request's log line (operationsPlugin's onResponse; http/node-hits.ts writes it for the hits it answers). */
export function logRequest(logger: Logger | undefined, state: RequestState, status: number): void {
      logger?.info(
        {
          requestId: state.requestId,
          traceId: state.traceId,
          operationName: state.operationNames.join(",") || undefined,
          status,
          durationMs: Math.round((performance.now() - state.startedAt) * 10) / 10,
          cost: state.cost,
          remaining: state.allowance?.remaining,
          key: state.principal?.kind === "key" ? state.principal.name : undefined,
          client: state.principal?.kind === "anonymous" ? state.principal.id : undefined,
        },
        "graphql request",
      );
}
