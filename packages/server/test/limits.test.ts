// Every endpoint limit, hit with the abusive request it exists for, through the real handler.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type EndpointConfig } from "../src/http/server.js";
import { createTestDatabase, type TestDatabase } from "./helpers.js";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ data: "registry" });
});
afterAll(() => database?.drop());

const serverWith = (config: Partial<EndpointConfig> = {}) =>
  createServer({ db: database.db, today: () => "2026-11-23", config, persistedDocuments: new Map() });

interface Body {
  data?: any;
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
  extensions?: { cost?: { requested: number; limit: number; remaining: number; budget: number } };
}

async function post(yoga: ReturnType<typeof serverWith>, body: unknown, headers: Record<string, string> = {}) {
  const response = await yoga.fetch("http://vngov.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { response, status: response.status, body: (await response.json()) as Body & Body[] };
}

const nest = (levels: number) => {
  let selection = "code";
  for (let i = 0; i < levels; i++) selection = `communes(first: 1) { nodes { province { ${selection} } } }`;
  return `{ province(code: "15") { ${selection} } }`;
};

describe("document limits", () => {
  const yoga = () => serverWith();

  it("refuses an operation nested deeper than MAX_DEPTH with QUERY_TOO_DEEP", async () => {
    const { status, body } = await post(yoga(), { query: nest(4) });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors![0]!.extensions!.code).toBe("QUERY_TOO_DEEP");
    expect(body.errors![0]!.message).toMatch(/depth limit of 10 exceeded, found 14/);
    const { body: allowed } = await post(yoga(), { query: nest(2) });
    expect(allowed.errors).toBeUndefined();
  });

  it("counts fragments at the depth they are spread at", async () => {
    const query = `query { ...Deep } fragment Deep on Query { ${nest(4).slice(1, -1)} }`;
    const { body } = await post(yoga(), { query });
    expect(body.errors![0]!.extensions!.code).toBe("QUERY_TOO_DEEP");
  });

  it("refuses more aliases than MAX_ALIASES with TOO_MANY_ALIASES", async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `p${i}: province(code: "15") { name }`).join(" ");
    const { status, body } = await post(yoga(), { query: `{ ${aliases} }` });
    expect(status).toBe(400);
    expect(body.errors![0]).toMatchObject({ extensions: { code: "TOO_MANY_ALIASES" } });
    expect(body.errors![0]!.message).toMatch(/Aliases limit of 30 exceeded, found 31/);
  });

  it("refuses a document of more than MAX_TOKENS tokens with TOO_MANY_TOKENS before parsing it all", async () => {
    const { status, body } = await post(yoga(), { query: `{ ${"__typename ".repeat(2500)} }` });
    expect(status).toBe(400);
    expect(body.errors![0]).toMatchObject({ extensions: { code: "TOO_MANY_TOKENS" } });
    expect(body.errors![0]!.message).toMatch(/Token limit of 2000 exceeded/);
  });

  it("refuses more directives than MAX_DIRECTIVES with TOO_MANY_DIRECTIVES", async () => {
    const { status, body } = await post(yoga(), { query: `{ __typename ${"@include(if: true) ".repeat(21)} }` });
    expect(status).toBe(400);
    expect(body.errors![0]).toMatchObject({ extensions: { code: "TOO_MANY_DIRECTIVES" } });
    expect(body.errors![0]!.message).toMatch(/Directives limit of 20 exceeded, found 21/);
  });
});

