// Large answers serialised straight into UTF-8 bytes, in pieces.
//
// Why: JSON.stringify returns a string made of many parts (a rope) in V8 11 (Node 20). The first thing
// that needs it flat, here the UTF-8 encoding of the answer (http/byte-bodies.ts), copies it into a
// new string first, and for a large answer that new string is a large object: allocating it costs more
// than serialising. For workload 2 of the bench (34 provinces with 20 communes each, 100 kB of mostly
// Vietnamese names), JSON.stringify took ~300 µs and the first encoding of its result ~750 µs, the
// same encoding of a flat string ~60 µs (micro-benchmark, Node 20; encoding it a second time is fast,
// which is how it shows). Serialising each element of a long list on its own and encoding each piece
// into one growing byte area never makes a large string: ~450 µs for the same answer, bytes included.
//
// By hand: no library serialises to bytes without making the whole string first. The pieces are
// JSON.stringify's own output and the bytes are checked equal to Buffer.from(JSON.stringify(value)) for
// every kind of value JSON has (test/json-bytes.test.ts). Answers without a long list are
// serialised in one piece, as before.
import { Buffer } from "node:buffer";
import type { ExecutionResult } from "graphql";
import { processRegularResult, type Plugin } from "graphql-yoga";
import { utf8Bytes } from "./byte-bodies.js";

/** Lists at least this long are serialised element by element; shorter ones are part of a larger piece. */
const LONG_LIST = 16;
/** The byte area is kept for the next answer up to this size; one grown past it (a long answer of boundaries) is let go. */
const KEPT_AREA_BYTES = 1024 * 1024;
const encoder = new TextEncoder();

/** A growing byte area that pieces of text are encoded into. */
class Utf8Area {
  bytes: Uint8Array;
  length = 0;
  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
  }
  text(piece: string): void {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    const most = piece.length * 3;
    if (this.length + most > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + most));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    this.length += encoder.encodeInto(piece, this.bytes.subarray(this.length)).written;
  }
  /** One ASCII character. */
  char(code: number): void {
    if (this.length === this.bytes.length) this.text(String.fromCharCode(code));
    else this.bytes[this.length++] = code;
  }
  /** The bytes in a Buffer of their own (the area itself is reused). */
  take(): Buffer<ArrayBuffer> {
    const out = Buffer.allocUnsafeSlow(this.length);
    out.set(this.bytes.subarray(0, this.length));
    this.length = 0;
    return out;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
/** What JSON.stringify leaves out of objects (and writes as null in lists). */
const isSkipped = (value: unknown) => value === undefined || typeof value === "function" || typeof value === "symbol";
/** An object JSON.stringify serialises through its own toJSON: left to JSON.stringify whole. */
const hasToJSON = (value: Record<string, unknown>) => typeof value.toJSON === "function";

/** Whether a value is written in pieces: a long list, or an object holding one (itself or in an object inside it). */
function inPieces(value: unknown): boolean {
  if (Array.isArray(value)) return value.length >= LONG_LIST;
  if (!isObject(value) || hasToJSON(value)) return false;
  for (const key of Object.keys(value)) if (inPieces(value[key])) return true;
  return false;
}

function write(area: Utf8Area, value: unknown): void {
  if (!inPieces(value)) return area.text(JSON.stringify(value));
  if (Array.isArray(value)) {
    area.char(0x5b); // [
    for (let i = 0; i < value.length; i++) {
      if (i > 0) area.char(0x2c); // ,
      const element = value[i];
      // As JSON.stringify: what it leaves out of objects is null in a list.
      area.text(isSkipped(element) ? "null" : (JSON.stringify(element) ?? "null"));
    }
    area.char(0x5d); // ]
    return;
  }
  const object = value as Record<string, unknown>;
  area.char(0x7b); // {
  let first = true;
  for (const key of Object.keys(object)) {
    const inner = object[key];
    if (isSkipped(inner)) continue;
    if (!first) area.char(0x2c);
    first = false;
    area.text(JSON.stringify(key));
    area.char(0x3a); // :
    write(area, inner);
  }
  area.char(0x7d); // }
}

let shared: Utf8Area | undefined;

/** The UTF-8 bytes of JSON.stringify(value), for a value JSON.stringify turns into text (not undefined). */
export function jsonBytes(value: unknown): Buffer<ArrayBuffer> {
  // Answers without a long list: one piece, encoded as the Response would encode it as text.
  if (!inPieces(value)) return utf8Bytes(JSON.stringify(value));
  const area = (shared ??= new Utf8Area(64 * 1024));
  try {
    write(area, value);
    return area.take();
  } finally {
    area.length = 0;
    if (area.bytes.length > KEPT_AREA_BYTES) shared = undefined;
  }
}

/**
 * Single results that yoga would serialise with JSON.stringify are serialised by jsonBytes: yoga's
 * processRegularResult calls the result's `stringify` (graphql-jit sets it to JSON.stringify) and
 * hands what it returns to the Response, which takes bytes as readily as text (http/byte-bodies.ts
 * turns text into bytes there). Results with errors or HTTP extensions, batches, streams, and results
 * another plugin serialises its own way (the response cache, reusing what it keeps) are left as they are.
 * Goes after every plugin that replaces the result or its serialiser.
 */
export function jsonBytesPlugin(): Plugin {
  return {
    onResultProcess({ result, resultProcessor }) {
      if (resultProcessor !== processRegularResult || Array.isArray(result) || !isObject(result) || Symbol.asyncIterator in result) return;
      const single = result as ExecutionResult & { stringify?: unknown };
      if (single.errors?.length || (single.extensions as { http?: unknown } | undefined)?.http) return;
      if (single.stringify !== undefined && single.stringify !== JSON.stringify) return;
      // processRegularResult passes this on to the Response as the body: bytes rather than text.
      single.stringify = jsonBytes;
    },
  };
}
