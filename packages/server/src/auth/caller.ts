// Who is asking, as every resolver sees it: set once per request by the authentication plugin
// (http/auth.ts) on the GraphQL context, so the schema reads the caller without knowing HTTP.
import type { GraphQLError, OperationTypeNode } from "graphql";
import { codedError, ErrorCode } from "../errors.js";
import type { Language } from "../messages.js";
import { SCOPES, type Principal, type Scope } from "./keys.js";

/** The caller of one request: its key (or anonymous), its scopes, and what the request fixed on arrival. */
export interface Caller extends Principal {
  /** The request id every answer and log line carries (x-request-id, or a fresh UUID). */
  requestId: string;
  /** Today's date in Vietnam (YYYY-MM-DD) as this request sees it: the default `asOf`, fixed when the request arrives. */
  today: string;
  /** The language of messages in the answer (Accept-Language, http/language.ts): userErrors are rendered in it. */
  language: Language;
}

/**
 * The scope each kind of operation needs, declared on the root types (builder.ts, schema/stewardship.ts,
 * schema/change-event.ts): queries and the change feed read, mutations write.
 */
export const OPERATION_SCOPE = { query: "read", subscription: "read", mutation: "write" } as const satisfies Record<OperationTypeNode, Scope>;

/**
 * What a caller holds, scope by scope: the one rule of who may do what. Fields declare the scopes they
 * need (`authScopes`, @pothos/plugin-scope-auth, checked against this in builder.ts); the response
 * cache keys its answers by it and lets only a caller holding the write scope drop them
 * (http/response-cache.ts). Anonymous callers hold `read`.
 */
export function grantedScopes(caller: Pick<Principal, "scopes">): Record<Scope, boolean> {
  return grantsOf(caller.scopes).granted;
}

/** The scopes a caller holds, as one short string ("read", "read+write", …): the response cache's part of a key. */
export function grantedScopesKey(caller: Pick<Principal, "scopes">): string {
  return grantsOf(caller.scopes).key;
}

// Asked on every request (scope-auth, the response cache) of callers that share one scopes array (every
// anonymous caller, every request of one key): worked out once per array.
const grantsByScopes = new WeakMap<readonly string[], { granted: Readonly<Record<Scope, boolean>>; key: string }>();

function grantsOf(scopes: readonly string[]): { granted: Readonly<Record<Scope, boolean>>; key: string } {
  let grants = grantsByScopes.get(scopes);
  if (!grants) {
    const granted = Object.freeze(Object.fromEntries(SCOPES.map((scope) => [scope, scopes.includes(scope)])) as Record<Scope, boolean>);
    grants = { granted, key: SCOPES.filter((scope) => granted[scope]).join("+") };
    grantsByScopes.set(scopes, grants);
  }
  return grants;
}

/**
 * Whether a caller may send operations other than the persisted ones (a body's `query`, an APQ hash
 * to register, an answer the response cache holds for one): not on a server started with
 * PERSISTED_ONLY, nor with a key made `--persisted-only`. Persisted operations are open to all.
 */
export function mayRunAnyOperation(principal: Pick<Principal, "persistedOnly"> | undefined, persistedOnlyServer: boolean): boolean {
  return !persistedOnlyServer && !principal?.persistedOnly;
}

/**
 * The coded error for a field the caller may not resolve (scope-auth's unauthorizedError): a missing
 * key is UNAUTHENTICATED (401), a key without the scope FORBIDDEN (403). A scope the whole operation
 * needs is reported for the operation ("This mutation needs…"); a field that needs more than its
 * operation (Query.auditLog needs `write`) for writes and the audit log.
 */
export function unauthorizedError(caller: Principal, scope: Scope, operation: OperationTypeNode): GraphQLError {
  if (scope === OPERATION_SCOPE[operation]) {
    return caller.kind === "anonymous"
      ? codedError(ErrorCode.UNAUTHENTICATED, "operationNeedsKey", { operation }, { status: 401 })
      : codedError(ErrorCode.FORBIDDEN, "operationNeedsScope", { operation, scope, key: caller.name, scopes: caller.scopes }, { status: 403 });
  }
  return caller.kind === "anonymous"
    ? codedError(ErrorCode.UNAUTHENTICATED, "writeNeedsKey", {}, { status: 401 })
    : codedError(ErrorCode.FORBIDDEN, "writeNeedsScope", { key: caller.name, scopes: caller.scopes }, { status: 403 });
}
