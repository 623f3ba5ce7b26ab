// Page-size rules shared by every connection, and the ranked list connections of the root fields.
import { queryFromInfo } from "@pothos/plugin-prisma";
import { cursorToOffset, resolveOffsetConnection } from "@pothos/plugin-relay";
import type { GraphQLResolveInfo } from "graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../builder.js";
import type { Context } from "../context.js";
import { badUserInput } from "../errors.js";

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
    if (value < 0) throw badUserInput(`${name} must be 0 or more, got ${value}.`, name);
    if (value > MAX_PAGE_SIZE) {
      throw badUserInput(
        `${name} is ${value}, more than the maximum page size of ${MAX_PAGE_SIZE}. Ask for at most ${MAX_PAGE_SIZE} and follow pageInfo.endCursor with \`after\`.`,
        name,
      );
    }
  }
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
  for (const name of ["after", "before"] as const) {
    const cursor = args[name];
    if (cursor == null) continue;
    let offset = Number.NaN;
    try {
      offset = cursorToOffset(cursor);
    } catch {
      // reported below
    }
    if (!Number.isInteger(offset) || offset < 0) {
      throw badUserInput(`${name} "${cursor}" is not a cursor of this list: pass a pageInfo.endCursor or edge cursor it returned.`, name);
    }
  }
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
