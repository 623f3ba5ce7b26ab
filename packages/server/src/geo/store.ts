// Boundaries in memory: loaded lazily, once per process, from the committed files of prisma/data/geo.
//
// Nothing is read at start-up. The first point lookup decodes the full geometry (~7 million points) into
// typed arrays and builds a Flatbush index over the bounding boxes of its ~5,400 polygons (~0.3 s, ~60 MB);
// the first request for a boundary at another level or of a province decodes that file (LOW communes ~1 MB,
// MEDIUM ~10 MB in memory); the first area, center or
// neighbour list reads units.json. Each stays in memory for the life of the process.
import { readFileSync } from "node:fs";
import Flatbush from "flatbush";
import { z } from "zod";
import { dataDir } from "../data/files.js";
import { decodeGeometries, SCALE, unitToGeoJSON, type FlatGeometries } from "./binary.js";

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

/** The full commune geometry and its spatial index: what point lookup runs on. */
export interface PointIndex {
  geometries: FlatGeometries;
  /** Unit index of every part (polygon). */
  partUnit: Uint16Array;
  /** Bounding boxes of the parts, searched by the point's coordinates (× SCALE). */
  index: Flatbush;
  unitByCode: Map<string, number>;
}

export const pointIndex = lazy((): PointIndex => {
  const geometries = decodeGeometries(readFileSync(`${geoDir}/communes-full.bin.gz`));
  const { unitParts, partRings, ringPoints, coords } = geometries;
  const partCount = unitParts[unitParts.length - 1]!;
  const partUnit = new Uint16Array(partCount);
  const index = new Flatbush(partCount, 16, Int32Array);
  for (let unit = 0; unit < geometries.codes.length; unit++) {
    for (let part = unitParts[unit]!; part < unitParts[unit + 1]!; part++) {
      partUnit[part] = unit;
      // The exterior ring bounds the part.
      const ring = partRings[part]!;
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (let i = ringPoints[ring]!; i < ringPoints[ring + 1]!; i++) {
        const x = coords[2 * i]!;
        const y = coords[2 * i + 1]!;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
      index.add(minX, minY, maxX, maxY);
    }
  }
  index.finish();
  return { geometries, partUnit, index, unitByCode: new Map(geometries.codes.map((code, i) => [code, i])) };
});

/** Even-odd ray cast over every ring of a part (exterior and holes), on the integer coordinates. */
function partContains({ partRings, ringPoints, coords }: FlatGeometries, part: number, x: number, y: number): boolean {
  let inside = false;
  for (let ring = partRings[part]!; ring < partRings[part + 1]!; ring++) {
    const first = ringPoints[ring]!;
    const last = ringPoints[ring + 1]! - 1;
    let xj = coords[2 * last]!;
    let yj = coords[2 * last + 1]!;
    for (let i = first; i <= last; i++) {
      const xi = coords[2 * i]!;
      const yi = coords[2 * i + 1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      xj = xi;
      yj = yi;
    }
  }
  return inside;
}

/**
 * The code of the commune-level unit whose full boundary contains the point, or null (at sea, abroad,
 * between islands). Should borders overlap in the source, the unit with the lower code wins, always the same.
 */
export function communeCodeAt(latitude: number, longitude: number): string | null {
  const { geometries, partUnit, index } = pointIndex();
  const x = longitude * SCALE;
  const y = latitude * SCALE;
  let found = -1;
  for (const part of index.search(x, y, x, y)) {
    const unit = partUnit[part]!;
    if ((found === -1 || unit < found) && partContains(geometries, part, x, y)) found = unit;
  }
  return found === -1 ? null : geometries.codes[found]!;
}

type Kind = "communes" | "provinces";

/** Decoded boundary files other than the point index's: one per kind and display level, each loaded on first use. */
const files = new Map<string, { geometries: FlatGeometries; unitByCode: Map<string, number> }>();
function boundaryFile(kind: Kind, detail: BoundaryDetail) {
  if (kind === "communes" && detail === "FULL") return pointIndex();
  const name = `${kind}-${detail.toLowerCase()}`;
  let file = files.get(name);
  if (!file) {
    const geometries = decodeGeometries(readFileSync(`${geoDir}/${name}.bin.gz`));
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
