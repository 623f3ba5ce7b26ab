// createClient: typed methods for the SDK's operations over one small fetch-based transport.
import type { DocumentTypeDecoration, ResultOf, TypedDocumentNode, VariablesOf } from "@graphql-typed-document-node/core";
// Types only: the SDK has no runtime dependency on graphql (documents travel as their text).
import type { DocumentNode, GraphQLFormattedError } from "graphql";
import { VngovError } from "./errors.js";
import {
  CommuneAtDocument,
  CommuneDocument,
  ChangesDocument,
  CommunesDocument,
  CompareDocument,
  ConvertAddressDocument,
  ConvertAddressesDocument,
  FiguresDocument,
  IndicatorsDocument,
  LegacyCommuneDocument,
  ProvinceDocument,
  ProvincesDocument,
  RegistryChangesDocument,
  type AddressConversionFieldsFragment,
  type AddressConversionSummaryFieldsFragment,
  type ChangesSubscription,
  type ChangesSubscriptionVariables,
  type CommuneAtQuery,
  type CommuneAtQueryVariables,
  type CompareQuery,
  type CompareQueryVariables,
  type FiguresQuery,
  type FiguresQueryVariables,
  type IndicatorsQuery,
  type LegacyAddressInput,
  type LegacyCommuneQuery,
  type LegacyCommuneQueryVariables,
  type CommuneQuery,
  type CommuneQueryVariables,
  type CommunesQuery,
  type CommunesQueryVariables,
  type ProvinceQuery,
  type ProvinceQueryVariables,
  type ProvincesQuery,
  type ProvincesQueryVariables,
  type RegistryChangesQuery,
  type RegistryChangesQueryVariables,
} from "./generated/graphql.js";
import { paginate } from "./paginate.js";
import { subscribeOverSSE, type SubscribeOptions } from "./subscribe.js";

/** Largest page the API serves; the paginating helpers ask for this by default. */
export const MAX_PAGE_SIZE = 200;
/** Most addresses `convertAddresses` takes in one request (the server's limit). */
export const MAX_ADDRESSES = 1000;
const DEFAULT_TIMEOUT_MS = 30_000;
const PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** What the server said it charged: the `extensions.cost` of a GraphQL answer. */
export interface CostInfo {
  /** The operation's cost (objects its answer can hold). */
  requested: number;
  /** The most one operation may cost. */
  limit: number;
  /** What is left of the caller's budget in this window. */
  remaining: number;
  /** The caller's budget per window. */
  budget: number;
  /** Seconds until the window restarts. */
  resetSeconds: number;
}

/** The IETF RateLimit headers of an answer. */
export interface RateLimitInfo {
  limit: number;
  remaining: number;
  /** Seconds until the budget is whole again. */
  resetSeconds: number;
}

/** What every answer tells besides its data: handed to `onResponse` after each request. */
export interface ResponseInfo {
  operationName: string | undefined;
  /** The HTTP status of the last attempt. */
  status: number;
  /** The server's x-request-id: quote it when you report a problem. */
  requestId: string | undefined;
  cost: CostInfo | undefined;
  rateLimit: RateLimitInfo | undefined;
  /** How many requests it took (1 without retries). */
  attempts: number;
}

/** Retries with exponential backoff and full jitter; a Retry-After from the server is waited for instead. */
export interface RetryOptions {
  /** Retries after the first attempt; default 3. */
  retries?: number | undefined;
  /** Backoff base; default 250 ms (then 500, 1000… at most maxDelayMs, each drawn at random below it). */
  minDelayMs?: number | undefined;
  /** Longest backoff; default 10 000 ms. */
  maxDelayMs?: number | undefined;
  /** A Retry-After longer than this is not waited for: the error is thrown; default 60 000 ms. */
  maxRetryAfterMs?: number | undefined;
}

