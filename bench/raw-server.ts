// The limit: the same rows fetched with `pg` directly, each workload's one SQL statement behind
// the shared SQL server (sql-server.ts).
import { serveSql } from "./sql-server.js";
import { WORKLOADS } from "./workloads.js";

// The body column comes back as text: no parse + stringify round trip on the way out.
serveSql(
  new Map(
    WORKLOADS.map((workload) => [
      `/${workload.id}`,
      {
        name: `workload-${workload.id}`,
        text: `SELECT body::text AS body FROM (${workload.rawSql}) q`,
        values: (input) => workload.rawParams(input),
      },
    ]),
  ),
);
