// Exact point lookup through a raster: most points are answered by a binary search in one row of runs, the
// rest by a ray cast over the few edges near them. Built from the full geometry when the point index loads
// (~0.3 s, ~5 MB for 0.004° cells), in two walks over the edges, so that no list grows and the process keeps
// little memory beyond the result.
//
// The grid covers the geometry's extent with a border of empty cells. A cell is MIXED when some ring edge
// comes within MARGIN of it (closed cells, so an edge along a side marks both neighbours), PURE otherwise.
// No edge crosses a pure cell, so every point of it, and of its whole horizontal run of pure cells, lies in
// the same parts, far enough (≥ MARGIN, ~0.1 m) from every edge that the floating-point ray cast of
// store.ts answers the geometric truth there. Each row is stored run-length encoded: a pure run keeps its
// answer, a mixed run the edges that touch it, as chains of consecutive ring vertices in part order, and
// the parts containing the pure run to its right. A point of a mixed run casts its ray over those edges
// only: an edge that crosses the ray between the point and the next pure cell touches the run, every other
// edge counts alike for the point and for that pure cell. The test per edge is store.ts's own expression,
// so the answer is the full ray cast's bit for bit, points on edges and vertices included. The parts of
// every pure run come from a sweep along its row's centre line from the left, outside every part: each
// mixed run toggles the parts whose edges in it cross that line.
import { lowerBound, PointCursor, type FlatGeometries, type PackedPoints } from "./binary.js";

/** Edges within this distance (integer units, 1e-6 degree) of a cell make it mixed; float error is ~1e-8 units. */
const MARGIN = 1;
/** Edges in one chain at most (its count is 16-bit). */
const MAX_CHAIN = 0xffff;
/** Flag on chainFirst: the chain's first edge closes its ring (from the ring's last vertex to its first). */
const CLOSING = 0x80000000;

export interface PointRaster {
  /** The geometry's points and rings, and the unit of each part, as given to buildRaster. */
  points: PackedPoints;
  point: PointCursor;
  ringPoints: Uint32Array;
  partUnit: Uint16Array;
  /** Grid origin and cell side, in integer units. */
  x0: number;
  y0: number;
  cellSize: number;
  cols: number;
  rows: number;
  /** rowRuns[r] .. rowRuns[r + 1]: the runs of row r, left to right; the first starts at column 0. */
  rowRuns: Uint32Array;
  /** First column of each run. */
  runCol: Uint16Array;
  /** Pure run: unit index + 1 (0: in no unit). Mixed run m: -(m + 1). */
  runValue: Int32Array;
  /** mixedChains[m] .. mixedChains[m + 1]: the chains of mixed run m, in part order. */
  mixedChains: Uint32Array;
  /** mixedBase[m] .. mixedBase[m + 1]: the parts containing the pure run right of mixed run m, ascending. */
  mixedBase: Uint32Array;
  baseParts: Uint16Array;
  /**
   * Chain c: chainCount[c] consecutive edges of a ring of part chainPart[c], the first ending at vertex
   * chainFirst[c] (without the CLOSING flag), each from the vertex before (the ring's last vertex for the first
   * edge if flagged CLOSING).
   */
  chainPart: Uint16Array;
  chainFirst: Uint32Array;
  chainCount: Uint16Array;
}

interface Grid {
  x0: number;
  y0: number;
  cellSize: number;
  rows: number;
}

/** What a walk over the edges reports; see walkEdges. */
interface EdgeVisitor {
  /** An edge comes within MARGIN of the cells c0 .. c1 of the row. */
  touch(row: number, c0: number, c1: number): void;
  /** A new chain, starting with the edge that ends at vertex i (its ring's first if closing); returns its id. */
  open(row: number, c0: number, part: number, i: number, closing: boolean): number;
  /** The chain's edges so far, and the parity of their crossings of its row's centre line. */
  update(chain: number, length: number, cross: number): void;
}

/**
 * Walks every edge of every ring, in order, through the rows of cells it comes within MARGIN of. A chain is
 * a run of consecutive edges of a ring touching one row in overlapping or adjacent columns (so in one mixed
 * run), at most MAX_CHAIN long. Deterministic: every walk sees the same chains in the same order.
 */
