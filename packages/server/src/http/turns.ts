// Starts requests in turns of the event loop of about TURN_BUDGET_MS each; the others wait for a later
// turn in the order they arrived. Wraps the Node request handler (main.ts), in front of the whole
// yoga pipeline.
//
// Why: Node (libuv 1.46) accepts one new connection per turn of its event loop, and one turn reads
// every socket that has a request and runs each request up to its first real wait; an answer computed
// from the in-memory registry snapshot has none, so it runs to its end. Under load a turn therefore
// runs one request per busy connection, and a client that connects meanwhile is accepted only after
// as many such turns as there are connections before it: of 50 new connections of workload 2, the
// k-th waited k turns of ~50 requests, up to 7 s, while the median answer took 190 ms (p99 3.3 s in
// bench/RESULTS.md). Short turns (one workload-2 request, or several point lookups) let connections be
// accepted and sockets read every few milliseconds, and requests start in the order they were read.
// A request that waits on the database gives the turn back at its first wait, so requests still
// overlap their waits as before.
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

/**
 * How long a turn may run requests before new ones wait for the next: long enough to start many
 * small requests together (one per turn cost a point lookup two thirds of its throughput), short
 * enough that a connection is accepted within a few milliseconds.
 */
const TURN_BUDGET_MS = 5;

export function takingTurns(handler: Handler): Handler {
  const waiting: Array<() => void> = [];
  // The turn under way: when it started and how many requests it started; and the time a request
  // took of late (a moving average), which sets how many waiting requests the next turn starts.
  let turning = false;
  let turnStartedAt = 0;
  let startedThisTurn = 0;
  let requestMs = TURN_BUDGET_MS;
  const start = (request: IncomingMessage, response: ServerResponse) => {
    startedThisTurn += 1;
    return handler(request, response);
  };
  // Runs once per turn (setImmediate runs in the turn after the one that asked for it) while
  // requests are being started: starts as many of the longest waiting ones as fit the budget.
  const nextTurn = () => {
    const now = performance.now();
    if (startedThisTurn > 0) requestMs = 0.8 * requestMs + 0.2 * ((now - turnStartedAt) / startedThisTurn);
    turnStartedAt = now;
    startedThisTurn = 0;
    turning = waiting.length > 0;
    if (!turning) return;
    setImmediate(nextTurn); // first: a handler that throws must not stop the queue
    for (let batch = Math.max(1, Math.floor(TURN_BUDGET_MS / requestMs)); batch > 0 && waiting.length > 0; batch--) waiting.shift()!();
  };
  return (request, response) => {
    if (isProbe(request.url)) return handler(request, response);
    if (!turning) {
      // An idle server starts the request at once.
      turning = true;
      turnStartedAt = performance.now();
      setImmediate(nextTurn);
      return start(request, response);
    }
    // Within the turn's budget and nobody waiting: at once too.
    if (waiting.length === 0 && performance.now() - turnStartedAt < TURN_BUDGET_MS) return start(request, response);
    waiting.push(() => start(request, response));
  };
}
