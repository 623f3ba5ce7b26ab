// Boundaries in memory: loaded lazily, once per process, from the committed files of prisma/data/geo.
//
// Nothing is read at start-up. The first point lookup or FULL commune boundary decodes the full geometry
// (~7 million points) into packed points (binary.ts: 16-bit differences, ~32 MB instead of ~57 MB as two
// Int32 each); the first point lookup also rasterises it (raster.ts; ~0.3 s, ~5 MB): RSS +~30 MB in all,
// bench/RESULTS.md's "boundary index loaded". The first request for a boundary at another level or of a province decodes
// that file (LOW communes ~1 MB, MEDIUM ~10 MB in memory); the first area, center or neighbour list reads
// units.json. Each stays in memory for the life of the process.
import { readFileSync } from "node:fs";
import Flatbush from "flatbush";
import { z } from "zod";
import { dataDir } from "../data/files.js";
import { PointCursor, readGeometryFile, SCALE, unitToGeoJSON, type FlatGeometries } from "./binary.js";
import { buildRaster, rasterUnitAt, type PointRaster } from "./raster.js";

export const geoDir = `${dataDir}/geo`;

export type BoundaryDetail = "LOW" | "MEDIUM" | "FULL";
export interface MultiPolygon {
  type: "MultiPolygon";
  coordinates: number[][][][];
}

const point = z.tuple([z.number(), z.number()]);
const unitsFile = z.object({
  provinces: z.array(z.object({ code: z.string(), areaKm2: z.number(), sourceAreaKm2: z.number().nullable(), center: point })),
  communes: z.array(
    z.object({
      code: z.string(),
      provinceCode: z.string(),
      areaKm2: z.number(),
      sourceAreaKm2: z.number().nullable(),
      center: point,
      neighbours: z.array(z.string()),
    }),
  ),
});
export type UnitFacts = z.infer<typeof unitsFile>;
export type CommuneFacts = UnitFacts["communes"][number];
export type ProvinceFacts = UnitFacts["provinces"][number];

function lazy<T>(load: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= load());
}

const facts = lazy(() => {
  const parsed = unitsFile.parse(JSON.parse(readFileSync(`${geoDir}/units.json`, "utf8")));
  return {
    provinces: new Map(parsed.provinces.map((p) => [p.code, p])),
    communes: new Map(parsed.communes.map((c) => [c.code, c])),
  };
});

export const provinceFacts = (code: string): ProvinceFacts | undefined => facts().provinces.get(code);
export const communeFacts = (code: string): CommuneFacts | undefined => facts().communes.get(code);
export const allCommuneFacts = (): CommuneFacts[] => [...facts().communes.values()];

/**
 * Side of a raster cell, in integer units (0.004°, ~440 m): ~236,000 runs of which ~116,000 mixed, ~5 MB,
 * ~100 edges to test for a point in a mixed run. Halving it doubles the memory and saves little time;
 * doubling it makes the ray casts near boundaries longer.
 */
const RASTER_CELL = 0.004 * SCALE;

/** The full commune geometry, decoded once for FULL boundaries and point lookup. */
const fullCommunes = lazy(() => {
  const geometries = readGeometryFile(`${geoDir}/communes-full.bin.gz`);
  const { unitParts } = geometries;
  const partUnit = new Uint16Array(unitParts[unitParts.length - 1]!);
  for (let unit = 0; unit < geometries.codes.length; unit++) partUnit.fill(unit, unitParts[unit], unitParts[unit + 1]);
  return { geometries, partUnit, unitByCode: new Map(geometries.codes.map((code, i) => [code, i])) };
});

/** The full commune geometry and its raster: what point lookup runs on. */
export interface PointIndex {
  geometries: FlatGeometries;
  /** Unit index of every part (polygon). */
  partUnit: Uint16Array;
  raster: PointRaster;
}

export const pointIndex = lazy((): PointIndex => {
  const { geometries, partUnit } = fullCommunes();
  return { geometries, partUnit, raster: buildRaster(geometries, partUnit, RASTER_CELL) };
});

/**
 * The code of the commune-level unit whose full boundary contains the point, or null (at sea, abroad,
 * between islands): the answer of communeCodeAtExact, from the raster.
 */
