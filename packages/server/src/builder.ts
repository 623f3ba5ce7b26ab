// The Pothos schema builder: plugins, scalars and the request context type. Nothing else.
import SchemaBuilder from "@pothos/core";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin, { resolveNodes } from "@pothos/plugin-relay";
import ScopeAuthPlugin, { AuthScopeFailureType, type AuthFailure } from "@pothos/plugin-scope-auth";
import type { GraphQLResolveInfo } from "graphql";
import { DateResolver, DateTimeResolver, GeoJSONResolver } from "graphql-scalars";
import { grantedScopes, OPERATION_SCOPE, unauthorizedError } from "./auth/caller.js";
import type { Scope } from "./auth/keys.js";
import { loadConfig } from "./config.js";
import type { Context } from "./context.js";
import type PrismaTypes from "./generated/pothos-types.js";
import { DEFAULT_LIST_BOUND, listBound, oneItemPer } from "./limits/list-bound.js";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./limits/page-size.js";
import { getDatamodel } from "./generated/pothos-types.js";

export const builder = new SchemaBuilder<{
  Context: Context;
  /** The scopes a field may require (`authScopes: { write: true }`); what the caller holds is grantedScopes (auth/caller.ts). */
  AuthScopes: Record<Scope, boolean>;
  PrismaTypes: PrismaTypes;
  Scalars: {
    Date: { Input: Date; Output: Date };
    DateTime: { Input: Date; Output: Date };
    ID: { Input: string; Output: string };
    GeoJSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  defaultFieldNullability: false,
  // Scope auth first, so that its check wraps the resolvers the other plugins make.
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin],
  scopeAuth: {
    authScopes: (ctx) => grantedScopes(ctx.caller),
    // A subscription is authorized once, when it starts, not on every event it streams.
    authorizeOnSubscribe: true,
    unauthorizedError: (_parent, ctx, info, result) => unauthorizedError(ctx.caller, failedScope(result.failure) ?? OPERATION_SCOPE[info.operation.operation], info.operation.operation),
  },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    // Relation fields without a description would otherwise show the Prisma model's doc comment.
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
    maxConnectionSize: MAX_PAGE_SIZE,
    onUnusedQuery: loadConfig().NODE_ENV === "production" ? null : "warn",
  },
  relay: {
    clientMutationId: "omit",
    idFieldOptions: {
      description: "Global id (Relay): refetch this object with `node(id:)`. For registry units it names one dated version.",
    },
    cursorFieldOptions: { description: "Opaque cursor of this edge: pass it as `after` to continue after it." },
    pageInfoFieldOptions: { description: "Where this page sits in the whole list." },
    hasNextPageFieldOptions: { description: "True when more objects follow this page." },
    hasPreviousPageFieldOptions: { description: "True when objects precede this page." },
    startCursorFieldOptions: { description: "Cursor of the first object of this page." },
    endCursorFieldOptions: { description: "Cursor of the last object of this page: pass it as `after` for the next page." },
    firstArgOptions: { description: "Page size: how many objects to return from the start (default 20, at most 200)." },
    afterArgOptions: { description: "Return the objects after this cursor (an `endCursor` or edge `cursor` from a previous page)." },
    lastArgOptions: { description: "Page size counted from the end (at most 200)." },
    beforeArgOptions: { description: "Return the objects before this cursor." },
    nodesOnConnection: { description: "The page's objects, without cursors: a shortcut for edges { node }." },
    cursorType: "String",
    edgesFieldOptions: { nullable: false, description: "The page's objects, each with its cursor." },
    nodeFieldOptions: { nullable: false, description: "The object at this edge." },
    defaultConnectionTypeOptions: {
      description: "A page of results, Relay-style.",
    },
    pageInfoTypeOptions: {
      description: "Where this page sits in the whole list, for fetching the next one with `after`.",
    },
    nodeQueryOptions: {
      description:
        "Fetches any object by its global `id` (Relay's Node interface). Ids are opaque strings; a version's id always refetches that exact version.",
      args: { id: { description: "A global id returned in an `id` field." } },
      resolve: (_root, args, context, info) => resolveNodesOrNull(context, info, [args.id]).then((nodes) => nodes[0] ?? null),
    },
    nodesQueryOptions: {
      description: "Fetches several objects by their global ids, in the same order; null where an id is unknown.",
      args: { ids: { description: "Global ids returned in `id` fields." } },
      // One object per id asked for (the cost walk, limits/cost.ts).
      extensions: listBound(oneItemPer("ids", DEFAULT_LIST_BOUND)),
      resolve: (_root, args, context, info) => resolveNodesOrNull(context, info, args.ids),
    },
    nodeTypeOptions: {
      description: "An object that can be refetched by its global `id`.",
    },
    defaultPayloadTypeOptions: {},
    defaultMutationInputTypeOptions: {},
  },
});

/** The scope whose absence refused a field (the first one scope-auth names). */
function failedScope(failure: AuthFailure): Scope | undefined {
  if (failure.kind === AuthScopeFailureType.AuthScope) return failure.scope as Scope;
  if (failure.kind === AuthScopeFailureType.AnyAuthScopes || failure.kind === AuthScopeFailureType.AllAuthScopes) {
    for (const inner of failure.failures) {
      const scope = failedScope(inner);
      if (scope) return scope;
    }
  }
  return undefined;
}

/** Prisma's "record not found" (findUniqueOrThrow, which Pothos' prismaNode loads with). */
const isNotFound = (error: unknown) => (error as { code?: unknown } | null)?.code === "P2025";

/**
 * Relay's node loading, with null for a well-formed id of a record that does not exist (Pothos'
 * prismaNode loads with findUniqueOrThrow, which made such an id an internal error). The ids are
 * loaded in one batch; only when one is missing are they loaded again one by one to find which.
 */
async function resolveNodesOrNull(
  context: Context,
  info: GraphQLResolveInfo,
  ids: ReadonlyArray<{ id: string; typename: string } | null | undefined>,
): Promise<unknown[]> {
  const load = (some: typeof ids) => resolveNodes(builder, context, info, some as Parameters<typeof resolveNodes>[3]);
  try {
    return (await load(ids)) as unknown[];
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  return Promise.all(
    ids.map((id) =>
      load([id]).then(
        (nodes) => (nodes as unknown[])[0] ?? null,
        (error: unknown) => {
          if (isNotFound(error)) return null;
          throw error;
        },
      ),
    ),
  );
}

builder.addScalarType("Date", DateResolver, {
  description:
    "A calendar date in ISO 8601 form, YYYY-MM-DD (for example 2025-07-01). Registry dates are Vietnamese calendar days.",
});

builder.addScalarType("DateTime", DateTimeResolver, {
  description: "A moment in time in ISO 8601 form with time zone, UTC (for example 2026-11-23T08:15:00.000Z).",
});

builder.addScalarType("GeoJSON", GeoJSONResolver, {
  description:
    "A GeoJSON geometry (RFC 7946): WGS 84 coordinates as [longitude, latitude], exterior rings counter-clockwise. Boundaries are MultiPolygons.",
});

builder.queryType({
  authScopes: { [OPERATION_SCOPE.query]: true },
  description:
    "The root of every read. Registry fields take `asOf` (a Date, default today in Vietnam) and answer for that day, from 2025-07-01 on.",
});
