// The error codes clients can see in `extensions.code`: the one documented list.
import { GraphQLError } from "graphql";
import { DEFAULT_LANGUAGE, renderMessage, type Language, type MessageKey, type MessageParams } from "./messages.js";

export const ErrorCode = {
  /** The request's arguments or variables are malformed or out of range. */
  BAD_USER_INPUT: "BAD_USER_INPUT",
  /** The HTTP request itself is malformed: no query, a body that is not JSON, a bad Content-Length (400). */
  BAD_REQUEST: "BAD_REQUEST",
  /** The query text does not parse (400). */
  GRAPHQL_PARSE_FAILED: "GRAPHQL_PARSE_FAILED",
  /** The query does not validate against the schema. */
  GRAPHQL_VALIDATION_FAILED: "GRAPHQL_VALIDATION_FAILED",
  /** The operation would return more objects than one request may (its cost, from page sizes, is over MAX_COST). */
  QUERY_TOO_COMPLEX: "QUERY_TOO_COMPLEX",
  /** The operation nests selections deeper than MAX_DEPTH. */
  QUERY_TOO_DEEP: "QUERY_TOO_DEEP",
  /** The operation uses more aliases than MAX_ALIASES. */
  TOO_MANY_ALIASES: "TOO_MANY_ALIASES",
  /** The document has more tokens than MAX_TOKENS (400). */
  TOO_MANY_TOKENS: "TOO_MANY_TOKENS",
  /** The operation uses more directives than MAX_DIRECTIVES. */
  TOO_MANY_DIRECTIVES: "TOO_MANY_DIRECTIVES",
  /** The batch holds more operations than BATCH_LIMIT, or batches are refused (400). */
  TOO_MANY_OPERATIONS: "TOO_MANY_OPERATIONS",
  /** The request body is larger than MAX_BODY_BYTES (413). */
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  /** The Authorization header holds no valid API key: unknown, revoked or malformed (401). */
  UNAUTHENTICATED: "UNAUTHENTICATED",
  /** The API key lacks the scope the operation needs (403). */
  FORBIDDEN: "FORBIDDEN",
  /** The caller's cost budget for the current window is spent; see Retry-After (429). */
  RATE_LIMITED: "RATE_LIMITED",
  /** No persisted operation has the hash sent; send the full query once it is registered (404 semantics, 200/400 status). */
  PERSISTED_QUERY_NOT_FOUND: "PERSISTED_QUERY_NOT_FOUND",
  /** An automatic persisted query's text does not hash to the `sha256Hash` sent with it, or is longer than APQ_MAX_QUERY_BYTES (400). */
  PERSISTED_QUERY_MISMATCH: "PERSISTED_QUERY_MISMATCH",
  /** A POST whose Content-Type is not JSON (form-encoded, multipart or plain text): refused unexecuted (415). */
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  /** This caller may only run persisted operations: send `documentId` or `extensions.persistedQuery.sha256Hash` (403). */
  PERSISTED_QUERY_ONLY: "PERSISTED_QUERY_ONLY",
  /** The answer would be larger than MAX_RESPONSE_BYTES (boundaries): refused before it is sent, without data. */
  RESPONSE_TOO_LARGE: "RESPONSE_TOO_LARGE",
  /** The operation ran longer than REQUEST_TIMEOUT_MS and was abandoned (503). */
  REQUEST_TIMEOUT: "REQUEST_TIMEOUT",
  /** This server streams the change feed to FEED_MAX_SUBSCRIBERS subscribers already; reconnect after Retry-After (503). */
  TOO_MANY_SUBSCRIBERS: "TOO_MANY_SUBSCRIBERS",
  /** More than FEED_MAX_REPLAY change-feed events follow the cursor sent: read the state with queries, then subscribe without one. */
  REPLAY_TOO_LARGE: "REPLAY_TOO_LARGE",
  /** Something failed on the server; the message is masked, the error logged with `requestId`. */
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The catalogue entry an error was made from, so that it can be rendered again in the caller's language. */
const catalogued = new WeakMap<object, { key: MessageKey; params: unknown }>();

/**
 * A user-caused error (BAD_USER_INPUT) with a catalogued message that says what is wrong and how to
 * fix it, e.g. `badUserInput("notAProvinceCode", { argument, code }, argument)`.
 */
export function badUserInput<K extends MessageKey>(key: K, params: MessageParams<K>, argument?: string): GraphQLError {
  return codedError(ErrorCode.BAD_USER_INPUT, key, params, argument ? { extensions: { argument } } : {});
}

/**
 * An error with a code and a catalogued message and, where the HTTP status matters,
 * `extensions.http` (yoga turns it into the response status and headers, and leaves it out of the
 * JSON). The message is English here; http/operations.ts renders it in the request's language.
 */
export function codedError<K extends MessageKey>(
  code: ErrorCode,
  key: K,
  params: MessageParams<K>,
  options: { status?: number; headers?: Record<string, string>; extensions?: Record<string, unknown> } = {},
): GraphQLError {
  const http = options.status || options.headers ? { http: { status: options.status, headers: options.headers } } : {};
  const error = new GraphQLError(renderMessage(key, params), { extensions: { code, ...options.extensions, ...http } });
  catalogued.set(error, { key, params });
  return error;
}

/**
 * The message of `error` in `language`: its catalogue entry rendered again (also when graphql-js or
 * yoga wrapped it, keeping it as `originalError`), else its own message (graphql-js' validation
 * errors, which are English only).
 */
export function localizedMessage(error: GraphQLError, language: Language): string {
  if (language === DEFAULT_LANGUAGE) return error.message;
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const found = catalogued.get(current);
    if (found) return renderMessage(found.key, found.params as MessageParams<typeof found.key>, language);
    current = (current as { originalError?: unknown }).originalError;
  }
  return error.message;
}
