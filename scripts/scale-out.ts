// The scale-out topology of docs/deploy.md on this machine, checked: two vngov processes on one
// PostgreSQL database and one Redis, behind a small round-robin load balancer (no containers).
// Checks that budgets are shared, that a write through one instance's database drops the other's
// cached answers, that a revoked key is refused by both, and that a rolling restart (drain one,
// restart it, wait for /ready, then the other) fails no request.
//
//   DATABASE_SERVER_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379/7 npx tsx scripts/scale-out.ts
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import pg from "pg";
import { createApiKey, revokeApiKey } from "../packages/server/src/auth/keys.js";
import { openDatabase } from "../packages/server/src/db.js";
import { inWriteTransaction } from "../packages/server/src/service/transaction.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const serverUrl = process.env.DATABASE_SERVER_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379/7";
const BUDGET = 40;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let failed = false;
function check(name: string, ok: boolean, detail: string) {
  console.log(`${ok ? "ok  " : "FAIL"} ${name}: ${detail}`);
  if (!ok) failed = true;
}

// --- the database, Redis and the instances -------------------------------------------------
const name = `vngov_scaleout_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
const redis = new Redis(redisUrl);
await redis.flushdb(); // a database number of its own (REDIS_URL's path): budgets start whole

interface Instance {
  port: number;
  process?: ChildProcess;
  inRotation: boolean;
}
const instances: Instance[] = [{ port: await freePort(), inRotation: false }, { port: await freePort(), inRotation: false }];

async function start(instance: Instance): Promise<void> {
  const child = spawn(process.execPath, ["--conditions=vngov:source", "--import", "tsx", path.join(root, "packages/server/src/main.ts")], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      PORT: String(instance.port),
      HOST: "127.0.0.1",
      TRUST_PROXY: "true",
      RATE_LIMIT_ANONYMOUS: String(BUDGET),
      LOG_LEVEL: "warn",
      GRAPHIQL: "false",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  instance.process = child;
  for (let i = 0; i < 600; i++) {
    const ready = await fetch(`http://127.0.0.1:${instance.port}/ready`).then((r) => r.ok, () => false);
    if (ready) {
      instance.inRotation = true;
      return;
    }
    if (child.exitCode !== null) throw new Error(`instance on ${instance.port} exited with ${child.exitCode}`);
    await sleep(250);
  }
  throw new Error(`instance on ${instance.port} not ready after 150 s`);
}

/** Drains an instance as a load balancer does: out of rotation first, then SIGTERM, then its exit. */
async function stop(instance: Instance): Promise<void> {
  instance.inRotation = false;
  const child = instance.process!;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

// --- a round-robin load balancer that adds X-Forwarded-For and retries a refused connection --
let next = 0;
const balancer = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks);
    const attempt = (tries: number) => {
      const candidates = instances.filter((i) => i.inRotation);
      const target = candidates[next++ % Math.max(1, candidates.length)];
      if (!target) {
        response.writeHead(503).end("no instance in rotation");
        return;
      }
      const upstream = http.request(
        { host: "127.0.0.1", port: target.port, method: request.method, path: request.url, headers: { ...request.headers, "x-forwarded-for": (request.headers["x-client"] as string) ?? "198.51.100.1", "x-instance": String(target.port) } },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, { ...answer.headers, "x-instance": String(target.port) });
          answer.pipe(response);
        },
      );
      // A connection refused or reset before any answer (an instance stopping): another instance, as LBs do.
      upstream.on("error", () => (tries > 0 ? attempt(tries - 1) : response.writeHead(502).end("upstream failed")));
      upstream.end(body);
    };
    attempt(3);
  });
});
await new Promise<void>((resolve) => balancer.listen(0, "127.0.0.1", resolve));
const lb = `http://127.0.0.1:${(balancer.address() as net.AddressInfo).port}/graphql`;

