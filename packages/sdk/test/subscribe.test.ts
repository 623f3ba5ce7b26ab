// The SDK's subscriptions against a real server over HTTP: the change feed typed, a connection cut
// mid-stream resumed with the last event's id (nothing lost, nothing repeated), a stored cursor
// resumed with `after`, server errors thrown with their codes, and leaving the loop ends the stream
// on the server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, isVngovError, type ChangeItem, type FetchLike } from "../src/index.js";
import { startLiveServer, type LiveServer } from "./live-server.js";

let server: LiveServer;
let writeKey: string;
let day = 0;

beforeAll(async () => {
  server = await startLiveServer();
  writeKey = await server.createKey("sdk-steward", { scopes: ["read", "write"] });
  const writer = createClient({ url: server.url, apiKey: writeKey });
  const { addSource } = await writer.request<{ addSource: { userErrors: unknown[] } }, Record<string, unknown>>(
    `mutation ($input: AddSourceInput!) { addSource(input: $input) { userErrors { message } } }`,
    { input: { id: "sdk-feed-2026", title: "SDK feed test", publisher: "Lai Châu Department of Home Affairs", url: "https://sonoivu.laichau.gov.vn/sdk-feed", publishedOn: "2026-10-05", language: "vi" } },
  );
  expect(addSource.userErrors).toEqual([]);
});
afterAll(() => server?.close());

/** Records a new figure through the API (as a steward would); returns its code. */
async function addFigure(): Promise<string> {
  day += 1;
  const writer = createClient({ url: server.url, apiKey: writeKey });
  const { addFigures } = await writer.request<{ addFigures: { figures: Array<{ code: string }>; userErrors: unknown[] } }, Record<string, unknown>>(
    `mutation ($input: AddFiguresInput!) { addFigures(input: $input) { figures { code } userErrors { message } } }`,
    {
      input: {
        sourceId: "sdk-feed-2026",
        figures: [{ indicator: "on_time_rate", value: 80 + day / 10, qualifier: "EXACT", asOf: `2026-07-${String(day).padStart(2, "0")}`, subjectType: "PROVINCE", subjectCode: "12", quote: "Tỷ lệ hồ sơ đúng hạn." }],
      },
    },
  );
  expect(addFigures.userErrors).toEqual([]);
  return addFigures.figures[0]!.code;
}

/**
 * A fetch in front of the real one that can cut the stream it is reading (as a proxy or a network
 * failure would) and hold the next connection until released; it records each request's headers.
 */
