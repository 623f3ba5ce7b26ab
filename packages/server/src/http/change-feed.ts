// Server-sent events for the change feed (Subscription.changes) with resumable ids: every event
// carries `id: <cursor>`, so a client that reconnects sends it back as Last-Event-ID (browsers'
// EventSource do it by themselves) and the subscription replays what it missed.
//
// By hand because yoga's built-in SSE writer (graphql-yoga/src/plugins/result-processor/sse.ts)
// writes `event:` and `data:` lines only, with a fixed 12 s ping and no hook for an id; this one
// is the same format with an `id:` line and a configurable heartbeat, used only for subscription
// streams (queries and errors still go through yoga's writers).
import { isAsyncIterable, type Plugin } from "graphql-yoga";
import type { ExecutionResult } from "graphql";
import type { Context } from "../context.js";

/** The result's fields a client may see (yoga's stringifier drops `extensions.http` the same way). */
function serialise(result: ExecutionResult): string {
  const { http: _http, ...extensions } = (result.extensions ?? {}) as Record<string, unknown>;
  return JSON.stringify({ ...result, extensions: Object.keys(extensions).length ? extensions : undefined, stringify: undefined });
}

/** Whether the Accept header lets the answer be an event stream (yoga's rule: no header means anything). */
function acceptsEventStream(request: Request): boolean {
  const accept = request.headers.get("accept");
  return !accept || /(?:^|,)\s*(?:text\/event-stream|text\/\*|\*\/\*)\s*(?:;|,|$)/i.test(accept);
}

type FetchAPI = { Response: typeof Response; ReadableStream: typeof ReadableStream; TextEncoder: typeof TextEncoder };

function eventStream(results: AsyncIterable<ExecutionResult>, heartbeatMs: number, fetchAPI: FetchAPI): Response {
  const encoder = new fetchAPI.TextEncoder();
  const iterator = results[Symbol.asyncIterator]();
  let heartbeat: NodeJS.Timeout | undefined;
  const body = new fetchAPI.ReadableStream<Uint8Array>({
    start(controller) {
      // A first comment flushes the headers (some clients wait for a first byte).
      controller.enqueue(encoder.encode(":\n\n"));
      heartbeat = setInterval(() => {
        if (controller.desiredSize === null) return clearInterval(heartbeat);
        if (controller.desiredSize > 0) controller.enqueue(encoder.encode(":\n\n"));
      }, heartbeatMs);
    },
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (value != null) {
          const cursor = (value.extensions as { cursor?: unknown } | undefined)?.cursor;
          // The id is the event's cursor; an SSE id may not hold a line break, and a cursor is digits.
          const id = typeof cursor === "string" && /^\d+$/.test(cursor) ? `id: ${cursor}\n` : "";
          controller.enqueue(encoder.encode(`${id}event: next\ndata: ${serialise(value)}\n\n`));
        }
        if (done) {
          controller.enqueue(encoder.encode("event: complete\ndata:\n\n"));
          clearInterval(heartbeat);
          controller.close();
        }
      } catch (error) {
        clearInterval(heartbeat);
        controller.error(error);
      }
    },
    async cancel() {
      clearInterval(heartbeat);
      await iterator.return?.();
    },
  });
  return new fetchAPI.Response(body, {
    status: 200,
    headers: { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive", "content-encoding": "none" },
  });
}

export function changeFeedPlugin({ heartbeatMs }: { heartbeatMs: number }): Plugin {
  const subscriptions = new WeakSet<Request>();
  return {
    onSubscribe({ args }) {
      const context = args.contextValue as unknown as Context & { request?: Request };
      if (context.request) subscriptions.add(context.request);
      return {
        onSubscribeResult: () => ({
          // Each event's cursor, set by Subscription.changes' resolver, goes into the result for
          // the `id:` line (and stays visible to clients that read results another way).
          onNext({ result, setResult }) {
            const cursor = context.feedCursor?.current;
            if (!cursor) return;
            context.feedCursor.current = null;
            setResult({ ...result, extensions: { ...result.extensions, cursor } });
          },
        }),
      };
    },
    onResultProcess({ request, result, setResultProcessor }) {
      if (!subscriptions.has(request) || !isAsyncIterable(result) || !acceptsEventStream(request)) return;
      setResultProcessor((stream, fetchAPI) => eventStream(stream as AsyncIterable<ExecutionResult>, heartbeatMs, fetchAPI as FetchAPI), "text/event-stream");
    },
  };
}
