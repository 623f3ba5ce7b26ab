// Prometheus metrics at GET /metrics (prom-client): requests by route and status, GraphQL latency by
// operation, cost spent, response-cache hits, rate-limit refusals, the database pool, and Node's own
// process metrics. One registry per server, so tests (and two servers in one process) do not collide.
import type { Plugin } from "graphql-yoga";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Database } from "../db.js";
import { requestPathname, requestState, type RequestState } from "./request-state.js";

export const METRICS_PATH = "/metrics";

/** Operation names are chosen by clients: past this many distinct ones, the rest count as "other" (bounded label cardinality). */
const MAX_OPERATION_LABELS = 200;
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
/** Routes are labelled by their first path segment, from a fixed list. */
const ROUTES = new Set(["/graphql", "/geo", "/export", "/health", "/ready", "/metrics"]);

function routeOf(pathname: string): string {
  const first = `/${pathname.split("/")[1] ?? ""}`;
  return ROUTES.has(first) ? first : "other";
}

export interface Metrics {
  plugin: Plugin;
  registry: Registry;
  /** Counts one answered request (the plugin's onResponse; http/node-hits.ts calls it for the hits it answers). */
  record(pathname: string, method: string, status: number, state: RequestState): void;
}

export function createMetrics(db: Database, graphqlEndpoint: string): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "vngov_" });
  const requests = new Counter({
    name: "vngov_http_requests_total",
    help: "HTTP requests answered, by route, method and status.",
    labelNames: ["route", "method", "status"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "vngov_graphql_request_duration_seconds",
    help: "Time from a GraphQL request's arrival to its answer, by operation name and whether the response cache answered it.",
    labelNames: ["operation", "cached"] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15],
    registers: [registry],
  });
  const cost = new Counter({
    name: "vngov_graphql_cost_spent_total",
    help: "Cost points spent from callers' budgets, by caller kind (key or anonymous).",
    labelNames: ["caller"] as const,
    registers: [registry],
  });
  const cache = new Counter({
    name: "vngov_response_cache_requests_total",
    help: "GraphQL requests by whether the response cache answered them (hit) or the full pipeline did (miss).",
    labelNames: ["result"] as const,
    registers: [registry],
  });
  const refused = new Counter({
    name: "vngov_rate_limited_total",
    help: "GraphQL requests refused with 429 RATE_LIMITED, by caller kind.",
    labelNames: ["caller"] as const,
    registers: [registry],
  });
  new Gauge({
    name: "vngov_db_statements_total",
    help: "SQL statements sent to the database since the process started.",
    registers: [registry],
    collect() {
      this.set(db.statements.count);
    },
  });
  new Gauge({
    name: "vngov_db_pool_connections",
    help: "PostgreSQL pool connections by state (total, idle, waiting requests, max); absent on the embedded database.",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const stats = db.poolStats?.();
      if (!stats) return;
      for (const [state, value] of Object.entries(stats)) this.set({ state }, value);
    },
  });

  // Each series is found once per label values: prom-client hashes a label object on every observation
  // otherwise. Operation labels are bounded (above) and so are routes, statuses and caller kinds; methods
  // are the client's, so past MAX_KEPT_SERIES pairs the label object is handed over as before.
  const MAX_KEPT_SERIES = 512;
  const seriesOf = <Child>(make: (labels: Record<string, string>) => Child) => {
    const children = new Map<string, Child>();
    return (labels: Record<string, string>): Child => {
      const key = Object.values(labels).join("\n");
      let child = children.get(key);
      if (!child) {
        child = make(labels);
        if (children.size < MAX_KEPT_SERIES) children.set(key, child);
      }
      return child;
    };
  };
  const requestsOf = seriesOf((labels) => requests.labels(labels));
  const latencyOf = seriesOf((labels) => latency.labels(labels));
  const costOf = seriesOf((labels) => cost.labels(labels));
  const cacheOf = seriesOf((labels) => cache.labels(labels));
  const refusedOf = seriesOf((labels) => refused.labels(labels));

  const operations = new Set<string>();
  const operationLabel = (names: readonly string[]): string => {
    if (names.length === 0) return "anonymous";
    if (names.length > 1) return "batch";
    const name = names[0]!;
    if (!OPERATION_NAME.test(name)) return "other";
    if (!operations.has(name)) {
      if (operations.size >= MAX_OPERATION_LABELS) return "other";
      operations.add(name);
    }
    return name;
  };

  const plugin: Plugin = {
    // Not an async function: every other request passes without a promise of its own.
    onRequest({ request, url, endResponse, fetchAPI }) {
      requestState(request); // starts the clock and fixes the request id for every route
      if (url.pathname !== METRICS_PATH || request.method !== "GET") return;
      return registry.metrics().then((text) => endResponse(new fetchAPI.Response(text, { status: 200, headers: { "content-type": registry.contentType } })));
    },
    onResponse({ request, response }) {
      record(requestPathname(request), request.method, response.status, requestState(request));
    },
  };
  return { plugin, registry, record };

  function record(pathname: string, method: string, status: number, state: RequestState): void {
      requestsOf({ route: routeOf(pathname), method, status: String(status) }).inc();
      if (pathname !== graphqlEndpoint || method === "OPTIONS") return;
      const caller = state.principal?.kind ?? "unauthenticated";
      latencyOf({ operation: operationLabel(state.operationNames), cached: state.cacheHit ? "true" : "false" }).observe((performance.now() - state.startedAt) / 1000);
      if (state.cost > 0 && status !== 429 && !state.allowance?.limited) costOf({ caller }).inc(state.cost);
      if (state.principal) cacheOf({ result: state.cacheHit ? "hit" : "miss" }).inc();
      if (status === 429 || state.allowance?.limited) refusedOf({ caller }).inc();
  }
}