function walkEdges({ partRings, ringPoints, points }: FlatGeometries, { x0, y0, cellSize, rows }: Grid, visitor: EdgeVisitor) {
  // The rows the previous and the current edge touch (row, columns, chain, its length and crossings), in
  // two halves that swap at every edge.
  const touchRow = new Int32Array(2 * rows);
  const touchC0 = new Int32Array(2 * rows);
  const touchC1 = new Int32Array(2 * rows);
  const touchChain = new Int32Array(2 * rows);
  const touchLength = new Int32Array(2 * rows);
  const touchCross = new Uint8Array(2 * rows);
  const point = new PointCursor(points);
  for (let part = 0; part < partRings.length - 1; part++) {
    for (let ring = partRings[part]!; ring < partRings[part + 1]!; ring++) {
      const first = ringPoints[ring]!;
      const last = ringPoints[ring + 1]! - 1;
      let previous = 0;
      let previousCount = 0;
      // When the previous edge lay in one cell, MARGIN inside its sides: that box, its row's centre line,
      // and the length and crossings of its chain so far.
      let boxed = false;
      let boxX0 = 0;
      let boxX1 = 0;
      let boxY0 = 0;
      let boxY1 = 0;
      let boxCentre = 0;
      let boxLength = 0;
      let boxCross = 0;
      const leaveBox = () => {
        touchLength[previous] = boxLength;
        touchCross[previous] = boxCross;
        visitor.update(touchChain[previous]!, boxLength, boxCross);
      };
      point.seek(last);
      let xa = point.x;
      let ya = point.y;
      point.seek(first);
      for (let i = first; i <= last; i++) {
        if (i > first) point.next();
        const xb = point.x;
        const yb = point.y;
        // Most edges are short: one that stays in the box touches that cell only, and extends its chain.
        if (boxed && xb >= boxX0 && xb < boxX1 && yb >= boxY0 && yb < boxY1 && boxLength < MAX_CHAIN) {
          boxLength++;
          if (yb > boxCentre !== ya > boxCentre) boxCross ^= 1;
          xa = xb;
          ya = yb;
          continue;
        }
        if (boxed) leaveBox();
        const yLow = ya < yb ? ya : yb;
        const yHigh = ya < yb ? yb : ya;
        const r0 = Math.floor((yLow - MARGIN - y0) / cellSize);
        const r1 = Math.floor((yHigh + MARGIN - y0) / cellSize);
        const current = rows - previous;
        let count = 0;
        for (let row = r0; row <= r1; row++) {
          // The edge within the row's band widened by MARGIN, its x-extent widened by MARGIN.
          let xLow = xa < xb ? xa : xb;
          let xHigh = xa < xb ? xb : xa;
          if (r0 !== r1 && ya !== yb) {
            const bandLow = Math.max(yLow, y0 + row * cellSize - MARGIN);
            const bandHigh = Math.min(yHigh, y0 + (row + 1) * cellSize + MARGIN);
            const xAtLow = xa + ((xb - xa) * (bandLow - ya)) / (yb - ya);
            const xAtHigh = xa + ((xb - xa) * (bandHigh - ya)) / (yb - ya);
            xLow = Math.min(xAtLow, xAtHigh);
            xHigh = Math.max(xAtLow, xAtHigh);
          }
          const c0 = Math.floor((xLow - MARGIN - x0) / cellSize);
          const c1 = Math.floor((xHigh + MARGIN - x0) / cellSize);
          visitor.touch(row, c0, c1);
          const centre = y0 + row * cellSize + cellSize / 2;
          let cross = yb > centre !== ya > centre ? 1 : 0;
          let chain = -1;
          let length = 1;
          for (let k = previous; k < previous + previousCount; k++) {
            if (touchRow[k] === row && touchC0[k]! <= c1 + 1 && c0 <= touchC1[k]! + 1 && touchLength[k]! < MAX_CHAIN) {
              chain = touchChain[k]!;
              length = touchLength[k]! + 1;
              cross ^= touchCross[k]!;
              break;
            }
          }
          if (chain < 0) chain = visitor.open(row, c0, part, i, i === first);
          visitor.update(chain, length, cross);
          touchRow[current + count] = row;
          touchC0[current + count] = c0;
          touchC1[current + count] = c1;
          touchChain[current + count] = chain;
          touchLength[current + count] = length;
          touchCross[current + count] = cross;
          count++;
        }
        previous = current;
        previousCount = count;
        boxed = count === 1 && touchC0[current] === touchC1[current];
        if (boxed) {
          boxX0 = x0 + touchC0[current]! * cellSize + MARGIN;
          boxX1 = boxX0 + cellSize - 2 * MARGIN;
          boxY0 = y0 + r0 * cellSize + MARGIN;
          boxY1 = boxY0 + cellSize - 2 * MARGIN;
          boxCentre = y0 + r0 * cellSize + cellSize / 2;
          boxLength = touchLength[current]!;
          boxCross = touchCross[current]!;
        }
        xa = xb;
        ya = yb;
      }
      if (boxed) leaveBox();
    }
  }
}

