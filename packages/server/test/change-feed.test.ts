// The change feed: a write committed through one server instance reaches a subscriber connected to
// another instance on the same database (over server-sent events, through the real handler), each
// event's SSE id is its cursor, and a client that reconnects with the last id (Last-Event-ID or
// `after`) receives exactly the events it missed, then the live ones. Run it on PostgreSQL
// (TEST_DATABASE_URL) for two connections and LISTEN/NOTIFY between them; on PGlite both
// instances share one in-process database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../src/auth/keys.js";
import { readRegistryData } from "../src/data/files.js";
import type { Database } from "../src/db.js";
import { seed } from "../src/db/seed.js";
import { createServer, type EndpointConfig } from "../src/http/server.js";
import { createTestDatabase, type TestDatabase } from "./helpers.js";
import { openEventStream, type ServerSentEvent } from "./sse.js";

const CHANGES = `subscription ($after: String, $kinds: [ChangeKind!]) {
  changes(after: $after, kinds: $kinds) { cursor kind subjectId previousId actor reason figure { code value } registryChanges { code legalBasis newFullName } }
}`;

const generous = { RATE_LIMIT_ANONYMOUS: 1_000_000_000, RATE_LIMIT_KEY: 1_000_000_000 };
const serverOn = (db: Database, config: Partial<EndpointConfig> = {}) =>
  createServer({ db, today: () => "2026-11-23", persistedDocuments: new Map(), config: { ...generous, ...config } });

const payload = (event: ServerSentEvent) => {
  expect(event.event).toBe("next");
  const body = JSON.parse(event.data) as { data?: { changes: any }; errors?: any[]; extensions?: { cursor?: string } };
  expect(body.errors).toBeUndefined();
  return { ...body.data!.changes, sseId: event.id, extensionCursor: body.extensions?.cursor };
};

