// The analyst maps (examples/analyst-map.ts), rasterised and looked at as a person would: Vietnam's
// outline painted inside the plot, not the whole frame; every province's fill visible; the province
// map split into its communes.
import { afterAll, beforeAll, expect, it } from "vitest";
import { drawMaps, type DrawnMap } from "../../../examples/analyst-map.js";
import { colourCounts, paintedShare, rasterise, regions, shapeFills } from "./pictures.js";
import { createTestServer, type TestServer } from "./helpers.js";

/**
 * Painted share of the plot of the country map (520×600): Vietnam's S and the scattered islands of
 * Hoàng Sa and Trường Sa leave most of their bounding box as sea. Measured 0.104 with the rings
 * rewound; 0.856 with the RFC 7946 rings as downloaded (every shape painting the frame).
 */
const COUNTRY_PAINTED = { min: 0.06, max: 0.2 };
/** Quảng Ninh (22) on a 700×500 plot, mainland and islands: measured 0.282; 0.705 unrewound. */
const PROVINCE_PAINTED = { min: 0.15, max: 0.45 };

let server: TestServer;
let maps: { choropleth: DrawnMap; detail: DrawnMap; communeCount: number };
beforeAll(async () => {
  server = await createTestServer();
  maps = await drawMaps((path, init) => Promise.resolve(server.yoga.fetch(new Request(`http://vngov.test${path}`, init))), "22");
});
afterAll(() => server?.drop());

it("the country map paints Vietnam's outline, not the frame, with each of the 34 provinces' fills", () => {
  const raster = rasterise(maps.choropleth.svg);
  const share = paintedShare(raster, maps.choropleth.plot);
  console.log(`country map: painted share of the plot ${share.toFixed(3)}`);
  expect(share).toBeGreaterThanOrEqual(COUNTRY_PAINTED.min);
  expect(share).toBeLessThanOrEqual(COUNTRY_PAINTED.max);
  const fills = shapeFills(maps.choropleth.svg);
  expect(fills).toHaveLength(34);
  const counts = colourCounts(raster, maps.choropleth.plot);
  // At least 20 raster pixels (5 SVG pixels) of each province's own colour.
  const missing = fills.filter((fill) => (counts.get(fill) ?? 0) < 20);
  expect(missing, `provinces whose fill is not visible: ${missing.length}`).toEqual([]);
});

it("the province map shows its communes, each a separate shape", () => {
  const raster = rasterise(maps.detail.svg);
  const share = paintedShare(raster, maps.detail.plot);
  const fills = new Set(shapeFills(maps.detail.svg));
  const shapes = regions(raster, maps.detail.plot, fills, 20);
  console.log(`province map: painted share ${share.toFixed(3)}, ${shapes} separate shapes for ${maps.communeCount} communes`);
  expect(share).toBeGreaterThanOrEqual(PROVINCE_PAINTED.min);
  expect(share).toBeLessThanOrEqual(PROVINCE_PAINTED.max);
  // Every unit drawn on its own (islands make more shapes than units; a few tiny wards fewer).
  expect(shapes).toBeGreaterThanOrEqual(Math.round(maps.communeCount * 0.8));
});
