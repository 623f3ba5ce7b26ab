// GET /ready: 200 once the database answers and holds the registry, 503 before. (/health, the
// process being up, is yoga's own.)
//
// By hand rather than yoga's useReadinessCheck, which tests every request's URL against a
// URLPattern (a slow polyfill on Node 20) after its cheaper checks fail, as they do for every
// GraphQL request: a few percent of a small request's CPU for a path comparison.
import type { Plugin } from "graphql-yoga";
import type { Database } from "../db.js";
import { isSeeded } from "../db/setup.js";

export const READY_PATH = "/ready";

/**
 * How long /ready waits for the database. A probe must get an answer in time: with the pool
 * exhausted the check queued for 23 s, longer than any orchestrator's probe timeout.
 */
export const READY_TIMEOUT_MS = 2_000;

export function readinessPlugin(db: Database, timeoutMs = READY_TIMEOUT_MS): Plugin {
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      // Not an async function: requests to other paths pass without a promise of their own.
      if (url.pathname !== READY_PATH) return;
      return (async () => {
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
        const ready = await Promise.race([isSeeded(db).catch(() => false), late]).finally(() => clearTimeout(timer));
        endResponse(
          new fetchAPI.Response(JSON.stringify({ status: ready ? "ready" : "not ready" }), {
            status: ready ? 200 : 503,
            headers: { "content-type": "application/json" },
          }),
        );
      })();
    },
  };
}
