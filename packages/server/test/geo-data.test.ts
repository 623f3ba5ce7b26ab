// The committed boundary files: every unit at every level is valid RFC 7946 GeoJSON, the simplified levels
// tile each province without gaps or overlaps, islands survive, neighbours are symmetric.
import polygonClipping, { type MultiPolygon as ClipMultiPolygon } from "polygon-clipping";
import { describe, expect, it } from "vitest";
import { allCommuneFacts, communeBoundary, provinceBoundary, type BoundaryDetail, type MultiPolygon } from "../src/geo/store.js";
import communes from "../../../prisma/data/communes.json" with { type: "json" };
import provinces from "../../../prisma/data/provinces.json" with { type: "json" };

const LEVELS: BoundaryDetail[] = ["LOW", "MEDIUM", "FULL"];

/** Signed planar area of a ring in square degrees (positive = counter-clockwise); enough to compare areas and windings. */
function ringArea(ring: number[][]): number {
  const [x0, y0] = ring[0] as [number, number];
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += (ring[i]![0]! - x0) * (ring[i + 1]![1]! - y0) - (ring[i + 1]![0]! - x0) * (ring[i]![1]! - y0);
  return sum / 2;
}
const area = (g: { coordinates: number[][][][] } | ClipMultiPolygon) =>
  ("coordinates" in g ? g.coordinates : g).reduce((s, polygon) => s + polygon.reduce((t, ring, i) => t + (i === 0 ? 1 : -1) * Math.abs(ringArea(ring)), 0), 0);

function expectValidMultiPolygon(geometry: MultiPolygon | undefined, what: string) {
  expect(geometry?.type, what).toBe("MultiPolygon");
  expect(geometry!.coordinates.length, what).toBeGreaterThan(0);
  for (const polygon of geometry!.coordinates) {
    polygon.forEach((ring, index) => {
      if (ring.length < 4) throw new Error(`${what}: ring of ${ring.length} positions`);
      const [first, last] = [ring[0]!, ring[ring.length - 1]!];
      if (first[0] !== last[0] || first[1] !== last[1]) throw new Error(`${what}: ring not closed`);
      for (const [x, y] of ring) if (!(x! >= 102 && x! <= 118 && y! >= 6 && y! <= 24)) throw new Error(`${what}: position ${x},${y} outside Vietnam's extent`);
      // RFC 7946 §3.1.6: exteriors counter-clockwise, holes clockwise.
      const signed = ringArea(ring);
      if (index === 0 ? !(signed > 0) : !(signed < 0)) throw new Error(`${what}: ${index === 0 ? "exterior" : "hole"} ring wound the wrong way`);
    });
  }
}

describe("boundary files", () => {
  it("hold every unit of the registry, and nothing else", () => {
    const codes = allCommuneFacts().map((c) => c.code).sort();
    expect(codes).toEqual(communes.map((c) => c.code).sort());
    expect(codes).toContain("06970"); // Ba Chẽ, keyed to the registry's code, not the GIS files' 06978
    expect(codes).not.toContain("06978");
  });

  it("give every unit and province a valid GeoJSON boundary at every detail level", () => {
    for (const level of LEVELS) {
      for (const c of communes) expectValidMultiPolygon(communeBoundary(c.code, level), `${c.code} ${level}`);
      for (const p of provinces) expectValidMultiPolygon(provinceBoundary(p.code, level), `province ${p.code} ${level}`);
    }
  });

  it("keep every island of every special zone at every level", () => {
    for (const zone of communes.filter((c) => c.type === "SPECIAL_ZONE")) {
      const full = communeBoundary(zone.code, "FULL")!.coordinates.length;
      expect(communeBoundary(zone.code, "MEDIUM")!.coordinates.length, zone.fullName).toBe(full);
      expect(communeBoundary(zone.code, "LOW")!.coordinates.length, zone.fullName).toBe(full);
    }
    expect(communeBoundary("22736", "LOW")!.coordinates.length).toBe(140); // Trường Sa
  });

  it("simplify less at MEDIUM than at LOW", () => {
    const points = (level: BoundaryDetail) => communes.reduce((n, c) => n + communeBoundary(c.code, level)!.coordinates.flat(2).length, 0);
    const [low, medium, full] = LEVELS.map(points) as [number, number, number];
    expect(low).toBeLessThan(medium);
    expect(medium).toBeLessThan(full / 4);
  });

  it("tile each province at LOW and MEDIUM: commune areas add up to the province's, no new holes (gaps)", () => {
    // Tolerance: 0.05 % of the province's area (rounding of vertices to 1e-6 degree).
    for (const level of ["LOW", "MEDIUM"] as const) {
      for (const p of provinces) {
        const sum = communes.filter((c) => c.provinceCode === p.code).reduce((s, c) => s + area(communeBoundary(c.code, level)!), 0);
        const whole = provinceBoundary(p.code, level)!;
        expect(Math.abs(sum - area(whole)) / area(whole), `${p.code} ${level}`).toBeLessThan(0.0005);
        const holes = (g: MultiPolygon) => g.coordinates.reduce((n, polygon) => n + polygon.length - 1, 0);
        expect(holes(whole), `${p.code} ${level}: holes`).toBeLessThanOrEqual(holes(provinceBoundary(p.code, "FULL")!));
      }
    }
  });

  it("leave no overlap between neighbours at LOW and MEDIUM (sample of 150 adjacent pairs)", () => {
    const facts = allCommuneFacts();
    const pairs: [string, string][] = [];
    for (let i = 0; pairs.length < 150; i += 21) {
      const c = facts[i % facts.length]!;
      if (c.neighbours.length) pairs.push([c.code, c.neighbours[i % c.neighbours.length]!]);
    }
    for (const level of ["LOW", "MEDIUM"] as const)
      for (const [a, b] of pairs) {
        const A = communeBoundary(a, level)!.coordinates as ClipMultiPolygon;
        const B = communeBoundary(b, level)!.coordinates as ClipMultiPolygon;
        const overlap = area(polygonClipping.intersection(A, B));
        // Tolerance: 0.01 % of the smaller unit.
        expect(overlap / Math.min(area({ coordinates: A }), area({ coordinates: B })), `${a}/${b} ${level}`).toBeLessThan(0.0001);
      }
  });

  it("list neighbours symmetrically, never the unit itself", () => {
    const byCode = new Map(allCommuneFacts().map((c) => [c.code, new Set(c.neighbours)]));
    for (const [code, set] of byCode) {
      expect(set.has(code)).toBe(false);
      for (const other of set) expect(byCode.get(other)?.has(code), `${code} ↔ ${other}`).toBe(true);
    }
  });
});
