// VngovError: the one error type the SDK throws, with a code to branch on.
import type { GraphQLFormattedError } from "graphql";

/**
 * The codes the server sets in `extensions.code` (the API's documented error list; a test holds
 * it equal to the server's).
 */
export const SERVER_ERROR_CODES = [
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "QUERY_TOO_COMPLEX",
  "QUERY_TOO_DEEP",
  "TOO_MANY_ALIASES",
  "TOO_MANY_TOKENS",
  "TOO_MANY_DIRECTIVES",
  "TOO_MANY_OPERATIONS",
  "PAYLOAD_TOO_LARGE",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "RATE_LIMITED",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_MISMATCH",
  "UNSUPPORTED_MEDIA_TYPE",
  "PERSISTED_QUERY_ONLY",
  "RESPONSE_TOO_LARGE",
  "REQUEST_TIMEOUT",
  "TOO_MANY_SUBSCRIBERS",
  "REPLAY_TOO_LARGE",
  "INTERNAL_SERVER_ERROR",
] as const;

/**
 * Codes the server sets in `extensions.code` (SERVER_ERROR_CODES), and the SDK's own:
 * - `NETWORK_ERROR`: the request did not reach the server or the connection broke.
 * - `TIMEOUT`: no complete answer within `timeoutMs`.
 * - `ABORTED`: the caller's `signal` aborted the request.
 * - `HTTP_ERROR`: a non-2xx answer without GraphQL errors (a proxy, a gateway, a 404).
 * - `BAD_RESPONSE`: an answer that is not a GraphQL response (not JSON, no `data`).
 * - `GRAPHQL_ERROR`: a GraphQL error without a code.
 */
export type VngovErrorCode =
  | (typeof SERVER_ERROR_CODES)[number]
  | "NETWORK_ERROR"
  | "TIMEOUT"
  | "ABORTED"
  | "HTTP_ERROR"
  | "BAD_RESPONSE"
  | "GRAPHQL_ERROR"
  // Codes a newer server may add still type-check.
  | (string & {});

export interface VngovErrorOptions {
  code: VngovErrorCode;
  status?: number | undefined;
  errors?: readonly GraphQLFormattedError[] | undefined;
  data?: unknown;
  cause?: unknown;
  /** Seconds to wait before asking again, from the answer's Retry-After. */
  retryAfter?: number | undefined;
  /** The answer's x-request-id. */
  requestId?: string | undefined;
  /** The answer's RateLimit headers. */
  rateLimit?: { limit: number; remaining: number; resetSeconds: number } | undefined;
}

export class VngovError extends Error {
  override readonly name = "VngovError";
  /** The server's `extensions.code` of the first error, or one of the SDK's own codes. */
  readonly code: VngovErrorCode;
  /** The HTTP status, when the server answered. */
  readonly status: number | undefined;
  /** The GraphQL errors exactly as the server sent them (empty for network and HTTP errors). */
  readonly errors: readonly GraphQLFormattedError[];
  /** Whatever `data` came with the errors (a partial result), if any. */
  readonly data: unknown;
  /**
   * Seconds the server asked to wait before the next request (its Retry-After): set on RATE_LIMITED
   * (the window's reset) and on 503s that carry one; undefined otherwise.
   */
  readonly retryAfter: number | undefined;
  /** The server's x-request-id for the failed request: quote it when you report a problem. */
  readonly requestId: string | undefined;
  /** The RateLimit headers of the answer, when the server sent them. */
  readonly rateLimit: { limit: number; remaining: number; resetSeconds: number } | undefined;

  constructor(message: string, { code, status, errors = [], data, cause, retryAfter, requestId, rateLimit }: VngovErrorOptions) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
    this.status = status;
    this.errors = errors;
    this.data = data;
    this.retryAfter = retryAfter;
    this.requestId = requestId;
    this.rateLimit = rateLimit;
  }
}

/** True for a VngovError, also across copies of the SDK (where `instanceof` fails). */
export function isVngovError(error: unknown): error is VngovError {
  return error instanceof VngovError || (error instanceof Error && error.name === "VngovError" && "code" in error);
}
