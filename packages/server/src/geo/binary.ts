// The compact binary encoding of full-resolution boundaries (prisma/data/geo/*-full.bin.gz), writer and reader.
//
// Layout (before gzip), every integer an unsigned LEB128 varint unless said otherwise:
//   "VNGEO1\n"  unitCount
//   per unit:   codeLength, code (ASCII), partCount, per part: ringCount, per ring: pointCount
//   coordinates: for every point of every ring in that order, longitude then latitude as
//                zigzag varints of the difference to the previous point (the first from 0, 0),
//                in millionths of a degree (the source's own precision, so the encoding is lossless).
// Rings are stored without their closing point (it repeats the first). The first ring of a part is
// its exterior (counter-clockwise), the others its holes (clockwise), as RFC 7946 asks.
//
// In memory the points are PackedPoints: 16-bit differences, 4 bytes a point instead of 8 as two Int32
// (the FULL communes' ~7 million points take ~30 MB instead of ~57 MB). Consecutive vertices lie within
// ±32,767 millionths of a degree (~3.6 km) of each other but for ~4,000 of them (mostly a ring's first
// point after the previous ring), so a point is the one before it plus its difference, except every
// ANCHOR_EVERY-th point and those few, which are stored whole. A PointCursor reads them: in order at the
// cost of an addition, or from any point through its anchor (ANCHOR_EVERY / 2 additions on average).
import { readFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";

const MAGIC = "VNGEO1\n";
/** Coordinates are stored as integers in this many units per degree. */
export const SCALE = 1e6;

/** Boundaries as flat typed arrays: what point lookup works on, never GeoJSON objects. */
export interface FlatGeometries {
  codes: string[];
  /** unitParts[u] .. unitParts[u + 1]: the parts (polygons) of unit u. */
  unitParts: Uint32Array;
  /** partRings[p] .. partRings[p + 1]: the rings of part p; the first is its exterior. */
  partRings: Uint32Array;
  /** ringPoints[r] .. ringPoints[r + 1]: the points of ring r (without the closing point). */
  ringPoints: Uint32Array;
  /** Every point of every ring in that order, (longitude, latitude) × SCALE; read through a PointCursor. */
  points: PackedPoints;
}

/** log2 of ANCHOR_EVERY: every 16th point is stored whole, so a cursor reaches any point in at most 15 additions. */
const ANCHOR_SHIFT = 4;
export const ANCHOR_EVERY = 1 << ANCHOR_SHIFT;
/** The x difference that marks a point stored whole (an anchor, or a difference beyond 16 bits). */
const WHOLE = -0x8000;
const fitsDelta = (d: number) => d > WHOLE && d <= 0x7fff;

/** Points as 16-bit differences to the point before, with the points that are stored whole (see the header). */
export interface PackedPoints {
  count: number;
  /** (dx, dy) of point i at 2i, 2i + 1; dx = WHOLE: point i is stored whole (its dy is 0). */
  deltas: Int16Array;
  /** Point k × ANCHOR_EVERY, whole: (x, y) at 2k, 2k + 1. */
  anchors: Int32Array;
  /** The other points stored whole: their indices, ascending, and (x, y) at 2j, 2j + 1. */
  escapes: Uint32Array;
  escaped: Int32Array;
}

/** Packs points given as (x, y) pairs, (x0, y0, x1, y1, …). */
export class PointPacker {
  private readonly deltas: Int16Array;
  private readonly anchors: Int32Array;
  private readonly escapes: number[] = [];
  private readonly escaped: number[] = [];
  private count = 0;
  private x = 0;
  private y = 0;
  constructor(private readonly capacity: number) {
    this.deltas = new Int16Array(2 * capacity);
    this.anchors = new Int32Array(2 * Math.ceil(capacity / ANCHOR_EVERY));
  }
  add(x: number, y: number): void {
    const i = this.count++;
    if (i >= this.capacity) throw new Error("more points than packed for");
    const dx = x - this.x;
    const dy = y - this.y;
    if ((i & (ANCHOR_EVERY - 1)) === 0) {
      this.deltas[2 * i] = WHOLE;
      this.anchors[2 * (i >>> ANCHOR_SHIFT)] = x;
      this.anchors[2 * (i >>> ANCHOR_SHIFT) + 1] = y;
    } else if (fitsDelta(dx) && fitsDelta(dy)) {
      this.deltas[2 * i] = dx;
      this.deltas[2 * i + 1] = dy;
    } else {
      this.deltas[2 * i] = WHOLE;
      this.escapes.push(i);
      this.escaped.push(x, y);
    }
    this.x = x;
    this.y = y;
  }
  finish(): PackedPoints {
    if (this.count !== this.capacity) throw new Error(`packed ${this.count} points of ${this.capacity}`);
    return { count: this.count, deltas: this.deltas, anchors: this.anchors, escapes: Uint32Array.from(this.escapes), escaped: Int32Array.from(this.escaped) };
  }
}

/**
 * Reads packed points: seek(i) moves to point i, next() to the point after; x and y are the current point's.
 * One cursor per loop; it holds no more than the point it is on.
 */
export class PointCursor {
  x = 0;
  y = 0;
  private index = -1;
  private readonly deltas: Int16Array;
  constructor(private readonly points: PackedPoints) {
    this.deltas = points.deltas;
  }
  next(): void {
    const i = ++this.index;
    const dx = this.deltas[2 * i]!;
    if (dx === WHOLE) this.whole(i);
    else {
      this.x += dx;
      this.y += this.deltas[2 * i + 1]!;
    }
  }
  seek(i: number): void {
    if (!(i >= 0 && i < this.points.count)) throw new RangeError(`point ${i} of ${this.points.count}`);
    const anchor = i & ~(ANCHOR_EVERY - 1);
    this.whole(anchor);
    // Summed in locals: the walk from the anchor is most of a raster lookup's reading of points.
    const deltas = this.deltas;
    let x = this.x;
    let y = this.y;
    for (let k = anchor + 1; k <= i; k++) {
      const dx = deltas[2 * k]!;
      if (dx === WHOLE) {
        this.whole(k);
        x = this.x;
        y = this.y;
      } else {
        x += dx;
        y += deltas[2 * k + 1]!;
      }
    }
    this.x = x;
    this.y = y;
    this.index = i;
  }
  /** Point i, stored whole: an anchor, or one of the escapes (found by binary search; there are few). */
  private whole(i: number): void {
    if ((i & (ANCHOR_EVERY - 1)) === 0) {
      this.x = this.points.anchors[2 * (i >>> ANCHOR_SHIFT)]!;
      this.y = this.points.anchors[2 * (i >>> ANCHOR_SHIFT) + 1]!;
      return;
    }
    const { escapes, escaped } = this.points;
    const low = lowerBound(escapes, i);
    if (escapes[low] !== i) throw new Error(`point ${i} is marked whole but not stored`);
    this.x = escaped[2 * low]!;
    this.y = escaped[2 * low + 1]!;
  }
}

/** The first index of an ascending array whose value is not below `value` (the last index if none is). */
export function lowerBound(sorted: Uint32Array, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** One unit's geometry as integer rings: parts → rings → [lon0, lat0, lon1, lat1, …] (open rings). */
export type IntPolygon = number[][];
export interface IntUnit {
  code: string;
  parts: IntPolygon[];
}

class ByteWriter {
  private buf = Buffer.alloc(1 << 20);
  length = 0;
  private ensure(extra: number) {
    if (this.length + extra <= this.buf.length) return;
    const next = Buffer.alloc(Math.max(this.buf.length * 2, this.length + extra));
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }
  uvarint(value: number) {
    this.ensure(10);
    let v = value;
    while (v >= 0x80) {
      this.buf[this.length++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buf[this.length++] = v;
  }
  svarint(value: number) {
    this.uvarint(value >= 0 ? value * 2 : -value * 2 - 1);
  }
  ascii(text: string) {
    this.ensure(text.length);
    this.length += this.buf.write(text, this.length, "latin1");
  }
  bytes(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}

export function encodeGeometries(units: IntUnit[]): Buffer {
  const out = new ByteWriter();
  out.ascii(MAGIC);
  out.uvarint(units.length);
  for (const unit of units) {
    out.uvarint(unit.code.length);
    out.ascii(unit.code);
    out.uvarint(unit.parts.length);
    for (const part of unit.parts) {
      out.uvarint(part.length);
      for (const ring of part) out.uvarint(ring.length / 2);
    }
  }
  let x = 0;
  let y = 0;
  for (const unit of units)
    for (const part of unit.parts)
      for (const ring of part)
        for (let i = 0; i < ring.length; i += 2) {
          out.svarint(ring[i]! - x);
          out.svarint(ring[i + 1]! - y);
          x = ring[i]!;
          y = ring[i + 1]!;
        }
  return gzipSync(out.bytes(), { level: 9 });
}

/**
 * Reads and decodes a boundary file, its two buffers (the gzip as read and inflated, ~40 MB for the
 * FULL communes) given back as soon as it is decoded.
 *
 * Why by hand: a buffer's memory leaves the process when the garbage collector finds it dead. Decoding
 * takes long enough (about half a second, on the first point lookup, under load) for both buffers to
 * be moved to V8's old generation, which is collected seconds later: sampled every 100 ms under 50
 * clients of point lookups, the server's resident memory climbed to ~248 MB before dropping by ~40 MB
 * at that collection, against ~225 MB steady (issue 18's peak RSS target is 250 MB).
 * Transferring each ArrayBuffer (structuredClone with `transfer`) detaches it and hands its memory to a
 * new, unreferenced ArrayBuffer, which the next young-generation collection (milliseconds away) frees.
 * Node 20 has no ArrayBuffer.prototype.transfer, which would do the same.
 */
export function readGeometryFile(path: string): FlatGeometries {
  const gzipped = readFileSync(path);
  const geometries = decodeGeometries(gzipped, { release: true });
  release(gzipped);
  return geometries;
}

/**
 * Gives the memory of a buffer this module made back at the next young-generation collection (see
 * readGeometryFile); the buffer is unusable after. Never one from Node's shared pool of small buffers.
 */
function release(buffer: Uint8Array): void {
  if (buffer.buffer instanceof ArrayBuffer && buffer.buffer.byteLength > Buffer.poolSize) {
    structuredClone(buffer.buffer, { transfer: [buffer.buffer] });
  }
}

export function decodeGeometries(gzipped: Uint8Array, options: { release?: boolean } = {}): FlatGeometries {
  // Inflated into one buffer of the size the gzip trailer gives (plus room to see the end): in chunks of the
  // default 16 kB, the scattered chunks and their concatenation would leave ~20 MB of freed memory in the
  // process after a FULL file is decoded.
  const size = gzipped.length >= 4 ? new DataView(gzipped.buffer, gzipped.byteOffset + gzipped.length - 4).getUint32(0, true) : 0;
  const bytes = gunzipSync(gzipped, { chunkSize: Math.max(size + 1024, 64 * 1024) });
  let pos = 0;
  const uvarint = (): number => {
    let result = 0;
    let factor = 1;
    for (;;) {
      const b = bytes[pos++]!;
      result += (b & 0x7f) * factor;
      if (b < 0x80) return result;
      factor *= 128;
    }
  };
  if (bytes.toString("latin1", 0, MAGIC.length) !== MAGIC) throw new Error("not a vngov boundary file (bad magic)");
  pos = MAGIC.length;
  const unitCount = uvarint();
  const codes: string[] = [];
  const unitParts: number[] = [0];
  const partRings: number[] = [0];
  const ringPoints: number[] = [0];
  for (let u = 0; u < unitCount; u++) {
    const length = uvarint();
    codes.push(bytes.toString("latin1", pos, pos + length));
    pos += length;
    const parts = uvarint();
    for (let p = 0; p < parts; p++) {
      const rings = uvarint();
      for (let r = 0; r < rings; r++) ringPoints.push(ringPoints[ringPoints.length - 1]! + uvarint());
      partRings.push(partRings[partRings.length - 1]! + rings);
    }
    unitParts.push(unitParts[unitParts.length - 1]! + parts);
  }
  const pointCount = ringPoints[ringPoints.length - 1]!;
  const packer = new PointPacker(pointCount);
  let x = 0;
  let y = 0;
  for (let i = 0; i < pointCount; i++) {
    let z = uvarint();
    x += z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    z = uvarint();
    y += z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    packer.add(x, y);
  }
  if (pos !== bytes.length) throw new Error("vngov boundary file has trailing bytes");
  if (options.release) release(bytes);
  return {
    codes,
    unitParts: Uint32Array.from(unitParts),
    partRings: Uint32Array.from(partRings),
    ringPoints: Uint32Array.from(ringPoints),
    points: packer.finish(),
  };
}

/** Unit u of a decoded file as a GeoJSON MultiPolygon in degrees (rings closed). */
export function unitToGeoJSON(geometries: FlatGeometries, unit: number): { type: "MultiPolygon"; coordinates: number[][][][] } {
  const { unitParts, partRings, ringPoints } = geometries;
  const point = new PointCursor(geometries.points);
  const polygons: number[][][][] = [];
  for (let p = unitParts[unit]!; p < unitParts[unit + 1]!; p++) {
    const rings: number[][][] = [];
    for (let r = partRings[p]!; r < partRings[p + 1]!; r++) {
      const ring: number[][] = [];
      for (let i = ringPoints[r]!; i < ringPoints[r + 1]!; i++) {
        if (i === ringPoints[r]) point.seek(i);
        else point.next();
        ring.push([point.x / SCALE, point.y / SCALE]);
      }
      ring.push([...ring[0]!]);
      rings.push(ring);
    }
    polygons.push(rings);
  }
  return { type: "MultiPolygon", coordinates: polygons };
}
