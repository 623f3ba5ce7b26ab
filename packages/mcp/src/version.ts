// The package's version, reported to MCP clients as serverInfo.version (a test holds it equal to package.json's).
export const PACKAGE_VERSION = "0.1.0";
