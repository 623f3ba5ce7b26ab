// The longest list a list field without pagination can return, declared where the field is
// (`extensions: listBound(50)`) and read by the cost walk (limits/cost.ts), which multiplies the
// field's selections by it. A list field that declares none counts DEFAULT_LIST_BOUND items.
// Bounds leave room to grow over the committed data's measured maxima, noted beside each.

/** Items counted for a list field that declares no bound. */
export const DEFAULT_LIST_BOUND = 100;

/** A bound: a number, or one computed from the field's arguments (one item per point asked for). */
export type ListBound = number | ((args: Record<string, unknown>) => number);

/** The field extension that declares a list field's bound. */
export const listBound = (bound: ListBound) => ({ listBound: bound });

/** One item per element of a list argument (`nodes(ids:)`, `communesAt(points:)`), or `fallback` when it is not known. */
export const oneItemPer =
  (argument: string, fallback: number): ListBound =>
  (args) =>
    Array.isArray(args[argument]) ? (args[argument] as unknown[]).length : fallback;

/** A field's declared bound, if any. */
export const declaredListBound = (extensions: unknown): ListBound | undefined => {
  const bound = (extensions as { listBound?: unknown } | null | undefined)?.listBound;
  return typeof bound === "number" || typeof bound === "function" ? (bound as ListBound) : undefined;
};
