// Per-request batching for links that are not Prisma relations (rows linked by unit code and day).
import DataLoader from "dataloader";
import type { Context } from "../context.js";

const loadersByRequest = new WeakMap<Context, Map<string, DataLoader<string, unknown>>>();

/**
 * Loads `key` together with every other key asked for under the same loader `name` while this
 * request's sibling fields resolve, in one call of `fetch` (DataLoader's scheduling), so a list of
 * 200 parents costs one query per loader, not 200. The first call of a name supplies its `fetch`.
 */
export function loadBatched<V>(
  ctx: Context,
  name: string,
  key: string,
  fetch: (keys: string[]) => Promise<Map<string, V>>,
): Promise<V | undefined> {
  let loaders = loadersByRequest.get(ctx);
  if (!loaders) loadersByRequest.set(ctx, (loaders = new Map()));
  let loader = loaders.get(name) as DataLoader<string, V | undefined> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V | undefined>(async (keys) => {
      const found = await fetch([...keys]);
      return keys.map((k) => found.get(k));
    });
    loaders.set(name, loader as DataLoader<string, unknown>);
  }
  return loader.load(key);
}
