// What partners' tools meet at the edge of the endpoint: compression on every route (and cache hits
// compressed like computed answers), CORS for Apollo-style headers without credentials, refused form
// posts, automatic persisted queries beside the trusted documents, Prometheus metrics, traces and a
// request id on every route.
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../src/auth/keys.js";
import { negotiateEncoding } from "../src/http/compression.js";
import { createServer } from "../src/http/server.js";
import { createTestDatabase, type TestDatabase } from "./helpers.js";

const gunzip = promisify(zlib.gunzip);
const unbrotli = promisify(zlib.brotliDecompress);

let database: TestDatabase;
let yoga: ReturnType<typeof createServer>;
const TRUSTED = `query Province($code: String!) { province(code: $code) { name } }`;
const trustedHash = createHash("sha256").update(TRUSTED).digest("hex");
const BIG = `query Communes { communes(first: 200) { nodes { code name type } } }`;

beforeAll(async () => {
  database = await createTestDatabase({ data: "registry" });
  yoga = createServer({ db: database.db, today: () => "2026-11-23", persistedDocuments: new Map([[trustedHash, TRUSTED]]) });
});
afterAll(() => database.drop());

function post(body: unknown, headers: Record<string, string> = {}, server = yoga) {
  return server.fetch("http://vngov.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function decoded(response: Response): Promise<string> {
  const bytes = Buffer.from(await response.arrayBuffer());
  const encoding = response.headers.get("content-encoding");
  if (encoding === "br") return (await unbrotli(bytes)).toString("utf8");
  if (encoding === "gzip") return (await gunzip(bytes)).toString("utf8");
  return bytes.toString("utf8");
}

describe("compression", () => {
  it("negotiates brotli before gzip, honours q-values and refusals", () => {
    expect(negotiateEncoding("gzip, deflate, br")).toBe("br");
    expect(negotiateEncoding("gzip")).toBe("gzip");
    expect(negotiateEncoding("br;q=0.5, gzip")).toBe("gzip");
    expect(negotiateEncoding("br;q=0, gzip;q=0")).toBeNull();
    expect(negotiateEncoding("identity")).toBeNull();
    expect(negotiateEncoding("*")).toBe("br");
    expect(negotiateEncoding(null)).toBeNull();
    expect(negotiateEncoding("x-gzip")).toBe("gzip");
    expect(negotiateEncoding("*;q=0")).toBeNull();
    expect(negotiateEncoding("gzip;q=0.8, br;q=0.8")).toBe("br");
    expect(negotiateEncoding("identity, gzip;q=0.5")).toBeNull();
    expect(negotiateEncoding("GZIP")).toBe("gzip");
  });

  it("compresses a large GraphQL answer in the encoding asked for, and leaves small ones as they are", async () => {
    const plain = await post({ query: BIG });
    const plainText = await plain.text();
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("vary")).toMatch(/accept-encoding/i);
    for (const encoding of ["br", "gzip"]) {
      const response = await post({ query: BIG }, { "accept-encoding": encoding });
      expect(response.headers.get("content-encoding")).toBe(encoding);
      const compressedBytes = Number(response.headers.get("content-length"));
      const text = await decoded(response);
      expect(JSON.parse(text).data).toEqual(JSON.parse(plainText).data);
      expect(compressedBytes).toBeLessThan(Buffer.byteLength(text) / 3);
    }
    const small = await post({ query: `{ province(code: "01") { code } }` }, { "accept-encoding": "br" });
    expect(small.headers.get("content-encoding")).toBeNull();
    expect((await small.json()).data.province.code).toBe("01");
  });

  it("compresses cache hits like computed answers: the same data, the same encoding", async () => {
    const cached = createServer({ db: database.db, today: () => "2026-11-23", config: { RATE_LIMIT_ANONYMOUS: 1_000_000 } });
    const first = await post({ query: BIG }, { "accept-encoding": "br" }, cached);
    await post({ query: BIG }, { "accept-encoding": "br" }, cached); // kept on its second sighting
    const second = await post({ query: BIG }, { "accept-encoding": "br" }, cached);
    const metrics = await (await cached.fetch("http://vngov.test/metrics")).text();
    expect(metrics).toMatch(/^vngov_response_cache_requests_total\{result="hit"\} 1$/m); // the second came from the cache
    expect(second.headers.get("content-encoding")).toBe("br");
    const [one, two] = [JSON.parse(await decoded(first)), JSON.parse(await decoded(second))];
    expect(two.data).toEqual(one.data);
    expect(two.extensions.cost.requested).toBe(one.extensions.cost.requested);
    // A client that does not accept brotli gets the kept answer uncompressed, not the brotli bytes.
    const third = await post({ query: BIG }, {}, cached);
    expect(third.headers.get("content-encoding")).toBeNull();
    expect((await third.json()).data).toEqual(one.data);
  });

  it("compresses GeoJSON downloads with a weak ETag that still revalidates to 304", async () => {
    const url = "http://vngov.test/geo/provinces.geojson?detail=LOW";
    const plain = await yoga.fetch(url);
    const plainText = await plain.text();
    const strong = plain.headers.get("etag")!;
    expect(strong).toMatch(/^"/);
    const compressed = await yoga.fetch(url, { headers: { "accept-encoding": "gzip, br" } });
    expect(compressed.headers.get("content-encoding")).toBe("br");
    expect(compressed.headers.get("etag")).toBe(`W/${strong}`);
    expect(await decoded(compressed)).toBe(plainText);
    expect(Number(compressed.headers.get("content-length"))).toBeLessThan(Buffer.byteLength(plainText) / 3);
    const revalidated = await yoga.fetch(url, { headers: { "accept-encoding": "br", "if-none-match": `W/${strong}` } });
    expect(revalidated.status).toBe(304);
  });
});

describe("CORS", () => {
  it("allows Apollo's and trace headers in a preflight, says for how long, never with credentials", async () => {
    const response = await yoga.fetch("http://vngov.test/graphql", {
      method: "OPTIONS",
      headers: {
        origin: "https://maps.example.vn",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, apollographql-client-name, traceparent",
      },
    });
    expect(response.status).toBe(204);
    const allowed = response.headers.get("access-control-allow-headers")!.split(/,\s*/);
    for (const header of ["content-type", "apollographql-client-name", "apollographql-client-version", "traceparent", "x-request-id"]) expect(allowed).toContain(header);
    expect(response.headers.get("access-control-max-age")).toBe("7200");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    const answer = await post({ query: `{ province(code: "01") { code } }` }, { origin: "https://maps.example.vn" });
    expect(answer.headers.get("access-control-allow-origin")).toBeTruthy();
    expect(answer.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("refuses form-encoded and plain-text posts with 415 without running them", async () => {
    const { key } = await createApiKey(database.db.prisma, { name: "form-writer", scopes: ["read", "write"] });
    const writes = database.db.statements.count;
    for (const [type, body] of [
      ["application/x-www-form-urlencoded", `query=${encodeURIComponent(`{ province(code: "01") { code } }`)}`],
      ["text/plain", JSON.stringify({ query: `{ province(code: "01") { code } }` })],
      ["multipart/form-data; boundary=x", `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ __typename }\r\n--x--`],
    ] as const) {
      const response = await yoga.fetch("http://vngov.test/graphql", { method: "POST", headers: { "content-type": type, authorization: `Bearer ${key}` }, body });
      expect(response.status).toBe(415);
      expect((await response.json()).errors[0].extensions.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    }
    expect(database.db.statements.count).toBe(writes);
  });
});

describe("automatic persisted queries", () => {
  const QUERY = `query Hanoi { province(code: "01") { code name } }`;
  const hash = createHash("sha256").update(QUERY).digest("hex");
  const apq = { persistedQuery: { version: 1, sha256Hash: hash } };

  it("runs Apollo's two-step protocol: not found, registered with the text, then found by hash (also over GET)", async () => {
    const server = createServer({ db: database.db, today: () => "2026-11-23", responseCache: false });
    const miss = await post({ extensions: apq }, {}, server);
    expect(miss.status).toBe(404);
    expect((await miss.json()).errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const registered = await post({ query: QUERY, extensions: apq }, {}, server);
    expect((await registered.json()).data.province.code).toBe("01");
    const hit = await post({ extensions: apq }, {}, server);
    expect((await hit.json()).data.province.code).toBe("01");
    const viaGet = await server.fetch(`http://vngov.test/graphql?extensions=${encodeURIComponent(JSON.stringify(apq))}`, { headers: { accept: "application/json" } });
    expect((await viaGet.json()).data.province.code).toBe("01");
    const wrong = await post({ query: `{ __typename }`, extensions: apq }, {}, server);
    expect((await wrong.json()).errors[0].extensions.code).toBe("PERSISTED_QUERY_MISMATCH");
  });

  it("keeps persisted-only keys to trusted documents, even for a hash another caller registered and the cache holds", async () => {
    const server = createServer({ db: database.db, today: () => "2026-11-23", persistedDocuments: new Map([[trustedHash, TRUSTED]]) });
    const { key } = await createApiKey(database.db.prisma, { name: "apq-locked", scopes: ["read"], persistedOnly: true });
    await post({ query: QUERY, extensions: apq }, {}, server);
    expect((await (await post({ extensions: apq }, {}, server)).json()).data.province.code).toBe("01"); // now cached too
    const locked = await post({ extensions: apq }, { authorization: `Bearer ${key}` }, server);
    expect((await locked.json()).errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const register = await post({ query: QUERY, extensions: apq }, { authorization: `Bearer ${key}` }, server);
    expect((await register.json()).errors[0].extensions.code).toBe("PERSISTED_QUERY_ONLY");
    const trusted = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: trustedHash } }, variables: { code: "79" } }, { authorization: `Bearer ${key}` }, server);
    expect((await trusted.json()).data.province.name).toBeTruthy();
  });
});

describe("operations", () => {
  it("gives every route a request id, the caller's when sensible", async () => {
    for (const path of ["/health", "/ready", "/geo/provinces.geojson?detail=LOW", "/metrics", "/graphql?query=%7B__typename%7D"]) {
      const response = await yoga.fetch(`http://vngov.test${path}`);
      expect(response.headers.get("x-request-id"), path).toMatch(/^[0-9a-f-]{36}$/);
    }
    const mine = await yoga.fetch("http://vngov.test/health", { headers: { "x-request-id": "partner-42" } });
    expect(mine.headers.get("x-request-id")).toBe("partner-42");
  });

  it("serves Prometheus metrics: requests, latency by operation, cost, cache hits, refusals", async () => {
    const server = createServer({ db: database.db, today: () => "2026-11-23", config: { RATE_LIMIT_ANONYMOUS: 30 } });
    const ask = () => post({ query: `query Hanoi { province(code: "01") { code } }` }, {}, server);
    await ask();
    await ask(); // computed again, and kept on this second sighting
    await ask(); // from the cache
    for (let i = 0; i < 39; i++) await ask(); // runs the budget of 30 out
    const text = await (await server.fetch("http://vngov.test/metrics")).text();
    const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? NaN);
    expect(value(/^vngov_http_requests_total\{route="\/graphql",method="POST",status="200"\} (\d+)/m)).toBe(30);
    expect(value(/^vngov_http_requests_total\{route="\/graphql",method="POST",status="429"\} (\d+)/m)).toBe(12);
    expect(value(/^vngov_graphql_request_duration_seconds_count\{operation="Hanoi",cached="false"\} (\d+)/m)).toBeGreaterThanOrEqual(1);
    expect(value(/^vngov_graphql_request_duration_seconds_count\{operation="Hanoi",cached="true"\} (\d+)/m)).toBe(28);
    expect(value(/^vngov_graphql_cost_spent_total\{caller="anonymous"\} (\d+)/m)).toBe(30);
    expect(value(/^vngov_rate_limited_total\{caller="anonymous"\} (\d+)/m)).toBe(12);
    expect(value(/^vngov_response_cache_requests_total\{result="hit"\} (\d+)/m)).toBe(28);
    expect(text).toMatch(/^vngov_process_resident_memory_bytes \d+/m);
  });

  it("records a span per request under the caller's traceparent, and names the trace in errors", async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const server = createServer({ db: database.db, today: () => "2026-11-23", tracing: { tracer: provider.getTracer("test"), propagator: new W3CTraceContextPropagator() } });
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const response = await post({ query: `query Broken { province(code: 1) { code } }` }, { traceparent: `00-${traceId}-00f067aa0ba902b7-01` }, server);
    const body = await response.json();
    expect(body.errors[0].extensions.traceId).toBe(traceId);
    const [span] = exporter.getFinishedSpans();
    expect(span?.spanContext().traceId).toBe(traceId);
    expect(span?.parentSpanContext?.spanId).toBe("00f067aa0ba902b7");
    await post({ query: `query Hanoi { province(code: "01") { code } }` }, {}, server);
    expect(exporter.getFinishedSpans()[1]?.name).toBe("query Hanoi");
  });
});
