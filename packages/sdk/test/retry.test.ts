// The SDK under a budget and a flaky network: retryAfter on RATE_LIMITED, opt-in retries that wait
// for Retry-After, cost and rate-limit information on every result, against a real server.
import { parse } from "graphql";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createClient, parseRetryAfter, VngovError, type FetchLike, type ResponseInfo, type TypedDocumentNode } from "../src/index.js";
import { startLiveServer, type LiveServer } from "./live-server.js";

let server: LiveServer;
const WINDOW_SECONDS = 10;
beforeAll(async () => {
  // A key's budget of 1,000 points per 10 s window: a province with its communes costs 244, so the
  // fifth within a window is refused. Each test has its own key, hence its own budget.
  server = await startLiveServer({ registryOnly: true, config: { RATE_LIMIT_KEY: 1000, RATE_LIMIT_WINDOW_SECONDS: WINDOW_SECONDS } });
});
afterAll(() => server?.close());

const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (reason: unknown) => reason);

it("reads Retry-After as seconds or as an HTTP date", () => {
  expect(parseRetryAfter("7")).toBe(7);
  expect(parseRetryAfter("7, 7")).toBe(7);
  expect(parseRetryAfter("Fri, 27 Nov 2026 10:00:30 GMT", Date.parse("Fri, 27 Nov 2026 10:00:00 GMT"))).toBe(30);
  expect(parseRetryAfter(null)).toBeUndefined();
  expect(parseRetryAfter("soon")).toBeUndefined();
});

it("says when to come back on RATE_LIMITED, and reports cost and budget on every answer", async () => {
  const infos: ResponseInfo[] = [];
  const client = createClient({ url: server.url, apiKey: await server.createKey("retry-after"), onResponse: (info) => infos.push(info) });
  let error: unknown;
  // Until refused: five in one window are (a slow machine may need more requests to fit five in one).
  for (let i = 0; i < 15 && error === undefined; i++) error = await refusal(client.province({ code: "15" }));
  expect(error).toBeInstanceOf(VngovError);
  expect(error).toMatchObject({ code: "RATE_LIMITED", status: 429, rateLimit: { limit: 1000, remaining: 0 } });
  const retryAfter = (error as VngovError).retryAfter;
  expect(retryAfter).toBeGreaterThanOrEqual(0);
  expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
  const cost = infos[0]!.cost!.requested;
  expect(cost).toBeGreaterThan(200);
  expect(infos[0]).toMatchObject({ operationName: "Province", status: 200, attempts: 1, cost: { budget: 1000, remaining: 1000 - cost }, rateLimit: { limit: 1000, remaining: 1000 - cost } });
  expect(infos[0]!.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(infos.at(-1)).toMatchObject({ status: 429, rateLimit: { limit: 1000, remaining: 0 } });
});

it("retries a refused request after Retry-After when asked to, and succeeds in the next window", async () => {
  // A second instance with a 2 s window, so that the retry waits two seconds rather than ten. The six
  // calls go at once: charged within milliseconds of each other, they cannot straddle a window
  // however slow the machine, so two of them are certainly refused (4 x 244 fit in 1,000) and each
  // must wait for the next window, where both fit.
  const short = await server.another({ config: { RATE_LIMIT_KEY: 1000, RATE_LIMIT_WINDOW_SECONDS: 2 } });
  try {
    const infos: ResponseInfo[] = [];
    const client = createClient({ url: short.url, apiKey: await short.createKey("retry-wait"), retry: { retries: 3 }, onResponse: (info) => infos.push(info) });
    const answers = await Promise.all(Array.from({ length: 6 }, () => client.province({ code: "15" })));
    expect(answers.every((answer) => answer?.code === "15")).toBe(true);
    // Six cost more than one window's budget: the calls refused with a 429 needed a second attempt.
    const refused = infos.filter((info) => info.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBe(infos.filter((info) => info.attempts > 1).length);
    expect(infos.filter((info) => info.status === 200)).toHaveLength(6);
  } finally {
    await short.close();
  }
});

it("retries network errors and 503s for queries, never a mutation after a 503, and not at all by default", async () => {
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
  failures = 2;
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
