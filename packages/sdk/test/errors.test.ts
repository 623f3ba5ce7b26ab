// Every failure reaches the caller as a VngovError with a code: server errors, HTTP, network, time.
import { createServer as createHttpServer, type Server } from "node:http";
import { once } from "node:events";
import net, { type AddressInfo } from "node:net";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../../server/src/errors.js";
import { SERVER_ERROR_CODES } from "../src/errors.js";
import { createClient, isVngovError, VngovError, type TypedDocumentNode } from "../src/index.js";
import { startLiveServer, type LiveServer } from "./live-server.js";

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
});
afterAll(() => server?.close());

async function caught(promise: Promise<unknown>): Promise<VngovError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(VngovError);
  return error as VngovError;
}

/** A local HTTP server with a fixed behaviour, for failures a real vngov server does not produce. */
async function fakeServer(handler: Parameters<typeof createHttpServer>[1]): Promise<{ url: string; close(): Promise<void>; server: Server }> {
  const http = createHttpServer(handler);
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    server: http,
    async close() {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

describe("errors from the server", () => {
  it("knows every code the server sends, and no other", () => {
    expect([...SERVER_ERROR_CODES].sort()).toEqual(Object.values(ErrorCode).sort());
  });


  it("turns a malformed argument into BAD_USER_INPUT with the server's errors", async () => {
    const error = await caught(createClient({ url: server.url }).province({ code: "1" }));
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.status).toBe(200);
    expect(error.message).toContain('code "1" is not a province code');
    expect(error.errors).toHaveLength(1);
    expect(error.errors[0]).toMatchObject({ path: ["province"], extensions: { code: "BAD_USER_INPUT", argument: "code" } });
    expect(error.data).toEqual({ province: null });
    expect(isVngovError(error)).toBe(true);
  });

  it("turns an oversized page into BAD_USER_INPUT", async () => {
    const error = await caught(createClient({ url: server.url }).communes({ first: 500 }));
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.message).toContain("more than the maximum page size of 200");
  });

  it("reports a document that does not validate as GRAPHQL_VALIDATION_FAILED with HTTP 400", async () => {
    const Misspelt: TypedDocumentNode<unknown, Record<string, never>> = parse("{ province(code: \"15\") { nmae } }");
    const error = await caught(createClient({ url: server.url }).request(Misspelt));
    expect(error.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(error.status).toBe(400);
    expect(error.message).toContain('Cannot query field "nmae" on type "Province"');
  });

  it("reports a variable of the wrong type as BAD_USER_INPUT", async () => {
    const client = createClient({ url: server.url });
    // @ts-expect-error a number where the schema wants a Date string: what an untyped caller might send
    const error = await caught(client.commune({ code: "00004", asOf: 20250701 }));
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.errors[0]?.message).toContain("$asOf");
  });
});

describe("errors on the way", () => {
  it("reports an HTTP error without GraphQL errors as HTTP_ERROR with its status", async () => {
    const error = await caught(createClient({ url: server.url.replace("/graphql", "/nowhere") }).provinces());
    expect(error.code).toBe("HTTP_ERROR");
    expect(error.status).toBe(404);
    expect(error.errors).toEqual([]);
  });

  it("reports a gateway's HTML page as HTTP_ERROR and a 200 that is not GraphQL as BAD_RESPONSE", async () => {
    const gateway = await fakeServer((request, response) => {
      const ok = request.headers["x-mode"] === "ok";
      response.writeHead(ok ? 200 : 502, { "content-type": "text/html" }).end("<html>Bad gateway</html>");
    });
    try {
      const client = createClient({ url: gateway.url });
      const error = await caught(client.provinces());
      expect(error).toMatchObject({ code: "HTTP_ERROR", status: 502 });
      expect(error.message).toContain("Bad gateway");
      const notGraphQL = await caught(client.provinces({}, { headers: { "x-mode": "ok" } }));
      expect(notGraphQL).toMatchObject({ code: "BAD_RESPONSE", status: 200 });
    } finally {
      await gateway.close();
    }
  });

  it("reports a refused connection as NETWORK_ERROR", async () => {
    // A port that refuses and that no one else can take meanwhile: the local end of a connection
    // this test holds open (bound, not listening). A port just freed could be taken by another
    // process before the request.
    const peer = await fakeServer(() => {});
    const held = net.connect((peer.server.address() as AddressInfo).port, "127.0.0.1");
    try {
      await once(held, "connect");
      const error = await caught(createClient({ url: `http://127.0.0.1:${held.localPort}/graphql` }).provinces());
      expect(error.code).toBe("NETWORK_ERROR");
      expect(error.status).toBeUndefined();
      expect(error.cause).toBeDefined();
      expect(error.cause).toMatchObject({ cause: { code: "ECONNREFUSED" } }); // fetch's TypeError, around the socket's error
    } finally {
      held.destroy();
      await peer.close();
    }
  });

  it("reports a server that does not answer in time as TIMEOUT", async () => {
    const silent = await fakeServer(() => {}); // accepts the request, never answers
    try {
      const started = Date.now();
      const error = await caught(createClient({ url: silent.url, timeoutMs: 200 }).provinces());
      expect(error.code).toBe("TIMEOUT");
      expect(error.message).toContain("200 ms");
      expect(Date.now() - started).toBeLessThan(5_000);
      const perCall = await caught(createClient({ url: silent.url }).provinces({}, { timeoutMs: 100 }));
      expect(perCall.code).toBe("TIMEOUT");
    } finally {
      await silent.close();
    }
  });

  it("reports the caller's abort as ABORTED, for the client's signal and a call's", async () => {
    const silent = await fakeServer(() => {});
    try {
      const perCall = new AbortController();
      const pending = createClient({ url: silent.url }).provinces({}, { signal: perCall.signal });
      setTimeout(() => perCall.abort(), 50);
      expect((await caught(pending)).code).toBe("ABORTED");

      const clientWide = new AbortController();
      clientWide.abort();
      expect((await caught(createClient({ url: silent.url, signal: clientWide.signal }).provinces())).code).toBe("ABORTED");
    } finally {
      await silent.close();
    }
  });
});
