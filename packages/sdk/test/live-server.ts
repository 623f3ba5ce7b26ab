// A real vngov server for SDK tests and examples: the yoga handler on a database seeded like
// production (registry, lineage, agencies and figures), listening on a random local port through
// node:http, so the SDK goes through real HTTP.
import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { createApiKey } from "../../server/src/auth/keys.js";
import { loadPersistedDocuments } from "../../server/src/http/persisted.js";
import type { Database } from "../../server/src/db.js";
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
  /**
   * Another server on the same database with other endpoint settings (a small budget, one
   * subscriber…), on its own port, as a second instance of a deployment is: budgets and feed
   * places are each instance's own. Closing it leaves the database to this one.
   */
  another(options?: Omit<LiveServerOptions, "registryOnly">): Promise<LiveServer>;
  close(): Promise<void>;
}

export async function startLiveServer({ registryOnly = false, ...options }: LiveServerOptions = {}): Promise<LiveServer> {
  const database = await createTestDatabase({ data: registryOnly ? "registry" : "all" });
  const live = await listen(database.db, options);
  return {
    ...live,
    async close() {
      await live.close();
      await database.drop();
    },
  };
}

/** The real handler for `db` on a random local port; closing it closes the port, not the database. */
async function listen(db: Database, { persistedDocuments = loadPersistedDocuments(PERSISTED_DOCUMENTS_FILE), config = {} }: Omit<LiveServerOptions, "registryOnly">): Promise<LiveServer> {
  // As the server tests: a fixed "today", budgets that never run out, no response cache.
  const yoga = createServer({
    db,
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
      return (await createApiKey(db.prisma, { name, scopes, persistedOnly })).key;
    },
    another: (options = {}) => listen(db, options),
    async close() {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await yoga.dispose();
    },
  };
}
