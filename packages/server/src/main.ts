// Entry point: reads configuration, prepares the database and listens.
import { createServer as createHttpServer } from "node:http";
import path from "node:path";
import { loadConfig } from "./config.js";
import { openDatabase } from "./db.js";
import { prepareDatabase } from "./db/setup.js";
import { createServer } from "./http/server.js";
import { createLogger } from "./logger.js";

const started = performance.now();
const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);

const db = await openDatabase(
  config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: path.join(config.DATA_DIR, "pglite") },
);
const prepared = await prepareDatabase(db);
logger.info(
  {
    database: db.kind === "postgres" ? "postgresql" : `embedded PGlite in ${config.DATA_DIR}`,
    migrationsApplied: prepared.migrations,
    seeded: prepared.seed.seeded,
    ...prepared.seed.counts,
  },
  prepared.seed.seeded ? "database seeded with the registry" : "database already holds the registry",
);

const yoga = createServer({ db, logger, graphiql: config.GRAPHIQL });
const server = createHttpServer(yoga);
server.listen(config.PORT, config.HOST, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  logger.info(
    { ms: Math.round(performance.now() - started) },
    `vngov is serving GraphQL at http://localhost:${port}/graphql`,
  );
});

// Finish in-flight requests, then close the database, on SIGTERM/SIGINT.
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    logger.info({ signal }, "shutting down");
    server.close(async () => {
      await db.close();
      process.exit(0);
    });
  });
}
