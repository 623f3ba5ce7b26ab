// Cached answers served in front of yoga (http/node-hits.ts): the same bytes, headers, charge, log
// line and metrics as the same hit answered through yoga, and yoga still answers whatever that path
// must not (CORS, a spent budget, an unknown key).
import { createServer as createHttpServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiKey } from "../src/auth/keys.js";
import { createServer, nodeHandler } from "../src/http/server.js";
import { createTestDatabase, type TestDatabase } from "./helpers.js";

let database: TestDatabase;
let logLines: Array<Record<string, unknown>>;
let yoga: ReturnType<typeof createServer>;
/** The product's handler (hits answered in front of yoga) and yoga alone, over the same server and cache. */
let front: Server;
let yogaOnly: Server;
/** Requests the product's handler handed to yoga (it sets `body` on those, having read it). */
const handedToYoga = new WeakSet<IncomingMessage>();

const QUERY = `query Commune($code: String!) { commune(code: $code) { code name type serviceCenter { name scope } province { code name } } }`;

beforeAll(async () => {
  database = await createTestDatabase({ data: "registry" });
  logLines = [];
  const logger = pino({ level: "info" }, { write: (line: string) => void logLines.push(JSON.parse(line)) });
  // One proxy hop trusted: X-Forwarded-For names the caller, so each test asks as a caller of its own, with a whole budget.
  yoga = createServer({ db: database.db, logger, today: () => "2026-11-23", config: { TRUST_PROXY: 1, RATE_LIMIT_ANONYMOUS: 1_000 } });
  const handler = nodeHandler(yoga);
  front = createHttpServer((request, response) => {
    response.once("finish", () => {
      if ((request as { body?: unknown }).body !== undefined) handedToYoga.add(request);
    });
    handler(request, response);
  });
  yogaOnly = createHttpServer(yoga);
  await Promise.all([front, yogaOnly].map((server) => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))));
});
afterAll(async () => {
  await Promise.all([front, yogaOnly].map((server) => new Promise((resolve) => server.close(resolve))));
  await database.drop();
});

interface Answer {
  status: number;
  /** Header lines as sent (names as spelt, in order), without Date. */
  headers: string[];
  body: Buffer;
  request: IncomingMessage | undefined;
}

