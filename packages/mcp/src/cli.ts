// vngov-mcp: the vngov tools over stdio, calling a vngov GraphQL endpoint with the typed SDK.
// stdout carries the MCP protocol only: everything for people goes to stderr.
import { parseArgs } from "node:util";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { createClient } from "@vngov/sdk";
import { createVngovMcpServer } from "./tools.js";
import { PACKAGE_VERSION } from "./version.js";

const USAGE = `Usage: vngov-mcp --url <GraphQL endpoint> [--api-key <key>]

Serves the vngov tools (find_units, get_unit, convert_addresses, unit_at_point, lineage,
registry_changes, list_indicators, compare_figure) over stdio to an MCP client.

  --url      the vngov GraphQL endpoint, e.g. http://localhost:4000/graphql (or VNGOV_URL)
  --api-key  an API key, sent as Authorization: Bearer (or VNGOV_API_KEY; none: the anonymous budget)
  --timeout  milliseconds to wait for each API answer (default 30000)
`;

function fail(message: string): never {
  process.stderr.write(`vngov-mcp: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let values: { url?: string; "api-key"?: string; timeout?: string; help?: boolean; version?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      url: { type: "string" },
      "api-key": { type: "string" },
      timeout: { type: "string" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean" },
    },
    strict: true,
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  process.stderr.write(USAGE);
  process.exit(0);
}
if (values.version) {
  process.stderr.write(`${PACKAGE_VERSION}\n`);
  process.exit(0);
}
// The environment is read here only: a key in an MCP client's `env` stays out of process listings.
const url = values.url ?? process.env.VNGOV_URL;
if (!url) fail("--url is required (the vngov GraphQL endpoint).");
try {
  const parsed = new URL(url);
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error("not http(s)");
} catch {
  fail(`--url must be an http(s) URL, got "${url}".`);
}
const timeoutMs = values.timeout === undefined ? 30_000 : Number(values.timeout);
if (!Number.isInteger(timeoutMs) || timeoutMs < 0) fail(`--timeout must be a whole number of milliseconds, got "${values.timeout}".`);

const client = createClient({ url, apiKey: values["api-key"] ?? process.env.VNGOV_API_KEY, timeoutMs });
const server = createVngovMcpServer({ client, version: PACKAGE_VERSION });
await server.connect(new StdioServerTransport());
process.stderr.write(`vngov-mcp ${PACKAGE_VERSION}: serving the vngov tools over stdio, calling ${url}\n`);
