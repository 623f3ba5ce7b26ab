// Starts at most one request per turn of the event loop; the others wait their turn in the order they
// arrived. Wraps the Node request handler (main.ts), in front of the whole yoga pipeline.
//
// Why: Node (libuv 1.46) accepts one new connection per turn of its event loop, and one turn reads
// every socket that has a request and runs each request up to its first real wait; an answer computed
// from the in-memory registry snapshot has none, so it runs to its end. Under load a turn therefore
// runs one request per busy connection, and a client that connects meanwhile is accepted only after
// as many such turns as there are connections before it: of 50 new connections of workload 2, the
// k-th waited k turns of ~50 requests, up to 7 s, while the median answer took 190 ms (p99 3.3 s in
// bench/RESULTS.md). One request per turn keeps a turn as short as one request's work, so connections
// are accepted and sockets read between any two requests, and requests start in the order in which
// they were read. A request that waits on the database gives the turn back at its first wait, so
// requests still overlap their waits as before.
//
// Here rather than in a yoga plugin: a request waiting for its turn is only Node's parsed request,
// not yet yoga's Request, URL and plugin state, which ~50 waiting requests kept alive through young
// collections and cost 15% more CPU per request in garbage collection. The request timeout's clock
// (timeout.ts) starts with the turn; before, the same wait was spent unread in the kernel.
//
// Probes (/health, /ready) do not wait their turn: they do no work of their own, and an
// orchestrator must hear from a busy process in time (under the boundary flood of
// reliability/boundary-flood.test.ts a turn can last seconds, serialising a 25 MB answer).
import type { IncomingMessage, ServerResponse } from "node:http";
import { READY_PATH } from "./readiness.js";

/** yoga's own liveness endpoint (its default healthCheckEndpoint). */
const HEALTH_PATH = "/health";

const isProbe = (url: string | undefined) => {
  const path = url?.split("?", 1)[0];
  return path === HEALTH_PATH || path === READY_PATH;
};

type Handler = (request: IncomingMessage, response: ServerResponse) => unknown;

export function takingTurns(handler: Handler): Handler {
  const waiting: Array<() => void> = [];
  let startedThisTurn = false;
  // Runs once per turn (setImmediate runs in the turn after the one that asked for it) while
  // requests are being started: starts the longest waiting one, if any.
  const nextTurn = () => {
    const next = waiting.shift();
    startedThisTurn = next !== undefined;
    if (!next) return;
    setImmediate(nextTurn); // first: a handler that throws must not stop the queue
    next();
  };
  return (request, response) => {
    if (isProbe(request.url)) return handler(request, response);
    if (startedThisTurn) {
      waiting.push(() => handler(request, response));
      return;
    }
    // An idle server starts the request at once.
    startedThisTurn = true;
    setImmediate(nextTurn);
    return handler(request, response);
  };
}
