// Geography: boundaries, areas, centers and neighbours of units, and which unit a point lies in.
import DataLoader from "dataloader";
import type { Context } from "../context.js";
import { badUserInput } from "../errors.js";
import type { CommuneVersion } from "../generated/prisma/client.js";
import { builder } from "../builder.js";
import { communeBoundary, communeCodeAt, communeFacts, provinceBoundary, provinceFacts, type BoundaryDetail as Detail } from "../geo/store.js";
import { registrySnapshot, versionOn, versionRows } from "../registry/snapshot.js";
import { BOUNDARY_COST, countGeometry } from "./answer-size.js";
import { AS_OF_DESCRIPTION, isoDate, resolveAsOf } from "./as-of.js";
import { Commune } from "./commune.js";

/** Most points one communesAt call resolves. */
export const MAX_POINTS = 1000;

export const BoundaryDetail = builder.enumType("BoundaryDetail", {
  description:
    "How detailed a boundary is. All levels come from the same source map; LOW and MEDIUM are simplified so that neighbouring units still share one border (no gaps or overlaps) and every island is kept.",
  values: {
    LOW: { description: "Simplified to about 150 m: national and province maps (~150,000 points for the whole country)." },
    MEDIUM: { description: "Simplified to about 20 m: maps of a province or a few communes (~770,000 points for the whole country)." },
    FULL: { description: "The source geometry unsimplified (~7 million points for the whole country), as used by point lookup. Large: ask for it for a few units at a time." },
  } as const,
});

export const GeoPoint = builder.objectRef<{ latitude: number; longitude: number }>("GeoPoint").implement({
  description: "A point on the WGS 84 ellipsoid (as GPS gives it), in decimal degrees.",
  fields: (t) => ({
    latitude: t.exposeFloat("latitude", { description: "Latitude in degrees, north positive." }),
    longitude: t.exposeFloat("longitude", { description: "Longitude in degrees, east positive." }),
  }),
});

export const PointInput = builder.inputType("PointInput", {
  description: "A point to look up, in WGS 84 decimal degrees (as GPS gives it).",
  fields: (t) => ({
    latitude: t.float({ required: true, description: "Latitude in degrees, -90 to 90 (Vietnam: about 8.4 to 23.4)." }),
    longitude: t.float({ required: true, description: "Longitude in degrees, -180 to 180 (Vietnam: about 102.1 to 117.9 with the island zones)." }),
  }),
});

const DETAIL_ARG_DESCRIPTION = "How detailed the boundary is (default MEDIUM).";
const AREA_DESCRIPTION =
  "Area inside the boundary in km², measured on the WGS 84 ellipsoid. For coastal and island units it includes the sea inside the boundary, so it can exceed the official natural-area figure.";

const missing = (what: string, code: string) => new Error(`no ${what} for unit ${code} in prisma/data/geo`);
const asPoint = ([longitude, latitude]: [number, number]) => ({ latitude, longitude });

function checkPoint(latitude: number, longitude: number, argument: string): void {
  if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90)
    throw badUserInput(`${argument}.latitude must be a number from -90 to 90 (decimal degrees), got ${latitude}.`, argument);
  if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180)
    throw badUserInput(`${argument}.longitude must be a number from -180 to 180 (decimal degrees), got ${longitude}.`, argument);
}

builder.prismaObjectFields("ProvinceVersion", (t) => ({
  boundary: t.field({
    type: "GeoJSON",
    description: "The province's boundary as a GeoJSON MultiPolygon: the union of its communes' boundaries, islands included.",
    args: { detail: t.arg({ type: BoundaryDetail, defaultValue: "MEDIUM", required: true, description: DETAIL_ARG_DESCRIPTION }) },
    extensions: { costByArgument: { detail: BOUNDARY_COST.province } },
    resolve: (province, args, ctx) => {
      const geometry = provinceBoundary(province.code, args.detail as Detail);
      if (!geometry) throw missing("boundary", province.code);
      return countGeometry(ctx, geometry);
    },
  }),
  areaKm2: t.float({
    description: `${AREA_DESCRIPTION} The sum of its communes' areas.`,
    resolve: (province) => provinceFacts(province.code)?.areaKm2 ?? Promise.reject(missing("area", province.code)),
  }),
  center: t.field({
    type: GeoPoint,
    description: "A point well inside the province (the pole of inaccessibility of its largest part), for placing a label or a marker.",
    resolve: (province) => {
      const facts = provinceFacts(province.code);
      if (!facts) throw missing("center", province.code);
      return asPoint(facts.center);
    },
  }),
}));

// Neighbours of many communes at once: per parent the neighbour versions holding on the parent's day, picked
// in the in-memory registry, then all of them shaped in one go (versionRows: memory, else one statement).
// One loader per request and per selection (the Prisma query).
const neighbourLoaders = new WeakMap<Context, Map<string, DataLoader<{ code: string; day: string }, CommuneVersion[], string>>>();

