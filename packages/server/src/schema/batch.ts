// Per-request batching for links that are not Prisma relations (rows linked by unit code and day).
import DataLoader from "dataloader";
import type { Context } from "../context.js";

const loadersByRequest = new WeakMap<Context, Map<string, DataLoader<string, unknown>>>();

/**
 * The request's loader called `name`: every key loaded through it while this request's sibling
 * fields resolve is answered by one call of `fetch` (DataLoader's scheduling), so a list of 200
 * parents costs one query per loader, not 200. The first call of a name supplies its `fetch`.
 */
export function batchLoader<V>(
  ctx: Context,
  name: string,
  fetch: (keys: string[]) => Promise<Map<string, V>>,
): DataLoader<string, V | undefined> {
  let loaders = loadersByRequest.get(ctx);
  if (!loaders) loadersByRequest.set(ctx, (loaders = new Map()));
  let loader = loaders.get(name) as DataLoader<string, V | undefined> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V | undefined>(async (keys) => {
      const found = await fetch([...keys]);
      return keys.map((key) => found.get(key));
    });
    loaders.set(name, loader as DataLoader<string, unknown>);
  }
  return loader;
}

/** Loads one key through the request's loader `name` (see batchLoader). */
export function loadBatched<V>(
  ctx: Context,
  name: string,
  key: string,
  fetch: (keys: string[]) => Promise<Map<string, V>>,
): Promise<V | undefined> {
  return batchLoader(ctx, name, fetch).load(key);
}

export function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
