// Response compression for every route (GraphQL answers, GeoJSON downloads, exports, anything added
// later): one onResponse hook, registered last so it sees every header the other plugins set.
//
// By hand over node:zlib rather than @whatwg-node/server's useContentEncoding: that one takes the
// first encoding the client lists (ignoring q-values), has no size threshold, no brotli on Node 20
// (CompressionStream has none there), and would also inflate compressed request bodies, which
// MAX_BODY_BYTES then no longer bounds. zlib's asynchronous calls run on libuv's thread pool, so a
// 5 MB GeoJSON does not hold the event loop.
import { promisify } from "node:util";
import zlib from "node:zlib";
import { LRUCache } from "lru-cache";
import Negotiator from "negotiator";
import type { Plugin } from "graphql-yoga";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export type Encoding = "br" | "gzip";

/** Media types worth compressing: JSON (GraphQL, GeoJSON), text (CSV, HTML), JavaScript, XML. */
const COMPRESSIBLE = /^(?:application\/(?:[\w.+-]*\+)?json|application\/(?:javascript|xml|x-ndjson)|text\/(?!event-stream))/i;
/** Streamed answers (incremental delivery, subscriptions) are flushed part by part: never buffered here. */
const STREAMED = /^(?:multipart\/mixed|text\/event-stream)/i;

/** Compressed bodies of answers that carry an ETag (GeoJSON, exports): the same bytes every time, compressed once. */
const BY_ETAG_ENTRIES = 64;
const BY_ETAG_MAX_BYTES = 32 * 1024 * 1024;

/**
 * The encoding to answer in, from an Accept-Encoding header (RFC 9110 §12.5.3): brotli before gzip at
 * equal quality, nothing for q=0 (also through `*;q=0`) or when identity ranks first. The header is
 * read by negotiator (as language.ts reads Accept-Language); `x-gzip` is gzip's old name.
 */
export function negotiateEncoding(header: string | null): Encoding | null {
  if (!header) return null;
  const negotiator = new Negotiator({ headers: { "accept-encoding": header } });
  // negotiator 1.x takes the server's preference at equal quality; @types/negotiator 0.6 does not declare it.
  const encoding = negotiator.encoding.bind(negotiator) as (available: string[], options: { preferred: string[] }) => string | undefined;
  const best = encoding([...OFFERED], { preferred: [...OFFERED] });
  return best === "br" ? "br" : best === "gzip" || best === "x-gzip" ? "gzip" : null;
}

/** What the server can send, most preferred first (identity: the body as it is). */
const OFFERED = ["br", "gzip", "x-gzip", "identity"] as const;

export interface CompressionOptions {
  /** Bodies smaller than this many bytes go as they are (compression would gain little and cost a pass). */
  minBytes: number;
  /** Brotli quality for answers (0-11); 5 compresses JSON about as well as gzip -9, several times faster. */
  brotliQuality?: number;
}

export function compressionPlugin({ minBytes, brotliQuality = 5 }: CompressionOptions): Plugin {
  const byEtag = new LRUCache<string, Uint8Array>({ max: BY_ETAG_ENTRIES, maxSize: BY_ETAG_MAX_BYTES, sizeCalculation: (body) => Math.max(1, body.byteLength) });
  const compress = (body: Uint8Array, encoding: Encoding): Promise<Uint8Array> =>
    encoding === "br"
      ? brotli(body, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: brotliQuality,
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
          },
        })
      : gzip(body, { level: 6 });

  return {
    onResponse({ request, response, setResponse, fetchAPI }) {
      // Not an async function: an answer sent as it is (most small ones) passes without a promise of its own.
      if (request.method === "HEAD" || response.status === 204 || response.status === 304) return;
      // A body of known length says so in Content-Length; only one without it is looked at (reading
      // `response.body` makes a stream of the bytes, for every answer).
      const length = response.headers.get("content-length");
      if (length === "0" || (length === null && !response.body)) return;
      const headers = response.headers;
      const contentType = headers.get("content-type") ?? "";
      if (headers.has("content-encoding") || STREAMED.test(contentType) || !COMPRESSIBLE.test(contentType)) return;
      // Every compressible answer varies by Accept-Encoding, compressed this time or not, so that a cache
      // between us and the client never hands a compressed body to a client that did not ask for one.
      const vary = headers.get("vary");
      if (!vary?.toLowerCase().split(/\s*,\s*/).includes("accept-encoding")) headers.set("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
      const encoding = negotiateEncoding(request.headers.get("accept-encoding"));
      if (!encoding) return;
      const declared = Number(length ?? NaN);
      if (declared < minBytes) return;
      return (async () => {
        const body = new Uint8Array(await response.arrayBuffer());
        let compressed: Uint8Array | undefined;
        if (body.byteLength >= minBytes) {
          const etag = headers.get("etag");
          const key = etag ? `${encoding}\n${etag}` : undefined;
          compressed = key ? byEtag.get(key) : undefined;
          if (!compressed) {
            compressed = await compress(body, encoding);
            if (key) byEtag.set(key, compressed);
          }
        }
        const next = new fetchAPI.Headers(headers);
        if (compressed) {
          next.set("content-encoding", encoding);
          // The compressed bytes are another representation of the same resource: its validator is weak
          // (RFC 9110 §8.8.1). The routes compare If-None-Match weakly, so revalidation still answers 304.
          const etag = next.get("etag");
          if (etag && !etag.startsWith("W/")) next.set("etag", `W/${etag}`);
        }
        const sent = compressed ?? body;
        next.set("content-length", String(sent.byteLength));
        // A Node Buffer is a Uint8Array; the DOM typings want one over a plain ArrayBuffer.
        setResponse(new fetchAPI.Response(sent as Uint8Array<ArrayBuffer>, { status: response.status, statusText: response.statusText, headers: next }));
      })();
    },
  };
}
