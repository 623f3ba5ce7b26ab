// @vngov/mcp: the vngov API as MCP tools, for the stdio bin (`vngov-mcp`) and the server's /mcp.
export { ADDRESSES_PER_REQUEST, createVngovMcpServer, MAX_POINTS, toolError, type VngovMcpOptions } from "./tools.js";
export { PACKAGE_VERSION } from "./version.js";
