// Geography: boundaries, areas, centers and neighbours of units, and which unit a point lies in.
import { badUserInput } from "../errors.js";
import { builder } from "../builder.js";
import { listBound, oneItemPer } from "../limits/list-bound.js";
import { communeBoundary, communeCodeAt, communeFacts, provinceBoundary, provinceFacts, type BoundaryDetail as Detail } from "../geo/store.js";
import { BOUNDARY_COST, countGeometry } from "../limits/answer-size.js";
import { AS_OF_DESCRIPTION, isoDate, resolveAsOf } from "./as-of.js";
import { Commune } from "./commune.js";
import { Province } from "./province.js";

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
    throw badUserInput("latitudeOutOfRange", { argument, value: latitude }, argument);
  if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180)
    throw badUserInput("longitudeOutOfRange", { argument, value: longitude }, argument);
}

builder.objectFields(Province, (t) => ({
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

builder.objectFields(Commune, (t) => ({
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
  neighbours: t.field({
    // [12]
    extensions: listBound(20),
    type: [Commune],
    description:
      "The units that share a stretch of border with this one (touching at a single point does not count), as they stood on the same day as this version (its validFrom), ordered by code. Units of other provinces are included; island units may have none.",
    resolve: (commune, _args, ctx) => {
      const day = isoDate(commune.validFrom);
      return (communeFacts(commune.code)?.neighbours ?? []).flatMap((neighbour) => ctx.registry.commune(neighbour, day) ?? []);
    },
  }),
}));

builder.queryFields((t) => ({
  communeAt: t.field({
    type: Commune,
    nullable: true,
    description:
      "The commune-level unit whose boundary contains a point (WGS 84, as GPS gives it), as it stood on `asOf`. Null at sea, outside Vietnam, or between islands: never the nearest unit. Uses the full, unsimplified boundaries.",
    args: {
      latitude: t.arg.float({ required: true, description: "Latitude in decimal degrees, -90 to 90." }),
      longitude: t.arg.float({ required: true, description: "Longitude in decimal degrees, -180 to 180." }),
      asOf: t.arg({ type: "Date", required: false, description: AS_OF_DESCRIPTION }),
    },
    resolve: (_root, args, ctx) => {
      checkPoint(args.latitude, args.longitude, "point");
      const day = resolveAsOf(args.asOf, ctx.caller.today);
      const code = communeCodeAt(args.latitude, args.longitude);
      return code === null ? null : ctx.registry.commune(code, day);
    },
  }),
  communesAt: t.field({
    extensions: listBound(oneItemPer("points", MAX_POINTS)),
    type: [Commune],
    nullable: { list: false, items: true },
    description: `The unit containing each point, in the order of \`points\` (null for a point outside every unit), as they stood on \`asOf\`. Up to ${MAX_POINTS} points per call.`,
    args: {
      points: t.arg({ type: [PointInput], required: true, description: `The points to look up, at most ${MAX_POINTS}.` }),
      asOf: t.arg({ type: "Date", required: false, description: AS_OF_DESCRIPTION }),
    },
    resolve: (_root, args, ctx) => {
      if (args.points.length > MAX_POINTS)
        throw badUserInput("tooManyPoints", { count: args.points.length, max: MAX_POINTS }, "points");
      args.points.forEach((p, i) => checkPoint(p.latitude, p.longitude, `points[${i}]`));
      const day = resolveAsOf(args.asOf, ctx.caller.today);
      return args.points.map((p) => {
        const code = communeCodeAt(p.latitude, p.longitude);
        return code === null ? null : ctx.registry.commune(code, day);
      });
    },
  }),
}));
