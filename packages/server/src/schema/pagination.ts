// Page-size rules shared by every connection, and the ranked list connections of the root fields.
import { formatPrismaCursor, parsePrismaCursor, queryFromInfo } from "@pothos/plugin-prisma";
import { cursorToOffset, resolveArrayConnection, resolveOffsetConnection } from "@pothos/plugin-relay";
import type { ObjectRef } from "@pothos/core";
import type { GraphQLResolveInfo } from "graphql";
import { builder, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../builder.js";
import type { Context } from "../context.js";
import { badUserInput } from "../errors.js";

type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Rejects page sizes the server will not serve, rather than silently cutting them. */
export function assertPageSize(args: PageArgs): void {
  for (const name of ["first", "last"] as const) {
    const value = args[name];
    if (value == null) continue;
    if (value < 0) throw badUserInput("pageSizeNegative", { name, value }, name);
    if (value > MAX_PAGE_SIZE) {
      throw badUserInput("pageSizeTooLarge", { name, value, max: MAX_PAGE_SIZE }, name);
    }
  }
}

const notACursor = (name: string, cursor: string) =>
  badUserInput("notACursor", { name, cursor }, name);

/** Rejects `after`/`before` values that are not offset cursors (the root lists' cursors). */
function assertOffsetCursors(args: PageArgs): void {
  for (const name of ["after", "before"] as const) {
    const cursor = args[name];
    if (cursor == null) continue;
    let offset = Number.NaN;
    try {
      offset = cursorToOffset(cursor);
    } catch {
      // reported below
    }
    if (!Number.isInteger(offset) || offset < 0) throw notACursor(name, cursor);
  }
}

/**
 * One page of a list already in memory and in its order (ranked search results, agencies, figures),
 * with offset cursors and the list's `totalCount`.
 */
export function listPage<T>(rows: readonly T[], args: PageArgs) {
  assertPageSize(args);
  assertOffsetCursors(args);
  return { ...resolveArrayConnection({ args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE }, rows), totalCount: rows.length };
}

/**
 * One page of a list in memory with cursors bound to its rows (the row's id, in plugin-prisma's
 * cursor format, so cursors handed out when `Province.communes` was a Prisma relation still work).
 * Relay's rules as plugin-prisma applied them: `first`/`after` page forward, `last`/`before` backward.
 */
export function keyedPage<T extends { id: string }>(rows: readonly T[], args: PageArgs) {
  assertPageSize(args);
  if (args.after != null && args.before != null) throw badUserInput("afterAndBefore", {}, "before");
  if (args.before != null && args.first != null) throw badUserInput("beforeWithFirst", {}, "first");
  if (args.after != null && args.last != null) throw badUserInput("afterWithLast", {}, "last");
  const backward = args.before != null || args.last != null;
  const size = (backward ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
  const cursorName = args.after != null ? "after" : "before";
  const cursor = args.after ?? args.before;
  let start = 0;
  let end = rows.length;
  if (cursor != null) {
    let id: unknown;
    try {
      id = parsePrismaCursor(cursor);
    } catch {
      throw notACursor(cursorName, cursor);
    }
    const index = rows.findIndex((row) => row.id === id);
    if (index < 0) throw notACursor(cursorName, cursor);
    if (args.after != null) start = index + 1;
    else end = index;
  }
  const available = end - start;
  const page = backward ? rows.slice(Math.max(start, end - size), end) : rows.slice(start, Math.min(end, start + size));
  const full = available > size;
  const edges = page.map((node) => ({ cursor: formatPrismaCursor(node, "id"), node }));
  return {
    totalCount: rows.length,
    edges,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
      hasPreviousPage: args.after != null ? true : backward ? full : false,
      hasNextPage: args.before != null ? true : args.last != null ? false : full,
    },
  };
}

const CONNECTION_NODE_PATHS = [[{ name: "nodes" }], [{ name: "edges" }, { name: "node" }]];

/**
 * Serves one page of an already ordered id list: Pothos' prismaConnection can only order by
 * columns, while search ranks rows by how well they match. The page's rows are loaded with the
 * selection Pothos derives from the query, so nested fields still load in one batch per level.
 */
export async function rankedConnection<Row>({
  ids,
  args,
  ctx,
  info,
  typeName,
  load,
}: {
  ids: string[];
  args: PageArgs;
  ctx: Context;
  info: GraphQLResolveInfo;
  typeName: string;
  load: (query: object, ids: string[]) => Promise<Array<Row & { id: string }>>;
}) {
  assertPageSize(args);
  assertOffsetCursors(args);
  const query = queryFromInfo({ context: ctx, info, typeName, paths: CONNECTION_NODE_PATHS });
  const connection = await resolveOffsetConnection(
    { args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE, totalCount: ids.length },
    async ({ offset, limit }) => {
      const page = ids.slice(offset, offset + limit);
      if (page.length === 0) return [];
      const rows = await load(query, page);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return page.map((id) => byId.get(id)!).filter(Boolean);
    },
  );
  return { ...connection, totalCount: ids.length };
}

/**
 * A Relay connection type whose `totalCount` says how many objects match across every page: the
 * one definition of that field for every list of the API. Resolvers return `{ ...page, totalCount }`
 * (listPage and keyedPage do), or a function computing it on demand.
 */
export function countedConnection<Shape>(
  type: ObjectRef<BuilderTypes, Shape>,
  names: { name: string; description: string; edgeName: string; edgeDescription: string; totalCountDescription: string },
) {
  return builder.connectionObject(
    {
      type,
      name: names.name,
      edgesField: { description: "The page's objects, each with its cursor." },
      description: names.description,
      fields: (t) => ({
        totalCount: t.int({
          description: names.totalCountDescription,
          resolve: (connection) => {
            const total = (connection as unknown as { totalCount: number | (() => Promise<number> | number) }).totalCount;
            return typeof total === "function" ? total() : total;
          },
        }),
      }),
    },
    { name: names.edgeName, description: names.edgeDescription, nodeField: { description: "The object at this edge." } },
  );
}
