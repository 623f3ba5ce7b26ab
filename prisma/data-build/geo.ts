// Boundary build (npm run data:geo): turns thanglequoc's ~600 MB of per-unit GeoJSON into the compact files
// of prisma/data/geo/ (full geometry in a binary encoding, LOW/MEDIUM TopoJSON, areas, centers, neighbours).
// Reads the checkout $VNGOV_SOURCES_DIR/vietnamese-provinces-database (default <repo>/.sources).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, openSync, writeSync, closeSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import polylabel from "polylabel";
import { feature } from "topojson-client";
import type { Topology } from "topojson-specification";
import { encodeGeometries, SCALE, type IntPolygon, type IntUnit } from "../../packages/server/src/geo/binary.ts";
import { PINNED, REPO_ROOT, RETRIEVED_ON } from "./sources.ts";

// geographiclib-geodesic is a UMD bundle: load it as CommonJS.
const { Geodesic } = createRequire(import.meta.url)("geographiclib-geodesic") as typeof import("geographiclib-geodesic");
const OUT = join(REPO_ROOT, "prisma", "data", "geo");
const REPO_URL = "https://github.com/thanglequoc/vietnamese-provinces-database";
/** Display levels: mapshaper Visvalingam (weighted, spherical) with a minimum interval in metres. */
const LEVELS = {
  MEDIUM: { interval: 20, quantization: 10_000_000 },
  LOW: { interval: 150, quantization: 10_000_000 },
} as const;
type Level = keyof typeof LEVELS;
/** Ba Chẽ's GIS file still carries its pre-patch code; the registry (and thanglequoc's own patch v4.2.1) says 06970. */
const CODE_FIXES = [{ wrong: "06978", right: "06970", fullName: "Xã Ba Chẽ", provinceCode: "22" }];

interface Registry {
  communes: { code: string; fullName: string; type: string; provinceCode: string }[];
  provinces: { code: string; fullName: string }[];
}
interface Repair {
  record: string;
  fault: string;
  action: string;
}

function sourceDir(): string {
  const base = process.env["VNGOV_SOURCES_DIR"] ?? join(REPO_ROOT, ".sources");
  const dir = join(base, "vietnamese-provinces-database");
  if (!existsSync(join(dir, "json", "geojson")))
    throw new Error(
      `Boundary source missing: ${dir}/json/geojson (set VNGOV_SOURCES_DIR or run\n` +
        `  git clone ${REPO_URL}.git ${dir} && git -C ${dir} checkout ${PINNED.tlq})`,
    );
  return dir;
}

/** Twice the signed planar area of an open integer ring (positive = counter-clockwise), relative to its first point for precision. */
function ringArea2(ring: number[]): number {
  const x0 = ring[0]!;
  const y0 = ring[1]!;
  let sum = 0;
  for (let i = 0; i < ring.length; i += 2) {
    const j = (i + 2) % ring.length;
    sum += (ring[i]! - x0) * (ring[j + 1]! - y0) - (ring[j]! - x0) * (ring[i + 1]! - y0);
  }
  return sum;
}

function reverseRing(ring: number[]): number[] {
  const out = new Array<number>(ring.length);
  for (let i = 0; i < ring.length; i += 2) {
    out[ring.length - 2 - i] = ring[i]!;
    out[ring.length - 1 - i] = ring[i + 1]!;
  }
  return out;
}

/**
 * GeoJSON rings in degrees → open integer rings, RFC 7946 orientation (exterior counter-clockwise, holes
 * clockwise), consecutive duplicates removed, zero-area rings (collinear slivers) dropped and reported.
 */
