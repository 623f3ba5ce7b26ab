// `npm run db:migrate` / `npm run db:seed`: the same lock, migrations and seeds the server runs at
// start (db/open.ts): `db:seed` seeds every dataset `npm start` seeds (registry, lineage, figures),
// under the same PostgreSQL advisory lock, so it may run while servers start.
import { loadConfig } from "../config.js";
import { needsOperator, openConfiguredDatabase } from "./open.js";

const command = process.argv[2];
if (command !== "migrate" && command !== "seed") {
  console.error("usage: cli.ts migrate|seed");
  process.exit(2);
}
const config = loadConfig();
let opened: Awaited<ReturnType<typeof openConfiguredDatabase>>;
try {
  opened = await openConfiguredDatabase(config, { holder: `db:${command}`, prepare: command, warn: (message) => console.warn(message) });
} catch (error) {
  if (!needsOperator(error)) throw error;
  console.error(`db:${command}: ${error.message}`);
  process.exit(1);
}
try {
  const { prepared, created } = opened;
  if (command === "migrate") {
    console.log(created ? "created a new embedded database, migrated and seeded" : "database is migrated");
  } else {
    const { seed, lineage, figures } = prepared!;
    console.log(
      seed.seeded || lineage.seeded || figures.seeded || created
        ? `seeded: registry (${seed.counts.provinces} provinces, ${seed.counts.communes} communes, ${seed.counts.events} events)${seed.seeded || created ? "" : " unchanged"}, ` +
            `lineage${lineage.seeded || created ? "" : " unchanged"}, figures${figures.seeded || created ? "" : " unchanged"}`
        : "the database already holds these datasets; nothing changed",
    );
  }
} finally {
  await opened.close();
}
