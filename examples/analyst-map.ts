// Analyst example: two SVG maps drawn from vngov's LOW boundaries with vega-lite (geoshape), in Node, no browser.
//   1. choropleth of commune-level units per 1,000 km², by province;  2. one province's communes by type.
// Run against a server:  VNGOV_URL=http://localhost:4000 npx tsx examples/analyst-map.ts [provinceCode] [outDir]
// Without VNGOV_URL it starts the server in-process on an in-memory database (takes a few seconds).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

type Fetch = (path: string, init?: RequestInit) => Promise<Response>;

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

async function toSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  return view.toSVG();
}

async function main() {
  const provinceCode = process.argv[2] ?? "22";
  const outDir = process.argv[3] ?? "examples/out";
  mkdirSync(outDir, { recursive: true });
  const api = await connect();
  try {
    // Units per 1,000 km² for each province: counts and areas from GraphQL, shapes from the download route.
    const { provinces } = await graphql<{ provinces: { nodes: { code: string; name: string; areaKm2: number; communes: { totalCount: number } }[] } }>(
      api.fetch,
      `{ provinces(first: 34) { nodes { code name areaKm2 communes { totalCount } } } }`,
    );
    const density = new Map(provinces.nodes.map((p) => [p.code, { name: p.name, units: p.communes.totalCount, perThousandKm2: (p.communes.totalCount / p.areaKm2) * 1000 }]));
    const provinceShapes = await geojson(api.fetch, "/geo/provinces.geojson?detail=LOW");
    for (const feature of provinceShapes.features) Object.assign(feature.properties, density.get(String(feature.properties["code"])));
    const choropleth = await toSvg({
      $schema: "https://vega.github.io/schema/vega-lite/v6.json",
      title: "Commune-level units per 1,000 km², by province (since 2025-07-01)",
      width: 420,
      height: 760,
      projection: { type: "mercator" },
      data: { values: provinceShapes, format: { type: "json", property: "features" } },
      mark: { type: "geoshape", stroke: "white", strokeWidth: 0.5 },
      encoding: {
        color: { field: "properties.perThousandKm2", type: "quantitative", title: "units / 1,000 km²", scale: { scheme: "blues" } },
        tooltip: [{ field: "properties.name", type: "nominal" }, { field: "properties.units", type: "quantitative" }],
      },
    });
    writeFileSync(join(outDir, "units-per-km2-by-province.svg"), choropleth);

    // One province's communes, coloured by type.
    const communes = await geojson(api.fetch, `/geo/provinces/${provinceCode}/communes.geojson?detail=LOW`);
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
    writeFileSync(join(outDir, `province-${provinceCode}-communes.svg`), detail);
    console.log(`wrote ${join(outDir, "units-per-km2-by-province.svg")} and ${join(outDir, `province-${provinceCode}-communes.svg`)}`);
  } finally {
    await api.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
