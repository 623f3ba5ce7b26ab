// Subscriptions over server-sent events (the server's `Accept: text/event-stream` transport), with
// fetch only, so it runs on Node 20 and in browsers alike. A dropped connection is opened again with
// the last event's id as Last-Event-ID, which the server's change feed resumes from: no event is
// lost or received twice across reconnects.
//
// Hand-written rather than graphql-sse's client or EventSource: EventSource cannot send a POST
// body or an Authorization header, and graphql-sse's client knows nothing of event ids; the format
// read here is the few lines of the SSE grammar the server writes (id, event, data, comments).
import type { GraphQLFormattedError } from "graphql";
import { VngovError } from "./errors.js";

/** How a subscription reconnects after a dropped connection. */
export interface ReconnectOptions {
  /** Reconnections in a row without an event in between before giving up; default 10. */
  retries?: number | undefined;
  /** Backoff base; default 500 ms (doubling, at most maxDelayMs, each drawn at random below it). */
  minDelayMs?: number | undefined;
  /** Longest backoff; default 30 000 ms. A server's Retry-After is waited for instead. */
  maxDelayMs?: number | undefined;
}

export interface SubscribeOptions {
  /** Ends the subscription (the iterator then finishes without an error). */
  signal?: AbortSignal | undefined;
  /** Extra headers on each connection. */
  headers?: Record<string, string> | undefined;
  /** Reconnect after a dropped connection, resuming after the last event received (default true). */
  reconnect?: boolean | ReconnectOptions | undefined;
  /**
   * A connection silent for this long (not even the server's heartbeat) counts as dropped;
   * default 60 000 ms (the server's heartbeat is every 15 s by default), 0 for never.
   */
  idleTimeoutMs?: number | undefined;
  /**
   * Called each time the event stream is open (at first and after each reconnection): the server
   * has then started the subscription, so changes committed from now on will be received.
   */
  onOpen?: (() => void) | undefined;
  /** Called with each event's id (the change feed's cursor) once its event was handed to you. */
  onEventId?: ((id: string) => void) | undefined;
}

export interface SubscriptionTransport {
  url: string;
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  headers: Record<string, string>;
  signal: AbortSignal | undefined;
}

interface ServerSentEvent {
  id: string | undefined;
  event: string;
  data: string;
}

/** Splits a byte stream into server-sent events (https://html.spec.whatwg.org/multipage/server-sent-events.html#parsing-an-event-stream). */
async function* serverSentEvents(body: ReadableStream<Uint8Array>, onActivity: () => void): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let id: string | undefined;
  let event = "";
  let data: string[] = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      onActivity();
      buffer += decoder.decode(value, { stream: true });
      const lines = buffer.split(/\r\n|\r|\n/);
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        if (line === "") {
          if (data.length > 0 || event !== "") yield { id, event: event || "message", data: data.join("\n") };
          event = "";
          data = [];
          continue;
        }
        if (line.startsWith(":")) continue; // a comment: the server's heartbeat
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "data") data.push(text);
        else if (field === "event") event = text;
        else if (field === "id" && !text.includes("\0")) id = text;
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

function errorOf(errors: readonly GraphQLFormattedError[], status: number, retryAfter: number | undefined): VngovError {
  const code = errors.find((error) => typeof error.extensions?.code === "string")?.extensions?.code as string | undefined;
  return new VngovError(errors.map((error) => error.message).join("\n"), { code: code ?? "GRAPHQL_ERROR", errors, status, retryAfter });
}

/** Server errors worth connecting again for (the server is busy or restarting), after Retry-After. */
const RETRYABLE = new Set(["TOO_MANY_SUBSCRIBERS", "NETWORK_ERROR", "HTTP_ERROR", "INTERNAL_SERVER_ERROR"]);

/**
 * Runs a subscription and yields each result's `data`; throws a VngovError for errors the server
 * sends (a bad cursor, a replay too long) and after `retries` failed reconnections in a row.
 */
