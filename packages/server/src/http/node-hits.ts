// Answers response-cache hits at the node:http level, in front of yoga, when nothing but the cache,
// the caller's identity and its budget decide the answer; every other request goes to yoga as before.
//
// Why: a hit answered inside yoga cost about 160 µs of CPU, a third more than the raw `pg` server's
// whole request (bench/RESULTS.md, cached W3 vngov/raw 0.68-1.08), and the profile put the time in
// the machinery around the lookup, not in it: whatwg-node's Request, Headers, AbortSignal and
// Response, and one promise-helper step per plugin hook (about 14 onRequest hooks before the lookup
// and 10 onResponse hooks after it), 60 kB allocated per hit, a fifth of the CPU in garbage collection.
//
// It does what yoga's plugins do for such a hit and no more, with their own functions: identity as
// auth.ts finds it (anonymous, or a key already known), the spent-budget check of
// refusedRequestsPlugin, the cache's key and reuse rule, the charge, the cost extension, the headers
// of operations.ts, language.ts and compression.ts, the log line and the metrics. Whatever else could
// change the answer sends the request to yoga: another path, method or host form, a body of unknown
// or large size, an Origin (CORS), an answer that would be compressed, tracing, an unknown key, a
// spent budget. http/node-hits.test.ts holds it to byte-identical answers (headers and body) with a
// hit answered through yoga.
import type { IncomingMessage, ServerResponse } from "node:http";
import { knownPrincipal, type Principal } from "../auth/keys.js";
import type { Database } from "../db.js";
import { rateLimitHeaders } from "../limits/budget.js";
import type { Budget } from "../limits/budget-store.js";
import type { Logger } from "../logger.js";
import { anonymousPrincipal, bearerKey, rateLimitKeyOf } from "./auth.js";
import { proxyTrust, type TrustProxy } from "./client-address.js";
import { negotiateEncoding } from "./compression.js";
import type { Metrics } from "./metrics.js";
import { logRequest } from "./operations.js";
import { requestIdFrom, type RequestState } from "./request-state.js";
import { answerBytes, answerKey, RESPONSE_CACHE_MAX_BODY_BYTES, type ResponseCache } from "./response-cache.js";

type Handler = (request: IncomingMessage, response: ServerResponse) => unknown;

export interface NodeHitsOptions {
  cache: ResponseCache;
  db: Database;
  budget: Budget;
  maxCost: number;
  windowSeconds: number;
  graphqlEndpoint: string;
  trustProxy: TrustProxy;
  today: () => string;
  metrics?: Metrics;
  logger?: Logger;
  /** The compression plugin's threshold, when it is on. */
  compressionMinBytes?: number;
}

/** A Host header yoga's URL parsing leaves alone (name or address, optional port): others may change the path it sees. */
const PLAIN_HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
/** More than any cost extension takes (five numbers and their names): an answer this much under the threshold is never compressed. */
const MAX_TAIL_BYTES = 256;

/** A hit's answer, written here; false sends the request on to yoga. */
export function answeringHitsFirst(handler: Handler, options: NodeHitsOptions): Handler {
  const { cache, db, budget, maxCost, windowSeconds, graphqlEndpoint, today, metrics, logger, compressionMinBytes } = options;
  const trusted = proxyTrust(options.trustProxy);
  // Set as language.ts and compression.ts set it on every GraphQL answer.
  const vary = compressionMinBytes === undefined ? "Accept-Language" : "Accept-Language, Accept-Encoding";

  const identify = (request: IncomingMessage): Principal | null => {
    const authorization = request.headers.authorization;
    if (authorization === undefined) return anonymousPrincipal(request.socket.remoteAddress, header(request, "x-forwarded-for"), trusted);
    const key = bearerKey(authorization);
    return key === null ? null : (knownPrincipal(db.prisma, key) ?? null);
  };

  /** Answers the request if it is a hit it may answer; false when yoga must. */
  const answer = (request: IncomingMessage, response: ServerResponse, body: Buffer, startedAt: number): Promise<boolean> | false => {
    const principal = identify(request);
    if (!principal) return false;
    const rateLimitKey = rateLimitKeyOf(principal);
    if (budget.knownSpent(principal, rateLimitKey)) return false;
    const day = today();
    const key = answerKey("POST", header(request, "content-type"), header(request, "accept"), day, principal, body.toString("utf8"));
    const kept = cache.reusable(key, principal);
    if (!kept) return false;
    if (compressionMinBytes !== undefined && kept.headBytes.length + MAX_TAIL_BYTES >= compressionMinBytes && negotiateEncoding(header(request, "accept-encoding"))) return false;
    return budget.spend(principal, rateLimitKey, Math.max(1, kept.cost)).then(
      (allowance) => {
        // A spent budget: yoga refuses it (refusedRequestsPlugin now knows it spent), without charging again.
        if (allowance.limited) return false;
        const state: RequestState = {
          requestId: requestIdFrom(header(request, "x-request-id")),
          startedAt,
          principal,
          rateLimitKey,
          operationNames: [kept.operationName],
          cost: kept.cost,
          allowance,
          spent: true,
          cacheHit: true,
          today: day,
        };
        const sent = answerBytes(kept, maxCost, allowance);
        // Names, spelling and order as yoga sends them for the same hit.
        const headers: Record<string, string | number> = { "Content-Type": kept.contentType, "content-length": sent.length, vary, "x-request-id": state.requestId };
        for (const [name, value] of Object.entries(rateLimitHeaders(allowance, windowSeconds))) headers[name.toLowerCase()] = value;
        response.writeHead(200, headers).end(sent);
        metrics?.record(graphqlEndpoint, "POST", 200, state);
        logRequest(logger, state, 200);
        return true;
      },
      () => false, // the budget store failed: yoga's pipeline meets the same failure and answers for it
    );
  };

  return (request, response) => {
    const length = Number(request.headers["content-length"]);
    if (
      request.method !== "POST" ||
      request.url !== graphqlEndpoint ||
      !(length <= RESPONSE_CACHE_MAX_BODY_BYTES) ||
      request.headers["transfer-encoding"] !== undefined ||
      request.headers.origin !== undefined ||
      !PLAIN_HOST.test(request.headers.host ?? "")
    ) {
      return handler(request, response);
    }
    const startedAt = performance.now();
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.once("error", () => handler(request, response));
    request.once("end", () => {
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      const toYoga = () => {
        // The body is read: whatwg-node takes a request's `body` as the body already consumed.
        (request as IncomingMessage & { body?: Buffer }).body = body;
        handler(request, response);
      };
      const answered = answer(request, response, body, startedAt);
      if (answered === false) toYoga();
      else void answered.then((done) => done || toYoga());
    });
  };
}

/** One request header as whatwg-node's Headers reads it (repeated headers joined by ", "). */
function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
}
