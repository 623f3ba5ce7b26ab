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

export function readinessPlugin(db: Database): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== READY_PATH) return;
      const ready = await isSeeded(db).catch(() => false);
      endResponse(
        new fetchAPI.Response(JSON.stringify({ status: ready ? "ready" : "not ready" }), {
          status: ready ? 200 : 503,
          headers: { "content-type": "application/json" },
        }),
      );
    },
  };
}
