// Answers encoded to UTF-8 once, as they are made (http/byte-bodies.ts): the bytes are those of the
// string, Content-Length counts them, and yoga's answers reach node:http as bytes, not as a string
// it would measure and encode again.
import { Buffer } from "node:buffer";
import { createServer as createHttpServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ByteBodyResponse, ownUtf8Bytes, utf8Bytes } from "../src/http/byte-bodies.js";
import { createServer, nodeHandler } from "../src/http/server.js";
import { createTestDatabase, type TestDatabase } from "./helpers.js";

describe("utf8Bytes", () => {
  const vietnamese = "Phường Sài Gòn, Xã Đông Hưng, Đặc khu Côn Đảo; ";
  const cases: Record<string, string> = {
    empty: "",
    ascii: "abc",
    "short Vietnamese": vietnamese,
    "long Vietnamese": vietnamese.repeat(2_000),
    "long, emoji and a lone surrogate": `${"x".repeat(5_000)}🇻🇳 \ud800 ${vietnamese.repeat(100)}`,
    "just under the scratch bound": "ạ".repeat(349_000),
    "over the scratch bound": "ạ".repeat(400_000),
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`encodes ${name} as Buffer.from does`, () => {
      const bytes = utf8Bytes(text);
      expect(Buffer.from(bytes).equals(Buffer.from(text))).toBe(true);
      expect(bytes.byteLength).toBe(Buffer.byteLength(text));
    });
  }
  it("keeps bytes to be held (the response cache's) out of Node's shared pool, whatever their length", () => {
    for (const text of Object.values(cases)) {
      const bytes = ownUtf8Bytes(text);
      expect(Buffer.from(bytes).equals(Buffer.from(text))).toBe(true);
      expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
    }
  });
  it("gives each answer bytes of its own (the scratch area is reused)", () => {
    const first = utf8Bytes("Hà Nội ".repeat(1_000));
    const second = utf8Bytes("Huế ".repeat(2_000));
    expect(Buffer.from(first).toString()).toBe("Hà Nội ".repeat(1_000));
    expect(Buffer.from(second).toString()).toBe("Huế ".repeat(2_000));
    expect(first.buffer).not.toBe(second.buffer);
  });
});

describe("ByteBodyResponse", () => {
  it("keeps a string body with a Content-Type as bytes, and its length", async () => {
    const response = new ByteBodyResponse("Đà Nẵng", { headers: { "Content-Type": "application/json; charset=utf-8" } });
    expect(Buffer.isBuffer((response as unknown as { _buffer?: unknown })._buffer)).toBe(true);
    expect(response.headers.get("content-length")).toBe(String(Buffer.byteLength("Đà Nẵng")));
    expect(await response.text()).toBe("Đà Nẵng");
  });
  it("leaves a string body without a Content-Type as the Fetch standard has it (text/plain)", async () => {
    const response = new ByteBodyResponse("Huế");
    expect(response.headers.get("content-type")).toBe("text/plain;charset=UTF-8");
    expect(await response.text()).toBe("Huế");
  });
});

describe("the server's answers", () => {
  let database: TestDatabase;
  let yoga: ReturnType<typeof createServer>;
  let server: Server;
  const query = `{ provinces(first: 34) { nodes { code name communes(first: 20) { nodes { code name type serviceCenter { name scope } } } } } }`;

  beforeAll(async () => {
    database = await createTestDatabase({ data: "registry" });
    yoga = createServer({ db: database.db, today: () => "2026-11-23", responseCache: false });
    server = createHttpServer(nodeHandler(yoga));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database?.drop();
  });

  it("are made as bytes (node:http writes them without encoding them again)", async () => {
    const response = await yoga.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query }),
    });
    expect(response.status).toBe(200);
    expect(Buffer.isBuffer((response as unknown as { _buffer?: unknown })._buffer)).toBe(true);
  });

  it("arrive whole over a real port, Content-Length counting their UTF-8 bytes", async () => {
    const { status, headers, body } = await new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      const { port } = server.address() as AddressInfo;
      const request = httpRequest(
        { host: "127.0.0.1", port, path: "/graphql", method: "POST", headers: { "content-type": "application/json", accept: "application/json" } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
        },
      );
      request.on("error", reject);
      request.end(JSON.stringify({ query }));
    });
    expect(status).toBe(200);
    expect(headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(Number(headers["content-length"])).toBe(body.byteLength);
    const answer = JSON.parse(body.toString("utf8"));
    expect(answer.data.provinces.nodes).toHaveLength(34);
    const names = answer.data.provinces.nodes.flatMap((p: { communes: { nodes: Array<{ name: string }> } }) => p.communes.nodes.map((c) => c.name));
    expect(names.length).toBeGreaterThan(600);
    // Vietnamese names survive the encoding: the text holds the letters, not replacement characters.
    expect(body.toString("utf8")).not.toContain("\ufffd");
    expect(names.some((name: string) => /[ạảãàáâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/i.test(name))).toBe(true);
  });
});
