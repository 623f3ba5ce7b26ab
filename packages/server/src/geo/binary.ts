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
  /** Point i is (coords[2i], coords[2i + 1]) = (longitude, latitude) × SCALE. */
  coords: Int32Array;
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

export function decodeGeometries(gzipped: Uint8Array): FlatGeometries {
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
  const coords = new Int32Array(pointCount * 2);
  let previous = 0;
  let previousY = 0;
  for (let i = 0; i < coords.length; i += 2) {
    let z = uvarint();
    previous += z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    z = uvarint();
    previousY += z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    coords[i] = previous;
    coords[i + 1] = previousY;
  }
  if (pos !== bytes.length) throw new Error("vngov boundary file has trailing bytes");
  return {
    codes,
    unitParts: Uint32Array.from(unitParts),
    partRings: Uint32Array.from(partRings),
    ringPoints: Uint32Array.from(ringPoints),
    coords,
  };
}

/** Unit u of a decoded file as a GeoJSON MultiPolygon in degrees (rings closed). */
export function unitToGeoJSON(geometries: FlatGeometries, unit: number): { type: "MultiPolygon"; coordinates: number[][][][] } {
  const { unitParts, partRings, ringPoints, coords } = geometries;
  const polygons: number[][][][] = [];
  for (let p = unitParts[unit]!; p < unitParts[unit + 1]!; p++) {
    const rings: number[][][] = [];
    for (let r = partRings[p]!; r < partRings[p + 1]!; r++) {
      const ring: number[][] = [];
      for (let i = ringPoints[r]!; i < ringPoints[r + 1]!; i++) ring.push([coords[2 * i]! / SCALE, coords[2 * i + 1]! / SCALE]);
      ring.push([...ring[0]!]);
      rings.push(ring);
    }
    polygons.push(rings);
  }
  return { type: "MultiPolygon", coordinates: polygons };
}