export async function* subscribeOverSSE<Result>(
  transport: SubscriptionTransport,
  request: {
    query: string;
    operationName: string | undefined;
    variables: unknown;
    /** The persisted operation's hash, sent instead of the text until the server says it lacks it. */
    persistedHash?: string | undefined;
  },
  options: SubscribeOptions = {},
): AsyncGenerator<Result, void, undefined> {
  const { query, operationName, variables, persistedHash } = request;
  let byHash = persistedHash !== undefined;
  const reconnect = options.reconnect ?? true;
  const chosen: ReconnectOptions = reconnect === true ? {} : reconnect || {};
  const retries = reconnect ? (chosen.retries ?? 10) : 0;
  const minDelayMs = chosen.minDelayMs ?? 500;
  const maxDelayMs = chosen.maxDelayMs ?? 30_000;
  const idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
  const signals = [transport.signal, options.signal].filter((signal): signal is AbortSignal => signal !== undefined);
  const stopped = () => signals.some((signal) => signal.aborted);
  let lastEventId: string | undefined;
  let failures = 0;

  while (!stopped()) {
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    signals.forEach((signal) => signal.addEventListener("abort", onAbort, { once: true }));
    let idle: ReturnType<typeof setTimeout> | undefined;
    const activity = () => {
      clearTimeout(idle);
      if (idleTimeoutMs > 0) idle = setTimeout(() => controller.abort(), idleTimeoutMs);
    };
    let failure: VngovError | undefined;
    try {
      activity();
      let response: Response;
      try {
        response = await transport.fetch(transport.url, {
          method: "POST",
          headers: {
            accept: "text/event-stream",
            "content-type": "application/json",
            ...transport.headers,
            ...options.headers,
            // The server resumes after this event (and prefers it to the `after` variable).
            ...(lastEventId !== undefined ? { "last-event-id": lastEventId } : {}),
          },
          body: JSON.stringify(
            byHash
              ? { operationName, variables, extensions: { persistedQuery: { version: 1, sha256Hash: persistedHash } } }
              : { query, operationName, variables },
          ),
          signal: controller.signal,
        });
      } catch (error) {
        if (stopped()) return;
        throw new VngovError(`Could not reach ${transport.url}: ${error instanceof Error ? error.message : String(error)}`, { code: "NETWORK_ERROR", cause: error });
      }
      const retryAfter = Number(response.headers.get("retry-after") ?? NaN);
      const wait = Number.isFinite(retryAfter) ? retryAfter : undefined;
      const type = response.headers.get("content-type") ?? "";
      if (!type.startsWith("text/event-stream")) {
        const text = await response.text().catch(() => "");
        let errors: GraphQLFormattedError[] = [];
        try {
          errors = (JSON.parse(text) as { errors?: GraphQLFormattedError[] }).errors ?? [];
        } catch {
          errors = [];
        }
        if (errors.length > 0) throw errorOf(errors, response.status, wait);
        throw new VngovError(`HTTP ${response.status} from ${transport.url}: not an event stream: ${text.slice(0, 200)}`, { code: "HTTP_ERROR", status: response.status, retryAfter: wait });
      }
      options.onOpen?.();
      for await (const event of serverSentEvents(response.body!, activity)) {
        if (event.event === "complete") return;
        if (event.event !== "next") continue;
        const result = JSON.parse(event.data) as { data?: Result | null; errors?: GraphQLFormattedError[] };
        if (result.errors?.length) throw errorOf(result.errors, response.status, wait);
        if (result.data == null) continue;
        failures = 0;
        if (event.id !== undefined) lastEventId = event.id;
        // Time spent by the caller with an event is not the connection's silence.
        clearTimeout(idle);
        yield result.data;
        activity();
        if (event.id !== undefined) options.onEventId?.(event.id);
      }
      // The stream ended without `complete`: the connection was cut (a proxy, a restart).
      if (stopped()) return;
      failure = new VngovError(`The event stream from ${transport.url} ended without completing.`, { code: "NETWORK_ERROR" });
    } catch (error) {
      if (stopped()) return;
      const problem =
        error instanceof VngovError
          ? error
          : new VngovError(`The event stream from ${transport.url} broke: ${error instanceof Error ? error.message : String(error)}`, { code: "NETWORK_ERROR", cause: error });
      if (problem.code === "PERSISTED_QUERY_NOT_FOUND" && byHash) {
        // The server does not hold this operation: send its text from now on, at once.
        byHash = false;
        continue;
      }
      if (!RETRYABLE.has(problem.code)) throw problem;
      failure = problem;
    } finally {
      clearTimeout(idle);
      signals.forEach((signal) => signal.removeEventListener("abort", onAbort));
      controller.abort();
    }
    failures += 1;
    if (failures > retries) throw failure;
    const backoff = Math.random() * Math.min(maxDelayMs, minDelayMs * 2 ** (failures - 1));
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, failure?.retryAfter !== undefined ? failure.retryAfter * 1000 : backoff);
      function done() {
        clearTimeout(timer);
        signals.forEach((signal) => signal.removeEventListener("abort", done));
        resolve();
      }
      signals.forEach((signal) => signal.addEventListener("abort", done, { once: true }));
    });
  }
}
