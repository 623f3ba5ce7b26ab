// createClient: typed methods for the SDK's operations over one small fetch-based transport.
import type { ResultOf, TypedDocumentNode, VariablesOf } from "@graphql-typed-document-node/core";
import { Kind, print, type DocumentNode, type GraphQLFormattedError } from "graphql";
import { VngovError } from "./errors.js";
import {
  CommuneAtDocument,
  CommuneDocument,
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

/** Largest page the API serves; the paginating helpers ask for this by default. */
export const MAX_PAGE_SIZE = 200;
/** Most addresses `convertAddresses` takes in one request (the server's limit). */
export const MAX_ADDRESSES = 1000;
const DEFAULT_TIMEOUT_MS = 30_000;
const PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. "https://api.example.vn/graphql". */
  url: string;
  /** Sent as `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** A fetch implementation; the global `fetch` by default. */
  fetch?: FetchLike;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Aborts every request of this client (e.g. when a page unmounts). */
  signal?: AbortSignal;
  /** Fails a request with code TIMEOUT after this many milliseconds; default 30 000, 0 for none. */
  timeoutMs?: number;
  /**
   * Send the SDK's operations as persisted operations: only the SHA-256 hash listed in
   * `@vngov/sdk/persisted-documents.json`, not the query text. When the server answers
   * PERSISTED_QUERY_NOT_FOUND (it does not hold that list, or an older one), the client sends the
   * full query instead and keeps doing so for that operation. Documents of your own (through
   * `request()`) always go as text. Default false.
   */
  persisted?: boolean;
}

/** Per-call options; they add to (headers) or narrow (signal, timeoutMs) the client's. */
export interface RequestOptions {
  headers?: Record<string, string>;
  signal?: AbortSignal;
  timeoutMs?: number;
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

export interface VngovClient {
  /** Runs any operation; result and variables are typed by the document. */
  request<Result, Variables extends Record<string, unknown>>(
    document: TypedDocumentNode<Result, Variables>,
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
}

interface GraphQLResponseBody {
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
}

const printed = new WeakMap<DocumentNode, { query: string; operationName: string | undefined }>();

function serialise(document: DocumentNode): { query: string; operationName: string | undefined } {
  let entry = printed.get(document);
  if (!entry) {
    const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    const operationName = operations.length === 1 ? operations[0]?.name?.value : undefined;
    entry = { query: print(document), operationName };
    printed.set(document, entry);
  }
  return entry;
}

/** The SHA-256 hash codegen stores on the SDK's documents: their key in persisted-documents.json. */
function persistedHash(document: DocumentNode): string | undefined {
  const meta = (document as { __meta__?: { hash?: unknown } }).__meta__;
  return typeof meta?.hash === "string" ? meta.hash : undefined;
}

function isAbortError(error: unknown): boolean {
  return typeof error === "object" && error !== null && "name" in error && (error.name === "AbortError" || error.name === "TimeoutError");
}

export function createClient(options: ClientOptions): VngovClient {
  const {
    url,
    apiKey,
    headers: clientHeaders = {},
    signal: clientSignal,
    timeoutMs: clientTimeoutMs = DEFAULT_TIMEOUT_MS,
    persisted = false,
  } = options;
  // Called without a receiver: browsers reject `fetch` invoked as a method of another object.
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  // Hashes the server said it does not hold: their operations go as text from then on.
  const unknownHashes = new Set<string>();

  async function send<Result>(document: DocumentNode, variables: unknown, requestOptions: RequestOptions = {}): Promise<Result> {
    const { query, operationName } = serialise(document);
    const hash = persisted ? persistedHash(document) : undefined;
    if (hash !== undefined && !unknownHashes.has(hash)) {
      try {
        // Apollo's form: the widest-supported way to name a persisted operation (the server also takes `documentId`).
        const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
        return await post<Result>({ operationName, variables: variables ?? {}, extensions }, requestOptions);
      } catch (error) {
        if (!(error instanceof VngovError && error.code === PERSISTED_QUERY_NOT_FOUND)) throw error;
        unknownHashes.add(hash);
      }
    }
    return post<Result>({ query, operationName, variables: variables ?? {} }, requestOptions);
  }

  /** One POST of a GraphQL request body; each attempt has its own timeout. */
  async function post<Result>(body: Record<string, unknown>, requestOptions: RequestOptions): Promise<Result> {
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

    try {
      if (controller.signal.aborted) throw failure(new DOMException("aborted", "AbortError"));
      let response: Response;
      let text: string;
      try {
        response = await fetchImpl(url, {
          method: "POST",
          headers: {
            accept: "application/graphql-response+json, application/json",
            "content-type": "application/json",
            ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
            ...clientHeaders,
            ...requestOptions.headers,
          },
          body: JSON.stringify(body),
          signal: controller.signal,
        });
        text = await response.text();
      } catch (error) {
        throw failure(error);
      }
      return interpret<Result>(response, text);
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      for (const signal of callerSignals) signal.removeEventListener("abort", onCallerAbort);
    }
  }

  function interpret<Result>(response: Response, text: string): Result {
    const { status } = response;
    let body: GraphQLResponseBody | undefined;
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === "object") body = parsed as GraphQLResponseBody;
    } catch {
      body = undefined;
    }
    const errors = Array.isArray(body?.errors) ? body.errors : [];
    if (errors.length > 0) {
      const code = errors.find((error) => typeof error.extensions?.code === "string")?.extensions?.code as string | undefined;
      throw new VngovError(errors.map((error) => error.message).join("\n"), {
        code: code ?? (response.ok ? "GRAPHQL_ERROR" : "HTTP_ERROR"),
        status,
        errors,
        data: body?.data ?? undefined,
      });
    }
    if (!response.ok) {
      throw new VngovError(`HTTP ${status} ${response.statusText} from ${url}: ${text.slice(0, 200)}`, { code: "HTTP_ERROR", status });
    }
    if (!body?.data) {
      throw new VngovError(`The answer from ${url} is not a GraphQL response: ${text.slice(0, 200)}`, { code: "BAD_RESPONSE", status });
    }
    return body.data as Result;
  }

  const client: VngovClient = {
    request<Result, Variables extends Record<string, unknown>>(
      document: TypedDocumentNode<Result, Variables>,
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
  };
  return client;
}

export type { ResultOf, TypedDocumentNode, VariablesOf };
