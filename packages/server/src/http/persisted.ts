// Trusted operations: clients send the hash of an operation registered in the SDK's
// persisted-documents map instead of its text; callers marked persisted-only may send nothing else.
import fs from "node:fs";
import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import type { GraphQLParams, Plugin } from "graphql-yoga";
import { z } from "zod";
import { mayRunAnyOperation } from "../auth/caller.js";
import { codedError, ErrorCode } from "../errors.js";
import type { Logger } from "../logger.js";
import { requestState } from "./request-state.js";

const documentsFile = z.record(z.string().min(1), z.string().min(1));

/** Reads the hash → document map; a missing file is an empty store (the SDK may not have built it yet). */
export function loadPersistedDocuments(file: string, logger?: Logger): Map<string, string> {
  if (!fs.existsSync(file)) {
    logger?.info({ file }, "no persisted documents file; persisted operations are unavailable");
    return new Map();
  }
  const parsed = documentsFile.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file} is not a JSON object of hash → document strings: ${parsed.error.message}`);
  return new Map(Object.entries(parsed.data).map(([hash, document]) => [normaliseHash(hash), document]));
}

/** Whether a hash (bare or "sha256:<hex>") names one of the trusted documents. */
export function isTrustedHash(documents: Map<string, string>, hash: string): boolean {
  return documents.has(normaliseHash(hash));
}

/** Hashes may come bare or as "sha256:<hex>" (the GraphQL-over-HTTP persisted documents form). */
function normaliseHash(hash: string): string {
  return hash.replace(/^sha256:/i, "").toLowerCase();
}

/** `documentId` (GraphQL over HTTP) or Apollo's `extensions.persistedQuery.sha256Hash`. */
function extractId(params: GraphQLParams & { documentId?: unknown }, request: Request): string | null {
  if (typeof params.documentId === "string") return params.documentId;
  // yoga's GET parser keeps only query, operationName, variables and extensions.
  if (request.method === "GET") {
    const documentId = new URL(request.url).searchParams.get("documentId");
    if (documentId) return documentId;
  }
  const persisted = (params.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
  return typeof persisted?.sha256Hash === "string" ? persisted.sha256Hash : null;
}

export function persistedOperationsPlugin({
  documents,
  persistedOnly,
}: {
  documents: Map<string, string>;
  /** Accept only persisted operations from every caller. */
  persistedOnly: boolean;
}): Plugin {
  return usePersistedOperations({
    getPersistedOperation: (hash, request) => {
      const document = documents.get(normaliseHash(hash)) ?? null;
      // What persisted-only callers may reuse from the response cache (an APQ hash is not this).
      if (document !== null) requestState(request).trustedDocument = true;
      return document;
    },
    extractPersistedOperationId: extractId,
    allowArbitraryOperations: (request) => mayRunAnyOperation(requestState(request).principal, persistedOnly),
    customErrors: {
      notFound: () =>
        codedError(ErrorCode.PERSISTED_QUERY_NOT_FOUND, "persistedNotFound", {}, { status: 400 }),
      persistedQueryOnly: () =>
        codedError(ErrorCode.PERSISTED_QUERY_ONLY, "persistedOnly", {}, { status: 403 }),
      keyNotFound: () =>
        codedError(ErrorCode.BAD_REQUEST, "noQuery", {}, { status: 400 }),
    },
  }) as Plugin;
}
