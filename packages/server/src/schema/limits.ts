// Query.limits: the endpoint's limits and budgets, as this server enforces them (the object the
// enforcing plugins are made from, limits/endpoint.ts, handed over on the context).
import { builder } from "../builder.js";
import type { PublicLimits } from "../limits/endpoint.js";

const EndpointLimits = builder.objectRef<PublicLimits>("EndpointLimits").implement({
  description:
    "The limits every request to this endpoint is held to. A request over one is refused before it runs, with the error code named on the field. See docs/partners.md.",
  fields: (t) => ({
    maxDepth: t.exposeInt("maxDepth", { description: "Deepest nesting of selections in one operation (QUERY_TOO_DEEP)." }),
    maxAliases: t.exposeInt("maxAliases", { description: "Most aliases in one operation (TOO_MANY_ALIASES)." }),
    maxTokens: t.exposeInt("maxTokens", { description: "Most lexical tokens (names, punctuation, values) in one document (TOO_MANY_TOKENS)." }),
    maxDirectives: t.exposeInt("maxDirectives", { description: "Most directives in one operation (TOO_MANY_DIRECTIVES)." }),
    maxCost: t.exposeInt("maxCost", {
      description:
        "Highest cost of one operation (QUERY_TOO_COMPLEX). Cost = the objects the response can hold: each connection's page size (`first`, default 20) multiplies everything inside it. Every response reports it in extensions.cost.",
    }),
    maxPageSize: t.exposeInt("maxPageSize", { description: "Largest `first`/`last` of a connection (BAD_USER_INPUT)." }),
    defaultPageSize: t.exposeInt("defaultPageSize", { description: "Page size of a connection asked for without `first`." }),
    maxStringLength: t.exposeInt("maxStringLength", {
      description: "Longest string any argument, input field or variable may hold, in UTF-16 code units; strings with NUL (U+0000) or unpaired surrogates are refused too (BAD_USER_INPUT).",
    }),
    batchLimit: t.exposeInt("batchLimit", { description: "Most operations in one batched (JSON array) request; 0 when batches are refused (TOO_MANY_OPERATIONS)." }),
    maxBodyBytes: t.exposeInt("maxBodyBytes", { description: "Largest request body in bytes (PAYLOAD_TOO_LARGE, HTTP 413)." }),
    requestTimeoutMs: t.exposeInt("requestTimeoutMs", { description: "Longest an operation may run, in milliseconds (REQUEST_TIMEOUT, HTTP 503)." }),
    maxResponseBytes: t.exposeInt("maxResponseBytes", {
      description:
        "Largest answer in bytes, as counted while it is computed (boundaries: about 24 bytes a vertex); a larger one is refused without data (RESPONSE_TOO_LARGE).",
    }),
    rateLimitWindowSeconds: t.exposeInt("rateLimitWindowSeconds", { description: "Length of the rate-limit window in seconds." }),
    anonymousBudget: t.exposeInt("anonymousBudget", {
      description: "Cost points per window for callers without an API key, counted per IP address (RATE_LIMITED, HTTP 429).",
    }),
    keyBudget: t.exposeInt("keyBudget", { description: "Cost points per window for each API key (RATE_LIMITED, HTTP 429)." }),
  }),
});

builder.queryField("limits", (t) =>
  t.field({
    type: EndpointLimits,
    description: "The limits and rate-limit budgets this endpoint enforces, with their current numbers.",
    resolve: (_root, _args, ctx) => ctx.limits,
  }),
);
