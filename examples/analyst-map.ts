// Analyst example: two SVG maps drawn from vngov's LOW boundaries with vega-lite (geoshape), in Node, no browser.
// The downloads are RFC 7946 (exterior rings counter-clockwise); vega and d3 want them clockwise, so
// the rings are rewound first (see docs/geo.md): without it each shape paints the whole frame.
//   1. choropleth of commune-level units per 1,000 km², by province;  2. one province's communes by type.
// Run against a server:  VNGOV_URL=http://localhost:4000 npx tsx examples/analyst-map.ts [provinceCode] [outDir]
// Without VNGOV_URL it starts the server in-process on an in-memory database (takes a few seconds).
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

/**
 * Rewinds every ring of a GeoJSON object in place: `clockwise` true gives d3's winding (exterior
 * rings clockwise), which vega's geoshape needs; the downloads follow RFC 7946 (exterior rings
 * counter-clockwise), which d3-geo reads as "the whole sphere except this polygon". From
 * @mapbox/geojson-rewind, which ships no types.
 */
const rewind = createRequire(import.meta.url)("@mapbox/geojson-rewind") as <T>(geojson: T, clockwise: boolean) => T;

export type Fetch = (path: string, init?: RequestInit) => Promise<Response>;

/** A drawn map: the SVG and where its plot (the data rectangle) lies in it, in SVG pixels. */
export interface DrawnMap {
  svg: string;
  plot: { x: number; y: number; width: number; height: number };
}

async function connect(): Promise<{ fetch: Fetch; close: () => Promise<void> }> {
  const url = process.env["VNGOV_URL"];
  if (url) return { fetch: (path, init) => fetch(new URL(path, url), init), close: async () => {} };
  const { PGlite } = await import("@electric-sql/pglite");
  const { openDatabase } = await import("../packages/server/src/db.ts");
  const { prepareDatabase } = await import("../packages/server/src/db/setup.ts");
  const { createServer } = await import("../packages/server/src/http/server.ts");
  const pglite = new PGlite();
  const db = await openDatabase({ pglite });
  await prepareDatabase(db);
  const yoga = createServer({ db, graphiql: false });
  return { fetch: (path, init) => Promise.resolve(yoga.fetch(new Request(`http://vngov.local${path}`, init))), close: async () => { await db.close(); await pglite.close(); } };
}

async function graphql<T>(api: Fetch, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await api("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join("; "));
  return body.data!;
}

async function geojson(api: Fetch, path: string): Promise<{ type: string; features: { properties: Record<string, unknown> }[] }> {
  const response = await api(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as never;
}

async function toSvg(spec: TopLevelSpec & { width: number; height: number }): Promise<DrawnMap> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  const svg = await view.toSVG();
  const [x, y] = view.origin();
  return { svg, plot: { x: x!, y: y!, width: spec.width, height: spec.height } };
}

/** The two maps: units per 1,000 km² by province, and one province's communes by type. */
export async function drawMaps(api: Fetch, provinceCode: string): Promise<{ choropleth: DrawnMap; detail: DrawnMap; communeCount: number }> {
  // Units per 1,000 km² for each province: counts and areas from GraphQL, shapes from the download route.
  const { provinces } = await graphql<{ provinces: { nodes: { code: string; name: string; areaKm2: number; communes: { totalCount: number } }[] } }>(
    api,
    `{ provinces(first: 34) { nodes { code name areaKm2 communes { totalCount } } } }`,
  );
  const density = new Map(provinces.nodes.map((p) => [p.code, { name: p.name, units: p.communes.totalCount, perThousandKm2: (p.communes.totalCount / p.areaKm2) * 1000 }]));
  const provinceShapes = rewind(await geojson(api, "/geo/provinces.geojson?detail=LOW"), true);
  for (const feature of provinceShapes.features) Object.assign(feature.properties, density.get(String(feature.properties["code"])));
  const choropleth = await toSvg({
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: "Commune-level units per 1,000 km², by province (since 2025-07-01)",
    // About the aspect of Vietnam with Hoàng Sa and Trường Sa in Mercator, so the fit wastes little.
    width: 520,
    height: 600,
    projection: { type: "mercator" },
    data: { values: provinceShapes, format: { type: "json", property: "features" } },
    mark: { type: "geoshape", stroke: "white", strokeWidth: 0.5 },
    encoding: {
      color: { field: "properties.perThousandKm2", type: "quantitative", title: "units / 1,000 km²", scale: { scheme: "blues" } },
      tooltip: [{ field: "properties.name", type: "nominal" }, { field: "properties.units", type: "quantitative" }],
    },
  });

  // One province's communes, coloured by type.
  const communes = rewind(await geojson(api, `/geo/provinces/${provinceCode}/communes.geojson?detail=LOW`), true);
  const province = density.get(provinceCode);
  const detail = await toSvg({
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: `${province?.name ?? provinceCode}: ${communes.features.length} commune-level units by type`,
    width: 700,
    height: 500,
    projection: { type: "mercator" },
    data: { values: communes, format: { type: "json", property: "features" } },
    mark: { type: "geoshape", stroke: "white", strokeWidth: 0.4 },
    encoding: {
      color: { field: "properties.type", type: "nominal", title: "type", scale: { domain: ["COMMUNE", "WARD", "SPECIAL_ZONE"], range: ["#9ecae1", "#fd8d3c", "#31a354"] } },
      tooltip: [{ field: "properties.fullName", type: "nominal" }],
    },
  });
  return { choropleth, detail, communeCount: communes.features.length };
}

async function main() {
  const provinceCode = process.argv[2] ?? "22";
  const outDir = process.argv[3] ?? "examples/out";
  mkdirSync(outDir, { recursive: true });
  const api = await connect();
  try {
    const { choropleth, detail } = await drawMaps(api.fetch, provinceCode);
    writeFileSync(join(outDir, "units-per-km2-by-province.svg"), choropleth.svg);
    writeFileSync(join(outDir, `province-${provinceCode}-communes.svg`), detail.svg);
    console.log(`wrote ${join(outDir, "units-per-km2-by-province.svg")} and ${join(outDir, `province-${provinceCode}-communes.svg`)}`);
  } finally {
    await api.close();
  }
}

// Run as a program (not when a test imports drawMaps).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
