// POST /mcp: the vngov MCP tools (@vngov/mcp) over streamable HTTP, stateless. Each tool calls this
// server's own GraphQL endpoint in-process (`yoga.fetch`, no socket) with the caller's
// Authorization header and client address, so every key, budget, cost limit, timeout and log line
// of /graphql applies to the tools' queries as if the caller had sent them.
import type { IncomingMessage } from "node:http";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { createVngovMcpServer, PACKAGE_VERSION } from "@vngov/mcp";
import { createClient } from "@vngov/sdk";
import type { Plugin } from "graphql-yoga";
import { requestState } from "./request-state.js";

export const MCP_PATH = "/mcp";

/** Headers of the MCP request that its GraphQL requests carry on: who calls, from where, and which request they belong to. */
const FORWARDED = ["authorization", "x-forwarded-for"] as const;

export interface McpOptions {
  graphqlEndpoint: string;
  /** MAX_BODY_BYTES: a larger MCP request is refused with 413 before it is parsed. */
  maxBodyBytes: number;
  /** REQUEST_TIMEOUT_MS: each GraphQL request of a tool is bounded by the endpoint; the client waits a little longer. */
  requestTimeoutMs: number;
  /** Runs a GraphQL request through the server itself (called only once requests arrive, after the server is built). */
  fetch: InProcessFetch;
}

/** The server's own `yoga.fetch`: a request through every plugin, as if it had come over HTTP. */
export type InProcessFetch = (input: string, init: RequestInit, context: { req?: IncomingMessage }) => Response | Promise<Response>;

/** The /mcp route as a yoga plugin; it runs after authPlugin, which refuses a bad API key here with 401 as on /graphql. */
export function mcpPlugin({ graphqlEndpoint, maxBodyBytes, requestTimeoutMs, fetch: inProcess }: McpOptions): Plugin {
  return {
    onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      // Not an async function: requests to other paths pass without a promise of their own.
      if (url.pathname !== MCP_PATH) return;
      return (async () => {
        if (request.method !== "POST") {
          // Stateless: no session, so no server-initiated stream (GET) and nothing to end (DELETE).
          const body = { jsonrpc: "2.0", error: { code: -32000, message: "Method not allowed: this MCP endpoint is stateless; send JSON-RPC requests with POST." }, id: null };
          // MCP clients probe with GET for a server stream: part of the protocol, not a refused request (budget.ts).
          requestState(request).spent = true;
          endResponse(new fetchAPI.Response(JSON.stringify(body), { status: 405, headers: { allow: "POST", "content-type": "application/json" } }));
          return;
        }
        const state = requestState(request);
        // Named in the request log and metrics; its tools' GraphQL requests are logged under the same request id.
        state.operationNames.push("mcp");
        const headers: Record<string, string> = { "x-request-id": state.requestId };
        for (const name of FORWARDED) {
          const value = request.headers.get(name);
          if (value !== null) headers[name] = value;
        }
        // The socket the MCP request came on: anonymous callers are counted by its address (client-address.ts).
        const context = { req: (serverContext as { req?: IncomingMessage }).req };
        const client = createClient({
          url: new URL(graphqlEndpoint, url.origin).href,
          headers,
          signal: request.signal,
          timeoutMs: requestTimeoutMs + 5_000,
          fetch: async (input, init) => inProcess(input, init, context),
        });
        const server = createVngovMcpServer({ client, version: PACKAGE_VERSION });
        // JSON answers: each POST is answered once its tool calls are done, nothing streams.
        const transport = new WebStandardStreamableHTTPServerTransport({ enableJsonResponse: true, maxRequestBodySize: maxBodyBytes });
        await server.connect(transport);
        try {
          const response = await transport.handleRequest(request);
          // The tools' GraphQL requests spent their own costs; an MCP request that was answered is not
          // a refused one (budget.ts charges those), one the transport refused is.
          if (response.status < 400) state.spent = true;
          endResponse(response);
        } finally {
          await server.close();
        }
      })();
    },
  };
}