function cuttableFetch() {
  const requests: Array<Record<string, string>> = [];
  let cut: (() => void) | undefined;
  let gate: Promise<void> = Promise.resolve();
  let open: () => void = () => undefined;
  const fetch: FetchLike = async (url, init) => {
    requests.push({ ...(init.headers as Record<string, string>) });
    await gate;
    const response = await globalThis.fetch(url, init);
    const reader = response.body!.getReader();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        cut = () => {
          controller.error(new TypeError("terminated"));
          void reader.cancel();
        };
      },
      async pull(controller) {
        const { value, done } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: () => reader.cancel(),
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return {
    fetch,
    requests,
    cut: () => cut?.(),
    hold() {
      gate = new Promise((resolve) => (open = resolve));
    },
    release: () => open(),
  };
}

describe("subscribe", () => {
  it("yields each change as it commits, typed, with its cursor", async () => {
    const client = createClient({ url: server.url });
    let opened!: () => void;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const changes = client.changes({ kinds: ["FIGURE_ADDED"] }, { onOpen: () => opened() });
    const first = changes.next(); // connects
    await open; // the server has started the subscription: the write below comes after it
    const code = await addFigure();
    const { value } = await first;
    const change = value as ChangeItem;
    expect(change).toMatchObject({ kind: "FIGURE_ADDED", subjectId: code, actor: "sdk-steward", figure: { code, unit: "percent", indicator: { code: "on_time_rate" }, source: { code: "sdk-feed-2026" } } });
    expect(change.cursor).toMatch(/^\d+$/);
    await changes.return();
  });

  it("reconnects after a cut with the last id and receives exactly the events in between, then the live ones", async () => {
    const wire = cuttableFetch();
    const client = createClient({ url: server.url, fetch: wire.fetch });
    const received: ChangeItem[] = [];
    const ids: string[] = [];
    let opened!: () => void;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const changes = client.changes({}, { reconnect: { minDelayMs: 10, maxDelayMs: 50 }, onEventId: (id) => ids.push(id), onOpen: () => opened() });
    const pending = changes.next();
    await open;
    const before = await addFigure();
    received.push((await pending).value as ChangeItem);
    expect(received[0]!.subjectId).toBe(before);

    // The connection drops; three figures are written while the client is away.
    wire.hold();
    wire.cut();
    const next = changes.next();
    const missed = [await addFigure(), await addFigure(), await addFigure()];
    wire.release();
    received.push((await next).value as ChangeItem);
    received.push((await changes.next()).value as ChangeItem);
    received.push((await changes.next()).value as ChangeItem);
    const live = await addFigure();
    received.push((await changes.next()).value as ChangeItem);
    await changes.return();

    expect(received.map((change) => change.subjectId)).toEqual([before, ...missed, live]);
    const cursors = received.map((change) => Number(change.cursor));
    expect([...cursors].sort((a, b) => a - b)).toEqual(cursors);
    expect(new Set(cursors).size).toBe(cursors.length);
    // Two connections; the second sent the first one's last id.
    expect(wire.requests).toHaveLength(2);
    expect(wire.requests[0]!["last-event-id"]).toBeUndefined();
    expect(wire.requests[1]!["last-event-id"]).toBe(received[0]!.cursor);
    expect(ids).toEqual(received.slice(0, 4).map((change) => change.cursor));

    // A cursor stored elsewhere resumes the same way through `after`.
    const resumed = client.changes({ after: received[1]!.cursor }, { reconnect: false });
    const again = [(await resumed.next()).value, (await resumed.next()).value, (await resumed.next()).value] as ChangeItem[];
    await resumed.return();
    expect(again.map((change) => change.subjectId)).toEqual([missed[1], missed[2], live]);
  });

  it("throws the server's coded error for a cursor it cannot resume from", async () => {
    const client = createClient({ url: server.url });
    const error = await client
      .changes({ after: "not-a-cursor" })
      .next()
      .then(
        () => null,
        (thrown: unknown) => thrown,
      );
    expect(isVngovError(error) && error.code).toBe("BAD_USER_INPUT");
  });

  it("subscribes by the persisted operation's hash when asked, as a persisted-only key must", async () => {
    const apiKey = await server.createKey("sdk-feed-persisted-only", { persistedOnly: true });
    const sent: string[] = [];
    const fetch: FetchLike = (url, init) => {
      sent.push(init.body as string);
      return globalThis.fetch(url, init);
    };
    const byHash = createClient({ url: server.url, apiKey, persisted: true, fetch });
    for await (const change of byHash.changes({ after: "0", kinds: ["REGISTRY_EVENT"] }, { reconnect: false })) {
      expect(change.kind).toBe("REGISTRY_EVENT");
      break;
    }
    const body = JSON.parse(sent[0]!) as { query?: string; extensions?: { persistedQuery?: { sha256Hash: string } } };
    expect(body.query).toBeUndefined();
    expect(body.extensions?.persistedQuery?.sha256Hash).toMatch(/^[0-9a-f]{64}$/);
    // The same key sending the text is refused: the hash is what made the subscription pass.
    const asText = createClient({ url: server.url, apiKey });
    const error = await asText.changes({ after: "0" }, { reconnect: false }).next().then(() => null, (thrown: unknown) => thrown);
    expect(isVngovError(error) && error.code).toBe("PERSISTED_QUERY_ONLY");
  });

  it("frees the server's place when the loop is left, for the next subscriber", async () => {
    const single = await server.another({ config: { FEED_MAX_SUBSCRIBERS: 1 } });
    try {
      const client = createClient({ url: single.url });
      // The registry's events are in the log from the start: `after: "0"` replays them at once.
      // The server learns that a client left when its connection closes, a moment after the
      // loop is left: a refused attempt is tried again shortly, a few dozen times at most.
      const kinds: string[] = [];
      for (let round = 0, attempts = 0; round < 3 && attempts < 60; attempts++) {
        try {
          for await (const change of client.changes({ after: "0" }, { reconnect: false })) {
            kinds.push(change.kind);
            break;
          }
          round++;
        } catch (error) {
          if (!isVngovError(error) || error.code !== "TOO_MANY_SUBSCRIBERS") throw error;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      expect(kinds).toEqual(["REGISTRY_EVENT", "REGISTRY_EVENT", "REGISTRY_EVENT"]);
    } finally {
      await single.close();
    }
  });
});
