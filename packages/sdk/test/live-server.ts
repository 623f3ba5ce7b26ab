// A real vngov server for SDK tests and examples: the yoga handler on a seeded database, listening
// on a random local port through node:http, so the SDK goes through real HTTP.
import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createApiKey } from "../../server/src/auth/keys.js";
import { createTestServer } from "../../server/test/helpers.js";

export interface LiveServer {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:43117/graphql. */
  url: string;
  /** Creates a real read key on the server's database and returns it. */
  createKey(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function startLiveServer(): Promise<LiveServer> {
  const server = await createTestServer();
  const http = createHttpServer(server.yoga);
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(0, "127.0.0.1", resolve);
  });
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async createKey(name) {
      return (await createApiKey(server.db.prisma, { name, scopes: ["read"] })).key;
    },
    async close() {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await server.drop();
    },
  };
}
