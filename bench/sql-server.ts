// The shared body of the SQL contenders (raw pg, PostGIS): a tiny node:http server, so they pay
// HTTP like the GraphQL servers, that answers POST /<route> with {"input": {...}} by running the
// route's one SQL statement (prepared, named) and returning its `body` column as is. Reports
// readiness and RSS to the harness over IPC and stops on SIGTERM.
import { createServer } from "node:http";
import pg from "pg";

export interface SqlRoute {
  /** Prepared-statement name. */
  name: string;
  /** One statement whose first row's `body` column (text) is the answer. */
  text: string;
  values: (input: any) => unknown[];
}

export function serveSql(routes: Map<string, SqlRoute>): void {
  const url = process.env.BENCH_DATABASE_URL;
  const port = Number(process.env.BENCH_PORT ?? 0);
  if (!url) throw new Error("BENCH_DATABASE_URL is not set");
  // The same pool size as vngov's (db.ts) and PostGraphile's.
  const pool = new pg.Pool({ connectionString: url, max: 10 });

  const server = createServer((request, response) => {
    const route = routes.get(request.url ?? "");
    if (!route || request.method !== "POST") {
      response.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      try {
        const { input = {} } = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
        const result = await pool.query<{ body: string }>({ name: route.name, text: route.text, values: route.values(input) });
        response.writeHead(200, { "content-type": "application/json" }).end(result.rows[0]?.body ?? "null");
      } catch (error) {
        response.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: String(error) }));
      }
    });
  });

  server.listen(port, "127.0.0.1", () => {
    const address = server.address();
    process.send?.({ type: "ready", port: typeof address === "object" && address ? address.port : port });
  });
  process.on("message", (message: { type?: string }) => {
    if (message?.type === "stats") process.send?.({ type: "stats", rss: process.memoryUsage().rss });
  });
  process.once("SIGTERM", () => {
    server.close();
    server.closeAllConnections();
    pool.end().finally(() => process.exit(0));
  });
}