// Optional properties say `| undefined` so that `apiKey: process.env.X` compiles under exactOptionalPropertyTypes.
export interface ClientOptions {
  /** The GraphQL endpoint, e.g. "https://api.example.vn/graphql". */
  url: string;
  /** Sent as `Authorization: Bearer <apiKey>`; no header when undefined or empty. */
  apiKey?: string | undefined;
  /** A fetch implementation; the global `fetch` by default. */
  fetch?: FetchLike | undefined;
  /**
   * The language of the server's error messages: "vi" for Vietnamese, "en" (the server's default) for
   * English. Sent as `Accept-Language`; the error codes (`VngovError.code`, `extensions.code`) are the
   * same in both. Not sent when undefined.
   */
  language?: "en" | "vi" | undefined;
  /** Extra headers on every request. */
  headers?: Record<string, string> | undefined;
  /** Aborts every request of this client (e.g. when a page unmounts). */
  signal?: AbortSignal | undefined;
  /** Fails a request with code TIMEOUT after this many milliseconds; default 30 000, 0 for none. */
  timeoutMs?: number | undefined;
  /**
   * Send the SDK's operations as persisted operations: only the SHA-256 hash listed in
   * `@vngov/sdk/persisted-documents.json`, not the query text, over GET (so HTTP caches and CDNs can
   * keep the answers; POST when the URL would be longer than 2,000 characters). When the server answers
   * PERSISTED_QUERY_NOT_FOUND (it does not hold that list, or an older one), the client sends the
   * full query instead and keeps doing so for that operation. Subscriptions (`changes()`) go by
   * hash too, over POST. Documents of your own (through `request()`) always go as text. Default false.
   */
  persisted?: boolean | undefined;
  /**
   * Retry RATE_LIMITED (429) answers, 503s (REQUEST_TIMEOUT, a restarting server) and network errors,
   * honouring Retry-After. Off by default; `true` uses the defaults of RetryOptions. Mutations are retried
   * only after a 429 (refused before running), never after an error that may have come after the write.
   */
  retry?: boolean | RetryOptions | undefined;
  /** Called after every request with its cost, rate-limit headers and request id (also when it failed). */
  onResponse?: ((info: ResponseInfo) => void) | undefined;
}

/** Per-call options; they add to (headers) or narrow (signal, timeoutMs) the client's. */
export interface RequestOptions {
  headers?: Record<string, string> | undefined;
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  /** Overrides the client's retry setting for this call. */
  retry?: boolean | RetryOptions | undefined;
  /** Called after this call's request, besides the client's onResponse. */
  onResponse?: ((info: ResponseInfo) => void) | undefined;
}

/** Variables are required when the operation has a required variable, optional otherwise. */
export type VariablesArgs<Variables> = Record<string, never> extends Variables
  ? [variables?: Variables, options?: RequestOptions]
  : [variables: Variables, options?: RequestOptions];

export type ProvinceResult = ProvinceQuery["province"];
export type ProvincesResult = ProvincesQuery["provinces"];
export type CommuneResult = CommuneQuery["commune"];
export type CommunesResult = CommunesQuery["communes"];
export type RegistryChangesResult = RegistryChangesQuery["registryChanges"];
/** One commune-level unit as `communes` and `paginateCommunes` return it. */
export type CommuneListItem = CommunesResult["nodes"][number];
/** One province as `provinces` and `paginateProvinces` return it. */
export type ProvinceListItem = ProvincesResult["nodes"][number];
/** One department or equivalent body of a province, as `province` returns them. */
export type DepartmentItem = NonNullable<ProvinceResult>["departments"]["nodes"][number];
/** What `convertAddress` answers for one old address (and `convertAddresses` for each). */
export type ConvertAddressResult = AddressConversionFieldsFragment;
/** One new unit an old address may now belong to, best first. */
export type AddressCandidateItem = ConvertAddressResult["candidates"][number];
/**
 * What `convertAddresses` answers for each address: the candidates as `convertAddress` gives them,
 * district-only matches without their units, no parsed parts; lean so that 1,000 fit in one request.
 */
export type AddressConversionSummary = AddressConversionSummaryFieldsFragment;
export type FiguresResult = FiguresQuery["figures"];
/** One published figure with its quote, source and subject. */
export type FigureItem = FiguresResult["nodes"][number];
export type CompareResult = CompareQuery["compare"];
/** One province's row of `compare`: its value, or null when none is published. */
export type ComparisonItem = CompareResult[number];
export type IndicatorsResult = IndicatorsQuery["indicators"];
export type LegacyCommuneResult = LegacyCommuneQuery["legacyCommune"];
export type CommuneAtResult = CommuneAtQuery["communeAt"];
/** One change-feed event: a registry event, a figure added, corrected or retracted, with its `cursor`. */
export type ChangeItem = ChangesSubscription["changes"];

