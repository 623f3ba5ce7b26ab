// Regenerates the pictures of docs/analysts.md (docs/pictures/*.png): the analyst chart and the two
// maps, drawn by the examples against a seeded in-process server and rasterised with resvg at 2×.
// packages/server/test/analyst-maps.test.ts checks the committed maps as it checks fresh ones.
//   npm run docs:pictures
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Resvg } from "@resvg/resvg-js";
import { drawMaps } from "../examples/analyst-map.js";
import { startLiveServer } from "../packages/sdk/test/live-server.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const outDir = path.join(root, "docs/pictures");
mkdirSync(outDir, { recursive: true });
const png = (svg: string) => new Resvg(svg, { background: "white", fitTo: { mode: "zoom", value: 2 } }).render().asPng();

const server = await startLiveServer();
const work = mkdtempSync(path.join(tmpdir(), "vngov-pictures-"));
try {
  const base = server.url.replace(/\/graphql$/u, "");
  // Once more on a reset: node:http closes a keep-alive connection idle for 5 s just as fetch may reuse it.
  const maps = await drawMaps((p, init) => fetch(`${base}${p}`, init).catch(() => fetch(`${base}${p}`, init)), "22");
  writeFileSync(path.join(outDir, "units-per-km2-by-province.png"), png(maps.choropleth.svg));
  writeFileSync(path.join(outDir, "province-22-communes.png"), png(maps.detail.svg));
  // The plots' rectangles, for the test that looks at the committed pictures.
  writeFileSync(path.join(outDir, "plots.json"), `${JSON.stringify({ "units-per-km2-by-province.png": maps.choropleth.plot, "province-22-communes.png": maps.detail.plot }, null, 2)}\n`);
  await promisify(execFile)(process.execPath, ["--conditions=vngov:source", "--import", "tsx", "examples/analyst-chart.ts", work], { cwd: root, env: { ...process.env, VNGOV_URL: server.url } });
  writeFileSync(path.join(outDir, "units-by-province.png"), png(readFileSync(path.join(work, "units-by-province.svg"), "utf8")));
  console.log(`wrote ${outDir}/{units-per-km2-by-province,province-22-communes,units-by-province}.png`);
} finally {
  rmSync(work, { recursive: true, force: true });
  await server.close();
}