function toIntPolygons(coordinates: number[][][][], record: string, repairs: Repair[], faults: { offGrid: number }): IntPolygon[] {
  const parts: IntPolygon[] = [];
  for (const polygon of coordinates) {
    const rings: number[][] = [];
    polygon.forEach((source, index) => {
      const ring: number[] = [];
      for (const [lon, lat] of source as [number, number][]) {
        const x = Math.round(lon * SCALE);
        const y = Math.round(lat * SCALE);
        if (Math.abs(lon * SCALE - x) > 1e-3 || Math.abs(lat * SCALE - y) > 1e-3) faults.offGrid++;
        if (ring.length >= 2 && ring[ring.length - 2] === x && ring[ring.length - 1] === y) continue;
        ring.push(x, y);
      }
      if (ring.length >= 4 && ring[0] === ring[ring.length - 2] && ring[1] === ring[ring.length - 1]) ring.length -= 2;
      const area = ring.length >= 6 ? ringArea2(ring) : 0;
      if (area === 0) {
        repairs.push({ record, fault: "zero-area ring", action: `dropped ${index === 0 ? "exterior" : "hole"} ring of ${ring.length / 2} points (collinear sliver)` });
        if (index === 0) rings.push([]); // marks the polygon as dropped (holes of a dropped exterior go too)
        return;
      }
      const exterior = index === 0;
      rings.push(exterior === area > 0 ? ring : reverseRing(ring));
    });
    if (rings.length > 0 && rings[0]!.length > 0) parts.push(rings);
  }
  return parts;
}

/** Geodesic area on the WGS 84 ellipsoid (Karney's algorithm), in km². */
function geodesicAreaKm2(parts: IntPolygon[]): number {
  let total = 0;
  for (const part of parts)
    part.forEach((ring, index) => {
      const polygon = Geodesic.WGS84.Polygon(false);
      for (let i = 0; i < ring.length; i += 2) polygon.AddPoint(ring[i + 1]! / SCALE, ring[i]! / SCALE);
      const area = Math.abs(polygon.Compute(false, true).area ?? 0);
      total += index === 0 ? area : -area;
    });
  return total / 1e6;
}

/** A point well inside the unit: the pole of inaccessibility of its largest part (longitudes scaled by cos(latitude) so distances are even). */
function center(parts: IntPolygon[]): [number, number] {
  let best = parts[0]!;
  let bestArea = -Infinity;
  for (const part of parts) {
    const area = ringArea2(part[0]!);
    if (area > bestArea) {
      bestArea = area;
      best = part;
    }
  }
  const ring0 = best[0]!;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 1; i < ring0.length; i += 2) {
    minY = Math.min(minY, ring0[i]!);
    maxY = Math.max(maxY, ring0[i]!);
  }
  const k = Math.cos(((minY + maxY) / 2 / SCALE) * (Math.PI / 180));
  const polygon = best.map((ring) => {
    const points: number[][] = [];
    for (let i = 0; i < ring.length; i += 2) points.push([(ring[i]! / SCALE) * k, ring[i + 1]! / SCALE]);
    points.push(points[0]!);
    return points;
  });
  const [x, y] = polylabel(polygon as [number, number][][], 0.00001) as unknown as [number, number];
  return [round6(x / k), round6(y)];
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
const round2 = (v: number) => Math.round(v * 100) / 100;

function runMapshaper(args: string[]): void {
  const require = createRequire(join(REPO_ROOT, "package.json"));
  const bin = join(dirname(require.resolve("mapshaper/package.json")), "bin", "mapshaper");
  execFileSync(process.execPath, ["--max-old-space-size=8192", bin, "-quiet", ...args], { stdio: ["ignore", "inherit", "inherit"] });
}

/** Writes units as one GeoJSON FeatureCollection, streamed (the whole file would not fit in one string). */
function writeGeoJSON(path: string, units: IntUnit[], properties: (code: string) => Record<string, string>): void {
  const fd = openSync(path, "w");
  writeSync(fd, '{"type":"FeatureCollection","features":[\n');
  units.forEach((unit, index) => {
    const coordinates = unit.parts.map((part) =>
      part.map((ring) => {
        const points: string[] = [];
        for (let i = 0; i < ring.length; i += 2) points.push(`[${ring[i]! / SCALE},${ring[i + 1]! / SCALE}]`);
        points.push(points[0]!);
        return `[${points.join(",")}]`;
      }),
    );
    const geometry = `{"type":"MultiPolygon","coordinates":[${coordinates.map((p) => `[${p.join(",")}]`).join(",")}]}`;
    writeSync(fd, `${index ? ",\n" : ""}{"type":"Feature","properties":${JSON.stringify(properties(unit.code))},"geometry":${geometry}}`);
  });
  writeSync(fd, "\n]}\n");
  closeSync(fd);
}