describe("figure writes", () => {
  let database: TestDatabase;
  let other: Database;
  let writer: ReturnType<typeof createServer>;
  let reader: ReturnType<typeof createServer>;
  let writeKey: string;
  let day = 0;

  beforeAll(async () => {
    database = await createTestDatabase({ data: "all" });
    other = await database.openAnother();
    writer = serverOn(database.db);
    reader = serverOn(other);
    await other.listening();
    writeKey = (await createApiKey(database.db.prisma, { name: "steward-feed", scopes: ["read", "write"] })).key;
    const source = await write(
      `mutation ($input: AddSourceInput!) { addSource(input: $input) { userErrors { message } } }`,
      { input: { id: "feed-test-2026", title: "Feed test report", publisher: "Lai Châu Department of Home Affairs", url: "https://sonoivu.laichau.gov.vn/feed-test", publishedOn: "2026-10-05", language: "vi" } },
    );
    expect(source.addSource.userErrors).toEqual([]);
  }, 120_000);
  afterAll(async () => {
    await reader?.dispose();
    await writer?.dispose();
    await other?.close();
    await database?.drop();
  });

  async function write(query: string, variables: Record<string, unknown>) {
    const response = await writer.fetch("http://vngov.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${writeKey}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: any; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  /** Adds one new figure through the writer instance; returns its code. */
  async function addFigure(): Promise<string> {
    day += 1;
    const data = await write(
      `mutation ($input: AddFiguresInput!) { addFigures(input: $input) { figures { code } userErrors { message } } }`,
      {
        input: {
          sourceId: "feed-test-2026",
          figures: [{ indicator: "on_time_rate", value: 90 + day / 10, qualifier: "EXACT", asOf: `2026-08-${String(day).padStart(2, "0")}`, subjectType: "PROVINCE", subjectCode: "12", quote: "Tỷ lệ hồ sơ giải quyết đúng hạn." }],
        },
      },
    );
    expect(data.addFigures.userErrors).toEqual([]);
    return data.addFigures.figures[0].code;
  }

  it("delivers a figure written through one instance to a subscriber on another, with its cursor as the SSE id", async () => {
    const stream = await openEventStream(reader, CHANGES);
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toMatch(/^text\/event-stream/);
      const code = await addFigure();
      const event = payload(await stream.next());
      expect(event).toMatchObject({ kind: "FIGURE_ADDED", subjectId: code, actor: "steward-feed", figure: { code }, registryChanges: null });
      expect(event.sseId).toBe(event.cursor);
      expect(event.extensionCursor).toBe(event.cursor);
      const row = await database.db.prisma.changeEvent.findUniqueOrThrow({ where: { id: Number(event.cursor) } });
      expect(row.subjectId).toBe(code);
    } finally {
      await stream.close();
    }
  });

  it("replays exactly the events missed to a client that reconnects with the last id, then the live ones", async () => {
    const first = await openEventStream(reader, CHANGES);
    await addFigure();
    const seen = payload(await first.next());
    await first.close();

    // While the client is away: an addition, a correction and a retraction, through the other instance.
    const added = await addFigure();
    const corrected = await write(
      `mutation ($input: CorrectFigureInput!) { correctFigure(input: $input) { figure { code } userErrors { message } } }`,
      { input: { id: added, reason: "The report was revised.", value: 99.1 } },
    );
    expect(corrected.correctFigure.userErrors).toEqual([]);
    const correction = corrected.correctFigure.figure.code;
    const retracted = await write(
      `mutation ($input: RetractFigureInput!) { retractFigure(input: $input) { userErrors { message } } }`,
      { input: { id: correction, reason: "Published in error." } },
    );
    expect(retracted.retractFigure.userErrors).toEqual([]);
    const missed = await database.db.prisma.changeEvent.findMany({ where: { id: { gt: Number(seen.cursor) } }, orderBy: { id: "asc" } });
    expect(missed.map((event) => event.kind)).toEqual(["FIGURE_ADDED", "FIGURE_CORRECTED", "FIGURE_RETRACTED"]);

    // Reconnecting as EventSource does: the same request, with Last-Event-ID (which wins over `after`).
    const again = await openEventStream(reader, CHANGES, { after: "1" }, { "last-event-id": seen.sseId });
    try {
      const replayed = [payload(await again.next()), payload(await again.next()), payload(await again.next())];
      expect(replayed.map((event) => event.cursor)).toEqual(missed.map((event) => String(event.id)));
      expect(replayed.map((event) => [event.kind, event.subjectId, event.previousId, event.reason])).toEqual([
        ["FIGURE_ADDED", added, null, null],
        ["FIGURE_CORRECTED", correction, added, "The report was revised."],
        ["FIGURE_RETRACTED", correction, null, "Published in error."],
      ]);
      // Then live, without a gap or a repeat.
      const live = await addFigure();
      const next = payload(await again.next());
      expect(next).toMatchObject({ kind: "FIGURE_ADDED", subjectId: live });
      expect(Number(next.cursor)).toBeGreaterThan(Number(replayed[2].cursor));
      expect(await database.db.prisma.changeEvent.count({ where: { id: { gt: Number(seen.cursor), lt: Number(next.cursor) } } })).toBe(3);
    } finally {
      await again.close();
    }

    // `after` alone resumes the same way, and `kinds` filters.
    const filtered = await openEventStream(reader, CHANGES, { after: seen.cursor, kinds: ["FIGURE_RETRACTED"] });
    try {
      expect(payload(await filtered.next())).toMatchObject({ kind: "FIGURE_RETRACTED", subjectId: correction, cursor: String(missed[2]!.id) });
    } finally {
      await filtered.close();
    }
  });

  it("resumes a browser's EventSource the same way: GET with Last-Event-ID", async () => {
    const head = (await database.db.prisma.changeEvent.aggregate({ _max: { id: true } }))._max.id!;
    const query = new URLSearchParams({ query: "subscription { changes { cursor kind } }" });
    const response = await reader.fetch(`http://vngov.test/graphql?${query}`, { headers: { accept: "text/event-stream", "last-event-id": String(head - 1) } });
    expect(response.status).toBe(200);
    const decoder = new TextDecoder();
    const body = response.body!.getReader();
    let received = "";
    // The first event sent: the stream's opening comment comes before it.
    while (!/id: \d+\n/.test(received)) {
      const chunk = await body.read();
      if (chunk.done) break;
      received += decoder.decode(chunk.value, { stream: true });
    }
    await body.cancel();
    expect(received).toContain(`id: ${head}\n`);
  });

  it("refuses a malformed cursor, a cursor ahead of the log and a backlog over FEED_MAX_REPLAY with coded errors", async () => {
    const bounded = serverOn(other, { FEED_MAX_REPLAY: 2 });
    try {
      const head = (await database.db.prisma.changeEvent.aggregate({ _max: { id: true } }))._max.id!;
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ after: "abc" }, "BAD_USER_INPUT"],
        [{ after: String(head + 1000) }, "BAD_USER_INPUT"],
        [{ after: String(head - 3) }, "REPLAY_TOO_LARGE"],
      ];
      for (const [variables, code] of cases) {
        const stream = await openEventStream(bounded, CHANGES, variables);
        const event = await stream.next();
        await stream.close();
        expect(JSON.parse(event.data).errors[0].extensions.code, JSON.stringify(variables)).toBe(code);
      }
      // Within the bound: the last two events.
      const stream = await openEventStream(bounded, CHANGES, { after: String(head - 2) });
      expect(payload(await stream.next()).cursor).toBe(String(head - 1));
      await stream.close();
    } finally {
      await bounded.dispose();
    }
  });

  it("serves at most FEED_MAX_SUBSCRIBERS at once (TOO_MANY_SUBSCRIBERS), and frees the place when a client leaves", async () => {
    const single = serverOn(other, { FEED_MAX_SUBSCRIBERS: 1 });
    try {
      const first = await openEventStream(single, CHANGES);
      const second = await openEventStream(single, CHANGES);
      const refused = JSON.parse((await second.next()).data);
      await second.close();
      expect(refused.errors[0].extensions.code).toBe("TOO_MANY_SUBSCRIBERS");
      await first.close();
      // The place is free once the first client has gone (its stream's end runs asynchronously).
      const code = await addFigure();
      let third = await openEventStream(single, CHANGES);
      for (let attempt = 0; attempt < 50 && third.status !== 200; attempt++) {
        await third.close();
        await new Promise((resolve) => setTimeout(resolve, 20));
        third = await openEventStream(single, CHANGES);
      }
      expect(third.status).toBe(200);
      await third.close();
      expect(code).toBeTruthy();
    } finally {
      await single.dispose();
    }
  });

  it("holds FEED_MAX_SUBSCRIBERS also against a burst of simultaneous connections", async () => {
    const two = serverOn(other, { FEED_MAX_SUBSCRIBERS: 2 });
    const streams = await Promise.all(Array.from({ length: 5 }, () => openEventStream(two, CHANGES, { after: "0" })));
    try {
      expect(streams.map((stream) => stream.status).sort()).toEqual([200, 200, 503, 503, 503]);
    } finally {
      await Promise.all(streams.map((stream) => stream.close()));
      await two.dispose();
    }
  });

  it("charges each subscription to the caller's budget, as a query (RATE_LIMITED once spent)", async () => {
    const tight = serverOn(other, { RATE_LIMIT_ANONYMOUS: 5 });
    try {
      const statuses: number[] = [];
      let refused: any;
      for (let attempt = 0; attempt < 10 && !refused; attempt++) {
        const stream = await openEventStream(tight, `subscription { changes { cursor } }`);
        statuses.push(stream.status);
        if (stream.status === 429) refused = JSON.parse((await stream.next()).data);
        await stream.close();
      }
      expect(statuses[0]).toBe(200);
      expect(refused?.errors[0].extensions.code).toBe("RATE_LIMITED");
    } finally {
      await tight.dispose();
    }
  });

  it("ends open streams with `complete` when the server is disposed, so clients resume elsewhere", async () => {
    const closing = serverOn(other);
    const stream = await openEventStream(closing, CHANGES);
    try {
      await closing.dispose();
      expect((await stream.next(10_000)).event).toBe("complete");
    } finally {
      await stream.close();
    }
  });

  it("keeps an idle stream open with a heartbeat every FEED_HEARTBEAT_SECONDS", async () => {
    const beating = serverOn(other, { FEED_HEARTBEAT_SECONDS: 1 });
    const stream = await openEventStream(beating, CHANGES);
    try {
      // One comment opens the stream; two more need about two seconds (generous tolerance).
      expect(await stream.comments(3, 10_000)).toBeGreaterThanOrEqual(3);
    } finally {
      await stream.close();
      await beating.dispose();
    }
  });
});

