// The vngov MCP tools driven by the MCP SDK's own client over both transports: the `vngov-mcp` bin
// over stdio against a real server on a port, and streamable HTTP against that server's /mcp.
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { CommunesDocument } from "@vngov/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allCommuneFacts } from "../../server/src/geo/store.js";
import { startLiveServer, type LiveServer } from "../../sdk/test/live-server.js";
import packageJson from "../package.json" with { type: "json" };
import { PACKAGE_VERSION } from "../src/version.js";

const BIN = fileURLToPath(new URL("../bin/vngov-mcp.mjs", import.meta.url));

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(() => server?.close());

const mcpUrl = (live: LiveServer) => new URL("/mcp", live.url);

async function connect(kind: "stdio" | "http", options: { apiKey?: string; live?: LiveServer } = {}): Promise<Client> {
  const live = options.live ?? server;
  const client = new Client({ name: "vngov-test", version: "1.0.0" });
  if (kind === "stdio") {
    const args = [BIN, "--url", live.url, ...(options.apiKey ? ["--api-key", options.apiKey] : [])];
    await client.connect(new StdioClientTransport({ command: process.execPath, args, stderr: "pipe" }));
  } else {
    const headers: Record<string, string> = options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {};
    await client.connect(new StreamableHTTPClientTransport(mcpUrl(live), { requestInit: { headers } }));
  }
  return client;
}

/** Calls a tool; returns its structured content, after checking the text holds the same JSON. */
async function call(client: Client, name: string, args: Record<string, unknown>): Promise<any> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
  const text = result.content.find((part) => part.type === "text");
  expect(JSON.parse((text as { text: string }).text)).toEqual(result.structuredContent);
  return result.structuredContent;
}

/** Calls a tool expected to fail; returns the error it carries. */
async function callFailing(client: Client, name: string, args: Record<string, unknown>): Promise<{ code: string; message: string; requestId?: string }> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  expect(result.isError).toBe(true);
  expect(result.structuredContent).toBeUndefined();
  return JSON.parse((result.content[0] as { text: string }).text).error;
}

it("reports the package's version", () => {
  expect(PACKAGE_VERSION).toBe(packageJson.version);
});