/** The raster of the geometry, in cells of cellSize integer units; partUnit gives the unit of every part. */
export function buildRaster(geometries: FlatGeometries, partUnit: Uint16Array, cellSize: number): PointRaster {
  const { ringPoints, points } = geometries;
  const point = new PointCursor(points);
  point.seek(0);
  let minX = point.x;
  let minY = point.y;
  let maxX = minX;
  let maxY = minY;
  for (let i = 1; i < points.count; i++) {
    point.next();
    const { x, y } = point;
    if (x < minX) minX = x;
    else if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    else if (y > maxY) maxY = y;
  }
  // One empty column and row at least on every side, so every row starts and ends in a pure run outside.
  const x0 = (Math.floor((minX - MARGIN) / cellSize) - 1) * cellSize;
  const y0 = (Math.floor((minY - MARGIN) / cellSize) - 1) * cellSize;
  const cols = Math.floor((maxX + MARGIN - x0) / cellSize) + 2;
  const rows = Math.floor((maxY + MARGIN - y0) / cellSize) + 2;
  if (cols > 0xffff) throw new Error("raster too wide for 16-bit columns");
  const grid = { x0, y0, cellSize, rows };

  // 1. Mark the mixed cells (a bit each) and count the chains of every row.
  const words = (cols + 31) >>> 5;
  const mixed = new Int32Array(rows * words);
  const rowChains = new Uint32Array(rows + 1);
  let chainTotal = 0;
  walkEdges(geometries, grid, {
    touch(row, c0, c1) {
      for (let c = c0; c <= c1; c++) mixed[row * words + (c >>> 5)]! |= 1 << (c & 31);
    },
    open(row) {
      rowChains[row + 1]!++;
      return chainTotal++;
    },
    update() {},
  });

  // 2. Runs: one from column 0 in every row, and one more wherever the bits change, counted then written.
  // Mixed runs are numbered in order.
  const forEachChange = (row: number, visit: (col: number, isMixed: boolean) => void) => {
    let carry = 0;
    for (let w = 0; w < words; w++) {
      const word = mixed[row * words + w]!;
      let changes = word ^ ((word << 1) | carry);
      carry = word >>> 31;
      while (changes !== 0) {
        const bit = 31 - Math.clz32(changes & -changes);
        visit(32 * w + bit, ((word >>> bit) & 1) === 1);
        changes &= changes - 1;
      }
    }
  };
  const rowRuns = new Uint32Array(rows + 1);
  for (let row = 0; row < rows; row++) {
    let runs = 1;
    forEachChange(row, () => runs++);
    rowRuns[row + 1] = rowRuns[row]! + runs;
  }
  const runCol = new Uint16Array(rowRuns[rows]!);
  const runValue = new Int32Array(rowRuns[rows]!);
  let mixedCount = 0;
  for (let row = 0; row < rows; row++) {
    let run = rowRuns[row]! + 1;
    forEachChange(row, (col, isMixed) => {
      runCol[run] = col;
      runValue[run++] = isMixed ? -++mixedCount : 0;
    });
  }

  // 3. The chains, written row by row in edge order, then moved within each row to their mixed run's place
  // (stably, so in part order within a run).
  for (let row = 0; row < rows; row++) rowChains[row + 1]! += rowChains[row]!;
  const chainPart = new Uint16Array(chainTotal);
  const chainFirst = new Uint32Array(chainTotal);
  const chainCount = new Uint16Array(chainTotal);
  const chainCross = new Uint8Array(chainTotal);
  const chainRun = new Int32Array(chainTotal);
  const written = rowChains.slice(0, rows);
  walkEdges(geometries, grid, {
    touch() {},
    open(row, c0, part, i, closing) {
      const at = written[row]!++;
      chainPart[at] = part;
      chainFirst[at] = closing ? i + CLOSING : i;
      chainRun[at] = -runValue[runAt(rowRuns, runCol, row, c0)]! - 1;
      return at;
    },
    update(chain, length, cross) {
      chainCount[chain] = length;
      chainCross[chain] = cross;
    },
  });
  const mixedChains = new Uint32Array(mixedCount + 1);
  for (let c = 0; c < chainTotal; c++) mixedChains[chainRun[c]! + 1]!++;
  for (let m = 0; m < mixedCount; m++) mixedChains[m + 1]! += mixedChains[m]!;
  let widest = 0;
  for (let row = 0; row < rows; row++) widest = Math.max(widest, rowChains[row + 1]! - rowChains[row]!);
  const rowPart = new Uint16Array(widest);
  const rowFirst = new Uint32Array(widest);
  const rowCount = new Uint16Array(widest);
  const rowCross = new Uint8Array(widest);
  const rowRun = new Int32Array(widest);
  const place = mixedChains.slice(0, mixedCount);
  for (let row = 0; row < rows; row++) {
    const start = rowChains[row]!;
    const end = rowChains[row + 1]!;
    rowPart.set(chainPart.subarray(start, end));
    rowFirst.set(chainFirst.subarray(start, end));
    rowCount.set(chainCount.subarray(start, end));
    rowCross.set(chainCross.subarray(start, end));
    rowRun.set(chainRun.subarray(start, end));
    for (let k = 0; k < end - start; k++) {
      const at = place[rowRun[k]!]!++;
      chainPart[at] = rowPart[k]!;
      chainFirst[at] = rowFirst[k]!;
      chainCount[at] = rowCount[k]!;
      chainCross[at] = rowCross[k]!;
    }
  }

  // 4. Sweep every row from the left (outside every part) along its centre line: the parts containing the
  // pure run right of a mixed run are those of the pure run left of it, toggled by the mixed run's crossings.
  const mixedBase = new Uint32Array(mixedCount + 1);
  const baseParts: number[] = [];
  const inside: number[] = []; // ascending
  for (let row = 0; row < rows; row++) {
    for (let run = rowRuns[row]!; run < rowRuns[row + 1]!; run++) {
      if (runValue[run]! === 0) {
        runValue[run] = inside.length === 0 ? 0 : partUnit[inside[0]!]! + 1;
        continue;
      }
      const m = -runValue[run]! - 1;
      for (let c = mixedChains[m]!; c < mixedChains[m + 1]!; c++) {
        if (!chainCross[c]) continue;
        const part = chainPart[c]!;
        const at = inside.indexOf(part);
        if (at >= 0) inside.splice(at, 1);
        else {
          inside.push(part);
          inside.sort((a, b) => a - b);
        }
      }
      baseParts.push(...inside);
      mixedBase[m + 1] = baseParts.length;
    }
  }
  return {
    points,
    point: new PointCursor(points),
    ringPoints,
    partUnit,
    x0,
    y0,
    cellSize,
    cols,
    rows,
    rowRuns,
    runCol,
    runValue,
    mixedChains,
    mixedBase,
    baseParts: Uint16Array.from(baseParts),
    chainPart,
    chainFirst,
    chainCount,
  };
}