export function communeCodeAt(latitude: number, longitude: number): string | null {
  const { geometries, raster } = pointIndex();
  const unit = rasterUnitAt(raster, longitude * SCALE, latitude * SCALE);
  return unit === -1 ? null : geometries.codes[unit]!;
}

/** A Flatbush index over the bounding boxes of the parts (exterior rings), for communeCodeAtExact only. */
const partIndex = lazy(() => {
  const { partRings, ringPoints, points } = fullCommunes().geometries;
  const partCount = partRings.length - 1;
  const index = new Flatbush(partCount, 16, Int32Array);
  const point = new PointCursor(points);
  for (let part = 0; part < partCount; part++) {
    const ring = partRings[part]!;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    point.seek(ringPoints[ring]!);
    for (let i = ringPoints[ring]!; i < ringPoints[ring + 1]!; i++) {
      if (i > ringPoints[ring]!) point.next();
      const { x, y } = point;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    index.add(minX, minY, maxX, maxY);
  }
  index.finish();
  return index;
});

/** Even-odd ray cast over every ring of a part (exterior and holes), on the integer coordinates. */
function partContains({ partRings, ringPoints, points }: FlatGeometries, part: number, x: number, y: number): boolean {
  const point = new PointCursor(points);
  let inside = false;
  for (let ring = partRings[part]!; ring < partRings[part + 1]!; ring++) {
    const first = ringPoints[ring]!;
    const last = ringPoints[ring + 1]! - 1;
    point.seek(last);
    let xj = point.x;
    let yj = point.y;
    point.seek(first);
    for (let i = first; i <= last; i++) {
      if (i > first) point.next();
      const xi = point.x;
      const yi = point.y;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      xj = xi;
      yj = yi;
    }
  }
  return inside;
}

/**
 * The definition communeCodeAt answers by, kept as the reference its tests compare with: the even-odd ray
 * cast over every ring of every part whose bounding box holds the point. Should borders overlap in the
 * source, the unit with the lower index (so code) wins, always the same.
 */
export function communeCodeAtExact(latitude: number, longitude: number): string | null {
  const { geometries, partUnit } = fullCommunes();
  const x = longitude * SCALE;
  const y = latitude * SCALE;
  let found = -1;
  for (const part of partIndex().search(x, y, x, y)) {
    const unit = partUnit[part]!;
    if ((found === -1 || unit < found) && partContains(geometries, part, x, y)) found = unit;
  }
  return found === -1 ? null : geometries.codes[found]!;
}

type Kind = "communes" | "provinces";

/** Decoded boundary files other than the point index's: one per kind and display level, each loaded on first use. */
const files = new Map<string, { geometries: FlatGeometries; unitByCode: Map<string, number> }>();
function boundaryFile(kind: Kind, detail: BoundaryDetail) {
  if (kind === "communes" && detail === "FULL") return fullCommunes();
  const name = `${kind}-${detail.toLowerCase()}`;
  let file = files.get(name);
  if (!file) {
    const geometries = readGeometryFile(`${geoDir}/${name}.bin.gz`);
    file = { geometries, unitByCode: new Map(geometries.codes.map((code, i) => [code, i])) };
    files.set(name, file);
  }
  return file;
}

function boundary(kind: Kind, code: string, detail: BoundaryDetail): MultiPolygon | undefined {
  const { geometries, unitByCode } = boundaryFile(kind, detail);
  const unit = unitByCode.get(code);
  return unit === undefined ? undefined : unitToGeoJSON(geometries, unit);
}

/** A commune-level unit's boundary at a detail level (RFC 7946 winding); undefined for a code without geometry. */
export const communeBoundary = (code: string, detail: BoundaryDetail) => boundary("communes", code, detail);

/** A province's boundary (the union of its communes) at a detail level; undefined for a code without geometry. */
export const provinceBoundary = (code: string, detail: BoundaryDetail) => boundary("provinces", code, detail);

/** Provenance of the boundaries (source, commit, licence, method), as recorded by the build. */
export const geoProvenance = lazy(() => JSON.parse(readFileSync(`${geoDir}/provenance.json`, "utf8")) as Record<string, unknown>);