describe.each(["stdio", "http"] as const)("over %s", (kind) => {
  let client: Client;
  beforeAll(async () => {
    client = await connect(kind);
  });
  afterAll(() => client?.close());

  it("lists the tools with descriptions, input and output schemas", async () => {
    expect(client.getServerVersion()).toMatchObject({ name: "vngov", version: PACKAGE_VERSION });
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(
      ["compare_figure", "convert_addresses", "find_units", "get_unit", "lineage", "list_indicators", "registry_changes", "unit_at_point"].sort(),
    );
    for (const tool of tools) {
      expect(tool.description!.length, tool.name).toBeGreaterThan(80);
      expect(tool.outputSchema, tool.name).toBeDefined();
      expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
    }
    const convert = tools.find((tool) => tool.name === "convert_addresses")!;
    expect((convert.inputSchema.properties as any).addresses.maxItems).toBe(1000);
  });

  it("find_units: ranked, diacritics and prefixes ignored", async () => {
    const found = await call(client, "find_units", { name: "phuong ba dinh", level: "commune" });
    expect(found.communes[0]).toMatchObject({ code: "00004", fullName: "Phường Ba Đình", type: "WARD", province: { code: "01", name: "Hà Nội" }, validTo: null });
    expect(found.communes[0].serviceCenter.legalBasis).not.toBe("");
    expect(found.provinces).toEqual([]);
    const provinces = await call(client, "find_units", { name: "lao cai", level: "province" });
    expect(provinces.provinces[0]).toMatchObject({ code: "15", fullName: "Tỉnh Lào Cai", kind: "PROVINCE" });
    // Đồng Nai became a centrally-run city on 2026-04-30: the answer depends on the day.
    const before = await call(client, "find_units", { name: "Đồng Nai", level: "province", asOf: "2025-07-01" });
    const after = await call(client, "find_units", { name: "Đồng Nai", level: "province", asOf: "2026-05-01" });
    expect([before.provinces[0].kind, after.provinces[0].kind]).toEqual(["PROVINCE", "CITY"]);
  });

  it("get_unit: a commune with its province and service center; a province with its bodies", async () => {
    const ward = await call(client, "get_unit", { code: "00004" });
    expect(ward).toMatchObject({ level: "COMMUNE", commune: { code: "00004", fullName: "Phường Ba Đình", type: "WARD" }, province: { code: "01", name: "Hà Nội" } });
    expect(ward.serviceCenter).toMatchObject({ scope: "PROVINCE" }); // Hà Nội set up one province-wide center
    expect(ward.serviceCenter.legalBasis).toMatch(/\d/);
    expect(ward.bodiesNote).not.toBe("");
    const laoCai = await call(client, "get_unit", { code: "15" });
    expect(laoCai).toMatchObject({ level: "PROVINCE", province: { code: "15", kind: "PROVINCE" }, commune: null, serviceCenter: null });
    expect(laoCai.communeCount).toBe(99);
    expect(laoCai.formedFrom.map((p: { code: string }) => p.code).sort()).toEqual(["10", "15"]);
    const homeAffairs = laoCai.bodies.find((body: { code: string }) => body.code === "15-so-noi-vu");
    expect(homeAffairs).toMatchObject({ name: "Sở Nội vụ", kind: "DEPARTMENT" });
    expect(homeAffairs.sources.length).toBeGreaterThan(0);
  });

  it("convert_addresses: a batch of lines and parts, each candidate with its legal basis", async () => {
    const { results } = await call(client, "convert_addresses", {
      addresses: ["Phường Trúc Bạch, Quận Ba Đình, Hà Nội", { commune: "P.1", district: "Q.3", province: "TP.HCM" }, "221B Baker Street, London"],
    });
    expect(results).toHaveLength(3);
    expect(results[0]).toMatchObject({ input: "Phường Trúc Bạch, Quận Ba Đình, Hà Nội", unambiguous: true });
    expect(results[0].candidates[0]).toMatchObject({
      newAddress: "Phường Ba Đình, Thành phố Hà Nội",
      newUnit: { code: "00004", fullName: "Phường Ba Đình", province: { code: "01" } },
      oldCommune: { code: "00004", fullName: "Phường Trúc Bạch", districtName: "Quận Ba Đình" },
      kind: "WHOLE",
      legalBasis: "1656/NQ-UBTVQH15",
    });
    expect(results[1]).toMatchObject({ input: "P.1, Q.3, TP.HCM" });
    expect(results[1].candidates[0]).toMatchObject({ newUnit: { code: "27154", fullName: "Phường Bàn Cờ" }, oldCommune: { code: "27160" } });
    expect(results[2]).toMatchObject({ unambiguous: false, candidates: [] });
  });

  it("unit_at_point: the unit containing each point, null outside Vietnam", async () => {
    const [longitude, latitude] = allCommuneFacts().find((facts) => facts.code === "00004")!.center;
    const { results } = await call(client, "unit_at_point", { points: [{ latitude, longitude }, { latitude: 0, longitude: 0 }] });
    expect(results[0]).toMatchObject({ latitude, longitude, unit: { code: "00004", fullName: "Phường Ba Đình", province: { code: "01" } } });
    expect(results[0].unit.serviceCenter.name).not.toBe("");
    expect(results[1]).toEqual({ latitude: 0, longitude: 0, unit: null });
  });

  it("lineage: a split old commune with the resolution and the clause that decided it", async () => {
    const byCode = await call(client, "lineage", { code: "00007" });
    expect(byCode.oldUnits[0]).toMatchObject({ code: "00007", fullName: "Phường Cống Vị", districtName: "Quận Ba Đình" });
    const became = byCode.oldUnits[0].became;
    expect(became.map((link: any) => [link.unit.code, link.kind])).toEqual([
      ["00008", "PARTIAL"],
      ["00025", "PARTIAL"],
    ]);
    const decided = became.find((link: any) => link.unit.code === "00025");
    expect(decided).toMatchObject({ confidence: 0.9, flagged: true, legalBasis: "1656/NQ-UBTVQH15" });
    expect(decided.note).toMatch(/Điều 1 khoản 5/);
    const byName = await call(client, "lineage", { name: "Cong Vi", district: "Ba Đình" });
    expect(byName.oldUnits[0].code).toBe("00007");
  });

  it("registry_changes: the changes between two days, with their legal texts", async () => {
    const window = await call(client, "registry_changes", { from: "2026-09-01", to: "2026-09-10" });
    expect(window.count).toBe(1);
    expect(window.changes[0]).toMatchObject({ code: "22", entity: "PROVINCE" });
    expect(window.changes[0].legalBasis).toContain("36/2026/QH16");
    expect(window.changes[0].url).toMatch(/^https?:\/\//);
    const dongNai = await call(client, "registry_changes", { provinceCode: "75" });
    expect(dongNai.count).toBe(11); // the province and its 10 new wards
    expect(dongNai.changes.find((change: any) => change.code === "25270")).toMatchObject({ effectiveOn: "2026-04-30", from: "COMMUNE", to: "WARD" });
  });

  it("compare_figure: one indicator across provinces, each value with its source and quote", async () => {
    const { indicators } = await call(client, "list_indicators", {});
    expect(indicators.map((indicator: { code: string }) => indicator.code)).toContain("commune_level_units");
    const compared = await call(client, "compare_figure", { indicator: "commune_level_units", provinceCodes: ["15", "01"] });
    expect(compared.rows.map((row: any) => row.province.code)).toEqual(["15", "01"]);
    expect(compared.rows[0].value).toBe(99);
    expect(compared.rows[0].source.url).toMatch(/^https?:\/\//);
    expect(compared.rows[0].quote).not.toBe("");
    expect(compared.rows[1]).toMatchObject({ value: null, source: null, quote: null });
  });

  it("answers errors as tool errors with the server's code", async () => {
    const unknown = await callFailing(client, "get_unit", { code: "99999" });
    expect(unknown.code).toBe("NOT_FOUND");
    expect(unknown.message).toContain("99999");
    expect((await callFailing(client, "lineage", { code: "99999" })).code).toBe("NOT_FOUND");
    const early = await callFailing(client, "get_unit", { code: "00004", asOf: "2024-01-01" });
    expect(early.code).toBe("BAD_USER_INPUT");
    expect(early.message).toContain("2025-07-01");
    expect(early.requestId).toBeTruthy();
    const indicator = await callFailing(client, "compare_figure", { indicator: "nope" });
    expect(indicator.code).toBe("BAD_USER_INPUT");
    // Arguments outside the input schema are refused by the MCP SDK before any request.
    const malformed = (await client.callTool({ name: "get_unit", arguments: { code: "abc" } })) as CallToolResult;
    expect(malformed.isError).toBe(true);
    expect((malformed.content[0] as { text: string }).text).toMatch(/Input validation error/);
  });
});

describe("the /mcp endpoint", () => {
  it("forwards the caller's API key: the key's budget applies and a bad key is refused", async () => {
    // Keys get a budget too small for any tool call; anonymous callers plenty.
    const small = await server.another({ config: { RATE_LIMIT_KEY: 1 } });
    try {
      const key = await small.createKey("mcp-partner");
      for (const kind of ["http", "stdio"] as const) {
        const anonymous = await connect(kind, { live: small });
        await call(anonymous, "get_unit", { code: "15" });
        await anonymous.close();
        const keyed = await connect(kind, { live: small, apiKey: key });
        const limited = await callFailing(keyed, "get_unit", { code: "15" });
        expect(limited.code, kind).toBe("RATE_LIMITED");
        await keyed.close();
      }
      await expect(connect("http", { live: small, apiKey: "not-a-key" })).rejects.toThrow(/401|UNAUTHENTICATED|unknown or revoked/);
    } finally {
      await small.close();
    }
  });

  it("counts anonymous callers by their own address, as /graphql does", async () => {
    // What one find_units call costs: the query it sends, asked of /graphql directly.
    const measured = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: String(CommunesDocument), variables: { search: "ba dinh", first: 1 } }),
    });
    const cost = ((await measured.json()) as { extensions: { cost: { requested: number } } }).extensions.cost.requested;
    // Room for one call per address; behind one trusted proxy, the address is X-Forwarded-For's.
    const tight = await server.another({ config: { RATE_LIMIT_ANONYMOUS: cost, TRUST_PROXY: 1 } });
    try {
      const from = async (address: string) => {
        const client = new Client({ name: "vngov-test", version: "1.0.0" });
        await client.connect(new StreamableHTTPClientTransport(mcpUrl(tight), { requestInit: { headers: { "x-forwarded-for": address } } }));
        return client;
      };
      const first = await from("203.0.113.1");
      const args = { name: "ba dinh", level: "commune", limit: 1 };
      expect((await call(first, "find_units", args)).communes[0].code).toBe("00004");
      const limited = await callFailing(first, "find_units", args);
      expect(limited.code).toBe("RATE_LIMITED");
      expect(limited.message).toContain(`The budget of ${cost} cost points`);
      expect((limited as { retryAfterSeconds?: number }).retryAfterSeconds).toBeGreaterThan(0);
      const second = await from("203.0.113.2");
      expect((await call(second, "find_units", args)).communes[0].code).toBe("00004");
      await Promise.all([first.close(), second.close()]);
    } finally {
      await tight.close();
    }
  });

  it("refuses bodies over MAX_BODY_BYTES and methods other than POST", async () => {
    const big = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "convert_addresses", arguments: { addresses: ["x".repeat(600_000)] } } });
    const response = await fetch(mcpUrl(server), { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream" }, body: big });
    expect(response.status).toBe(413);
    const get = await fetch(mcpUrl(server), { headers: { accept: "text/event-stream" } });
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
  });
});