function main(): void {
  const started = Date.now();
  const root = sourceDir();
  const commit = execFileSync("git", ["-C", root, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
  const commitDate = execFileSync("git", ["-C", root, "log", "-1", "--format=%cI"], { encoding: "utf8" }).trim();
  if (commit !== PINNED.tlq) process.stderr.write(`WARNING: ${root} is at ${commit}, the registry build pins ${PINNED.tlq}\n`);
  const registry: Registry = {
    communes: JSON.parse(readFileSync(join(REPO_ROOT, "prisma", "data", "communes.json"), "utf8")),
    provinces: JSON.parse(readFileSync(join(REPO_ROOT, "prisma", "data", "provinces.json"), "utf8")),
  };
  const communeByCode = new Map(registry.communes.map((c) => [c.code, c]));
  const repairs: Repair[] = [];
  const problems: string[] = [];
  const faults = { offGrid: 0 };

  // 1. Read the unit files: key each to a registry code.
  const geojsonDir = join(root, "json", "geojson");
  const units = new Map<string, IntUnit>();
  const sourceArea = new Map<string, number>();
  const provinceSourceArea = new Map<string, number>();
  let sourcePoints = 0;
  for (const provinceDir of readdirSync(geojsonDir).filter((d) => /^\d\d_/u.test(d)).sort()) {
    const provinceCode = provinceDir.slice(0, 2);
    const provinceFile = JSON.parse(readFileSync(join(geojsonDir, provinceDir, `${provinceDir}.geojson`), "utf8"));
    provinceSourceArea.set(provinceCode, provinceFile.features[0].properties.areaKm2);
    for (const file of readdirSync(join(geojsonDir, provinceDir, "wards")).sort()) {
      const collection = JSON.parse(readFileSync(join(geojsonDir, provinceDir, "wards", file), "utf8"));
      if (collection.features.length !== 1) problems.push(`${file}: ${collection.features.length} features, expected 1`);
      const source = collection.features[0];
      const properties = source.properties as { code: string; fullName: string; areaKm2: number };
      let code = properties.code;
      if (String(source.id) !== code) problems.push(`${file}: feature id ${source.id} differs from properties.code ${code}`);
      const fix = CODE_FIXES.find((f) => f.wrong === code && f.fullName === properties.fullName.normalize("NFC") && f.provinceCode === provinceCode);
      if (fix) {
        repairs.push({ record: `${file}`, fault: "stale code", action: `code ${fix.wrong} → ${fix.right} (${fix.fullName}; registry code, thanglequoc patch v4.2.1)` });
        code = fix.right;
      }
      const registered = communeByCode.get(code);
      if (!registered) {
        problems.push(`geometry without unit: ${file} (code ${code}, ${properties.fullName})`);
        continue;
      }
      if (registered.provinceCode !== provinceCode) problems.push(`${file}: in folder of province ${provinceCode}, registry says ${registered.provinceCode}`);
      if (units.has(code)) problems.push(`${file}: second geometry for ${code}`);
      const geometry = source.geometry as { type: string; coordinates: number[][][][] | number[][][] };
      const coordinates = (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates) as number[][][][];
      for (const polygon of coordinates) for (const ring of polygon) sourcePoints += ring.length;
      units.set(code, { code, parts: toIntPolygons(coordinates, `${code} ${properties.fullName}`, repairs, faults) });
      sourceArea.set(code, properties.areaKm2);
    }
  }
  for (const commune of registry.communes) if (!units.has(commune.code)) problems.push(`unit without geometry: ${commune.code} ${commune.fullName}`);
  const communes = [...units.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  const storedPoints = communes.reduce((n, u) => n + u.parts.reduce((m, p) => m + p.reduce((k, r) => k + r.length / 2, 0), 0), 0);
  process.stderr.write(`read ${communes.length} units, ${sourcePoints} source points, ${storedPoints} stored (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);

  // 2. Neighbours: units that share at least one boundary segment (the source's borders share their vertices).
  const edgeOwner = new Map<string, string>();
  const neighbours = new Map<string, Set<string>>(communes.map((u) => [u.code, new Set<string>()]));
  for (const unit of communes)
    for (const part of unit.parts)
      for (const ring of part)
        for (let i = 0; i < ring.length; i += 2) {
          const j = (i + 2) % ring.length;
          const a = `${ring[i]},${ring[i + 1]}`;
          const b = `${ring[j]},${ring[j + 1]}`;
          const key = a < b ? `${a};${b}` : `${b};${a}`;
          const owner = edgeOwner.get(key);
          if (owner === undefined) edgeOwner.set(key, unit.code);
          else if (owner !== unit.code) {
            neighbours.get(owner)!.add(unit.code);
            neighbours.get(unit.code)!.add(owner);
          }
        }
  edgeOwner.clear();

  // 3. mapshaper: provinces dissolved from the full communes; LOW and MEDIUM simplified on a shared topology.
  const work = mkdtempSync(join(tmpdir(), "vngov-geo-"));
  try {
    const input = join(work, "communes.json");
    writeGeoJSON(input, communes, (code) => ({ code, provinceCode: communeByCode.get(code)!.provinceCode }));
    runMapshaper(["-i", input, "name=communes", "-dissolve", "provinceCode", "copy-fields=provinceCode", "-each", "code=provinceCode", "-o", join(work, "provinces-full.json"), "format=geojson", "precision=0.000001"]);
    const provincesFull = JSON.parse(readFileSync(join(work, "provinces-full.json"), "utf8")) as {
      features: { properties: { code: string }; geometry: { type: string; coordinates: number[][][][] | number[][][] } }[];
    };
    const provinces: IntUnit[] = provincesFull.features
      .map((f) => {
        const coordinates = (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][][][];
        return { code: String(f.properties.code), parts: toIntPolygons(coordinates, `province ${f.properties.code}`, repairs, faults) };
      })
      .sort((a, b) => (a.code < b.code ? -1 : 1));
    process.stderr.write(`dissolved ${provinces.length} provinces (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);

    const partCounts: Record<Level, Map<string, number>> = { LOW: new Map(), MEDIUM: new Map() };
    const levelPoints: Record<string, number> = {};
    mkdirSync(OUT, { recursive: true });
    for (const level of Object.keys(LEVELS) as Level[]) {
      const { interval, quantization } = LEVELS[level];
      const output = join(work, `${level}.topojson`);
      runMapshaper([
        "-i", input, "name=communes",
        // keep-shapes protects only the largest ring of each feature: explode first so every island is a feature of its own.
        "-explode",
        "-simplify", `interval=${interval}`, "keep-shapes",
        "-dissolve", "code", "copy-fields=provinceCode",
        "-dissolve", "provinceCode", "copy-fields=provinceCode", "+", "name=provinces",
        "-each", "code=provinceCode", "target=provinces",
        "-o", output, "format=topojson", "target=communes,provinces", `quantization=${quantization}`,
      ]);
      const topology = JSON.parse(readFileSync(output, "utf8")) as Topology;
      levelPoints[level] = (topology.arcs as unknown[][]).reduce((n, arc) => n + arc.length, 0);
      // Stored in the same binary encoding as FULL, rounded to 1e-6 degree: shared vertices round alike, so neighbours still share borders.
      const decode = (name: string): IntUnit[] => {
        const collection = feature(topology, topology.objects[name]!) as unknown as {
          features: { properties: { code: string }; geometry: { type: string; coordinates: number[][][][] | number[][][] } | null }[];
        };
        return collection.features
          .map((f) => {
            const g = f.geometry;
            const coordinates = (!g ? [] : g.type === "Polygon" ? [g.coordinates] : g.coordinates) as number[][][][];
            return { code: String(f.properties.code), parts: toIntPolygons(coordinates, `${level} ${name} ${f.properties.code}`, repairs, { offGrid: 0 }) };
          })
          .sort((a, b) => (a.code < b.code ? -1 : 1));
      };
      const levelCommunes = decode("communes");
      const levelProvinces = decode("provinces");
      for (const unit of levelCommunes) partCounts[level].set(unit.code, unit.parts.length);
      for (const c of communes) if (!partCounts[level].get(c.code)) problems.push(`${level}: unit ${c.code} lost its geometry in simplification`);
      if (levelProvinces.length !== provinces.length) problems.push(`${level}: ${levelProvinces.length} provinces`);
      writeFileSync(join(OUT, `communes-${level.toLowerCase()}.bin.gz`), encodeGeometries(levelCommunes));
      writeFileSync(join(OUT, `provinces-${level.toLowerCase()}.bin.gz`), encodeGeometries(levelProvinces));
      process.stderr.write(`${level}: ${levelPoints[level]} arc points (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
    }

    // 4. Islands survive simplification: every special zone keeps all its parts at every level.
    const islandLines: string[] = [];
    for (const commune of registry.communes.filter((c) => c.type === "SPECIAL_ZONE")) {
      const full = units.get(commune.code)?.parts.length ?? 0;
      const medium = partCounts.MEDIUM.get(commune.code) ?? 0;
      const low = partCounts.LOW.get(commune.code) ?? 0;
      islandLines.push(`| ${commune.code} | ${commune.fullName} | ${full} | ${medium} | ${low} |`);
      if (medium !== full || low !== full) problems.push(`special zone ${commune.code} ${commune.fullName}: parts FULL ${full}, MEDIUM ${medium}, LOW ${low}`);
    }

    // 5. Binary full geometry, unit facts.
    writeFileSync(join(OUT, "communes-full.bin.gz"), encodeGeometries(communes));
    writeFileSync(join(OUT, "provinces-full.bin.gz"), encodeGeometries(provinces));
    const communeFacts = communes.map((unit) => ({
      code: unit.code,
      provinceCode: communeByCode.get(unit.code)!.provinceCode,
      areaKm2: round2(geodesicAreaKm2(unit.parts)),
      sourceAreaKm2: sourceArea.get(unit.code) ?? null,
      center: center(unit.parts),
      parts: { FULL: unit.parts.length, MEDIUM: partCounts.MEDIUM.get(unit.code) ?? 0, LOW: partCounts.LOW.get(unit.code) ?? 0 },
      neighbours: [...neighbours.get(unit.code)!].sort(),
    }));
    process.stderr.write(`areas and centers of communes (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
    const provinceFacts = provinces.map((unit) => ({
      code: unit.code,
      areaKm2: round2(communeFacts.filter((c) => c.provinceCode === unit.code).reduce((sum, c) => sum + geodesicAreaKm2(units.get(c.code)!.parts), 0)),
      sourceAreaKm2: provinceSourceArea.get(unit.code) ?? null,
      center: center(unit.parts),
      parts: { FULL: unit.parts.length },
    }));
    for (const p of registry.provinces) if (!provinces.some((u) => u.code === p.code)) problems.push(`province without geometry: ${p.code} ${p.fullName}`);
    writeFileSync(join(OUT, "units.json"), `${JSON.stringify({ provinces: provinceFacts, communes: communeFacts }, null, 1)}\n`);

    const asymmetric = communeFacts.filter((c) => c.neighbours.some((n) => !neighbours.get(n)!.has(c.code)));
    if (asymmetric.length) problems.push(`${asymmetric.length} asymmetric neighbour lists`);
    const provenance = {
      source: {
        id: "thanglequoc-vietnamese-provinces-database",
        title: "thanglequoc/vietnamese-provinces-database, json/geojson (GIS add-on)",
        url: REPO_URL,
        commit,
        commitDate,
        licence: "MIT",
        retrievedOn: RETRIEVED_ON,
        upstream: "Derived by thanglequoc from the reference map of administrative units at sapnhap.bando.com.vn (Vietnam Natural Resources, Environment and Cartography Publishing House).",
      },
      method: {
        full: "Every unit file keyed by properties.code (= feature id), coordinates quantised to 1e-6 degree (lossless: the source has 6 decimals), consecutive duplicate points and zero-area rings removed, rings oriented per RFC 7946; stored as zigzag-varint delta-encoded integers, gzip (packages/server/src/geo/binary.ts).",
        provinces: "mapshaper -dissolve provinceCode of the full communes (so a province is exactly the union of its communes, islands included).",
        levels: Object.fromEntries(
          (Object.keys(LEVELS) as Level[]).map((l) => [l, `mapshaper -explode, -simplify interval=${LEVELS[l].interval} keep-shapes (so that every island keeps a shape; weighted Visvalingam on the sphere, shared arcs: neighbours keep one common border); provinces dissolved from the simplified communes; TopoJSON quantization=${LEVELS[l].quantization}, then rounded to 1e-6 degree and stored like FULL`]),
        ),
        areaKm2: "Geodesic area on the WGS 84 ellipsoid (geographiclib, Karney 2013) of the full geometry; a province's area is the sum of its communes'. sourceAreaKm2 is the source's own areaKm2 property, an official natural-area figure that leaves out the sea inside coastal and island boundaries (Trường Sa: 496 km² against 4,208 km² of polygon), so the two differ for coastal units.",
        center: "Pole of inaccessibility (polylabel, precision 1e-5 degree, longitudes scaled by cos(latitude)) of the unit's largest part.",
        neighbours: "Units whose full boundaries share at least one segment (identical consecutive vertices); touching at a single point does not count.",
      },
      tools: { mapshaper: readVersion("mapshaper"), polylabel: readVersion("polylabel"), "geographiclib-geodesic": readVersion("geographiclib-geodesic") },
      counts: { communes: communes.length, provinces: provinces.length, sourcePoints, storedPoints, arcPoints: levelPoints },
      repairs,
      problems,
    };
    writeFileSync(join(OUT, "provenance.json"), `${JSON.stringify(provenance, null, 2)}\n`);

    // Report: the facts a reviewer checks, printed and kept in README's companion.
    const areaDiffs = communeFacts
      .filter((c) => c.sourceAreaKm2 != null)
      .map((c) => ({ code: c.code, diff: (c.areaKm2 - c.sourceAreaKm2!) / c.sourceAreaKm2! }))
      .sort((a, b) => Math.abs(b.diff) - Math.abs(a.diff));
    const within1 = areaDiffs.filter((d) => Math.abs(d.diff) <= 0.01).length;
    const sizes = readdirSync(OUT).filter((f) => f.endsWith(".gz") || f.endsWith(".json")).map((f) => `| ${f} | ${(statSync(join(OUT, f)).size / 1e6).toFixed(2)} MB |`);
    const report = [
      "# Boundary build report",
      "",
      `Generated by \`npm run data:geo\` (prisma/data-build/geo.ts) from ${REPO_URL} at ${commit} (${commitDate}).`,
      "",
      `- Units: ${communes.length} communes with geometry of ${registry.communes.length} in the registry; ${provinces.length} provinces.`,
      `- Points: ${sourcePoints} in the source, ${storedPoints} stored at FULL (closing points and duplicates dropped); arc points MEDIUM ${levelPoints["MEDIUM"]}, LOW ${levelPoints["LOW"]}.`,
      `- Coordinates not on the 1e-6 degree grid: ${faults.offGrid}.`,
      `- Area: ${within1} of ${areaDiffs.length} units within 1 % of the source's areaKm2; largest differences: ${areaDiffs.slice(0, 5).map((d) => `${d.code} ${(d.diff * 100).toFixed(2)} %`).join(", ")}.`,
      `- Neighbour pairs: ${communeFacts.reduce((n, c) => n + c.neighbours.length, 0) / 2}; units without a neighbour: ${communeFacts.filter((c) => c.neighbours.length === 0).map((c) => c.code).join(", ") || "none"}.`,
      "",
      "## Repairs",
      "",
      ...(repairs.length ? repairs.map((r) => `- ${r.record}: ${r.fault}: ${r.action}`) : ["none"]),
      "",
      "## Problems (units without geometry, geometry without unit, lost parts)",
      "",
      ...(problems.length ? problems.map((p) => `- ${p}`) : ["none"]),
      "",
      "## Special zones: parts per level",
      "",
      "| Code | Name | FULL | MEDIUM | LOW |",
      "|---|---|---|---|---|",
      ...islandLines,
      "",
      "## Files",
      "",
      "| File | Size |",
      "|---|---|",
      ...sizes,
      "",
    ].join("\n");
    writeFileSync(join(OUT, "build-report.md"), report);
    process.stdout.write(report);
    if (problems.length) {
      process.stderr.write(`\nERROR: ${problems.length} problem(s); see prisma/data/geo/build-report.md\n`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function readVersion(name: string): string {
  const require = createRequire(join(REPO_ROOT, "package.json"));
  return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")) as { version: string }).version;
}

main();
