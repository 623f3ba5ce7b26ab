// `npm run test:reliability`: the attacks of issue 20 repeated (hard kills during the first start and
// during writes, concurrent starts on PostgreSQL, a flood of heavy answers, hostile input). They spawn
// real server processes and take minutes, so they run apart from `npm test`; .ci/run runs both.
import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

const config = mergeConfig(
  base,
  defineConfig({
    test: {
      testTimeout: 600_000,
      // One file at a time: each measures restarts and memory of processes it starts.
      maxWorkers: 1,
      fileParallelism: false,
    },
  }),
);
// mergeConfig concatenates arrays: the suite's own files would run again. Only the attacks here.
config.test!.include = ["packages/server/reliability/**/*.test.ts"];
export default config;
