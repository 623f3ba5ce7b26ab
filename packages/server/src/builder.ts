// The Pothos schema builder: plugins, scalars and the request context type. Nothing else.
import SchemaBuilder from "@pothos/core";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import { DateResolver, GeoJSONResolver } from "graphql-scalars";
import type { Context } from "./context.js";
import type PrismaTypes from "./generated/pothos-types.js";
import { getDatamodel } from "./generated/pothos-types.js";

/** Page size when a connection is asked for without `first`. */
export const DEFAULT_PAGE_SIZE = 20;
/** Largest page a connection serves; a larger `first` is a BAD_USER_INPUT error. */
export const MAX_PAGE_SIZE = 200;

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  Scalars: {
    Date: { Input: Date; Output: Date };
    ID: { Input: string; Output: string };
    GeoJSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  defaultFieldNullability: false,
  plugins: [PrismaPlugin, RelayPlugin],
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    // Relation fields without a description would otherwise show the Prisma model's doc comment.
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
    maxConnectionSize: MAX_PAGE_SIZE,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "warn",
  },
  relay: {
    clientMutationId: "omit",
    nodesOnConnection: { description: "The page's objects, without cursors: a shortcut for edges { node }." },
    cursorType: "String",
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    defaultConnectionTypeOptions: {
      description: "A page of results, Relay-style.",
    },
    pageInfoTypeOptions: {
      description: "Where this page sits in the whole list, for fetching the next one with `after`.",
    },
    nodeQueryOptions: {
      description:
        "Fetches any object by its global `id` (Relay's Node interface). Ids are opaque strings; a version's id always refetches that exact version.",
      args: {},
    },
    nodesQueryOptions: {
      description: "Fetches several objects by their global ids, in the same order; null where an id is unknown.",
    },
    nodeTypeOptions: {
      description: "An object that can be refetched by its global `id`.",
    },
    defaultPayloadTypeOptions: {},
    defaultMutationInputTypeOptions: {},
  },
});

builder.addScalarType("Date", DateResolver, {
  description:
    "A calendar date in ISO 8601 form, YYYY-MM-DD (for example 2025-07-01). Registry dates are Vietnamese calendar days.",
});

builder.addScalarType("GeoJSON", GeoJSONResolver, {
  description:
    "A GeoJSON geometry (RFC 7946): WGS 84 coordinates as [longitude, latitude], exterior rings counter-clockwise. Boundaries are MultiPolygons.",
});

builder.queryType({
  description:
    "The root of every read. Registry fields take `asOf` (a Date, default today in Vietnam) and answer for that day, from 2025-07-01 on.",
});