function neighbourLoader(ctx: Context, query: Record<string, unknown>) {
  let byQuery = neighbourLoaders.get(ctx);
  if (!byQuery) neighbourLoaders.set(ctx, (byQuery = new Map()));
  const key = JSON.stringify(query);
  let loader = byQuery.get(key);
  if (!loader) {
    loader = new DataLoader(
      async (keys) => {
        const snapshot = await registrySnapshot(ctx.prisma);
        const idsPerKey = keys.map(({ code, day }) =>
          (communeFacts(code)?.neighbours ?? []).flatMap((neighbour) => snapshot.commune(neighbour, day)?.id ?? []),
        );
        const rows = await versionRows(ctx.prisma, "CommuneVersion", [...new Set(idsPerKey.flat())], query);
        const byId = new Map(rows.map((row) => [row.id, row]));
        return idsPerKey.map((ids) => ids.flatMap((id) => byId.get(id) ?? []));
      },
      { cacheKeyFn: (k) => `${k.code}@${k.day}` },
    );
    byQuery.set(key, loader);
  }
  return loader;
}

builder.prismaObjectFields("CommuneVersion", (t) => ({
  boundary: t.field({
    type: "GeoJSON",
    description: "The unit's boundary as a GeoJSON MultiPolygon (several parts for island units).",
    args: { detail: t.arg({ type: BoundaryDetail, defaultValue: "MEDIUM", required: true, description: DETAIL_ARG_DESCRIPTION }) },
    extensions: { costByArgument: { detail: BOUNDARY_COST.commune } },
    resolve: (commune, args, ctx) => {
      const geometry = communeBoundary(commune.code, args.detail as Detail);
      if (!geometry) throw missing("boundary", commune.code);
      return countGeometry(ctx, geometry);
    },
  }),
  areaKm2: t.float({
    description: AREA_DESCRIPTION,
    resolve: (commune) => communeFacts(commune.code)?.areaKm2 ?? Promise.reject(missing("area", commune.code)),
  }),
  center: t.field({
    type: GeoPoint,
    description: "A point well inside the unit (the pole of inaccessibility of its largest part), for placing a label or a marker.",
    resolve: (commune) => {
      const facts = communeFacts(commune.code);
      if (!facts) throw missing("center", commune.code);
      return asPoint(facts.center);
    },
  }),
  neighbours: t.prismaField({
    type: [Commune],
    description:
      "The units that share a stretch of border with this one (touching at a single point does not count), as they stood on the same day as this version (its validFrom), ordered by code. Units of other provinces are included; island units may have none.",
    resolve: (query, commune, _args, ctx) => neighbourLoader(ctx, query as Record<string, unknown>).load({ code: commune.code, day: isoDate(commune.validFrom) }),
  }),
}));

builder.queryFields((t) => ({
  communeAt: t.prismaField({
    type: Commune,
    nullable: true,
    description:
      "The commune-level unit whose boundary contains a point (WGS 84, as GPS gives it), as it stood on `asOf`. Null at sea, outside Vietnam, or between islands: never the nearest unit. Uses the full, unsimplified boundaries.",
    args: {
      latitude: t.arg.float({ required: true, description: "Latitude in decimal degrees, -90 to 90." }),
      longitude: t.arg.float({ required: true, description: "Longitude in decimal degrees, -180 to 180." }),
      asOf: t.arg({ type: "Date", required: false, description: AS_OF_DESCRIPTION }),
    },
    resolve: async (query, _root, args, ctx) => {
      checkPoint(args.latitude, args.longitude, "point");
      const day = resolveAsOf(args.asOf, ctx.today);
      const code = communeCodeAt(args.latitude, args.longitude);
      if (code === null) return null;
      return versionOn(ctx.prisma, "CommuneVersion", code, day, query);
    },
  }),
  communesAt: t.prismaField({
    type: [Commune],
    nullable: { list: false, items: true },
    description: `The unit containing each point, in the order of \`points\` (null for a point outside every unit), as they stood on \`asOf\`. Up to ${MAX_POINTS} points per call.`,
    args: {
      points: t.arg({ type: [PointInput], required: true, description: `The points to look up, at most ${MAX_POINTS}.` }),
      asOf: t.arg({ type: "Date", required: false, description: AS_OF_DESCRIPTION }),
    },
    resolve: async (query, _root, args, ctx) => {
      if (args.points.length > MAX_POINTS)
        throw badUserInput(`points has ${args.points.length} entries; at most ${MAX_POINTS} per call. Split the list.`, "points");
      args.points.forEach((p, i) => checkPoint(p.latitude, p.longitude, `points[${i}]`));
      const day = resolveAsOf(args.asOf, ctx.today);
      const codes = args.points.map((p) => communeCodeAt(p.latitude, p.longitude));
      const snapshot = await registrySnapshot(ctx.prisma);
      const versionIds = codes.map((code) => (code === null ? null : (snapshot.commune(code, day)?.id ?? null)));
      // Each distinct unit is materialized (or loaded) once and shared by every point in it.
      const ids = [...new Set(versionIds.filter((id): id is string => id !== null))];
      const rows = await versionRows(ctx.prisma, "CommuneVersion", ids, query);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return versionIds.map((id) => (id === null ? null : (byId.get(id) ?? null)));
    },
  }),
}));
