// One request started per turn of the event loop (http/turns.ts): the queue itself, and the new
// connections it lets in under load, counted in requests served rather than in wall time.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, it } from "vitest";
import { takingTurns } from "../src/http/turns.js";

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A request that keeps the event loop longer than a turn's budget, like a large computed answer. */
const busyFor = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

it("starts requests at once while the turn is short, later ones in a later turn, in the order they arrived", async () => {
  const started: string[] = [];
  const handler = takingTurns((request) => {
    started.push(request.url!);
    if (request.url!.startsWith("/slow")) busyFor(8);
  });
  for (const url of ["/quick1", "/quick2", "/slow1", "/slow2", "/slow3"]) handler({ url } as IncomingMessage, {} as ServerResponse);
  // The quick ones and the first slow one fit the turn; after that the turn is over its budget.
  expect(started).toEqual(["/quick1", "/quick2", "/slow1"]);
  await nextTurn();
  expect(started).toEqual(["/quick1", "/quick2", "/slow1", "/slow2"]);
  await nextTurn();
  expect(started).toEqual(["/quick1", "/quick2", "/slow1", "/slow2", "/slow3"]);
});

it("answers probes at once, ahead of waiting requests", async () => {
  const started: string[] = [];
  const handler = takingTurns((request) => {
    started.push(request.url!);
    busyFor(8);
  });
  for (const url of ["/graphql", "/graphql", "/health", "/ready?x=1"]) handler({ url } as IncomingMessage, {} as ServerResponse);
  expect(started).toEqual(["/graphql", "/health", "/ready?x=1"]);
  await nextTurn();
  expect(started).toEqual(["/graphql", "/health", "/ready?x=1", "/graphql"]);
});

it("keeps starting waiting requests after a handler throws", async () => {
  const started: string[] = [];
  const handler = takingTurns((request) => {
    started.push(request.url!);
    busyFor(8);
    if (request.url === "2") throw new Error("handler failed");
  });
  handler({ url: "1" } as IncomingMessage, {} as ServerResponse);
  handler({ url: "2" } as IncomingMessage, {} as ServerResponse);
  handler({ url: "3" } as IncomingMessage, {} as ServerResponse);
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);
  process.prependListener("uncaughtException", onUncaught);
  try {
    await nextTurn();
    await nextTurn();
    await nextTurn();
  } finally {
    process.off("uncaughtException", onUncaught);
  }
  expect(started).toEqual(["1", "2", "3"]);
});

/** Requests answered before every one of `fresh` connections, opened under load, had its first answer. */
async function servedBeforeNewConnectionsAnswered(wrap: (handler: (req: IncomingMessage, res: ServerResponse) => void) => (req: IncomingMessage, res: ServerResponse) => void, fresh: number) {
  let served = 0;
  // A request whose answer needs no wait, like one computed from the in-memory registry.
  const server = createServer(
    wrap((request, response) => {
      request.resume();
      request.on("end", () => {
        const until = performance.now() + 1;
        while (performance.now() < until);
        served += 1;
        response.end("{}");
      });
    }),
  );
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const { Agent, request } = await import("node:http");
  const ask = (agent: InstanceType<typeof Agent>) =>
    new Promise<void>((resolve, reject) => {
      const call = request({ host: "127.0.0.1", port, method: "POST", agent }, (response) => {
        response.resume();
        response.on("end", resolve);
      });
      call.on("error", reject);
      call.end("{}");
    });
  let stop = false;
  // Busy connections, each asking again as soon as it has its answer.
  const busy = Array.from({ length: 20 }, async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    while (!stop) await ask(agent);
    agent.destroy();
  });
  while (served < 100) await new Promise((resolve) => setTimeout(resolve, 5));
  const before = served;
  const agents = Array.from({ length: fresh }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
  await Promise.all(agents.map((agent) => ask(agent)));
  const count = served - before;
  stop = true;
  await Promise.all(busy);
  agents.forEach((agent) => agent.destroy());
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  return count;
}

it("answers connections opened under load after a few requests each, not after every busy connection's for each of them", async () => {
  const fresh = 30;
  // Without turns the k-th new connection was accepted after k rounds of every busy connection's
  // request (hundreds of requests); with them, one connection is accepted per request served.
  const served = await servedBeforeNewConnectionsAnswered(takingTurns, fresh);
  expect(served).toBeLessThan(3 * (fresh + 20));
});
