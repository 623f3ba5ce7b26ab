// MAX_BODY_BYTES: a body over the limit is refused with 413, with or without Content-Length.
//
// Replaces yoga's `maxRequestBodySize`, which pipes every body through a counting TransformStream
// even when Content-Length already bounds it: on Node that pipeline (and the AbortController and
// DOMException its end creates) cost about a tenth of a small request's CPU. Node's HTTP parser
// never delivers more bytes than Content-Length, so a request that arrived over node:http with a
// valid Content-Length under the limit needs no counting. Anything else (chunked bodies, or a
// Request built in-process, whose header nothing enforces) is counted as yoga counts it.
import type { IncomingMessage } from "node:http";
import type { Plugin } from "graphql-yoga";
import { codedError, ErrorCode } from "../errors.js";

const CONTENT_LENGTH = /^\d+$/;

const tooLarge = () =>
  codedError(ErrorCode.PAYLOAD_TOO_LARGE, "bodyTooLarge", {}, { status: 413 });

/** The body of `request` as a stream that fails once more than `limit` bytes have passed. */
function counted(request: Request, limit: number, fetchAPI: { Request: typeof Request; TransformStream: typeof TransformStream }): Request {
  const body = request.body;
  if (!body) return request;
  // The ponyfill's TransformStream cannot take a native ReadableStream (graphql-yoga#4583).
  const Transform = body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  let bytes = 0;
  const limited = body.pipeThrough(
    new Transform({
      transform(chunk: Uint8Array, controller) {
        bytes += chunk.byteLength;
        if (bytes > limit) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body: limited,
    duplex: "half",
  } as RequestInit);
}

export function bodyLimitPlugin(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, serverContext, fetchAPI }) {
      const length = request.headers.get("content-length");
      if (length != null) {
        if (!CONTENT_LENGTH.test(length)) throw codedError(ErrorCode.BAD_REQUEST, "contentLengthInvalid", {}, { status: 400 });
        if (Number(length) > limit) throw tooLarge();
        if ((serverContext as { req?: IncomingMessage }).req) return; // framed by Node's HTTP parser
      }
      if (!requestParser || !request.body) return;
      setRequestParser((req) => requestParser(counted(req, limit, fetchAPI)));
    },
  };
}
