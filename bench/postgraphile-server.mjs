// PostGraphile 5 over the benchmark database, as a user would run it: the amber preset, the
// connection-filter plugin, the "public" schema, grafserv on node:http. Runs on Node >= 22 in a
// child process of the harness; reports readiness over IPC.
//
// PgIndexBehaviorsPlugin is disabled so that `condition`/`filter` work on unindexed columns
// ("validTo", "searchName"), as PostGraphile 4's default (ignoreIndexes) did; without it the
// current-version filter would not exist at all.
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";

const connectionString = process.env.BENCH_DATABASE_URL;
const port = Number(process.env.BENCH_PORT ?? 0);
if (!connectionString) throw new Error("BENCH_DATABASE_URL is not set");

const preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  disablePlugins: ["PgIndexBehaviorsPlugin"],
  pgServices: [
    // The same pool size as vngov's (db.ts) and the raw server's.
    makePgService({ connectionString, schemas: ["public"], poolConfig: { max: 10 } }),
  ],
  grafserv: { graphqlPath: "/graphql", graphiql: false, watch: false, websockets: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
await serv.addTo(server);
// Builds the schema before the first request, as vngov's server does at start-up.
await pgl.getSchema();
server.listen(port, "127.0.0.1", () => {
  const address = server.address();
  process.send?.({ type: "ready", port: typeof address === "object" && address ? address.port : port });
});

process.on("message", (message) => {
  if (message?.type === "stats") process.send?.({ type: "stats", rss: process.memoryUsage().rss });
});
process.once("SIGTERM", () => {
  server.close();
  Promise.resolve(pgl.release()).finally(() => process.exit(0));
});
