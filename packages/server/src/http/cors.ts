// Cross-origin browsers: yoga's CORS options from the configuration, and the refusal of requests a
// browser sends cross-origin without asking first (CSRF through an HTML form or a `no-cors` fetch).
import type { CORSOptions, Plugin } from "graphql-yoga";
import { ErrorCode } from "../errors.js";

export interface CorsConfig {
  /** "*" (any origin) or the allowed origins. */
  origins: readonly string[];
  allowedHeaders: readonly string[];
  maxAgeSeconds: number;
}

/** Response headers a browser script may read: request id, budgets and their reset, validators. */
const EXPOSED_HEADERS = ["x-request-id", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy", "Retry-After", "ETag", "traceparent"];

export function corsOptions({ origins, allowedHeaders, maxAgeSeconds }: CorsConfig): CORSOptions {
  return {
    origin: origins.includes("*") ? "*" : [...origins],
    methods: ["GET", "POST", "OPTIONS"],
    allowedHeaders: [...allowedHeaders],
    exposedHeaders: EXPOSED_HEADERS,
    // Never: the API authenticates with a bearer key, not cookies. Said explicitly because yoga otherwise
    // adds `Access-Control-Allow-Credentials: true` whenever it echoes the caller's origin, which it does
    // for "*" too: any site could then read answers made with the visitor's cookies.
    credentials: false,
    ...(maxAgeSeconds > 0 ? { maxAge: maxAgeSeconds } : {}),
  };
}

/**
 * Content types a browser may POST cross-origin without a preflight (the CORS "simple request"
 * types). yoga would parse a form-encoded body as a GraphQL request and run it, mutations included,
 * before CORS has any say: a hostile page's form could spend a visitor's budget or, with a key in a
 * cookie-less form field, write. GraphQL clients send JSON, so these are refused with 415 unexecuted.
 */
const SIMPLE_CONTENT_TYPES = /^\s*(?:application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\s*(?:;|$)/i;

export function simpleRequestGuardPlugin(graphqlEndpoint: string): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== "POST" || url.pathname !== graphqlEndpoint) return;
      const contentType = request.headers.get("content-type");
      if (contentType !== null && !SIMPLE_CONTENT_TYPES.test(contentType)) return;
      const message = `POST ${graphqlEndpoint} takes a JSON body: send \`Content-Type: application/json\` (form-encoded and plain-text bodies are refused so that no web page can submit operations as a form).`;
      endResponse(
        new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code: ErrorCode.UNSUPPORTED_MEDIA_TYPE } }] }), {
          status: 415,
          headers: { "content-type": "application/json; charset=utf-8", accept: "application/json" },
        }),
      );
    },
  };
}
