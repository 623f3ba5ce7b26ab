// A test client for server-sent events through the real handler (yoga.fetch): reads the stream as
// it arrives and hands out its events one at a time, comments (heartbeats) counted apart.
import type { createServer } from "../src/http/server.js";

export interface ServerSentEvent {
  id?: string;
  event?: string;
  data: string;
}

export interface EventStreamClient {
  status: number;
  contentType: string | null;
  /** The next event (not a comment); rejects after `timeoutMs`. */
  next(timeoutMs?: number): Promise<ServerSentEvent>;
  /** Waits for `atLeast` comment lines (the heartbeat) in all; resolves with how many came. */
  comments(atLeast: number, timeoutMs?: number): Promise<number>;
  close(): Promise<void>;
}

export async function openEventStream(
  yoga: ReturnType<typeof createServer>,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<EventStreamClient> {
  // Closing aborts the request, as a real server does when the client's connection goes.
  const connection = new AbortController();
  const response = await yoga.fetch("http://vngov.test/graphql", {
    signal: connection.signal,
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let comments = 0;
  const events: ServerSentEvent[] = [];
  const parse = () => {
    for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event: ServerSentEvent = { data: "" };
      const data: string[] = [];
      let fields = 0;
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) {
          comments += 1;
          continue;
        }
        const colon = line.indexOf(":");
        const name = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        fields += 1;
        if (name === "data") data.push(value);
        else if (name === "id") event.id = value;
        else if (name === "event") event.event = value;
      }
      if (fields === 0) continue;
      event.data = data.join("\n");
      events.push(event);
    }
  };
  // One read in flight at a time: a read abandoned by a timeout still delivers to the next wait.
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  const readUntil = async (done: () => boolean, timeoutMs: number, what: string) => {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} within ${timeoutMs} ms`);
      let timer: NodeJS.Timeout | undefined;
      pending ??= reader.read();
      const chunk = await Promise.race([pending, new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), left)))]).finally(() =>
        clearTimeout(timer),
      );
      if (chunk === "timeout") continue;
      pending = null;
      if (chunk.done) throw new Error(`the stream ended before ${what}`);
      buffer += decoder.decode(chunk.value, { stream: true });
      parse();
    }
  };
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    async next(timeoutMs = 20_000) {
      await readUntil(() => events.length > 0, timeoutMs, "event");
      return events.shift()!;
    },
    async comments(atLeast: number, timeoutMs = 20_000) {
      await readUntil(() => comments >= atLeast, timeoutMs, `${atLeast} comments`);
      return comments;
    },
    async close() {
      connection.abort();
      await reader.cancel().catch(() => undefined);
    },
  };
}
