// The registry in memory: every province version, commune version and service center, read once
// per process and answered from without SQL.
//
// Why by hand: the registry is small (about 3,500 version rows and 3,300 centers, a few MB) and
// changes only when it is seeded, while point lookups (`commune(code)`, `communeAt`,
// `communesAt`) and search are the endpoint's hottest reads. Through Prisma each costs a query
// plan in the query compiler plus a round trip; here it is a Map lookup. No library turns a
// Prisma selection into an answer from rows already in memory, so `materialize` below does that
// for the three models and their one-to-one relations, and says "not here" (undefined) for
// anything else (list relations, counts, filters), which the caller then sends to Prisma.
//
// Freshness: the snapshot is loaded lazily on first use, per Prisma client, and dropped by
// `invalidateRegistry`: the seed calls it after writing the registry, and servers call it when
// they hear that another client of the database re-seeded it (http/data-changes.ts).
import type { PrismaClient } from "../generated/prisma/client.js";
import type { CommuneVersion, ProvinceVersion, ServiceCenter } from "../generated/prisma/client.js";
import { isoDate } from "../schema/as-of.js";

type ModelName = "ProvinceVersion" | "CommuneVersion" | "ServiceCenter";
type Row = Record<string, unknown>;

/** A version row with its period as ISO days, for comparisons without Date objects. */
interface Dated<T> {
  row: T;
  from: string;
  /** Exclusive end; null while current. */
  to: string | null;
}

const holds = (version: Dated<unknown>, day: string) => version.from <= day && (version.to === null || version.to > day);

function dated<T extends { validFrom: Date; validTo: Date | null }>(row: T): Dated<T> {
  return { row, from: isoDate(row.validFrom), to: row.validTo ? isoDate(row.validTo) : null };
}

function byCode<T extends { code: string }>(versions: Array<Dated<T>>): Map<string, Array<Dated<T>>> {
  const map = new Map<string, Array<Dated<T>>>();
  for (const version of versions) {
    const list = map.get(version.row.code);
    if (list) list.push(version);
    else map.set(version.row.code, [version]);
  }
  return map;
}

/** Most distinct days whose unit lists are kept (today plus the dates analysts ask about). */
const DAY_LISTS_KEPT = 64;

export class RegistrySnapshot {
  private readonly provincesByCode: Map<string, Array<Dated<ProvinceVersion>>>;
  private readonly communesByCode: Map<string, Array<Dated<CommuneVersion>>>;
  private readonly provinceById: Map<string, ProvinceVersion>;
  private readonly communeById: Map<string, CommuneVersion>;
  private readonly centerByCommuneVersion: Map<string, ServiceCenter>;
  private readonly centerById: Map<string, ServiceCenter>;
  private readonly provinceVersions: Array<Dated<ProvinceVersion>>;
  private readonly communeVersions: Array<Dated<CommuneVersion>>;
  private readonly communeDays = new Map<string, CommuneVersion[]>();
  private readonly provinceDays = new Map<string, ProvinceVersion[]>();

  constructor(provinces: ProvinceVersion[], communes: CommuneVersion[], centers: ServiceCenter[]) {
    const order = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
    this.provinceVersions = [...provinces].sort(order).map(dated);
    this.communeVersions = [...communes].sort(order).map(dated);
    this.provincesByCode = byCode(this.provinceVersions);
    this.communesByCode = byCode(this.communeVersions);
    this.provinceById = new Map(provinces.map((row) => [row.id, row]));
    this.communeById = new Map(communes.map((row) => [row.id, row]));
    this.centerByCommuneVersion = new Map(centers.map((row) => [row.communeVersionId, row]));
    this.centerById = new Map(centers.map((row) => [row.id, row]));
  }

  /** The version of a commune-level unit holding on `day`, or null. */
  commune(code: string, day: string): CommuneVersion | null {
    return this.communesByCode.get(code)?.find((version) => holds(version, day))?.row ?? null;
  }

  /** The version of a province holding on `day`, or null. */
  province(code: string, day: string): ProvinceVersion | null {
    return this.provincesByCode.get(code)?.find((version) => holds(version, day))?.row ?? null;
  }

  /** Every commune-level unit holding on `day`, by code. */
  communesOn(day: string): CommuneVersion[] {
    return this.onDay(this.communeDays, this.communeVersions, day);
  }

  /** Every province holding on `day`, by code. */
  provincesOn(day: string): ProvinceVersion[] {
    return this.onDay(this.provinceDays, this.provinceVersions, day);
  }

  private onDay<T>(cache: Map<string, T[]>, versions: Array<Dated<T>>, day: string): T[] {
    let list = cache.get(day);
    if (!list) {
      list = versions.filter((version) => holds(version, day)).map((version) => version.row);
      if (cache.size >= DAY_LISTS_KEPT) cache.clear();
      cache.set(day, list);
    }
    return list;
  }

  private row(model: ModelName, id: string): Row | undefined {
    const map = model === "ProvinceVersion" ? this.provinceById : model === "CommuneVersion" ? this.communeById : this.centerById;
    return map.get(id) as Row | undefined;
  }

