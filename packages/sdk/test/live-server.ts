// A real vngov server for SDK tests and examples: the yoga handler on a database seeded like
// production (registry, lineage, agencies and figures), listening on a random local port through
// node:http, so the SDK goes through real HTTP.
import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { createApiKey } from "../../server/src/auth/keys.js";
import { loadPersistedDocuments } from "../../server/src/http/persisted.js";
import { createServer } from "../../server/src/http/server.js";
import { createTestDatabase } from "../../server/test/helpers.js";

/** The SDK's generated hash → operation map, which the server accepts as persisted operations. */
export const PERSISTED_DOCUMENTS_FILE = fileURLToPath(new URL("../src/generated/persisted-documents.json", import.meta.url));

export interface LiveServerOptions {
  /** The persisted operations the server accepts; default the SDK's generated file. */
  persistedDocuments?: Map<string, string>;
  /** Endpoint settings over the tests' defaults (e.g. a small budget). */
  config?: Parameters<typeof createServer>[0]["config"];
  /** Seed only the registry (no lineage, no figures): a quicker start for tests that need no more. */
  registryOnly?: boolean;
}

export interface LiveServer {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:43117/graphql. */
  url: string;
  /** The persisted operations the server accepts, read at each request (a test may change it). */
  persistedDocuments: Map<string, string>;
  /** Creates a real key (read scope unless told) on the server's database and returns it. */
  createKey(name: string, options?: { persistedOnly?: boolean; scopes?: Array<"read" | "write"> }): Promise<string>;
  close(): Promise<void>;
}

export async function startLiveServer({ persistedDocuments = loadPersistedDocuments(PERSISTED_DOCUMENTS_FILE), config = {}, registryOnly = false }: LiveServerOptions = {}): Promise<LiveServer> {
  const database = await createTestDatabase({ data: registryOnly ? "registry" : "all" });
  // As the server tests: a fixed "today", budgets that never run out, no response cache.
  const yoga = createServer({
    db: database.db,
    today: () => "2026-11-23",
    responseCache: false,
    persistedDocuments,
    config: { RATE_LIMIT_ANONYMOUS: 1_000_000_000, RATE_LIMIT_KEY: 1_000_000_000, ...config },
  });
  const http = createHttpServer(yoga);
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(0, "127.0.0.1", resolve);
  });
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    persistedDocuments,
    async createKey(name, { persistedOnly = false, scopes = ["read" as const] } = {}) {
      return (await createApiKey(database.db.prisma, { name, scopes, persistedOnly })).key;
    },
    async close() {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await database.drop();
    },
  };
}