describe("cost", () => {
  it("multiplies nested page sizes and refuses first: 200 inside first: 200 with QUERY_TOO_COMPLEX", async () => {
    const query = `{ provinces(first: 200) { nodes { communes(first: 200) { nodes { code serviceCenter { name } } } } } }`;
    const { status, body } = await post(serverWith(), { query });
    // 1 connection + 200 provinces + 200 connections + 200×200 communes + 200×200 centers
    const cost = 1 + 200 + 200 + 40_000 + 40_000;
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors![0]!.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", cost });
    expect(body.errors![0]!.message).toContain(`could return ${cost} objects, more than the 60000`);
    expect(body.extensions!.cost).toMatchObject({ requested: cost, limit: 60_000 });
  });

  it("reports the cost of every response, from page sizes, the default page size and list bounds", async () => {
    const yoga = serverWith();
    const cases: Array<[string, number]> = [
      [`{ provinces(first: 34) { nodes { communes(first: 200) { nodes { code } } } } }`, 1 + 34 + 34 + 34 * 200],
      [`{ communes { nodes { code } } }`, 1 + 20],
      [`{ communes(first: 5) { edges { node { code province { code } } } } }`, 1 + 5 + 5 + 5],
      [`query($n: Int) { communes(first: $n) { totalCount } }`, 1],
      [`{ registryChanges { code province { code } } }`, 200 + 200],
      [`{ province(code: "15") { name } __typename }`, 1],
    ];
    for (const [query, cost] of cases) {
      const { body } = await post(yoga, { query, variables: { n: 50 } });
      expect(body.errors, query).toBeUndefined();
      expect(body.extensions!.cost, query).toMatchObject({ requested: cost, limit: 60_000 });
    }
  });

  it("prices variables' page sizes, and reports a cost on errors too", async () => {
    const yoga = serverWith({ MAX_COST: 100 });
    const query = `query($n: Int) { communes(first: $n) { nodes { code } } }`;
    expect((await post(yoga, { query, variables: { n: 99 } })).body.errors).toBeUndefined();
    const { body } = await post(yoga, { query, variables: { n: 100 } });
    expect(body.errors![0]!.extensions!.code).toBe("QUERY_TOO_COMPLEX");
    const { body: broken } = await post(yoga, { query: `{ nope }` });
    expect(broken.errors![0]!.extensions!.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(broken.extensions!.cost).toMatchObject({ requested: 0, limit: 100 });
  });
});

describe("requests", () => {
  it("enforces MAX_BODY_BYTES on a real port, with Content-Length and with a chunked body", async () => {
    const http = await import("node:http");
    const server = http.createServer(serverWith({ MAX_BODY_BYTES: 1_000 }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    const send = (body: string, chunked: boolean) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const request = http.request(
          {
            host: "127.0.0.1",
            port,
            path: "/graphql",
            method: "POST",
            headers: { "content-type": "application/json", ...(chunked ? { "transfer-encoding": "chunked" } : { "content-length": Buffer.byteLength(body) }) },
          },
          (response) => {
            let text = "";
            response.on("data", (chunk) => (text += chunk));
            response.on("end", () => resolve({ status: response.statusCode!, text }));
          },
        );
        request.on("error", reject);
        if (chunked) for (let i = 0; i < body.length; i += 300) request.write(body.slice(i, i + 300));
        else request.write(body);
        request.end();
      });
    try {
      const small = JSON.stringify({ query: `{ province(code: "15") { name } }` });
      const big = JSON.stringify({ query: `{ __typename }`, variables: { pad: "x".repeat(2_000) } });
      for (const chunked of [false, true]) {
        const ok = await send(small, chunked);
        expect(ok.status).toBe(200);
        expect(JSON.parse(ok.text).data.province.name).toBe("Lào Cai");
        const refused = await send(big, chunked);
        expect(refused.status).toBe(413);
        expect(JSON.parse(refused.text).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
      }
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("limits batches to BATCH_LIMIT operations with TOO_MANY_OPERATIONS", async () => {
    const yoga = serverWith({ BATCH_LIMIT: 3 });
    const op = { query: `{ province(code: "15") { name } }` };
    const ok = await post(yoga, [op, op, op]);
    expect(ok.status).toBe(200);
    expect(ok.body).toHaveLength(3);
    expect(ok.body[2]!.data.province.name).toBe("Lào Cai");
    expect(ok.body[2]!.extensions!.cost!.requested).toBe(1);
    const { status, body } = await post(yoga, [op, op, op, op]);
    expect(status).toBe(413);
    expect(body.errors![0]).toMatchObject({ message: "Batching is limited to 3 operations per request.", extensions: { code: "TOO_MANY_OPERATIONS" } });
  });

  it("refuses batches when BATCH_LIMIT is 0", async () => {
    const { status, body } = await post(serverWith({ BATCH_LIMIT: 0 }), [{ query: "{ __typename }" }]);
    expect(status).toBe(400);
    expect(body.errors![0]).toMatchObject({ message: "Batching is not supported.", extensions: { code: "TOO_MANY_OPERATIONS" } });
  });

  it("answers 413 with a JSON error to a body over MAX_BODY_BYTES, with or without Content-Length", async () => {
    const yoga = serverWith({ MAX_BODY_BYTES: 1_000 });
    const big = JSON.stringify({ query: `{ __typename }`, variables: { pad: "x".repeat(2_000) } });
    const { status, body, response } = await post(yoga, big);
    expect(status).toBe(413);
    expect(response.headers.get("content-type")).toContain("json");
    expect(body.errors![0]).toMatchObject({ message: "Request body too large", extensions: { code: "PAYLOAD_TOO_LARGE" } });
    const chunked = await yoga.fetch("http://vngov.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(big));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it("stops an operation that runs past REQUEST_TIMEOUT_MS with REQUEST_TIMEOUT", async () => {
    // A database that takes 200 ms per model query (in-memory PGlite answers within one event-loop turn).
    const prisma = database.db.prisma;
    const slowDelegate = (delegate: object) =>
      new Proxy(delegate, {
        get(target, property, receiver) {
          const value = Reflect.get(target, property, receiver);
          if (typeof value !== "function") return value;
          return async (...args: unknown[]) => {
            await new Promise((resolve) => setTimeout(resolve, 200));
            return value.apply(target, args);
          };
        },
      });
    const slow = new Proxy(prisma, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        return property === "figure" ? slowDelegate(value as object) : value;
      },
    });
    const yoga = createServer({ db: { ...database.db, prisma: slow }, config: { REQUEST_TIMEOUT_MS: 50 }, persistedDocuments: new Map() });
    const { status, body } = await post(yoga, { query: `{ figures(first: 5) { nodes { value } } }` });
    expect(status).toBe(503);
    expect(body.errors![0]).toMatchObject({ extensions: { code: "REQUEST_TIMEOUT" } });
    expect(body.errors![0]!.message).toContain("longer than 50 ms");
  });

  it("counts REQUEST_TIMEOUT_MS from the request's arrival: a body that takes longer to arrive gets REQUEST_TIMEOUT, not an answer", async () => {
    const yoga = createServer({ db: database.db, config: { REQUEST_TIMEOUT_MS: 1_000 }, persistedDocuments: new Map() });
    const body = JSON.stringify({ query: `{ provinces(first: 1) { nodes { code } } }` });
    const response = await yoga.fetch("http://vngov.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new ReadableStream({
        async start(controller) {
          controller.enqueue(new TextEncoder().encode(body.slice(0, 10)));
          await new Promise((resolve) => setTimeout(resolve, 1_500));
          controller.enqueue(new TextEncoder().encode(body.slice(10)));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe("REQUEST_TIMEOUT");
    // The same request sent at once is answered: the timeout, not the request, refused it.
    expect((await post(yoga, JSON.parse(body))).status).toBe(200);
  });

  it("answers introspection by default and refuses it with INTROSPECTION=false", async () => {
    const query = `{ __schema { queryType { name } } }`;
    expect((await post(serverWith(), { query })).body.data.__schema.queryType.name).toBe("Query");
    const { body } = await post(serverWith({ INTROSPECTION: false }), { query });
    expect(body.data).toBeUndefined();
    expect(body.errors![0]!.extensions!.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("allows the configured CORS origins and exposes the rate-limit headers", async () => {
    const yoga = serverWith({ CORS_ORIGINS: ["https://maps.example.vn"] });
    const preflight = await yoga.fetch("http://vngov.test/graphql", {
      method: "OPTIONS",
      headers: { origin: "https://maps.example.vn", "access-control-request-method": "POST" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://maps.example.vn");
    const { response } = await post(yoga, { query: "{ __typename }" }, { origin: "https://maps.example.vn" });
    expect(response.headers.get("access-control-expose-headers")).toContain("RateLimit-Remaining");
    const other = await yoga.fetch("http://vngov.test/graphql", {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(other.headers.get("access-control-allow-origin")).not.toBe("https://evil.example");
  });

  it("answers with an x-request-id, the caller's own when it sends a sensible one", async () => {
    const yoga = serverWith();
    const { response } = await post(yoga, { query: "{ __typename }" });
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const { response: echoed } = await post(yoga, { query: "{ __typename }" }, { "x-request-id": "partner-42" });
    expect(echoed.headers.get("x-request-id")).toBe("partner-42");
  });
});

it("publishes the limits in force through Query.limits", async () => {
  const { body } = await post(serverWith({ MAX_COST: 1234, BATCH_LIMIT: 0 }), {
    query: `{ limits { maxDepth maxAliases maxTokens maxDirectives maxCost maxPageSize defaultPageSize batchLimit maxBodyBytes requestTimeoutMs rateLimitWindowSeconds anonymousBudget keyBudget } }`,
  });
  expect(body.data.limits).toEqual({
    maxDepth: 10,
    maxAliases: 30,
    maxTokens: 2000,
    maxDirectives: 20,
    maxCost: 1234,
    maxPageSize: 200,
    defaultPageSize: 20,
    batchLimit: 0,
    maxBodyBytes: 512_000,
    requestTimeoutMs: 15_000,
    rateLimitWindowSeconds: 60,
    anonymousBudget: 120_000,
    keyBudget: 600_000,
  });
});
