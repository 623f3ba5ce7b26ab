// Cost budgets per caller and window: 429 with standard headers, and one budget shared by every
// server instance through Redis.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiKey } from "../src/auth/keys.js";
import { createServer, type ServerOptions } from "../src/http/server.js";
import { createTestDatabase, type TestDatabase } from "./helpers.js";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ data: "registry" });
});
afterAll(() => database?.drop());

const serverWith = (options: Partial<ServerOptions> = {}) =>
  createServer({ db: database.db, today: () => "2026-11-23", persistedDocuments: new Map(), ...options });

async function post(yoga: ReturnType<typeof serverWith>, query: string, headers: Record<string, string> = {}, client = "203.0.113.7") {
  const response = await yoga.fetch(
    "http://vngov.test/graphql",
    {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
      body: JSON.stringify({ query }),
    },
    // what Node's http server hands yoga as the server context
    { req: { socket: { remoteAddress: client } } } as never,
  );
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

// 1 connection + 20 communes by default: 21 points.
const TWENTY_ONE = `{ communes { nodes { code } } }`;

it("spends each operation's cost from the caller's budget and answers 429 with RateLimit headers once spent", async () => {
  const yoga = serverWith({ config: { RATE_LIMIT_ANONYMOUS: 50, RATE_LIMIT_WINDOW_SECONDS: 30 } });
  const first = await post(yoga, TWENTY_ONE);
  expect(first.status).toBe(200);
  expect(first.headers.get("RateLimit-Limit")).toBe("50");
  expect(first.headers.get("RateLimit-Remaining")).toBe("29");
  expect(Number(first.headers.get("RateLimit-Reset"))).toBeGreaterThan(0);
  expect(first.headers.get("RateLimit-Policy")).toBe('50;w=30;comment="cost points"');
  expect(first.body.extensions.cost).toMatchObject({ requested: 21, remaining: 29, budget: 50 });
  expect((await post(yoga, TWENTY_ONE)).headers.get("RateLimit-Remaining")).toBe("8");
  const limited = await post(yoga, TWENTY_ONE);
  expect(limited.status).toBe(429);
  expect(limited.body.data).toBeUndefined();
  expect(limited.body.errors[0].extensions.code).toBe("RATE_LIMITED");
  expect(limited.body.errors[0].message).toMatch(/budget of 50 cost points per 30 s is spent/);
  expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
  expect(limited.headers.get("RateLimit-Remaining")).toBe("0");
  // Another address has its own anonymous budget.
  expect((await post(yoga, TWENTY_ONE, {}, "198.51.100.9")).status).toBe(200);
});

it("counts a key's budget by key, apart from its address, and larger than the anonymous one", async () => {
  const yoga = serverWith({ config: { RATE_LIMIT_ANONYMOUS: 21, RATE_LIMIT_KEY: 42 } });
  const { key } = await createApiKey(database.db.prisma, { name: `budget-${randomUUID().slice(0, 8)}`, scopes: ["read"] });
  const auth = { authorization: `Bearer ${key}` };
  expect((await post(yoga, TWENTY_ONE)).status).toBe(200);
  expect((await post(yoga, TWENTY_ONE)).status).toBe(429);
  expect((await post(yoga, TWENTY_ONE, auth)).headers.get("RateLimit-Remaining")).toBe("21");
  expect((await post(yoga, TWENTY_ONE, auth, "198.51.100.1")).headers.get("RateLimit-Remaining")).toBe("0");
  expect((await post(yoga, TWENTY_ONE, auth)).status).toBe(429);
});

/** Whether a Redis server answers at `url`: asked once, without the client's endless reconnecting. */
async function redisAnswers(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, connectTimeout: 2_000, retryStrategy: () => null, maxRetriesPerRequest: 0, enableOfflineQueue: false });
  probe.on("error", () => undefined); // reported by connect() below
  try {
    await probe.connect();
    return (await probe.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

it("shares one budget between two server instances through Redis", async (context) => {
  // Redis is a deployment option: without one the test is skipped and says so, unless
  // TEST_REDIS_URL names a server, which must then answer.
  const redisUrl = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";
  if (!(await redisAnswers(redisUrl))) {
    if (process.env.TEST_REDIS_URL) throw new Error(`TEST_REDIS_URL=${redisUrl} does not answer`);
    context.skip(`no Redis at ${redisUrl}: start one there, or set TEST_REDIS_URL, to test budgets shared through Redis`);
  }
  const clients = [new Redis(redisUrl), new Redis(redisUrl)];
  try {
    const prefix = `vngov-test-${randomUUID()}`;
    const config = { RATE_LIMIT_ANONYMOUS: 63, RATE_LIMIT_WINDOW_SECONDS: 60 };
    const [a, b] = clients.map((redis) => serverWith({ config, redis, rateLimitPrefix: prefix }));
    expect((await post(a!, TWENTY_ONE)).headers.get("RateLimit-Remaining")).toBe("42");
    expect((await post(b!, TWENTY_ONE)).headers.get("RateLimit-Remaining")).toBe("21");
    expect((await post(a!, TWENTY_ONE)).headers.get("RateLimit-Remaining")).toBe("0");
    const limited = await post(b!, TWENTY_ONE);
    expect(limited.status).toBe(429);
    expect(limited.body.errors[0].extensions.code).toBe("RATE_LIMITED");
    // The counter lives in Redis, not in either process.
    expect(await clients[0]!.keys(`${prefix}*`)).toHaveLength(1);
    // A third instance with its own memory would not know; one on the same Redis does.
    expect((await post(serverWith({ config }), TWENTY_ONE)).status).toBe(200);
    expect((await post(serverWith({ config, redis: clients[1], rateLimitPrefix: prefix }), TWENTY_ONE)).status).toBe(429);
  } finally {
    clients.forEach((client) => client.disconnect());
  }
});

it("charges refused requests a fixed fee, and refuses a spent caller before reading its request", async () => {
  const yoga = serverWith({ config: { RATE_LIMIT_ANONYMOUS: 45, RATE_LIMIT_WINDOW_SECONDS: 60 } });
  const client = "203.0.113.44";
  // Four documents that do not validate: nothing runs, and each spends REFUSED_REQUEST_COST (10).
  for (let i = 0; i < 4; i += 1) {
    const refused = await post(yoga, `{ noSuchField${i} }`, {}, client);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
  }
  // 5 points are left: a 21-point operation is refused by the budget itself …
  const spent = await post(yoga, TWENTY_ONE, {}, client);
  expect(spent.status).toBe(429);
  expect(spent.body.extensions.cost).toMatchObject({ requested: 21, remaining: 0 });
  // … and from then on the caller is refused before its body is even parsed: not a syntax error, a 429.
  const unread = await yoga.fetch(
    "http://vngov.test/graphql",
    { method: "POST", headers: { "content-type": "application/json" }, body: "{ this is not json" },
    { req: { socket: { remoteAddress: client } } } as never,
  );
  expect(unread.status).toBe(429);
  const body = (await unread.json()) as any;
  expect(body.errors[0].extensions.code).toBe("RATE_LIMITED");
  expect(Number(unread.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
  expect(unread.headers.get("Retry-After")).toMatch(/^\d+$/);
  // Other callers are untouched.
  expect((await post(yoga, TWENTY_ONE, {}, "203.0.113.45")).status).toBe(200);
});

it("charges GeoJSON downloads by their size: a point per kilobyte, a 304 one point", async () => {
  const yoga = serverWith({ config: { RATE_LIMIT_ANONYMOUS: 100_000, RATE_LIMIT_WINDOW_SECONDS: 60 } });
  const get = (path: string, headers: Record<string, string> = {}, client = "203.0.113.60") =>
    yoga.fetch(`http://vngov.test${path}`, { headers }, { req: { socket: { remoteAddress: client } } } as never);
  const first = await get("/geo/provinces.geojson?detail=LOW");
  expect(first.status).toBe(200);
  const bytes = (await first.text()).length;
  const cost = Math.ceil(bytes / 1024);
  expect(cost).toBeGreaterThan(10);
  expect(first.headers.get("RateLimit-Remaining")).toBe(String(100_000 - cost));
  const again = await get("/geo/provinces.geojson?detail=LOW", { "if-none-match": first.headers.get("etag")! });
  expect(again.status).toBe(304);
  expect(again.headers.get("RateLimit-Remaining")).toBe(String(100_000 - cost - 1));
  // A budget smaller than the download: refused with the coded error, as GraphQL answers are.
  const small = serverWith({ config: { RATE_LIMIT_ANONYMOUS: cost - 1, RATE_LIMIT_WINDOW_SECONDS: 60 } });
  const refused = await small.fetch("http://vngov.test/geo/provinces.geojson?detail=LOW", {}, { req: { socket: { remoteAddress: "203.0.113.61" } } } as never);
  expect(refused.status).toBe(429);
  expect(((await refused.json()) as any).errors[0].extensions.code).toBe("RATE_LIMITED");
});
