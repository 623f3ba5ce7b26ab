// Looking at pictures as a person would: rasterise an SVG (resvg) or read a PNG (pngjs), then
// measure what is painted where. Used by the map and picture tests.
import { readFileSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import { PNG } from "pngjs";

export interface Raster {
  width: number;
  height: number;
  /** RGBA, row by row. */
  pixels: Uint8Array;
  /** SVG pixels per raster pixel. */
  scale: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The SVG drawn on white at `zoom` raster pixels per SVG pixel (no system fonts: text is not measured). */
export function rasterise(svg: string, zoom = 2): Raster {
  const image = new Resvg(svg, { background: "white", fitTo: { mode: "zoom", value: zoom }, font: { loadSystemFonts: false } }).render();
  return { width: image.width, height: image.height, pixels: new Uint8Array(image.pixels), scale: zoom };
}

export function readPng(file: string, scale = 2): Raster {
  const png = PNG.sync.read(readFileSync(file));
  return { width: png.width, height: png.height, pixels: new Uint8Array(png.data), scale };
}

const hex = (r: number, g: number, b: number) => `#${[r, g, b].map((v) => v.toString(16).padStart(2, "0")).join("")}`;

/** Background: white or nearly (antialiased edges of white strokes count as background too). */
const isBackground = (r: number, g: number, b: number) => r > 245 && g > 245 && b > 245;

/** Visits the pixels of `rect` (in SVG pixels) with their colour. */
function eachPixel(raster: Raster, rect: Rect, visit: (index: number, x: number, y: number) => void): void {
  const x0 = Math.max(0, Math.floor(rect.x * raster.scale));
  const y0 = Math.max(0, Math.floor(rect.y * raster.scale));
  const x1 = Math.min(raster.width, Math.ceil((rect.x + rect.width) * raster.scale));
  const y1 = Math.min(raster.height, Math.ceil((rect.y + rect.height) * raster.scale));
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) visit((y * raster.width + x) * 4, x, y);
}

/** Share of the rectangle's pixels that are painted (not background), 0 to 1. */
export function paintedShare(raster: Raster, rect: Rect): number {
  let painted = 0;
  let all = 0;
  const p = raster.pixels;
  eachPixel(raster, rect, (i) => {
    all++;
    if (!isBackground(p[i]!, p[i + 1]!, p[i + 2]!)) painted++;
  });
  return painted / all;
}

/** How many pixels of the rectangle have exactly each colour ("#rrggbb"). */
export function colourCounts(raster: Raster, rect: Rect): Map<string, number> {
  const counts = new Map<string, number>();
  const p = raster.pixels;
  eachPixel(raster, rect, (i) => {
    const colour = hex(p[i]!, p[i + 1]!, p[i + 2]!);
    counts.set(colour, (counts.get(colour) ?? 0) + 1);
  });
  return counts;
}

/**
 * Regions of one exact colour from `colours` of at least `minPixels` pixels, 4-connected. Shapes
 * drawn with a white outline come out as separate regions: the outline's antialiased pixels are
 * of no fill colour.
 */
export function regions(raster: Raster, rect: Rect, colours: Set<string>, minPixels: number): number {
  const { width, pixels: p } = raster;
  const seen = new Uint8Array(raster.width * raster.height);
  const colourAt = (x: number, y: number) => {
    const i = (y * width + x) * 4;
    return hex(p[i]!, p[i + 1]!, p[i + 2]!);
  };
  const x0 = Math.max(0, Math.floor(rect.x * raster.scale));
  const y0 = Math.max(0, Math.floor(rect.y * raster.scale));
  const x1 = Math.min(raster.width, Math.ceil((rect.x + rect.width) * raster.scale));
  const y1 = Math.min(raster.height, Math.ceil((rect.y + rect.height) * raster.scale));
  let count = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if (seen[y * width + x]) continue;
      seen[y * width + x] = 1;
      const colour = colourAt(x, y);
      if (!colours.has(colour)) continue;
      let size = 0;
      const stack = [x, y];
      while (stack.length > 0) {
        const cy = stack.pop()!;
        const cx = stack.pop()!;
        size++;
        for (const [nx, ny] of [[cx + 1, cy], [cx - 1, cy], [cx, cy + 1], [cx, cy - 1]] as const) {
          if (nx < x0 || ny < y0 || nx >= x1 || ny >= y1 || seen[ny * width + nx]) continue;
          if (colourAt(nx, ny) !== colour) continue;
          seen[ny * width + nx] = 1;
          stack.push(nx, ny);
        }
      }
      if (size >= minPixels) count++;
    }
  }
  return count;
}

/** The fill colours of the shapes of the SVG's geoshape marks (vega writes one <path fill=…> per feature, as #rrggbb or rgb(r, g, b)). */
export function shapeFills(svg: string): string[] {
  const marks = /<g class="mark-shape role-mark[^"]*"[^>]*>(.*?)<\/g>/su.exec(svg)?.[1] ?? "";
  return [...marks.matchAll(/<path[^>]* fill="([^"]+)"/gu)].map((m) => {
    const rgb = /^rgb\((\d+), ?(\d+), ?(\d+)\)$/u.exec(m[1]!);
    return rgb ? hex(Number(rgb[1]), Number(rgb[2]), Number(rgb[3])) : m[1]!.toLowerCase();
  });
}