describe("registry events", () => {
  let database: TestDatabase;
  let reader: ReturnType<typeof createServer>;
  let other: Database;

  beforeAll(async () => {
    database = await createTestDatabase({ data: "none" });
    other = await database.openAnother();
    reader = serverOn(other);
    await other.listening();
  }, 120_000);
  afterAll(async () => {
    await reader?.dispose();
    await other?.close();
    await database?.drop();
  });

  it("announces a newly loaded registry event with the units it changed and its legal basis", async () => {
    const data = readRegistryData();
    const newest = [...data.events].sort((a, b) => b.effectiveOn.localeCompare(a.effectiveOn))[0]!;
    await seed(database.db, { ...data, events: data.events.filter((event) => event.id !== newest.id), hash: "without-the-newest-event" });
    const known = await database.db.prisma.changeEvent.findMany({ where: { kind: "REGISTRY_EVENT" }, orderBy: { id: "asc" } });
    expect(known.map((event) => event.subjectId)).not.toContain(newest.id);
    expect(known).toHaveLength(data.events.length - 1);

    const stream = await openEventStream(reader, CHANGES);
    try {
      await seed(database.db, data); // the new resolution is loaded
      const event = payload(await stream.next());
      expect(event).toMatchObject({ kind: "REGISTRY_EVENT", subjectId: newest.id, figure: null });
      expect(event.registryChanges.length).toBe(newest.changes.length);
      expect(new Set(event.registryChanges.map((change: { legalBasis: string }) => change.legalBasis))).toEqual(new Set([newest.legalBasis]));
      // Loading the same events again announces nothing new.
      await seed(database.db, { ...data, hash: "same-events-again" });
      expect(await database.db.prisma.changeEvent.count({ where: { kind: "REGISTRY_EVENT" } })).toBe(data.events.length);
    } finally {
      await stream.close();
    }
  });
});