export interface VngovClient {
  /** Runs any operation; result and variables are typed by the document. */
  request<Result, Variables extends Record<string, unknown>>(
    document: Sendable<Result, Variables>,
    ...args: VariablesArgs<Variables>
  ): Promise<Result>;
  /** One province with its communes and their service centers; null for an unknown code. */
  province(variables: ProvinceQueryVariables, options?: RequestOptions): Promise<ProvinceResult>;
  /** One page of provinces (default 20, at most 200). */
  provinces(variables?: ProvincesQueryVariables, options?: RequestOptions): Promise<ProvincesResult>;
  /** One commune-level unit with its province and service center; null for an unknown code. */
  commune(variables: CommuneQueryVariables, options?: RequestOptions): Promise<CommuneResult>;
  /** One page of commune-level units (default 20, at most 200). */
  communes(variables?: CommunesQueryVariables, options?: RequestOptions): Promise<CommunesResult>;
  /** Every page of `communes`, one unit at a time; `first` sets the page size (default 200). */
  paginateCommunes(
    variables?: Omit<CommunesQueryVariables, "after">,
    options?: RequestOptions,
  ): AsyncGenerator<CommuneListItem, void, undefined>;
  /** Every page of `provinces`, one province at a time; `first` sets the page size (default 200). */
  paginateProvinces(
    variables?: Omit<ProvincesQueryVariables, "after">,
    options?: RequestOptions,
  ): AsyncGenerator<ProvinceListItem, void, undefined>;
  /** Registry changes since 2025-07-01, oldest first, with their legal sources. */
  registryChanges(variables?: RegistryChangesQueryVariables, options?: RequestOptions): Promise<RegistryChangesResult>;
  /**
   * Converts one old address (before 2025-07-01), given as parts or one line, to the new units:
   * candidates best first with score, lineage kind and the rewritten address; `unambiguous` when
   * one candidate clearly wins. No match is an empty list, not an error.
   */
  convertAddress(address: LegacyAddressInput, options?: RequestOptions): Promise<ConvertAddressResult>;
  /**
   * Converts up to 1,000 old addresses in one request; answers in the order given. More than
   * 1,000 fails with BAD_USER_INPUT before anything is sent.
   */
  convertAddresses(addresses: readonly LegacyAddressInput[], options?: RequestOptions): Promise<AddressConversionSummary[]>;
  /** One page of published figures (default 20, at most 200), filtered by indicator, province, status and dates. */
  figures(variables?: FiguresQueryVariables, options?: RequestOptions): Promise<FiguresResult>;
  /** Every page of `figures`, one figure at a time; `first` sets the page size (default 200). */
  paginateFigures(
    variables?: Omit<FiguresQueryVariables, "after">,
    options?: RequestOptions,
  ): AsyncGenerator<FigureItem, void, undefined>;
  /** One indicator for several provinces (default all 34, by code): each one's latest value on or before `asOf`, or null. */
  compare(variables: CompareQueryVariables, options?: RequestOptions): Promise<CompareResult>;
  /** Every indicator figures are published for (codes for `figures` and `compare`). */
  indicators(options?: RequestOptions): Promise<IndicatorsResult>;
  /** One old commune (before 2025-07-01) by its 5-digit code, with the new units it became; null for an unknown code. */
  legacyCommune(variables: LegacyCommuneQueryVariables, options?: RequestOptions): Promise<LegacyCommuneResult>;
  /** The commune-level unit containing a point (WGS 84) on `asOf`; null at sea, abroad or between islands. */
  communeAt(variables: CommuneAtQueryVariables, options?: RequestOptions): Promise<CommuneAtResult>;
  /**
   * Runs any subscription over server-sent events and yields each result's data. A dropped
   * connection is opened again (see SubscribeOptions.reconnect) with the last event's id as
   * Last-Event-ID; end it with `options.signal` or by leaving the `for await` loop.
   */
  subscribe<Result, Variables extends Record<string, unknown>>(
    document: Sendable<Result, Variables>,
    variables?: Variables,
    options?: SubscribeOptions,
  ): AsyncGenerator<Result, void, undefined>;
  /**
   * The change feed: every registry event, figure, correction and retraction as it commits, oldest
   * first. Pass the last `cursor` you stored as `after` to receive what you missed first; across
   * reconnections the SDK resumes by itself, so nothing is lost or received twice.
   */
  changes(variables?: ChangesSubscriptionVariables, options?: SubscribeOptions): AsyncGenerator<ChangeItem, void, undefined>;
}

