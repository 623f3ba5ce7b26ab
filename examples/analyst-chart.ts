// Analyst example: a bar chart of every province's commune-level units by type (from the registry),
// marked with the count the province itself published (Query.compare), drawn as SVG with vega-lite
// in Node (no browser). Usage:
//   npx tsx --conditions=vngov:source examples/analyst-chart.ts [outDir, default examples/out] [asOf]
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createClient, VngovError, type CommuneType } from "@vngov/sdk";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

const url = process.env.VNGOV_URL ?? "http://localhost:4000/graphql";
const outDir = process.argv[2] ?? "examples/out";
const asOf = process.argv[3]; // default: today in Vietnam
const client = createClient({ url, apiKey: process.env.VNGOV_API_KEY });
const TYPES: CommuneType[] = ["COMMUNE", "WARD", "SPECIAL_ZONE"];
const TYPE_LABELS: Record<CommuneType, string> = { COMMUNE: "commune (xã)", WARD: "ward (phường)", SPECIAL_ZONE: "special zone (đặc khu)" };

async function main(): Promise<void> {
  const provinces = [];
  for await (const province of client.paginateProvinces({ asOf })) provinces.push(province);

  // Registry counts: one small page per province and type; totalCount is the count, first: 1 keeps it cheap.
  const counts = await Promise.all(
    provinces.flatMap((province) =>
      TYPES.map(async (type) => ({
        province: province.name,
        code: province.code,
        type: TYPE_LABELS[type],
        units: (await client.communes({ provinceCode: province.code, type, first: 1, asOf })).totalCount,
      })),
    ),
  );
  const totals = new Map<string, number>();
  for (const row of counts) totals.set(row.code, (totals.get(row.code) ?? 0) + row.units);

  // What the provinces report themselves, where a figure is published (null elsewhere).
  const reported = (await client.compare({ indicator: "commune_level_units", asOf }))
    .filter((row) => row.value !== null)
    .map((row) => ({ province: row.province.name, code: row.province.code, value: row.value!, asOf: row.asOf, publisher: row.figure?.source.publisher ?? "" }));

  const order = [...provinces].sort((a, b) => (totals.get(b.code) ?? 0) - (totals.get(a.code) ?? 0)).map((province) => province.name);
  const spec: TopLevelSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: {
      text: `Commune-level units per province${asOf ? ` on ${asOf}` : ""}`,
      subtitle: "Bars: the vngov registry, by type. Black ticks: the count the province published (where one is recorded).",
    },
    width: 520,
    height: { step: 16 },
    layer: [
      {
        data: { values: counts },
        mark: { type: "bar" },
        encoding: {
          y: { field: "province", type: "nominal", sort: order, title: null },
          x: { aggregate: "sum", field: "units", type: "quantitative", title: "commune-level units" },
          color: {
            field: "type",
            type: "nominal",
            title: "type",
            scale: { domain: TYPES.map((type) => TYPE_LABELS[type]), range: ["#9ecae1", "#fd8d3c", "#31a354"] },
          },
        },
      },
      {
        data: { values: reported },
        mark: { type: "tick", color: "black", thickness: 2, size: 14 },
        encoding: {
          y: { field: "province", type: "nominal", sort: order },
          x: { field: "value", type: "quantitative" },
          tooltip: [{ field: "value" }, { field: "asOf" }, { field: "publisher" }],
        },
      },
    ],
  };
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  const svg = await view.toSVG();
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, "units-by-province.svg");
  writeFileSync(file, svg);

  const total = [...totals.values()].reduce((sum, value) => sum + value, 0);
  console.log(`${provinces.length} provinces, ${total} commune-level units in the registry${asOf ? ` on ${asOf}` : ""}`);
  for (const name of order.slice(0, 5)) {
    const province = provinces.find((candidate) => candidate.name === name)!;
    console.log(`  ${name.padEnd(16)} ${String(totals.get(province.code)).padStart(4)}`);
  }
  for (const row of reported) {
    const registry = totals.get(row.code);
    const verdict = registry === row.value ? "the registry counts the same" : `the registry counts ${registry}`;
    console.log(`${row.province} published ${row.value} on ${row.asOf} (${row.publisher}); ${verdict}${asOf ? ` on ${asOf}` : " today"}`);
  }
  console.log(`wrote ${file} (${Math.round(svg.length / 1024)} kB)`);
}

main().catch((error: unknown) => {
  if (error instanceof VngovError) console.error(`vngov answered ${error.code}${error.status ? ` (HTTP ${error.status})` : ""}: ${error.message}`);
  else console.error(error);
  process.exitCode = 1;
});