let requestsSeen: IncomingMessage[] = [];
function post(server: Server, body: string, headers: Record<string, string>): Promise<Answer> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const seen = (request: IncomingMessage) => requestsSeen.push(request);
    server.once("request", seen);
    const request = httpRequest(
      { host: "127.0.0.1", port, method: "POST", path: "/graphql", headers: { "content-type": "application/json", accept: "application/graphql-response+json", "content-length": Buffer.byteLength(body), ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const lines: string[] = [];
          for (let i = 0; i < response.rawHeaders.length; i += 2) if (response.rawHeaders[i]!.toLowerCase() !== "date") lines.push(`${response.rawHeaders[i]}: ${response.rawHeaders[i + 1]}`);
          resolve({ status: response.statusCode!, headers: lines, body: Buffer.concat(chunks), request: requestsSeen.pop() });
        });
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

const metric = async (name: string) => {
  const text = await (await yoga.fetch("http://vngov.test/metrics")).text();
  return text.split("\n").filter((line) => line.startsWith(name)).join("\n");
};

/** Asks through yoga until the answer is kept (on its second sighting), as a caller of its own. */
async function keep(body: string, headers: Record<string, string> = {}) {
  for (let i = 0; i < 2; i++) expect((await post(yogaOnly, body, { "x-forwarded-for": "198.51.100.9", ...headers })).status).toBe(200);
}

it("answers a hit with the bytes and headers yoga sends for it, charged, logged and counted alike", async () => {
  const body = JSON.stringify({ query: QUERY, variables: { code: "00004" } });
  await keep(body);
  const hitMetrics = 'vngov_response_cache_requests_total{result="hit"}';
  const before = { hits: await metric(hitMetrics), logs: logLines.length };
  // Two callers with whole budgets and the same request id: everything they get back is the same.
  const throughYoga = await post(yogaOnly, body, { "x-forwarded-for": "203.0.113.1", "x-request-id": "same-id", "accept-language": "vi" });
  const inFront = await post(front, body, { "x-forwarded-for": "203.0.113.2", "x-request-id": "same-id", "accept-language": "vi" });
  expect(inFront.request && handedToYoga.has(inFront.request)).toBe(false); // answered in front of yoga
  expect(inFront.status).toBe(200);
  expect(inFront.headers).toEqual(throughYoga.headers);
  expect(inFront.body.equals(throughYoga.body)).toBe(true);
  expect(JSON.parse(inFront.body.toString()).extensions.cost).toMatchObject({ requested: 3, remaining: 997 });
  // Both hits were counted as hits and logged with the same fields (but their durations).
  expect(before.hits).not.toBe(await metric(hitMetrics));
  expect(Number((await metric(hitMetrics)).split(" ")[1]) - Number(before.hits.split(" ")[1] ?? 0)).toBe(2);
  const [yogaLine, frontLine] = logLines.slice(before.logs).map(({ time, durationMs, pid, hostname, ...line }) => line);
  expect(frontLine).toEqual({ ...yogaLine, client: "ip:203.0.113.2" });
  expect(yogaLine).toMatchObject({ client: "ip:203.0.113.1", operationName: "Commune", cost: 3, remaining: 997, status: 200 });

  // The budget the hit charged is the one yoga reads next: the caller's second request sees it spent.
  const next = await post(yogaOnly, body, { "x-forwarded-for": "203.0.113.2" });
  expect(JSON.parse(next.body.toString()).extensions.cost.remaining).toBe(994);
});

it("answers a key's hit once the key is known, charged to the key", async () => {
  const { key } = await createApiKey(database.db.prisma, { name: "node-hits", scopes: ["read"] });
  const body = JSON.stringify({ query: QUERY, variables: { code: "00007" } });
  const authorization = `Bearer ${key}`;
  await keep(body, { authorization });
  const throughYoga = await post(yogaOnly, body, { authorization, "x-request-id": "key-id" });
  const inFront = await post(front, body, { authorization, "x-request-id": "key-id" });
  expect(inFront.request && handedToYoga.has(inFront.request)).toBe(false);
  const remaining = (answer: Answer) => JSON.parse(answer.body.toString()).extensions.cost.remaining as number;
  expect(remaining(inFront)).toBe(remaining(throughYoga) - 3);
  const withoutRemaining = (answer: Answer) => answer.headers.filter((line) => !line.startsWith("ratelimit-remaining"));
  expect(withoutRemaining(inFront)).toEqual(withoutRemaining(throughYoga));
  expect(inFront.body.toString().replace(/"remaining":\d+/, "")).toBe(throughYoga.body.toString().replace(/"remaining":\d+/, ""));
});

it("leaves to yoga what it must not answer: CORS, an unknown key, a spent budget, a miss", async () => {
  const body = JSON.stringify({ query: QUERY, variables: { code: "00010" } });
  await keep(body);
  const cors = await post(front, body, { origin: "https://example.org", "x-forwarded-for": "203.0.113.20" });
  expect(cors.headers).toContain("access-control-allow-origin: https://example.org");
  const unknownKey = await post(front, body, { authorization: "Bearer vngov_nosuchkey", "x-forwarded-for": "203.0.113.21" });
  expect(unknownKey.status).toBe(401);
  expect(unknownKey.request && handedToYoga.has(unknownKey.request)).toBe(true);
  const miss = await post(front, JSON.stringify({ query: QUERY, variables: { code: "00013" } }), { "x-forwarded-for": "203.0.113.22" });
  expect(miss.status).toBe(200);
  expect(miss.request && handedToYoga.has(miss.request)).toBe(true);
  expect(JSON.parse(miss.body.toString())).toMatchObject({ data: { commune: null } }); // no such commune: computed all the same
  // A budget of 1,000 spent 3 points at a time: the hit that finds it spent is refused by yoga, with its RateLimit headers.
  let last: Answer | undefined;
  for (let i = 0; i < 340 && last?.status !== 429; i++) last = await post(front, body, { "x-forwarded-for": "203.0.113.23" });
  expect(last?.status).toBe(429);
  expect(last?.request && handedToYoga.has(last.request)).toBe(true);
  expect(JSON.parse(last!.body.toString()).errors[0].extensions.code).toBe("RATE_LIMITED");
  expect(last?.headers.some((line) => line.toLowerCase().startsWith("retry-after"))).toBe(true);
});