interface GraphQLResponseBody {
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
}

interface Serialised {
  query: string;
  operationName: string | undefined;
  /** "query", "mutation" or "subscription" (of the only operation; undefined when several). */
  operation: string | undefined;
}

/**
 * A document `request()` sends: the SDK's generated documents (their text, with the persisted hash),
 * a typed AST of your own that keeps its source text (graphql's `parse` and `gql` do, unless told
 * `noLocation`), or a typed string.
 */
export type Sendable<Result, Variables> = TypedDocumentNode<Result, Variables> | (DocumentTypeDecoration<Result, Variables> & string) | (DocumentTypeDecoration<Result, Variables> & String);

const serialised = new WeakMap<object, Serialised>();

/**
 * The operations at the top level of a document's text (outside braces, strings and comments): their
 * type and name. Hand-written so that the SDK needs neither graphql's parser nor its printer at run time.
 */
function topLevelOperations(text: string): Array<{ operation: string; name: string | undefined }> {
  const operations: Array<{ operation: string; name: string | undefined }> = [];
  let depth = 0;
  let sawShorthand = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === "#") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (char === '"') {
      const block = text.startsWith('"""', i);
      const end = block ? text.indexOf('"""', i + 3) : text.slice(i + 1).search(/(?<!\\)"/) + i + 1;
      i = end < 0 ? text.length : end + (block ? 2 : 0);
    } else if (char === "{" || char === "(" || char === "[") {
      if (char === "{" && depth === 0 && !sawShorthand && operations.length === 0 && !/\b(?:fragment|query|mutation|subscription)\b[^{]*$/.test(text.slice(0, i))) {
        operations.push({ operation: "query", name: undefined }); // `{ … }`: an anonymous query
        sawShorthand = true;
      }
      depth++;
    } else if (char === "}" || char === ")" || char === "]") {
      depth--;
    } else if (depth === 0 && /[_A-Za-z]/.test(char) && (i === 0 || !/[\w]/.test(text[i - 1]!))) {
      const word = /^[_A-Za-z]\w*/.exec(text.slice(i))![0];
      if (word === "query" || word === "mutation" || word === "subscription") {
        const name = /^\s*([_A-Za-z]\w*)/.exec(text.slice(i + word.length))?.[1];
        operations.push({ operation: word, name });
      }
      i += word.length - 1;
    }
  }
  return operations;
}

function serialise(document: DocumentNode | string | String): Serialised {
  if (typeof document === "string") return describe(document);
  let entry = serialised.get(document);
  if (!entry) {
    if (document instanceof String) {
      entry = describe(document.toString());
    } else {
      const text = document.loc?.source.body;
      if (text === undefined) {
        throw new VngovError("This document has no source text: pass one made by graphql's parse or gql (without noLocation), or its text as a string.", {
          code: "BAD_USER_INPUT",
        });
      }
      const operations = document.definitions.filter((definition) => definition.kind === "OperationDefinition");
      const only = operations.length === 1 ? operations[0] : undefined;
      entry = { query: text, operationName: only?.name?.value, operation: only?.operation };
    }
    serialised.set(document, entry);
  }
  return entry;
}

function describe(text: string): Serialised {
  const operations = topLevelOperations(text);
  const only = operations.length === 1 ? operations[0] : undefined;
  return { query: text, operationName: only?.name, operation: only?.operation };
}

/** The SHA-256 hash codegen stores on the SDK's documents: their key in persisted-documents.json. */
function persistedHash(document: DocumentNode | string | String): string | undefined {
  const meta = (document as { __meta__?: { hash?: unknown } }).__meta__;
  return typeof meta?.hash === "string" ? meta.hash : undefined;
}

function isAbortError(error: unknown): boolean {
  return typeof error === "object" && error !== null && "name" in error && (error.name === "AbortError" || error.name === "TimeoutError");
}