/** The unit containing the point (integer units, x = longitude × SCALE), or -1: store.ts's full ray cast, exactly. */
export function rasterUnitAt(raster: PointRaster, x: number, y: number): number {
  const col = Math.floor((x - raster.x0) / raster.cellSize);
  const row = Math.floor((y - raster.y0) / raster.cellSize);
  // Outside the grid (or NaN): far from every part.
  if (!(col >= 0 && col < raster.cols && row >= 0 && row < raster.rows)) return -1;
  const value = raster.runValue[runAt(raster.rowRuns, raster.runCol, row, col)]!;
  return value >= 0 ? value - 1 : mixedUnitAt(raster, -value - 1, x, y);
}

/** The run of the row that holds the column (binary search). */
function runAt(rowRuns: Uint32Array, runCol: Uint16Array, row: number, col: number): number {
  let low = rowRuns[row]!;
  let high = rowRuns[row + 1]! - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (runCol[mid]! <= col) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The last vertex of the ring that starts at vertex `first`. */
function ringLast(ringPoints: Uint32Array, first: number): number {
  return ringPoints[lowerBound(ringPoints, first) + 1]! - 1;
}

/** The lowest unit among the parts containing the point: the base parts, each toggled by its edges crossing the ray. */
function mixedUnitAt(raster: PointRaster, m: number, x: number, y: number): number {
  const { point, ringPoints, partUnit, mixedChains, mixedBase, baseParts, chainPart, chainFirst, chainCount } = raster;
  let base = mixedBase[m]!;
  const baseEnd = mixedBase[m + 1]!;
  let c = mixedChains[m]!;
  const end = mixedChains[m + 1]!;
  while (c < end) {
    const part = chainPart[c]!;
    // A base part lower than any part with edges here contains the point: it wins.
    if (base < baseEnd && baseParts[base]! < part) return partUnit[baseParts[base]!]!;
    let inside = base < baseEnd && baseParts[base] === part;
    if (inside) base++;
    do {
      const first = chainFirst[c]!;
      const closing = first >= CLOSING;
      const i0 = closing ? first - CLOSING : first;
      point.seek(closing ? ringLast(ringPoints, i0) : i0 - 1);
      let xj = point.x;
      let yj = point.y;
      const stop = i0 + chainCount[c]!;
      for (let i = i0; i < stop; i++) {
        if (closing && i === i0) point.seek(i0);
        else point.next();
        const xi = point.x;
        const yi = point.y;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
        xj = xi;
        yj = yi;
      }
      c++;
    } while (c < end && chainPart[c] === part);
    if (inside) return partUnit[part]!;
  }
  return base < baseEnd ? partUnit[baseParts[base]!]! : -1;
}
