// The change feed's reader: replays the durable log (the ChangeEvent table, appended by every write
// in its own transaction, db/changes.ts) after a subscriber's cursor, then follows it as writes
// commit, woken by the data-change notices every write already sends (LISTEN/NOTIFY: on PostgreSQL
// they reach every instance on the database; PGlite is one process). Redis adds nothing here: every
// instance shares the database, so the notice and the log already reach them all.
//
// Each subscriber reads the log itself when woken (one indexed range query per subscriber per
// write, a page at a time): writes are rare and subscribers bounded, and nothing is held per
// subscriber beyond one page, so a slow reader can never make the server buffer without end.
import type { Database } from "../db.js";
import { badUserInput, codedError, ErrorCode } from "../errors.js";
import type { ChangeEvent, ChangeKind } from "../generated/prisma/client.js";

export interface ChangeFeedOptions {
  /** Most subscribers this instance serves at once; one more gets TOO_MANY_SUBSCRIBERS. */
  maxSubscribers: number;
  /** Most events replayed after a cursor on connecting; a longer backlog gets REPLAY_TOO_LARGE. */
  maxReplay: number;
  /** Rows read from the log per query. */
  pageSize?: number;
}

export interface ChangeFeed {
  /**
   * The events after `after` (a cursor; null means "from now on"), then each new one as it
   * commits, oldest first, only of `kinds` when given. Throws a coded error (before anything is
   * sent) when the cursor is malformed or ahead of the log, the backlog is longer than the
   * replay bound, or the instance has its most subscribers.
   */
  subscribe(after: string | null, kinds?: readonly ChangeKind[] | null, signal?: AbortSignal): Promise<AsyncIterable<ChangeEvent>>;
  /** Subscribers connected now (for tests and metrics). */
  readonly subscribers: number;
  /** Stops listening and ends every open subscription (the server is disposed). */
  close(): void;
}

/** A cursor is the decimal id of a ChangeEvent: what the feed sends as `cursor` and as the SSE `id:`. */
export function parseCursor(text: string, argument: string): number {
  const trimmed = text.trim();
  if (!/^\d{1,10}$/.test(trimmed) || Number(trimmed) > 2_147_483_647) {
    throw badUserInput("notAFeedCursor", { argument, cursor: trimmed.slice(0, 40) }, argument);
  }
  return Number(trimmed);
}

export function createChangeFeed(db: Database, { maxSubscribers, maxReplay, pageSize = 100 }: ChangeFeedOptions): ChangeFeed {
  /** Each open subscription: its waker, and the function that ends it. */
  const wakers = new Map<() => void, () => void>();
  /** Places taken by subscriptions still checking their cursor (their awaits come before `wakers`). */
  let reserved = 0;
  // Any notice may mean new events (figures, registry); "reconnected" means some may have been
  // missed. Waking costs each subscriber one query that usually finds nothing.
  const unlisten = db.onDataChanged(() => [...wakers.keys()].forEach((wake) => wake()));
  const page = (after: number, kinds: readonly ChangeKind[] | null | undefined) =>
    db.prisma.changeEvent.findMany({
      where: { id: { gt: after }, ...(kinds?.length ? { kind: { in: [...kinds] } } : {}) },
      orderBy: { id: "asc" },
      take: pageSize,
    });

  /** The id to stream after: the cursor sent, checked and within the replay bound, or the log's head. */
  async function startingPoint(afterText: string | null, kinds: readonly ChangeKind[] | null | undefined): Promise<number> {
    const head = (await db.prisma.changeEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
    if (afterText == null) return head;
    const last = parseCursor(afterText, "after");
    if (last > head) throw badUserInput("feedCursorAhead", { after: last, head }, "after");
    const backlog = await db.prisma.changeEvent.count({
      where: { id: { gt: last }, ...(kinds?.length ? { kind: { in: [...kinds] } } : {}) },
    });
    if (backlog > maxReplay) {
      throw codedError(
        ErrorCode.REPLAY_TOO_LARGE,
        "replayTooLarge",
        { backlog, after: last, maxReplay },
        { extensions: { backlog, maxReplay } },
      );
    }
    return last;
  }

  return {
    get subscribers() {
      return wakers.size;
    },
    async subscribe(afterText, kinds, signal) {
      if (wakers.size + reserved >= maxSubscribers) {
        throw codedError(
          ErrorCode.TOO_MANY_SUBSCRIBERS,
          "tooManySubscribers",
          { max: maxSubscribers },
          { status: 503, headers: { "retry-after": "30" } },
        );
      }
      // The place is taken before the first await, so a burst of connections cannot all pass the check.
      reserved += 1;
      let last: number;
      try {
        last = await startingPoint(afterText, kinds);
      } finally {
        reserved -= 1;
      }
      // A hand-written iterator rather than an async generator: its return() must free the place
      // at once, also while it waits for a write (a generator would finish only at its next yield)
      // and before anything was read (a client that connects and leaves straight away).
      let wake: (() => void) | null = null;
      let woken = true; // read once at the start: the replay
      let closed = false;
      let rows: ChangeEvent[] = [];
      const waker = () => {
        woken = true;
        wake?.();
      };
      const close = () => {
        if (closed) return;
        closed = true;
        wakers.delete(waker);
        signal?.removeEventListener("abort", close);
        wake?.();
      };
      wakers.set(waker, close);
      // The client went away: the request's signal ends the subscription even when the stream is
      // not returned on the way back (compiled execution does not pass the signal on).
      signal?.addEventListener("abort", close, { once: true });
      if (signal?.aborted) close();
      const done = { done: true, value: undefined } as const;
      const iterator: AsyncIterableIterator<ChangeEvent> = {
        async next() {
          for (;;) {
            if (closed) return done;
            const row = rows.shift();
            if (row) {
              last = row.id;
              return { done: false, value: row };
            }
            if (woken) {
              // A notice heard during this read sets `woken` again: a commit between two reads is
              // never slept through. A full page means more may follow at once.
              woken = false;
              rows = await page(last, kinds);
              if (rows.length === pageSize) woken = true;
              continue;
            }
            await new Promise<void>((resolve) => (wake = resolve));
            wake = null;
          }
        },
        async return() {
          close();
          return done;
        },
        async throw(error) {
          close();
          throw error;
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
      return iterator;
    },
    close() {
      unlisten();
      // Open streams end (their clients see `complete`, and resume elsewhere with their last id).
      [...wakers.values()].forEach((end) => end());
    },
  };
}
