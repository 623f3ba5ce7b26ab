// Answers leave as bytes, encoded once.
//
// yoga hands every answer to @whatwg-node's Response as a string. That Response measures the string in
// UTF-8 for Content-Length (Buffer.byteLength), node:http encodes it again as it writes it to the
// socket, and a plugin that looks at `response.body` (compression) has it encoded a third time. A
// computed answer of the registry is mostly Vietnamese names, a two-byte string in V8: for all 34
// provinces with 20 communes each (100 kB), those three passes took about a quarter of the server's CPU
// under load (CPU profile of bench workload 2, computed), more than executing the operation.
//
// The server's Response class (createYoga's `fetchAPI`) is @whatwg-node's own with one change: a string
// body is encoded once, into a Buffer, when the response is made. Its length is then known, the socket
// writes the bytes as they are, and a plugin that reads them (compression) gets the same Buffer. Status,
// headers and bytes sent are unchanged. A string body without a Content-Type stays a string, so that
// the Fetch standard's default `text/plain;charset=UTF-8` is still set for it, and so does an empty one
// (the Response then has no body at all, as before).
import { Buffer } from "node:buffer";
import { Response as FetchResponse } from "@whatwg-node/fetch";

/** Shorter answers go to Buffer.from, which takes small buffers from Node's shared pool: the second walk costs little there. */
const SMALL_CHARS = 4096;
/** The scratch area never grows past this (strings up to ~350,000 characters); longer ones use Buffer.from. */
const SCRATCH_MAX_BYTES = 1024 * 1024;
const encoder = new TextEncoder();
let scratch = new Uint8Array(0);

/**
 * A string's UTF-8 bytes in a buffer of their own, never a slice of Node's shared 8 kB pool (a kept
 * slice keeps its whole pool alive: the response cache's 4,096 small answers could hold 32 MB).
 * Buffer.from walks a string twice, once to measure it and once to encode it; here it is encoded
 * once into a scratch area that fits any result (three bytes per UTF-16 unit at most) and the bytes
 * are copied out: on a 100 kB answer of Vietnamese names about 120 µs against 195 µs (a
 * micro-benchmark on Node 20). By hand: Node has no call that encodes a string of unknown UTF-8 length
 * in one pass into a buffer of exactly that length. Strings too long for the scratch area go to
 * Buffer.from, which gives strings that long a buffer of their own.
 */
export function ownUtf8Bytes(text: string): Buffer<ArrayBuffer> {
  const most = text.length * 3;
  if (most > SCRATCH_MAX_BYTES) return Buffer.from(text);
  if (scratch.length < most) scratch = new Uint8Array(Math.max(most, 64 * 1024));
  const { written } = encoder.encodeInto(text, scratch);
  const bytes = Buffer.allocUnsafeSlow(written);
  bytes.set(scratch.subarray(0, written));
  return bytes;
}

/** An answer's UTF-8 bytes, to be sent and dropped: short ones may share Node's pool, long ones are encoded once. */
export function utf8Bytes(text: string): Buffer<ArrayBuffer> {
  return text.length < SMALL_CHARS ? Buffer.from(text) : ownUtf8Bytes(text);
}

type Init = ConstructorParameters<typeof FetchResponse>[1];

function declaresContentType(headers: NonNullable<Init>["headers"]): boolean {
  if (!headers) return false;
  if (typeof (headers as Headers).has === "function") return (headers as Headers).has("content-type");
  if (Array.isArray(headers)) return headers.some(([name]) => name?.toLowerCase() === "content-type");
  for (const name in headers) if (name.toLowerCase() === "content-type") return true;
  return false;
}

export class ByteBodyResponse extends FetchResponse {
  constructor(body?: ConstructorParameters<typeof FetchResponse>[0], init?: Init) {
    super(typeof body === "string" && body !== "" && declaresContentType(init?.headers) ? utf8Bytes(body) : body, init);
  }
}
