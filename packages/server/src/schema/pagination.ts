// Pages of lists shared by every connection, and the ranked list connections of the root fields.
// Page sizes were checked before the operation ran (limits/page-size.ts, applied by the cost walk).
import { formatPrismaCursor, parsePrismaCursor, queryFromInfo } from "@pothos/plugin-prisma";
import { createHash } from "node:crypto";
import { cursorToOffset, offsetToCursor, resolveArrayConnection, resolveOffsetConnection } from "@pothos/plugin-relay";
import type { ObjectRef } from "@pothos/core";
import type { GraphQLResolveInfo } from "graphql";
import { builder } from "../builder.js";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../limits/page-size.js";
import type { Context } from "../context.js";
import { badUserInput } from "../errors.js";

type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

const notACursor = (name: string, cursor: string) =>
  badUserInput("notACursor", { name, cursor }, name);

const PAGE_ARGS = new Set(["first", "last", "after", "before"]);

/**
 * The list an offset cursor belongs to: the field (`Query.communes`, `Province.figures`) and, when any
 * other argument is set, a digest of those arguments. Pothos' offset cursors ("OffsetConnection:N")
 * name no list, so a cursor of one list paged any other, or the same list filtered differently.
 */
function listOf(info: GraphQLResolveInfo, args: object): string {
  const field = `${info.parentType.name}.${info.fieldName}`;
  const filter = Object.entries(args)
    .filter(([name, value]) => !PAGE_ARGS.has(name) && value != null)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  if (filter.length === 0) return field;
  return `${field}~${createHash("sha256").update(JSON.stringify(filter)).digest("base64url").slice(0, 12)}`;
}

const encodeCursor = (list: string, offset: number) => Buffer.from(`${list}:${offset}`).toString("base64");

/**
 * Turns the caller's `after`/`before` (cursors this list handed out) into the offset cursors Pothos'
 * helpers page with; any other value, a cursor of another list included, is BAD_USER_INPUT.
 */
function offsetArgs<A extends PageArgs>(args: A, list: string): A {
  const converted = { ...args };
  for (const name of ["after", "before"] as const) {
    const cursor = args[name];
    if (cursor == null) continue;
    const match = /^(.*):(\d{1,15})$/s.exec(Buffer.from(cursor, "base64").toString("utf8"));
    const offset = Number(match?.[2]);
    if (!match || match[1] !== list || encodeCursor(list, offset) !== cursor) throw notACursor(name, cursor);
    converted[name] = offsetToCursor(offset);
  }
  return converted;
}

interface OffsetPage {
  edges: ReadonlyArray<{ cursor: string } | null | undefined> | null | undefined;
  pageInfo: { startCursor?: string | null; endCursor?: string | null };
}

/** Replaces the offset cursors of a page Pothos made with cursors bound to `list`. */
function bindCursors<P extends OffsetPage>(page: P, list: string): P {
  const bind = (cursor: string | null | undefined) => (cursor == null ? cursor : encodeCursor(list, cursorToOffset(cursor)));
  return {
    ...page,
    edges: page.edges?.map((edge) => (edge ? { ...edge, cursor: bind(edge.cursor)! } : edge)),
    pageInfo: { ...page.pageInfo, startCursor: bind(page.pageInfo.startCursor), endCursor: bind(page.pageInfo.endCursor) },
  };
}

/**
 * One page of a list already in memory and in its order (ranked search results, agencies, figures),
 * with offset cursors bound to the list (see listOf) and the list's `totalCount`.
 */
export function listPage<T>(rows: readonly T[], args: PageArgs, info: GraphQLResolveInfo) {
  const list = listOf(info, args);
  const page = resolveArrayConnection({ args: offsetArgs(args, list), defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE }, rows);
  return { ...bindCursors(page, list), totalCount: rows.length };
}

/**
 * An edge of keyedPage, whose cursor is written only when the query asks for it: most ask for
 * `nodes` alone, and writing a cursor per row was 6% of the CPU of workload 2's 680 communes.
 */
class KeyedEdge<T extends { id: string }> {
  constructor(readonly node: T) {}
  get cursor(): string {
    return formatPrismaCursor(this.node, "id");
  }
}

/**
 * One page of a list in memory with cursors bound to its rows (the row's id, in plugin-prisma's
 * cursor format, so cursors handed out when `Province.communes` was a Prisma relation still work).
 * Relay's rules as plugin-prisma applied them: `first`/`after` page forward, `last`/`before` backward.
 */
export function keyedPage<T extends { id: string }>(rows: readonly T[], args: PageArgs) {
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
  const edges = page.map((node) => new KeyedEdge(node));
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
  const list = listOf(info, args);
  const query = queryFromInfo({ context: ctx, info, typeName, paths: CONNECTION_NODE_PATHS });
  const connection = await resolveOffsetConnection(
    { args: offsetArgs(args, list), defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE, totalCount: ids.length },
    async ({ offset, limit }) => {
      const page = ids.slice(offset, offset + limit);
      if (page.length === 0) return [];
      const rows = await load(query, page);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return page.map((id) => byId.get(id)!).filter(Boolean);
    },
  );
  return { ...bindCursors(connection, list), totalCount: ids.length };
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