/** Retry-After as seconds (RFC 9110 §10.2.3: a number of seconds or an HTTP date). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  // A proxy may repeat the header ("30, 30" once joined): the first value counts.
  const seconds = /^\s*(\d+)\s*(?:,|$)/.exec(value)?.[1];
  if (seconds !== undefined) return Number(seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

function rateLimitOf(headers: Headers): RateLimitInfo | undefined {
  // The first value of each (a repeated header arrives joined: "600, 600").
  const [limit, remaining, reset] = ["ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"].map((name) => Number(headers.get(name)?.split(",")[0] ?? NaN));
  if (![limit, remaining, reset].every((n) => Number.isFinite(n))) return undefined;
  return { limit: limit!, remaining: remaining!, resetSeconds: reset! };
}

function costOf(body: GraphQLResponseBody | undefined): CostInfo | undefined {
  const cost = (body?.extensions as { cost?: CostInfo } | undefined)?.cost;
  return cost && typeof cost.requested === "number" ? cost : undefined;
}

const sleep = (ms: number, signal: AbortSignal | undefined) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new VngovError("The request was aborted.", { code: "ABORTED" }));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new VngovError("The request was aborted.", { code: "ABORTED" }));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });

/** URLs longer than this go as POST: some proxies and CDNs refuse longer ones. */
const MAX_GET_URL = 2000;

interface Attempt<Result> {
  result?: Result;
  error?: VngovError;
  info: Omit<ResponseInfo, "attempts" | "operationName">;
}

