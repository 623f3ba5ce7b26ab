// Point lookup through the raster (src/geo/raster.ts) answers exactly what the full ray cast
// (communeCodeAtExact) answers: at random over Vietnam's extent, on and next to polygon vertices and edges,
// inside mixed cells, on cell sides and corners, and where source borders overlap. Seeded, so a failure
// reproduces; every point that differs is reported.
import { describe, expect, it } from "vitest";
import { PointCursor, SCALE } from "../src/geo/binary.js";
import { communeCodeAt, communeCodeAtExact, pointIndex } from "../src/geo/store.js";
import { seededRandom } from "./helpers.js";

/** Points in integer units (x = longitude × SCALE), looked up in degrees as the API does. */
type Point = [x: number, y: number];

/** Looks every point up both ways; returns the points that differ and how many lie in a unit. */
function compare(points: Point[]) {
  const differing: string[] = [];
  let inUnit = 0;
  for (const [x, y] of points) {
    const latitude = y / SCALE;
    const longitude = x / SCALE;
    const exact = communeCodeAtExact(latitude, longitude);
    const fast = communeCodeAt(latitude, longitude);
    if (exact !== null) inUnit++;
    if (fast !== exact) differing.push(`(${latitude}, ${longitude}): raster ${fast}, ray cast ${exact}`);
  }
  return { differing: differing.slice(0, 10), differingCount: differing.length, inUnit };
}

/** Whether a point in integer units reaches the lookup unchanged (degrees × SCALE gives it back). */
const exactInUnits = ([x, y]: Point) => (x / SCALE) * SCALE === x && (y / SCALE) * SCALE === y;

describe("point lookup through the raster", () => {
  const { geometries, raster } = pointIndex();
  const { points, ringPoints } = geometries;
  const point = new PointCursor(points);
  const { x0, y0, cellSize, cols, rows, rowRuns, runCol, runValue, mixedBase } = raster;
  const random = seededRandom(20260701);
  const pick = (n: number) => Math.floor(random() * n);

  /** A random edge: its two vertices' coordinates. */
  function randomEdge(): [number, number, number, number] {
    const ring = pick(ringPoints.length - 1);
    const first = ringPoints[ring]!;
    const count = ringPoints[ring + 1]! - first;
    const k = pick(count);
    const a = first + k;
    const b = first + ((k + 1) % count);
    point.seek(a);
    const [xa, ya] = [point.x, point.y];
    point.seek(b);
    return [xa, ya, point.x, point.y];
  }

  /** The mixed runs: row, first column, width in columns, index. */
  const mixedRuns: Array<[number, number, number, number]> = [];
  for (let row = 0; row < rows; row++)
    for (let run = rowRuns[row]!; run < rowRuns[row + 1]!; run++)
      if (runValue[run]! < 0) mixedRuns.push([row, runCol[run]!, (run + 1 < rowRuns[row + 1]! ? runCol[run + 1]! : cols) - runCol[run]!, -runValue[run]! - 1]);

  it("agrees at random over the extent", () => {
    const points = Array.from({ length: 100_000 }, (): Point => [x0 + random() * cols * cellSize, y0 + random() * rows * cellSize]);
    const result = compare(points);
    expect(result.differing).toEqual([]);
    expect(result.inUnit).toBeGreaterThan(10_000);
  });

  it("agrees on vertices, on edges and next to them", () => {
    const points: Point[] = [];
    for (let n = 0; n < 25_000; n++) {
      const [xa, ya, xb, yb] = randomEdge();
      const jitter = [0.5, 1, 1.5, 2, 1e-3][n % 5]!;
      points.push(
        [xa, ya], // a vertex
        [(xa + xb) / 2, (ya + yb) / 2], // on the edge
        [xa + (random() - 0.5) * 2 * jitter, ya + (random() - 0.5) * 2 * jitter],
        [(xa + xb) / 2 + (random() - 0.5) * 2 * jitter, (ya + yb) / 2 + (random() - 0.5) * 2 * jitter],
      );
    }
    // Most of these reach the ray cast exactly on the vertex or edge, not rounded off it.
    expect(points.filter(exactInUnits).length).toBeGreaterThan(points.length / 3);
    const result = compare(points);
    expect(result.differing).toEqual([]);
    expect(result.inUnit).toBeGreaterThan(points.length / 2);
  });

  it("agrees inside mixed cells and on cell sides and corners", () => {
    expect(mixedRuns.length).toBeGreaterThan(10_000);
    const points: Point[] = [];
    for (let n = 0; n < 15_000; n++) {
      const [row, col, length] = mixedRuns[pick(mixedRuns.length)]!;
      // A cell of the run or its pure neighbour on either side.
      const left = x0 + (col - 1 + pick(length + 2)) * cellSize;
      const bottom = y0 + row * cellSize;
      points.push(
        [left + random() * cellSize, bottom + random() * cellSize],
        [left, bottom + random() * cellSize], // on a cell side
        [left + random() * cellSize, bottom], // on a row boundary
        [left, bottom], // a corner
      );
    }
    expect(points.filter(exactInUnits).length).toBeGreaterThan(points.length / 3);
    const result = compare(points);
    expect(result.differing).toEqual([]);
    expect(result.inUnit).toBeGreaterThan(points.length / 2);
  });

  it("agrees where source borders overlap (several parts around a mixed run)", () => {
    const overlapping = mixedRuns.filter(([, , , m]) => mixedBase[m + 1]! - mixedBase[m]! > 1);
    expect(overlapping.length).toBeGreaterThan(0);
    const points: Point[] = [];
    for (const [row, col, length] of overlapping)
      for (let n = 0; n < 2_000; n++) points.push([x0 + (col + random() * (length + 1)) * cellSize, y0 + (row + random()) * cellSize]);
    const result = compare(points);
    expect(result.differing).toEqual([]);
    expect(result.inUnit).toBeGreaterThan(0);
  });

  it("answers null outside the grid and for non-finite coordinates", () => {
    expect(communeCodeAt(0, 0)).toBeNull();
    expect(communeCodeAt(45, 150)).toBeNull();
    expect(communeCodeAt(Number.NaN, 105)).toBeNull();
    expect(communeCodeAt(21, Number.POSITIVE_INFINITY)).toBeNull();
  });
});
