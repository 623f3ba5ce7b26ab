// `npm run test:pg`: the API and SDK suites against the PostgreSQL server, each test file in its own
// throw-away database. TEST_DATABASE_URL defaults to the local server's postgres database.
import { spawnSync } from "node:child_process";

const env = {
  ...process.env,
  TEST_DATABASE_URL: process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres",
};
const result = spawnSync("npx", ["vitest", "run", "packages/server/test", "packages/sdk/test", ...process.argv.slice(2)], {
  env,
  stdio: "inherit",
});
process.exit(result.status ?? 1);