  /** The one-to-one relations the snapshot can follow; any other relation sends the query to Prisma. */
  private related(model: ModelName, row: Row, relation: string): { model: ModelName; row: Row | null } | undefined {
    if (model === "CommuneVersion" && relation === "province") {
      return { model: "ProvinceVersion", row: (this.provinceById.get(row["provinceVersionId"] as string) as Row | undefined) ?? null };
    }
    if (model === "CommuneVersion" && relation === "serviceCenter") {
      return { model: "ServiceCenter", row: (this.centerByCommuneVersion.get(row["id"] as string) as Row | undefined) ?? null };
    }
    if (model === "ServiceCenter" && relation === "commune") {
      return { model: "CommuneVersion", row: (this.communeById.get(row["communeVersionId"] as string) as Row | undefined) ?? null };
    }
    return undefined;
  }

  /**
   * The object Prisma would return for `findUnique({ ...query, where: { id } })` on `model`, or
   * undefined when the selection needs something the snapshot does not hold. `query` is the
   * `{ select }` or `{ include }` that Pothos derives from the GraphQL selection.
   */
  materialize(model: ModelName, id: string, query: unknown): Row | null | undefined {
    const row = this.row(model, id);
    if (!row) return null;
    return this.shape(model, row, query);
  }

  /** Like `materialize`, for many ids in their order; undefined if any of them needs Prisma. */
  materializeMany(model: ModelName, ids: string[], query: unknown): Row[] | undefined {
    const rows: Row[] = [];
    for (const id of ids) {
      const row = this.materialize(model, id, query);
      if (row === undefined) return undefined;
      if (row !== null) rows.push(row);
    }
    return rows;
  }

  private shape(model: ModelName, row: Row, query: unknown): Row | undefined {
    if (query == null || query === true) return { ...row };
    if (typeof query !== "object") return undefined;
    const { select, include, ...rest } = query as { select?: Record<string, unknown>; include?: Record<string, unknown> };
    // where/orderBy/take/... on a one-to-one relation, or anything unexpected: not ours to answer.
    if (Object.keys(rest).length > 0) return undefined;
    if (select && include) return undefined;
    // The id always comes along (Prisma's rows are matched to their ids by callers).
    const out: Row = select ? { id: row["id"] } : { ...row };
    for (const [field, wanted] of Object.entries(select ?? include ?? {})) {
      if (wanted === false || wanted == null) continue;
      if (field in row) {
        if (wanted !== true) return undefined; // a scalar selected with arguments
        out[field] = row[field];
        continue;
      }
      const target = this.related(model, row, field);
      if (!target) return undefined; // a list relation, _count, or a relation outside the registry
      if (target.row === null) {
        out[field] = null;
        continue;
      }
      const nested = this.shape(target.model, target.row, wanted);
      if (nested === undefined) return undefined;
      out[field] = nested;
    }
    return out;
  }
}

interface Holder {
  snapshot: Promise<RegistrySnapshot> | null;
}

const holders = new WeakMap<PrismaClient, Holder>();

function holderOf(prisma: PrismaClient): Holder {
  let holder = holders.get(prisma);
  if (!holder) holders.set(prisma, (holder = { snapshot: null }));
  return holder;
}

/** The registry snapshot of this database, loaded on first use (three statements). */
export function registrySnapshot(prisma: PrismaClient): Promise<RegistrySnapshot> {
  const holder = holderOf(prisma);
  if (holder.snapshot) return holder.snapshot;
  const loading = Promise.all([prisma.provinceVersion.findMany(), prisma.communeVersion.findMany(), prisma.serviceCenter.findMany()]).then(
    ([provinces, communes, centers]) => new RegistrySnapshot(provinces, communes, centers),
  );
  holder.snapshot = loading;
  // A failed load is not kept (unless already replaced): the next request tries again.
  loading.catch(() => {
    if (holder.snapshot === loading) holder.snapshot = null;
  });
  return loading;
}

/** Drops the snapshot after the registry was written; the next read loads it again. */
export function invalidateRegistry(prisma: PrismaClient): void {
  holderOf(prisma).snapshot = null;
}

interface VersionRows {
  CommuneVersion: CommuneVersion;
  ProvinceVersion: ProvinceVersion;
}

/**
 * The version rows with these ids, in their order (unknown ids left out), shaped by the `query`
 * Pothos derives from the GraphQL selection: from the snapshot when it holds the whole selection,
 * else from Prisma in one statement.
 */
export async function versionRows<M extends keyof VersionRows>(prisma: PrismaClient, model: M, ids: string[], query: object): Promise<Array<VersionRows[M]>> {
  if (ids.length === 0) return [];
  const fromMemory = (await registrySnapshot(prisma)).materializeMany(model, ids, query);
  if (fromMemory) return fromMemory as unknown as Array<VersionRows[M]>;
  const select = (query as { select?: Record<string, unknown> }).select;
  const args = { ...query, ...(select ? { select: { ...select, id: true } } : {}), where: { id: { in: ids } } } as never;
  const loaded: Array<{ id: string }> =
    model === "CommuneVersion" ? await prisma.communeVersion.findMany(args) : await prisma.provinceVersion.findMany(args);
  const byId = new Map(loaded.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []) as unknown as Array<VersionRows[M]>;
}

/** The version of a unit holding on `day`, shaped by `query` as versionRows does; null for an unknown code. */
export async function versionOn<M extends keyof VersionRows>(prisma: PrismaClient, model: M, code: string, day: string, query: object): Promise<VersionRows[M] | null> {
  const snapshot = await registrySnapshot(prisma);
  const version = model === "CommuneVersion" ? snapshot.commune(code, day) : snapshot.province(code, day);
  if (!version) return null;
  const [row] = await versionRows(prisma, model, [version.id], query);
  return row ?? null;
}