async function ask(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(lb, { method: "POST", headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, instance: response.headers.get("x-instance"), body: (await response.json().catch(() => null)) as any };
}

try {
  const started = performance.now();
  await start(instances[0]!); // the first one migrates and seeds
  await start(instances[1]!);
  console.log(`two instances ready in ${((performance.now() - started) / 1000).toFixed(1)} s (ports ${instances.map((i) => i.port).join(", ")})`);

  // 1. Shared budgets: BUDGET points a window for one client address, whichever instance answers.
  const statuses: Array<[number, string | null]> = [];
  for (let i = 0; i < BUDGET + 10; i++) {
    const { status, instance } = await ask(`{ province(code: "15") { code } }`, { "x-client": "203.0.113.9" });
    statuses.push([status, instance]);
  }
  const served = statuses.filter(([s]) => s === 200).length;
  const both = new Set(statuses.map(([, instance]) => instance)).size === 2;
  check("shared budget", served === BUDGET && both, `${served} of ${statuses.length} answered (budget ${BUDGET}), served by ${both ? "both" : "one"} instance(s)`);

  // 2. Cross-instance cache invalidation: answers cached on both, a write committed by another process, both answer anew.
  const query = `{ figures(first: 1) { nodes { id note } } }`;
  const before = [await ask(query, { "x-client": "203.0.113.10" }), await ask(query, { "x-client": "203.0.113.10" })];
  const id = Buffer.from(before[0]!.body.data.figures.nodes[0].id, "base64").toString("utf8").split(":").slice(1).join(":");
  const writer = await openDatabase({ url: databaseUrl });
  const note = `changed at ${new Date().toISOString()}`;
  await inWriteTransaction(writer.prisma, (tx) => tx.figure.update({ where: { id }, data: { note } }));
  await sleep(200);
  const after = [await ask(query, { "x-client": "203.0.113.10" }), await ask(query, { "x-client": "203.0.113.10" })];
  check(
    "cache invalidation",
    after.every((a) => a.body.data.figures.nodes[0].note === note) && new Set(after.map((a) => a.instance)).size === 2,
    `both instances answer the new note 200 ms after the commit (was ${JSON.stringify(before[0]!.body.data.figures.nodes[0].note)})`,
  );

  // 3. Key revocation: a key both instances remember, revoked by another process, refused by both.
  const { key } = await createApiKey(writer.prisma, { name: `scale-out-${name}`, scopes: ["read"] });
  const auth = { authorization: `Bearer ${key}` };
  const accepted = [await ask(`{ province(code: "01") { code } }`, auth), await ask(`{ province(code: "01") { code } }`, auth)];
  await revokeApiKey(writer.prisma, `scale-out-${name}`);
  await sleep(200);
  const refused = [await ask(`{ province(code: "01") { code } }`, auth), await ask(`{ province(code: "01") { code } }`, auth)];
  check(
    "key revocation",
    accepted.every((a) => a.status === 200) && refused.every((r) => r.status === 401) && new Set(refused.map((r) => r.instance)).size === 2,
    `accepted ${accepted.map((a) => a.status).join(",")} before, ${refused.map((r) => r.status).join(",")} from both instances 200 ms after the revocation`,
  );
  await writer.close();

  // 4. Rolling restart under steady traffic: every request answered.
  let sent = 0;
  const failures: string[] = [];
  let running = true;
  const traffic = (async () => {
    while (running) {
      sent += 1;
      const client = `198.51.100.${(sent % 200) + 1}`; // many client addresses: the budget is not what is tested here
      try {
        const { status } = await ask(`{ commune(code: "00004") { code } }`, { "x-client": client });
        if (status !== 200) failures.push(`status ${status}`);
      } catch (error) {
        failures.push(String(error));
      }
    }
  })();
  for (const instance of instances) {
    await stop(instance);
    await start(instance);
  }
  running = false;
  await traffic;
  check("rolling restart", failures.length === 0 && sent > 20, `${sent} requests during two restarts, ${failures.length} failed${failures.length ? `: ${failures.slice(0, 3).join("; ")}` : ""}`);
} finally {
  for (const instance of instances) if (instance.process && instance.process.exitCode === null) await stop(instance);
  balancer.close();
  await redis.flushdb();
  redis.disconnect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
process.exit(failed ? 1 : 0);
