// The SDK under a budget and a flaky network: retryAfter on RATE_LIMITED, opt-in retries that wait
// for Retry-After, cost and rate-limit information on every result, against a real server.
import { parse } from "graphql";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createClient, parseRetryAfter, VngovError, type FetchLike, type ResponseInfo, type TypedDocumentNode } from "../src/index.js";
import { startLiveServer, type LiveServer } from "./live-server.js";

let server: LiveServer;
beforeAll(async () => {
  // A budget of 3 points a second: the fourth point lookup within a second is refused.
  server = await startLiveServer({ config: { RATE_LIMIT_ANONYMOUS: 3, RATE_LIMIT_WINDOW_SECONDS: 1 } });
});
afterAll(() => server?.close());

const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (reason: unknown) => reason);

/** Waits for a fresh window, so that each test starts with the whole budget. */
async function freshWindow(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1100));
}

it("reads Retry-After as seconds or as an HTTP date", () => {
  expect(parseRetryAfter("7")).toBe(7);
  expect(parseRetryAfter("Fri, 27 Nov 2026 10:00:30 GMT", Date.parse("Fri, 27 Nov 2026 10:00:00 GMT"))).toBe(30);
  expect(parseRetryAfter(null)).toBeUndefined();
  expect(parseRetryAfter("soon")).toBeUndefined();
});

it("says when to come back on RATE_LIMITED, and reports cost and budget on every answer", async () => {
  await freshWindow();
  const infos: ResponseInfo[] = [];
  const client = createClient({ url: server.url, onResponse: (info) => infos.push(info) });
  for (let i = 0; i < 3; i++) await client.province({ code: "15" }, { headers: {} });
  const error = await refusal(client.province({ code: "15" }));
  expect(error).toBeInstanceOf(VngovError);
  expect(error).toMatchObject({ code: "RATE_LIMITED", status: 429 });
  const retryAfter = (error as VngovError).retryAfter;
  expect(retryAfter).toBeGreaterThanOrEqual(0);
  expect(retryAfter).toBeLessThanOrEqual(1);
  expect(infos).toHaveLength(4);
  expect(infos[0]).toMatchObject({ operationName: "Province", status: 200, attempts: 1, cost: { requested: 1, budget: 3 }, rateLimit: { limit: 3 } });
  expect(infos[2]!.rateLimit!.remaining).toBe(0);
  expect(infos[0]!.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(infos[3]!.status).toBe(429);
});

it("retries a refused request after Retry-After when asked to, and succeeds in the next window", async () => {
  await freshWindow();
  const infos: ResponseInfo[] = [];
  const client = createClient({ url: server.url, retry: { retries: 3 }, onResponse: (info) => infos.push(info) });
  const answers = [];
  for (let i = 0; i < 5; i++) answers.push(await client.province({ code: "15" }));
  expect(answers.every((answer) => answer?.code === "15")).toBe(true);
  // At least one call needed a second attempt, after a 429.
  expect(infos.some((info) => info.status === 429)).toBe(true);
  expect(Math.max(...infos.map((info) => info.attempts))).toBeGreaterThan(1);
});

it("retries network errors and 503s for queries, never a mutation after a 503, and not at all by default", async () => {
  await freshWindow();
  let failures = 2;
  const flaky: FetchLike = (url, init) => {
    if (failures-- > 0) {
      return failures === 1
        ? Promise.reject(new TypeError("fetch failed", { cause: new Error("connect ECONNRESET") }))
        : Promise.resolve(new Response("restarting", { status: 503, headers: { "retry-after": "0" } }));
    }
    return globalThis.fetch(url, init);
  };
  const retrying = createClient({ url: server.url, fetch: flaky, retry: { minDelayMs: 1 } });
  expect((await retrying.province({ code: "15" }))?.code).toBe("15");
  failures = 1;
  expect(await refusal(createClient({ url: server.url, fetch: flaky }).province({ code: "15" }))).toMatchObject({ code: "NETWORK_ERROR" });
  let calls = 0;
  const unavailable: FetchLike = () => {
    calls += 1;
    return Promise.resolve(new Response("restarting", { status: 503, headers: { "retry-after": "0" } }));
  };
  const write: TypedDocumentNode<unknown, Record<string, never>> = parse("mutation Revoke { __typename }");
  const error = await refusal(createClient({ url: server.url, fetch: unavailable, retry: true }).request(write));
  expect(error).toMatchObject({ code: "HTTP_ERROR", status: 503, retryAfter: 0 });
  expect(calls).toBe(1);
});
