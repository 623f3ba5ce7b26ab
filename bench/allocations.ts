// `npm run bench:allocations`: what one request costs the process in allocation and CPU, by the
// functions that allocate, in one process: the product's handler (createServer → nodeHandler →
// takingTurns, as main.ts serves it) on a real loopback port, on a throw-away copy of the benchmark's
// PostgreSQL database, fed by a keep-alive client of 10 sockets in the same process.
//
//   npm run bench:allocations -- [--requests 4000] [--depth 1] [--top 25] [--query '…']
//
// Every request is unique (an undeclared `_nonce` variable), so each answer is computed. Allocation is
// read with V8's sampling heap profiler with the objects the young and old collectors have already
// freed included (Node's --heap-prof keeps only what is still alive), every 4 kB: the per-request
// figures are estimates from samples, steady from run to run, and include the client's share (its
// frames are listed too). CPU is process.cpuUsage() over three rounds, server and client together:
// compare runs of two trees, not with other benchmarks.
import http from "node:http";
import { Session } from "node:inspector/promises";
import { parseArgs } from "node:util";
import { createBenchDatabase, ensurePostgres } from "./database.js";
import { openDatabase } from "../packages/server/src/db.js";
import { createServer, nodeHandler } from "../packages/server/src/http/server.js";
import { takingTurns } from "../packages/server/src/http/turns.js";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "4000" },
    depth: { type: "string", default: "1" },
    top: { type: "string", default: "25" },
    query: { type: "string", default: "query CommuneAt($latitude: Float!, $longitude: Float!) { communeAt(latitude: $latitude, longitude: $longitude) { code name } }" },
  },
});
const requests = Number(values.requests);

await ensurePostgres();
const database = await createBenchDatabase();
const db = await openDatabase({ url: database.url });
const yoga = createServer({ db, graphiql: false, config: { RATE_LIMIT_ANONYMOUS: 1_000_000_000_000 } });
const server = http.createServer(takingTurns(nodeHandler(yoga)));
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address() as { port: number };
const agent = new http.Agent({ keepAlive: true, maxSockets: 10 });

let nonce = 0;
const one = () =>
  new Promise<void>((resolve, reject) => {
    const body = JSON.stringify({ query: values.query, variables: { latitude: 21.0285, longitude: 105.8542, _nonce: (nonce += 1) } });
    const request = http.request(
      { host: "127.0.0.1", port, path: "/graphql", method: "POST", agent, headers: { "content-type": "application/json", accept: "application/json", "content-length": Buffer.byteLength(body) } },
      (response) => {
        if (response.statusCode !== 200) reject(new Error(`status ${response.statusCode}`));
        response.resume();
        response.on("end", resolve);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
const run = async (count: number) => {
  for (let i = 0; i < count; i += 10) await Promise.all(Array.from({ length: 10 }, one));
};

try {
  await run(3000); // warm-up: compiled code, the registry snapshot, the boundary index
  for (let round = 0; round < 3; round++) {
    const before = process.cpuUsage();
    await run(requests);
    const cpu = process.cpuUsage(before);
    console.log(`CPU per request (server and client), round ${round + 1}: ${((cpu.user + cpu.system) / requests).toFixed(0)} µs`);
  }

  const session = new Session();
  session.connect();
  // Node 20's typings predate the two include… options (V8 has them since 2021).
  const sampling = { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true };
  await session.post("HeapProfiler.startSampling", sampling as { samplingInterval: number });
  await run(requests);
  const { profile } = (await session.post("HeapProfiler.stopSampling")) as { profile: { head: ProfileNode } };
  session.disconnect();

  interface ProfileNode {
    callFrame: { functionName: string; url: string; lineNumber: number };
    selfSize: number;
    children: ProfileNode[];
  }
  const depth = Number(values.depth);
  const bySite = new Map<string, number>();
  let total = 0;
  const walk = (node: ProfileNode, stack: string[]) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const frames = [...stack, `${functionName || "(anonymous)"} ${url.split("/").slice(-2).join("/")}:${lineNumber + 1}`];
    if (node.selfSize) {
      total += node.selfSize;
      const site = frames.slice(-depth).reverse().join(" < ");
      bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
    }
    for (const child of node.children) walk(child, frames);
  };
  walk(profile.head, []);
  console.log(`\nallocated per request (server and client): ${(total / requests / 1024).toFixed(0)} kB; by site:`);
  for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) {
    console.log(`${(bytes / requests / 1024).toFixed(1).padStart(7)} kB  ${site}`);
  }
} finally {
  server.close();
  agent.destroy();
  await db.close();
  await database.drop();
}
