// Entry point: reads configuration, prepares the database and listens.
import { createServer as createHttpServer } from "node:http";
import { registrySnapshot } from "./registry/snapshot.js";
import { loadConfig, type Config } from "./config.js";
import { needsOperator, openConfiguredDatabase } from "./db/open.js";
import { baselineWebAssemblyOnly } from "./db/pglite-memory.js";
import { createServer, nodeHandler } from "./http/server.js";
import { takingTurns } from "./http/turns.js";
import { startTracing } from "./http/tracing.js";
import { createLogger } from "./logger.js";

const started = performance.now();
let config: Config;
try {
  config = loadConfig();
} catch (error) {
  // An operator's mistake, not ours: the message lists every bad variable; a stack trace would bury it.
  process.stderr.write(`vngov: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
const logger = createLogger(config.LOG_LEVEL);

/** Start-up failures the operator fixes: one line saying what, no stack trace (LOG_LEVEL=debug adds it). */
function cannotStart(what: string, error: unknown): never {
  const message = error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ""}` : String(error);
  logger.debug({ err: error }, what);
  logger.fatal(`vngov cannot start: ${what}: ${message}`);
  process.exit(1);
}

// The server lives long on the embedded database: PGlite's WebAssembly keeps V8's baseline code,
// whose optimised recompilation would stay in its memory (db/pglite-memory.ts). Before the database
// is opened, since V8 reads the flag when it compiles.
// EMBEDDED_OPTIMISED_SQL trades that memory back for faster SQL.
if (!config.DATABASE_URL && !config.EMBEDDED_OPTIMISED_SQL) baselineWebAssemblyOnly();
let opened: Awaited<ReturnType<typeof openConfiguredDatabase>>;
try {
  opened = await openConfiguredDatabase(config, { holder: "a second server", prepare: "seed", warn: (message) => logger.warn(message) });
} catch (error) {
  // Conditions an operator must act on: said plainly, without a stack, and the process exits.
  if (needsOperator(error)) {
    logger.fatal(error.message);
    process.exit(1);
  }
  cannotStart(
    config.DATABASE_URL
      ? "the PostgreSQL database at DATABASE_URL cannot be opened, migrated or seeded (is it running, and may this user create tables?)"
      : "the embedded database cannot be opened, migrated or seeded",
    error,
  );
}
const { db } = opened;
const prepared = opened.prepared!;
logger.info(
  {
    database: db.kind === "postgres" ? "postgresql" : `embedded PGlite in ${config.DATA_DIR}`,
    created: opened.created,
    migrationsApplied: prepared.migrations,
    seeded: prepared.seed.seeded,
    ...prepared.seed.counts,
  },
  prepared.seed.seeded ? "database seeded with the registry" : "database already holds the registry",
);

// Loaded only when configured.
const redis = config.REDIS_URL
  ? new (await import("ioredis")).Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
  : undefined;
redis?.on("error", (error) => logger.warn({ err: error }, "redis unreachable; rate limits counted in this process meanwhile"));

const tracing = await startTracing(config, logger);
const yoga = createServer({ db, logger, graphiql: config.GRAPHIQL, config, redis, tracing: tracing ?? undefined });
// One request started per turn of the event loop, in arrival order (http/turns.ts); cached answers
// served in front of yoga (http/node-hits.ts).
const server = createHttpServer(takingTurns(nodeHandler(yoga)));
// Listening can fail only for reasons the operator fixes (the port is taken, not ours to bind):
// say which, without a stack trace, and release what start-up took.
server.on("error", (error: NodeJS.ErrnoException) => {
  if (server.listening) {
    logger.error({ err: error }, "http server error");
    return;
  }
  const reason =
    error.code === "EADDRINUSE"
      ? `port ${config.PORT} on ${config.HOST} is already in use (another vngov?): stop it or set PORT`
      : error.code === "EACCES"
        ? `no permission to listen on port ${config.PORT} (ports below 1024 need privileges): set PORT`
        : error.code === "EADDRNOTAVAIL"
          ? `HOST ${config.HOST} is not an address of this machine`
          : `cannot listen on ${config.HOST}:${config.PORT}: ${error.message}`;
  logger.fatal({ code: error.code }, `vngov cannot start: ${reason}`);
  void Promise.allSettled([opened.close(), redis?.disconnect()]).then(() => process.exit(1));
});
/** The registry snapshot's loading, started once listening: shutdown waits for it before closing the database. */
let warming: Promise<unknown> = Promise.resolve();
// Slow clients cannot hold a connection open indefinitely while sending their request.
server.requestTimeout = config.REQUEST_TIMEOUT_MS + 5_000;
server.headersTimeout = Math.min(server.requestTimeout, 20_000);
server.listen(config.PORT, config.HOST, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  logger.info({ ms: Math.round(performance.now() - started) }, `vngov is serving GraphQL at http://localhost:${port}/graphql`);
  // Load the in-memory registry now rather than on the first registry read (a failure is logged
  // and the first read tries again).
  warming = registrySnapshot(db.prisma).catch((error) => logger.warn({ err: error }, "registry snapshot not loaded yet"));
});

// Drain on SIGTERM/SIGINT: stop accepting connections, close idle keep-alive ones, let in-flight
// requests finish (each closes its connection once answered), cut what is left after the timeout,
// then release the database and the embedded database's lock. A signal that comes again while
// draining (a second Ctrl-C, or a supervisor and a process-group kill both signalling) is ignored
// rather than left to kill the process half-way, the embedded database unclosed.
let shuttingDown = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (shuttingDown) {
      logger.info({ signal }, "already shutting down");
      return;
    }
    shuttingDown = true;
    logger.info({ signal }, "shutting down: finishing in-flight requests");
    const force = setTimeout(() => {
      logger.warn({ timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, "in-flight requests still running; closing their connections");
      server.closeAllConnections();
    }, config.SHUTDOWN_TIMEOUT_MS);
    force.unref();
    server.close(async () => {
      clearTimeout(force);
      // Every step runs even when one before it fails (the lock is always released), and a failure
      // is logged and reflected in the exit code instead of escaping as an unhandled rejection.
      let failed = false;
      const step = async (name: string, run: () => unknown) => {
        try {
          await run();
        } catch (error) {
          failed = true;
          logger.error({ err: error instanceof Error ? error : { message: String(error) }, step: name }, "shutdown step failed");
        }
      };
      // Closing the database under a running query fails: let the registry's loading finish first.
      await step("registry snapshot", () => warming);
      await step("yoga", () => yoga.dispose());
      await step("redis", () => redis?.disconnect());
      await step("tracing", () => tracing?.shutdown());
      // Closes the database, then releases the embedded database's lock (also when closing failed).
      await step("database", () => opened.close());
      logger.info(failed ? "stopped, with errors" : "stopped");
      process.exit(failed ? 1 : 0);
    });
    server.closeIdleConnections();
  });
}
