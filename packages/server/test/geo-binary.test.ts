// The boundary files' encoding and the packed points they decode into (src/geo/binary.ts): every point comes
// back as written, read in order or from any point, across anchors, for differences at and beyond 16 bits.
// The raster test compares two readers of the same packed points, so an error they share would pass there.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ANCHOR_EVERY, decodeGeometries, encodeGeometries, PointCursor, readGeometryFile, SCALE, unitToGeoJSON, type IntUnit } from "../src/geo/binary.js";
import { geoDir } from "../src/geo/store.js";
import { seededRandom } from "./helpers.js";

/** Units whose rings walk in steps of every size that matters: small, at the 16-bit edges, and beyond. */
function walkingUnits(): IntUnit[] {
  const random = seededRandom(20250701);
  const steps = [0, 1, -1, 32_767, -32_767, 32_768, -32_768, 32_769, -32_769, 1_000_000, -5_000_000];
  let x = 105_000_000;
  let y = 21_000_000;
  const units: IntUnit[] = [];
  for (let u = 0; u < 40; u++) {
    const parts = [];
    for (let p = 0; p < 1 + (u % 3); p++) {
      const rings = [];
      for (let r = 0; r < 1 + (p % 2); r++) {
        const ring: number[] = [];
        // Lengths around and across anchor spacing, so rings start and end on both sides of anchors.
        const length = 3 + Math.floor(random() * 3 * ANCHOR_EVERY);
        for (let i = 0; i < length; i++) {
          const pick = random();
          const step = () => (pick < 0.6 ? Math.round((random() - 0.5) * 2_000) : steps[Math.floor(random() * steps.length)]!);
          x += step();
          y += step();
          ring.push(x, y);
        }
        rings.push(ring);
      }
      parts.push(rings);
    }
    units.push({ code: String(u).padStart(5, "0"), parts });
  }
  return units;
}

describe("boundary file encoding", () => {
  it("gives back every point of every ring, in order and from any point", () => {
    const units = walkingUnits();
    const written = units.flatMap((unit) => unit.parts.flatMap((part) => part.flatMap((ring) => ring)));
    const geometries = decodeGeometries(encodeGeometries(units));
    expect(geometries.codes).toEqual(units.map((unit) => unit.code));
    expect(geometries.points.count * 2).toBe(written.length);
    // The walk reaches 16-bit differences and beyond, so whole points besides the anchors are exercised.
    expect(geometries.points.escapes.length).toBeGreaterThan(20);

    const cursor = new PointCursor(geometries.points);
    const inOrder: number[] = [];
    for (let i = 0; i < geometries.points.count; i++) {
      if (i === 0) cursor.seek(0);
      else cursor.next();
      inOrder.push(cursor.x, cursor.y);
    }
    expect(inOrder).toEqual(written);
    const fromAnyPoint: number[] = [];
    for (let i = geometries.points.count - 1; i >= 0; i--) {
      cursor.seek(i);
      fromAnyPoint.unshift(cursor.x, cursor.y);
    }
    expect(fromAnyPoint).toEqual(written);
    expect(() => cursor.seek(geometries.points.count)).toThrow(RangeError);
  });

  it("gives every unit back as a closed GeoJSON MultiPolygon in degrees", () => {
    const units = walkingUnits();
    const geometries = decodeGeometries(encodeGeometries(units));
    units.forEach((unit, index) => {
      const expected = unit.parts.map((part) =>
        part.map((ring) => {
          const positions = [];
          for (let i = 0; i < ring.length; i += 2) positions.push([ring[i]! / SCALE, ring[i + 1]! / SCALE]);
          return [...positions, positions[0]];
        }),
      );
      expect(unitToGeoJSON(geometries, index)).toEqual({ type: "MultiPolygon", coordinates: expected });
    });
  });

  it("reads the committed FULL communes' points alike in order and from any point, within Vietnam's extent", () => {
    const { points } = decodeGeometries(readFileSync(`${geoDir}/communes-full.bin.gz`));
    expect(points.count).toBeGreaterThan(7_000_000);
    const inOrder = new PointCursor(points);
    const fromAnyPoint = new PointCursor(points);
    let differing = 0;
    let outside = 0;
    for (let i = 0; i < points.count; i++) {
      if (i === 0) inOrder.seek(0);
      else inOrder.next();
      if (!(inOrder.x >= 102 * SCALE && inOrder.x <= 118 * SCALE && inOrder.y >= 6 * SCALE && inOrder.y <= 24 * SCALE)) outside++;
      if (i % 7 === 0) {
        fromAnyPoint.seek(i);
        if (fromAnyPoint.x !== inOrder.x || fromAnyPoint.y !== inOrder.y) differing++;
      }
    }
    expect({ differing, outside }).toEqual({ differing: 0, outside: 0 });
  });
});

describe("reading a boundary file", () => {
  // In a child process with the garbage collector exposed: after reading the FULL communes, one
  // young-generation collection must leave only the decoded arrays. Decoding without giving the
  // buffers back (decodeGeometries over readFileSync, as before) leaves the ~40 MB of the gzip and
  // its inflated bytes counted until a full collection.
  it("gives the gzip and its inflated bytes back at the next young-generation collection", () => {
    const binary = fileURLToPath(new URL("../src/geo/binary.ts", import.meta.url));
    const script = `
      const { readGeometryFile } = await import(${JSON.stringify(binary)});
      gc();
      const before = process.memoryUsage().arrayBuffers;
      const g = readGeometryFile(${JSON.stringify(`${geoDir}/communes-full.bin.gz`)});
      // Young-generation collections only (a full one would free the buffers either way); freed backing
      // stores leave the count once swept, which may finish after gc() returns: collect and wait, a few times.
      for (let i = 0; i < 3; i++) {
        gc({ type: "minor" });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const kept = [g.unitParts, g.partRings, g.ringPoints, g.points.deltas, g.points.anchors, g.points.escapes, g.points.escaped]
        .reduce((sum, array) => sum + array.byteLength, 0);
      console.log(JSON.stringify({ grew: process.memoryUsage().arrayBuffers - before, kept, units: g.codes.length }));`;
    const output = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" });
    const { grew, kept, units } = JSON.parse(output) as { grew: number; kept: number; units: number };
    expect(units).toBe(3321);
    expect(kept).toBeGreaterThan(25e6);
    // The arrays themselves, and at most a megabyte besides; not the 19 MB gzip or the 21 MB it inflates to.
    expect(grew).toBeLessThan(kept + 1e6);
  });

  it("decodes as decodeGeometries decodes the same bytes", () => {
    const file = `${geoDir}/communes-low.bin.gz`;
    expect(readGeometryFile(file)).toEqual(decodeGeometries(readFileSync(file)));
  });
});