export function createClient(options: ClientOptions): VngovClient {
  const {
    url,
    apiKey,
    language,
    headers: clientHeaders = {},
    signal: clientSignal,
    timeoutMs: clientTimeoutMs = DEFAULT_TIMEOUT_MS,
    persisted = false,
    retry: clientRetry = false,
    onResponse: clientOnResponse,
  } = options;
  // Called without a receiver: browsers reject `fetch` invoked as a method of another object.
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  // Hashes the server said it does not hold: their operations go as text from then on.
  const unknownHashes = new Set<string>();

  async function send<Result>(document: DocumentNode | string | String, variables: unknown, requestOptions: RequestOptions = {}): Promise<Result> {
    const { query, operationName, operation } = serialise(document);
    const retrySetting = requestOptions.retry ?? clientRetry;
    const chosen: RetryOptions = retrySetting === true ? {} : retrySetting || {};
    const retry = retrySetting
      ? {
          retries: chosen.retries ?? 3,
          minDelayMs: chosen.minDelayMs ?? 250,
          maxDelayMs: chosen.maxDelayMs ?? 10_000,
          maxRetryAfterMs: chosen.maxRetryAfterMs ?? 60_000,
        }
      : null;
    const signal = requestOptions.signal ?? clientSignal;
    for (let attempt = 1; ; attempt++) {
      const outcome = await once<Result>(document, query, operationName, operation, variables, requestOptions);
      const info: ResponseInfo = { ...outcome.info, operationName, attempts: attempt };
      clientOnResponse?.(info);
      requestOptions.onResponse?.(info);
      if (!outcome.error) return outcome.result as Result;
      const error = outcome.error;
      const retryable =
        error.code === "RATE_LIMITED" || error.status === 429
          ? true
          : operation !== "mutation" && (error.status === 503 || error.code === "NETWORK_ERROR" || error.code === "REQUEST_TIMEOUT");
      if (!retry || !retryable || attempt > retry.retries) throw error;
      const backoff = Math.random() * Math.min(retry.maxDelayMs, retry.minDelayMs * 2 ** (attempt - 1));
      const waitMs = error.retryAfter !== undefined ? error.retryAfter * 1000 : backoff;
      if (waitMs > retry.maxRetryAfterMs) throw error;
      await sleep(waitMs, signal);
    }
  }

  /** One attempt: by hash (GET, falling back to text once the server says it lacks the hash), else as text. */
  async function once<Result>(
    document: DocumentNode | string | String,
    query: string,
    operationName: string | undefined,
    operation: string | undefined,
    variables: unknown,
    requestOptions: RequestOptions,
  ): Promise<Attempt<Result>> {
    const hash = persisted ? persistedHash(document) : undefined;
    if (hash !== undefined && !unknownHashes.has(hash)) {
      // Apollo's form: the widest-supported way to name a persisted operation (the server also takes `documentId`).
      const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
      const body = { operationName, variables: variables ?? {}, extensions };
      const outcome = await exchange<Result>(body, requestOptions, operation === "query");
      if (outcome.error?.code !== PERSISTED_QUERY_NOT_FOUND) return outcome;
      unknownHashes.add(hash);
    }
    return exchange<Result>({ query, operationName, variables: variables ?? {} }, requestOptions, false);
  }

  /** One HTTP request of a GraphQL request body (as a GET query string when asked and short enough); each has its own timeout. */
  async function exchange<Result>(body: Record<string, unknown>, requestOptions: RequestOptions, preferGet: boolean): Promise<Attempt<Result>> {
    const timeoutMs = requestOptions.timeoutMs ?? clientTimeoutMs;
    const controller = new AbortController();
    let timedOut = false;
    const callerSignals = [clientSignal, requestOptions.signal].filter((signal): signal is AbortSignal => signal !== undefined);
    const onCallerAbort = () => controller.abort();
    for (const signal of callerSignals) {
      if (signal.aborted) controller.abort();
      else signal.addEventListener("abort", onCallerAbort, { once: true });
    }
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, timeoutMs)
        : undefined;

    const failure = (error: unknown): VngovError => {
      if (timedOut) return new VngovError(`No answer from ${url} within ${timeoutMs} ms.`, { code: "TIMEOUT", cause: error });
      if (controller.signal.aborted && isAbortError(error)) return new VngovError("The request was aborted.", { code: "ABORTED", cause: error });
      // Node's fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND…) is its cause.
      const cause = error instanceof Error ? error.cause : undefined;
      const detail = cause instanceof Error ? `: ${cause.message}` : "";
      const reason = error instanceof Error ? `${error.message}${detail}` : String(error);
      return new VngovError(`Could not reach ${url}: ${reason}`, { code: "NETWORK_ERROR", cause: error });
    };
    const noAnswer = { status: 0, requestId: undefined, cost: undefined, rateLimit: undefined };

    let target = url;
    let method = "POST";
    if (preferGet) {
      const search = new URLSearchParams();
      for (const [name, value] of Object.entries(body)) if (value !== undefined) search.set(name, typeof value === "string" ? value : JSON.stringify(value));
      const candidate = `${url}${url.includes("?") ? "&" : "?"}${search.toString()}`;
      if (candidate.length <= MAX_GET_URL) {
        target = candidate;
        method = "GET";
      }
    }
    try {
      if (controller.signal.aborted) return { error: failure(new DOMException("aborted", "AbortError")), info: noAnswer };
      let response: Response;
      let text: string;
      try {
        response = await fetchImpl(target, {
          method,
          headers: {
            accept: "application/graphql-response+json, application/json",
            ...(method === "POST" ? { "content-type": "application/json" } : {}),
            ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
            ...(language ? { "accept-language": language } : {}),
            ...clientHeaders,
            ...requestOptions.headers,
          },
          ...(method === "POST" ? { body: JSON.stringify(body) } : {}),
          signal: controller.signal,
        });
        text = await response.text();
      } catch (error) {
        return { error: failure(error), info: noAnswer };
      }
      return interpret<Result>(response, text);
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      for (const signal of callerSignals) signal.removeEventListener("abort", onCallerAbort);
    }
  }

  function interpret<Result>(response: Response, text: string): Attempt<Result> {
    const { status } = response;
    let body: GraphQLResponseBody | undefined;
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === "object") body = parsed as GraphQLResponseBody;
    } catch {
      body = undefined;
    }
    const info = { status, requestId: response.headers.get("x-request-id") ?? undefined, cost: costOf(body), rateLimit: rateLimitOf(response.headers) };
    const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
    const context = { status, retryAfter, requestId: info.requestId, rateLimit: info.rateLimit };
    const errors = Array.isArray(body?.errors) ? body.errors : [];
    if (errors.length > 0) {
      const code = errors.find((error) => typeof error.extensions?.code === "string")?.extensions?.code as string | undefined;
      const error = new VngovError(errors.map((error) => error.message).join("\n"), {
        code: code ?? (response.ok ? "GRAPHQL_ERROR" : "HTTP_ERROR"),
        errors,
        data: body?.data ?? undefined,
        ...context,
      });
      return { error, info };
    }
    if (!response.ok) {
      return { error: new VngovError(`HTTP ${status} ${response.statusText} from ${url}: ${text.slice(0, 200)}`, { code: "HTTP_ERROR", ...context }), info };
    }
    if (!body?.data) {
      return { error: new VngovError(`The answer from ${url} is not a GraphQL response: ${text.slice(0, 200)}`, { code: "BAD_RESPONSE", ...context }), info };
    }
    return { result: body.data as Result, info };
  }

  const client: VngovClient = {
    request<Result, Variables extends Record<string, unknown>>(
      document: Sendable<Result, Variables>,
      ...[variables, requestOptions]: VariablesArgs<Variables>
    ): Promise<Result> {
      return send<Result>(document, variables, requestOptions);
    },
    async province(variables, requestOptions) {
      return (await send<ResultOf<typeof ProvinceDocument>>(ProvinceDocument, variables, requestOptions)).province;
    },
    async provinces(variables, requestOptions) {
      return (await send<ResultOf<typeof ProvincesDocument>>(ProvincesDocument, variables, requestOptions)).provinces;
    },
    async commune(variables, requestOptions) {
      return (await send<ResultOf<typeof CommuneDocument>>(CommuneDocument, variables, requestOptions)).commune;
    },
    async communes(variables, requestOptions) {
      return (await send<ResultOf<typeof CommunesDocument>>(CommunesDocument, variables, requestOptions)).communes;
    },
    paginateCommunes(variables = {}, requestOptions) {
      const first = variables.first ?? MAX_PAGE_SIZE;
      return paginate((after) => client.communes({ ...variables, first, after }, requestOptions));
    },
    paginateProvinces(variables = {}, requestOptions) {
      const first = variables.first ?? MAX_PAGE_SIZE;
      return paginate((after) => client.provinces({ ...variables, first, after }, requestOptions));
    },
    async registryChanges(variables, requestOptions) {
      return (await send<ResultOf<typeof RegistryChangesDocument>>(RegistryChangesDocument, variables, requestOptions))
        .registryChanges;
    },
    async convertAddress(address, requestOptions) {
      return (await send<ResultOf<typeof ConvertAddressDocument>>(ConvertAddressDocument, { input: address }, requestOptions))
        .convertAddress;
    },
    async convertAddresses(addresses, requestOptions) {
      // Checked here so a caller splitting a long list learns it without a round trip.
      if (addresses.length > MAX_ADDRESSES) {
        throw new VngovError(
          `convertAddresses takes at most ${MAX_ADDRESSES} addresses per request; got ${addresses.length}. Split the list.`,
          { code: "BAD_USER_INPUT" },
        );
      }
      if (addresses.length === 0) return [];
      return (await send<ResultOf<typeof ConvertAddressesDocument>>(ConvertAddressesDocument, { inputs: addresses }, requestOptions))
        .convertAddresses;
    },
    async figures(variables, requestOptions) {
      return (await send<ResultOf<typeof FiguresDocument>>(FiguresDocument, variables, requestOptions)).figures;
    },
    paginateFigures(variables = {}, requestOptions) {
      const first = variables.first ?? MAX_PAGE_SIZE;
      return paginate((after) => client.figures({ ...variables, first, after }, requestOptions));
    },
    async compare(variables, requestOptions) {
      return (await send<ResultOf<typeof CompareDocument>>(CompareDocument, variables, requestOptions)).compare;
    },
    async indicators(requestOptions) {
      return (await send<ResultOf<typeof IndicatorsDocument>>(IndicatorsDocument, {}, requestOptions)).indicators;
    },
    async legacyCommune(variables, requestOptions) {
      return (await send<ResultOf<typeof LegacyCommuneDocument>>(LegacyCommuneDocument, variables, requestOptions)).legacyCommune;
    },
    async communeAt(variables, requestOptions) {
      return (await send<ResultOf<typeof CommuneAtDocument>>(CommuneAtDocument, variables, requestOptions)).communeAt;
    },
    subscribe<Result, Variables extends Record<string, unknown>>(document: Sendable<Result, Variables>, variables?: Variables, subscribeOptions?: SubscribeOptions) {
      const { query, operationName } = serialise(document);
      const transport = { url, fetch: fetchImpl, signal: clientSignal, headers: { ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}), ...clientHeaders } };
      const hash = persisted ? persistedHash(document) : undefined;
      return subscribeOverSSE<Result>(transport, { query, operationName, variables: variables ?? {}, persistedHash: hash }, subscribeOptions);
    },
    async *changes(variables, subscribeOptions) {
      for await (const data of client.subscribe<ResultOf<typeof ChangesDocument>, ChangesSubscriptionVariables>(ChangesDocument, variables, subscribeOptions)) yield data.changes;
    },
  };
  return client;
}

export type { DocumentTypeDecoration, ResultOf, TypedDocumentNode, VariablesOf };
