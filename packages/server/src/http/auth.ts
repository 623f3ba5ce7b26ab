// Who is calling: an API key from `Authorization: Bearer <key>`, or an anonymous client address,
// handed to resolvers as the context's `caller`. What a caller may do is declared on the fields
// (`authScopes`, checked by @pothos/plugin-scope-auth against auth/caller.ts's grantedScopes).
//
// An Authorization header that does not hold a valid key is refused with 401, never downgraded to
// anonymous: a partner with a revoked or mistyped key must find out, not silently get less budget.
import type { IncomingMessage } from "node:http";
import type { Plugin } from "graphql-yoga";
import type { Caller } from "../auth/caller.js";
import { ANONYMOUS, findPrincipal, type Principal } from "../auth/keys.js";
import type { Database } from "../db.js";
import { ErrorCode } from "../errors.js";
import { renderMessage } from "../messages.js";
import { clientAddress, proxyTrust, type TrustProxy } from "./client-address.js";
import { requestLanguage } from "./language.js";
import { requestState } from "./request-state.js";
import type { Context } from "../context.js";

export interface AuthOptions {
  db: Database;
  graphqlEndpoint: string;
  /** The proxies whose X-Forwarded-For entries are believed (config TRUST_PROXY). */
  trustProxy: TrustProxy;
  /** Other paths whose callers are identified and charged like GraphQL requests (the table exports). */
  alsoUnder?: string[];
  /** Today in Vietnam (YYYY-MM-DD): fixed on each identified request as it arrives (Caller.today). */
  today: () => string;
}

/** Who sent an identified request: its key, or an anonymous caller named by its address. */
export function principalOf(request: Request): Principal {
  const state = requestState(request);
  // Every GraphQL request (and charged route) passed onRequest below, which identified it or answered 401.
  return state.principal ?? { ...ANONYMOUS, id: state.rateLimitKey };
}

/** The caller of an identified request, as the GraphQL context carries it. */
export function callerOf(request: Request): Caller {
  const state = requestState(request);
  return { ...principalOf(request), requestId: state.requestId, today: state.today!, language: requestLanguage(request) };
}


/** An anonymous caller, named by its client address (through the trusted proxies). */
export function anonymousPrincipal(remoteAddress: string | undefined, forwardedFor: string | null, trusted: ReturnType<typeof proxyTrust>): Principal {
  return { ...ANONYMOUS, id: `ip:${clientAddress(remoteAddress, forwardedFor, trusted)}` };
}

/** The key of an `Authorization: Bearer <key>` header; null when the header is malformed. */
export function bearerKey(authorization: string): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1] ?? null;
}

/** The key a request's budget is counted by. */
export function rateLimitKeyOf(principal: Principal): string {
  return principal.kind === "key" ? `key:${principal.id}` : principal.id;
}

/** 401 before any GraphQL runs, its message (a catalogue key) in the request's language. */
export function unauthenticatedResponse(fetchAPI: { Response: typeof Response }, key: "authorizationMalformed" | "keyUnknown", request: Request): Response {
  const message = renderMessage(key, {}, requestLanguage(request));
  const requestId = requestState(request).requestId;
  return new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code: ErrorCode.UNAUTHENTICATED, requestId } }] }), {
    status: 401,
    headers: { "content-type": "application/json; charset=utf-8", "www-authenticate": 'Bearer realm="vngov"' },
  });
}

export function authPlugin({ db, graphqlEndpoint, trustProxy, alsoUnder = [], today }: AuthOptions): Plugin<Context> {
  const trusted = proxyTrust(trustProxy);
  const plugin: Plugin<Context> = {
    // Not an async function: an anonymous request is identified without a promise; a key may need the database.
    onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      // Made by the first plugin that asked (its request id and start time), else here.
      const state = requestState(request);
      if (url.pathname !== graphqlEndpoint && !alsoUnder.some((prefix) => url.pathname.startsWith(prefix))) return;
      state.rateLimitKey = "unauthenticated"; // until the caller is known; marks the request as a GraphQL one
      const authorization = request.headers.get("authorization");
      const identified = (principal: Principal) => {
        Object.assign(state, { principal, rateLimitKey: rateLimitKeyOf(principal), today: today() });
      };
      if (authorization == null) {
        const remote = (serverContext as { req?: IncomingMessage }).req?.socket?.remoteAddress;
        identified(anonymousPrincipal(remote, request.headers.get("x-forwarded-for"), trusted));
        return;
      }
      const key = bearerKey(authorization);
      if (key === null) {
        endResponse(unauthenticatedResponse(fetchAPI, "authorizationMalformed", request));
        return;
      }
      return findPrincipal(db.prisma, key).then((principal) => {
        if (principal) identified(principal);
        else endResponse(unauthenticatedResponse(fetchAPI, "keyUnknown", request));
      });
    },
    // The caller, once, on the GraphQL context: resolvers read it there, never the HTTP request.
    onContextBuilding({ context, extendContext }) {
      extendContext({ caller: callerOf(context.request) });
    },
  };
  return plugin;
}
