// Plain GeoJSON downloads for map libraries (Leaflet, MapLibre, D3, QGIS): GET /geo/provinces.geojson and
// GET /geo/provinces/{code}/communes.geojson, with ETags (304 on If-None-Match). See docs/geo.md.
// Each download is charged to the caller's budget by its size, as `boundary` is in GraphQL: one
// point per kilobyte (a 304 costs one point), so pulling gigabytes of maps ends in 429 like any flood.
import { createHash } from "node:crypto";
import type { Plugin } from "graphql-yoga";
import type { Database } from "../db.js";
import { codedError, ErrorCode } from "../errors.js";
import { communeBoundary, provinceBoundary, type BoundaryDetail } from "../geo/store.js";
import { registrySnapshot } from "../registry/snapshot.js";
import { chargeRoute, errorResponse, type RouteCharge } from "./route-charge.js";
import { requestState } from "./request-state.js";

/** Where the downloads live; authPlugin identifies their callers, whose budgets they spend. */
export const GEO_PATH = "/geo/";
/** Bytes of a download per cost point (the GraphQL boundary's rate: a point per kilobyte). */
export const GEO_BYTES_PER_POINT = 1024;

const DOWNLOAD_LEVELS = ["LOW", "MEDIUM"] as const;
const PROVINCE_COMMUNES = /^\/geo\/provinces\/(\d{2})\/communes\.geojson$/u;

interface Download {
  body: string;
  etag: string;
}


export interface GeoDownloads {
  /** The download routes, as a yoga plugin. */
  plugin: Plugin;
  /** Drops every kept body: the registry changed (a re-seed, here or in another process; see data-changes.ts). */
  invalidateAll(): void;
}

export interface GeoDownloadsOptions extends RouteCharge {
  db: Database;
  /** Names the registry day whose names and types the features carry. */
  today: () => string;
}

/** The download routes; they run after authPlugin. */
export function geoDownloads({ db, today, budget, windowSeconds }: GeoDownloadsOptions): GeoDownloads {
  // Bodies per path and level, for one day: the boundaries never change within a process, the names
  // only with the day or a re-seed. Only today's are kept, and only for provinces that exist, so
  // the map holds at most 2 levels × (1 + the number of provinces) bodies.
  const cache = new Map<string, Download>();
  let cachedDay = "";
  let generation = 0;
  const invalidateAll = () => {
    generation += 1;
    cache.clear();
  };

  async function build(day: string, detail: BoundaryDetail, provinceCode: string | null): Promise<string | null> {
    const registry = await registrySnapshot(db.prisma);
    const features: unknown[] = [];
    if (provinceCode === null) {
      const provinces = registry.provincesOn(day);
      for (const p of provinces)
        features.push({ type: "Feature", id: p.code, properties: { code: p.code, name: p.name, fullName: p.fullName, type: p.kind, provinceCode: p.code }, geometry: provinceBoundary(p.code, detail) ?? null });
    } else {
      const province = registry.province(provinceCode, day);
      if (!province) return null;
      const communes = registry.communesOf(province.id);
      for (const c of communes)
        features.push({ type: "Feature", id: c.code, properties: { code: c.code, name: c.name, fullName: c.fullName, type: c.type, provinceCode: c.provinceCode }, geometry: communeBoundary(c.code, detail) ?? null });
    }
    return JSON.stringify({ type: "FeatureCollection", features });
  }

  const plugin: Plugin = {
    onRequest({ request, url, endResponse, fetchAPI }) {
      // Not an async function: requests to other paths pass without a promise of their own.
      if (!url.pathname.startsWith(GEO_PATH) || request.method !== "GET") return;
      return (async () => {
        const { requestId } = requestState(request);
        const match = PROVINCE_COMMUNES.exec(url.pathname);
        if (url.pathname !== "/geo/provinces.geojson" && !match)
          return endResponse(errorResponse(fetchAPI, 404, codedError(ErrorCode.BAD_REQUEST, "noSuchDownload", { path: url.pathname }), request));
        const detail = (url.searchParams.get("detail") ?? "MEDIUM").toUpperCase();
        if (!(DOWNLOAD_LEVELS as readonly string[]).includes(detail)) {
          const error = codedError(ErrorCode.BAD_USER_INPUT, "downloadDetail", {}, { extensions: { argument: "detail" } });
          return endResponse(errorResponse(fetchAPI, 400, error, request));
        }
        const day = today();
        if (day !== cachedDay) {
          invalidateAll();
          cachedDay = day;
        }
        const key = `${url.pathname}|${detail}`;
        let download = cache.get(key);
        if (!download) {
          const built = generation;
          const body = await build(day, detail as BoundaryDetail, match?.[1] ?? null);
          if (body === null) return endResponse(errorResponse(fetchAPI, 404, codedError(ErrorCode.BAD_USER_INPUT, "noProvinceOnDay", { code: match?.[1] ?? "", day }), request));
          download = { body, etag: `"${createHash("sha256").update(body).digest("hex").slice(0, 32)}"` };
          // Not kept when the registry or the day changed while it was built: it may hold the old names.
          if (built === generation) cache.set(key, download);
        }
        const headers = { etag: download.etag, "cache-control": "public, max-age=3600", vary: "Accept-Encoding" };
        const tags = request.headers.get("if-none-match")?.split(",").map((t) => t.trim().replace(/^W\//u, ""));
        const unchanged = tags?.includes(download.etag) || tags?.includes("*");
        const cost = unchanged ? 1 : Math.ceil(download.body.length / GEO_BYTES_PER_POINT);
        const refusal = await chargeRoute({ budget, windowSeconds }, fetchAPI, request, cost, `download ${url.pathname}`);
        if (refusal) return endResponse(refusal);
        if (unchanged) return endResponse(new fetchAPI.Response(null, { status: 304, headers }));
        endResponse(new fetchAPI.Response(download.body, { status: 200, headers: { ...headers, "content-type": "application/geo+json; charset=utf-8" } }));
      })();
    },
  };
  return { plugin, invalidateAll };
}
