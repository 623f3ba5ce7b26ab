// GET /export/{provinces,communes,lineage,figures}.{csv,jsonl}: the registry, its lineage and the
// sourced figures as tables a spreadsheet opens, with the filters of the matching GraphQL fields.
// CSV is RFC 4180 (csv-stringify: quotes where needed, CRLF) in UTF-8 with a byte-order mark so that
// Excel reads Vietnamese correctly (`?bom=false` drops it); JSONL is one JSON object per line.
// Bodies are streamed as they are formatted; ETags answer 304; each export is charged to the
// caller's budget like a GraphQL request returning the same objects (see export-tables.ts).
import { createHash } from "node:crypto";
import { stringify } from "csv-stringify";
import type { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Database } from "../db.js";
import { codedError, ErrorCode } from "../errors.js";
import { chargeRoute, errorResponse } from "./route-charge.js";
import type { Budget } from "../limits/budget-store.js";
import { requestState } from "./request-state.js";
import { TABLES, type Table } from "./export-tables.js";

export const EXPORT_PATH = "/export/";
const ROUTE = /^\/export\/([a-z]+)\.(csv|jsonl)$/u;
/** Rows formatted per chunk of a JSONL stream. */
const JSONL_CHUNK_ROWS = 500;

type FetchAPI = { Response: typeof Response; ReadableStream: typeof ReadableStream };

/** A stream of the table as CSV, pulled chunk by chunk from csv-stringify. */
function csvStream(fetchAPI: FetchAPI, table: Table, bom: boolean): ReadableStream<Uint8Array> {
  const stringifier = stringify({ header: true, columns: table.columns, bom, record_delimiter: "windows", cast: { number: (value) => String(value) } });
  const encoder = new TextEncoder();
  let next = 0;
  const chunks = stringifier[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  // Rows are written as the reader pulls, so a slow client holds back the formatting, not memory.
  const feed = () => {
    while (next < table.rows.length) {
      const row = table.rows[next++]!;
      if (!stringifier.write(row)) return void stringifier.once("drain", feed);
    }
    stringifier.end();
  };
  feed();
  return new fetchAPI.ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(typeof value === "string" ? encoder.encode(value) : new Uint8Array(value));
    },
    cancel() {
      stringifier.destroy();
    },
  });
}

function jsonlStream(fetchAPI: FetchAPI, table: Table): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  return new fetchAPI.ReadableStream<Uint8Array>({
    pull(controller) {
      if (next >= table.rows.length) return controller.close();
      const rows = table.rows.slice(next, next + JSONL_CHUNK_ROWS);
      next += rows.length;
      controller.enqueue(encoder.encode(rows.map((row) => `${JSON.stringify(row)}\n`).join("")));
    },
  });
}

export interface ExportRoutesOptions {
  db: Database;
  today: () => string;
  budget: Budget;
  windowSeconds: number;
}

/** The export routes as a yoga plugin; it runs after authPlugin, which identifies callers under EXPORT_PATH. */
export function exportRoutesPlugin({ db, today, budget, windowSeconds }: ExportRoutesOptions): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      // Not an async function: requests to other paths pass without a promise of their own.
      if (!url.pathname.startsWith(EXPORT_PATH)) return;
      return (async () => {
        const state = requestState(request);
        const match = ROUTE.exec(url.pathname);
        const definition = match ? TABLES[match[1]!] : undefined;
        if (request.method !== "GET" && request.method !== "HEAD") {
          endResponse(errorResponse(fetchAPI, 405, codedError(ErrorCode.BAD_REQUEST, "exportsUseGet", {}), request, { allow: "GET, HEAD" }));
          return;
        }
        if (!match || !definition) {
          const names = Object.keys(TABLES).flatMap((name) => [`${name}.csv`, `${name}.jsonl`]);
          endResponse(errorResponse(fetchAPI, 404, codedError(ErrorCode.BAD_REQUEST, "noSuchExport", { path: url.pathname, exports: names.map((n) => EXPORT_PATH + n) }), request));
          return;
        }
        const [, name, format] = match as unknown as [string, string, "csv" | "jsonl"];
        const known = new Set([...definition.filters, ...(format === "csv" ? ["bom"] : [])]);
        const unknown = [...url.searchParams.keys()].filter((key) => !known.has(key));
        const bomParam = url.searchParams.get("bom");
        let table: Table;
        try {
          if (unknown.length > 0) throw codedError(ErrorCode.BAD_USER_INPUT, "exportParameters", { path: `${EXPORT_PATH}${name}.${format}`, known: [...known], unknown }, { extensions: { argument: unknown[0] } });
          if (bomParam !== null && bomParam !== "true" && bomParam !== "false") throw codedError(ErrorCode.BAD_USER_INPUT, "bomIsBoolean", { value: bomParam }, { extensions: { argument: "bom" } });
          table = await definition.build({ db, params: url.searchParams, today: state.today ?? today() });
        } catch (error) {
          if ((error as GraphQLError).extensions?.code === ErrorCode.BAD_USER_INPUT) return endResponse(errorResponse(fetchAPI, 400, error as GraphQLError, request));
          throw error;
        }
        // Charged like a GraphQL request that returns the same objects, at least one point.
        const refusal = await chargeRoute({ budget, windowSeconds }, fetchAPI, request, table.cost, `export ${name}.${format}`);
        if (refusal) return endResponse(refusal);
        const bom = format === "csv" && bomParam !== "false";
        // The rows decide the body: their digest is the ETag, known before a byte is formatted.
        const etag = `"${createHash("sha256").update(JSON.stringify([format, bom, table.columns, table.rows])).digest("hex").slice(0, 32)}"`;
        const headers: Record<string, string> = { etag, "cache-control": "public, max-age=300", vary: "Accept-Encoding, Authorization" };
        const tags = request.headers.get("if-none-match")?.split(",").map((tag) => tag.trim().replace(/^W\//u, ""));
        if (tags?.includes(etag) || tags?.includes("*")) {
          endResponse(new fetchAPI.Response(null, { status: 304, headers }));
          return;
        }
        const filters = definition.filters.filter((filter) => url.searchParams.get(filter)).map((filter) => `-${filter}-${url.searchParams.get(filter)}`);
        headers["content-type"] = format === "csv" ? "text/csv; charset=utf-8; header=present" : "application/jsonl; charset=utf-8";
        headers["content-disposition"] = `attachment; filename="vngov-${name}${filters.join("").replace(/[^\w.-]/gu, "_")}.${format}"`;
        if (request.method === "HEAD") return endResponse(new fetchAPI.Response(null, { status: 200, headers }));
        endResponse(new fetchAPI.Response(format === "csv" ? csvStream(fetchAPI, table, bom) : jsonlStream(fetchAPI, table), { status: 200, headers }));
      })();
    },
  };
}
