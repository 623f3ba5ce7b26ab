// The registry in memory: every province version, commune version and service center, read once
// per process; every registry field of the API is answered from it, without SQL.
//
// Why by hand: the registry is small (about 3,500 version rows and 3,300 centers, a few MB) and
// changes only when it is seeded or imported, while it is what nearly every request reads. Through
// Prisma, a province with its 168 communes and their centers cost one statement building JSONB for
// every column of every row, then the query compiler parsing it back (issue 18: 5 × slower than
// PostGraphile). Here every read is a Map lookup or a slice of an array built at load time. This is
// the one home of "the version of a unit on a day": the schema, the exports and the address matcher
// read dated units only through it.
//
// Freshness: the snapshot is loaded lazily on first use, per Prisma client, and dropped by
// `invalidateRegistry`: the seed and imports call it after writing the registry, and servers call it
// when they hear that another client of the database changed it (http/data-changes.ts). A request
// keeps the snapshot it started with (Context.registry), so one answer never mixes two loads.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { CommuneVersion, ProvinceVersion, ServiceCenter } from "../generated/prisma/client.js";
import { isoDate } from "../schema/as-of.js";
import { groupBy } from "../schema/batch.js";

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

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** Most distinct days whose unit lists are kept (today plus the dates analysts ask about). */
const DAY_LISTS_KEPT = 64;

const NO_COMMUNES: readonly CommuneVersion[] = Object.freeze([]);

export class RegistrySnapshot {
  private readonly provincesByCode: Map<string, Array<Dated<ProvinceVersion>>>;
  private readonly communesByCode: Map<string, Array<Dated<CommuneVersion>>>;
  private readonly provinceById: Map<string, ProvinceVersion>;
  private readonly communeById: Map<string, CommuneVersion>;
  private readonly centerByCommuneVersion: Map<string, ServiceCenter>;
  private readonly centerById: Map<string, ServiceCenter>;
  /** The commune versions linked to each province version, by code (a version's communes hold on its days). */
  private readonly communesByProvinceVersion: Map<string, CommuneVersion[]>;
  private readonly provinceVersions: Array<Dated<ProvinceVersion>>;
  private readonly communeVersions: Array<Dated<CommuneVersion>>;
  private readonly communeDays = new Map<string, CommuneVersion[]>();
  private readonly provinceDays = new Map<string, ProvinceVersion[]>();

  constructor(provinces: ProvinceVersion[], communes: CommuneVersion[], centers: ServiceCenter[]) {
    this.provinceVersions = [...provinces].sort(byCode).map(dated);
    this.communeVersions = [...communes].sort(byCode).map(dated);
    this.provincesByCode = groupBy(this.provinceVersions, (version) => version.row.code);
    this.communesByCode = groupBy(this.communeVersions, (version) => version.row.code);
    this.provinceById = new Map(provinces.map((row) => [row.id, row]));
    this.communeById = new Map(communes.map((row) => [row.id, row]));
    this.centerByCommuneVersion = new Map(centers.map((row) => [row.communeVersionId, row]));
    this.centerById = new Map(centers.map((row) => [row.id, row]));
    this.communesByProvinceVersion = groupBy(
      this.communeVersions.map((version) => version.row),
      (row) => row.provinceVersionId,
    );
  }

  /** The version of a commune-level unit holding on `day`, or null. */
  commune(code: string, day: string): CommuneVersion | null {
    return this.communesByCode.get(code)?.find((version) => holds(version, day))?.row ?? null;
  }

  /** The version of a province holding on `day`, or null. */
  province(code: string, day: string): ProvinceVersion | null {
    return this.provincesByCode.get(code)?.find((version) => holds(version, day))?.row ?? null;
  }

  /** A province version by its id (the `id` of the API's Province), or null. */
  provinceVersion(id: string): ProvinceVersion | null {
    return this.provinceById.get(id) ?? null;
  }

  /** A commune version by its id (the `id` of the API's Commune), or null. */
  communeVersion(id: string): CommuneVersion | null {
    return this.communeById.get(id) ?? null;
  }

  /** A service center by its id, or null. */
  serviceCenter(id: string): ServiceCenter | null {
    return this.centerById.get(id) ?? null;
  }

  /** The service center serving a commune version, or null. */
  serviceCenterOf(communeVersionId: string): ServiceCenter | null {
    return this.centerByCommuneVersion.get(communeVersionId) ?? null;
  }

  /** The commune versions of a province version (the units of the province on the version's days), by code. */
  communesOf(provinceVersionId: string): readonly CommuneVersion[] {
    return this.communesByProvinceVersion.get(provinceVersionId) ?? NO_COMMUNES;
  }

  /** Every commune-level unit holding on `day`, by code. */
  communesOn(day: string): CommuneVersion[] {
    return this.onDay(this.communeDays, this.communeVersions, day);
  }

  /** Every province holding on `day`, by code. */
  provincesOn(day: string): ProvinceVersion[] {
    return this.onDay(this.provinceDays, this.provinceVersions, day);
  }

  /** Every version of every unit, by code then start day (tests compare them with the database). */
  allVersions(): { provinces: ProvinceVersion[]; communes: CommuneVersion[] } {
    return { provinces: this.provinceVersions.map((v) => v.row), communes: this.communeVersions.map((v) => v.row) };
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
}

interface Holder {
  snapshot: Promise<RegistrySnapshot> | null;
  /** What `snapshot` resolved to, once it has (null while it loads, after a write, or after a failed load). */
  loaded: RegistrySnapshot | null;
}

const holders = new WeakMap<PrismaClient, Holder>();

function holderOf(prisma: PrismaClient): Holder {
  let holder = holders.get(prisma);
  if (!holder) holders.set(prisma, (holder = { snapshot: null, loaded: null }));
  return holder;
}

/** The registry snapshot of this database, loaded on first use (three statements). */
export function registrySnapshot(prisma: PrismaClient): Promise<RegistrySnapshot> {
  const holder = holderOf(prisma);
  if (holder.snapshot) return holder.snapshot;
  const loading = Promise.all([
    prisma.provinceVersion.findMany({ orderBy: [{ code: "asc" }, { validFrom: "asc" }] }),
    prisma.communeVersion.findMany({ orderBy: [{ code: "asc" }, { validFrom: "asc" }] }),
    prisma.serviceCenter.findMany(),
  ]).then(([provinces, communes, centers]) => new RegistrySnapshot(provinces, communes, centers));
  holder.snapshot = loading;
  holder.loaded = null;
  loading.then(
    (snapshot) => {
      if (holder.snapshot === loading) holder.loaded = snapshot;
    },
    // A failed load is not kept (unless already replaced): the next request tries again.
    () => {
      if (holder.snapshot === loading) holder.snapshot = null;
    },
  );
  return loading;
}

/**
 * The snapshot registrySnapshot would resolve to, when it is already loaded; null otherwise. For the
 * per-request context (http/server.ts), which then needs no promise: with every registry field
 * answered from memory, a point lookup is handled without waiting on a promise of its own.
 */
export function loadedRegistrySnapshot(prisma: PrismaClient): RegistrySnapshot | null {
  return holders.get(prisma)?.loaded ?? null;
}

/** Drops the snapshot after the registry was written; the next read loads it again. */
export function invalidateRegistry(prisma: PrismaClient): void {
  const holder = holderOf(prisma);
  holder.snapshot = null;
  holder.loaded = null;
}
