// Loads the committed registry into the database: idempotent (a dataset hash is stored) and
// transactional (a failure leaves the database as it was).
import type { Database } from "../db.js";
import { recordSeeded, seededHash } from "./seed-state.js";
import { bulkInsert } from "./bulk-insert.js";
import { announceChange, recordChangeEvents } from "./changes.js";
import { invalidateRegistry } from "../registry/snapshot.js";
import { communeServiceCenterName, foldCurrentName } from "../data/vietnamese-names.js";
import { fingerprint, readRegistryData, REGISTRY_FILES, type RegistryData } from "../data/files.js";
import type { Prisma } from "../generated/prisma/client.js";
import { REGISTRY_START } from "../schema/as-of.js";

const DATASET = "registry";

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

export interface RegistryRows {
  provinceVersions: Prisma.ProvinceVersionCreateManyInput[];
  communeVersions: Prisma.CommuneVersionCreateManyInput[];
  serviceCenters: Prisma.ServiceCenterCreateManyInput[];
  events: Prisma.RegistryEventCreateManyInput[];
  changes: Prisma.RegistryChangeCreateManyInput[];
}

/**
 * Turns the 2025-07-01 registry plus its dated events into versions. Each province's timeline is
 * cut at every event touching the province or one of its communes, and every commune gets one
 * version per period of its province, so a province version and its communes are one consistent
 * slice of the registry.
 */
export function buildRegistryRows(data: RegistryData): RegistryRows {
  const communesByProvince = new Map<string, RegistryData["communes"]>();
  for (const commune of data.communes) {
    const list = communesByProvince.get(commune.provinceCode) ?? [];
    list.push(commune);
    communesByProvince.set(commune.provinceCode, list);
  }
  const communeProvince = new Map(data.communes.map((c) => [c.code, c.provinceCode]));
  const provinceLevelCenter = new Map(
    data.serviceCenters.provinceLevelCenters.map((c) => [c.provinceCode, c]),
  );

  // Per province: the events that touch it, in date order.
  const eventsByProvince = new Map<string, RegistryData["events"]>();
  const events = [...data.events].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn));
  for (const event of events) {
    const touched = new Set(
      event.changes.map((change) =>
        change.entity === "PROVINCE" ? change.code : communeProvince.get(change.code),
      ),
    );
    for (const provinceCode of touched) {
      if (!provinceCode) throw new Error(`Event ${event.id} names an unknown commune`);
      const list = eventsByProvince.get(provinceCode) ?? [];
      list.push(event);
      eventsByProvince.set(provinceCode, list);
    }
  }

  const rows: RegistryRows = {
    provinceVersions: [],
    communeVersions: [],
    serviceCenters: [],
    events: events.map((event) => ({
      id: event.id,
      effectiveOn: toDate(event.effectiveOn),
      issuedOn: event.issuedOn ? toDate(event.issuedOn) : null,
      legalBasis: event.legalBasis,
      title: event.title,
      url: event.url,
      description: event.description,
    })),
    changes: [],
  };

  for (const province of data.provinces) {
    const provinceEvents = eventsByProvince.get(province.code) ?? [];
    const starts = [...new Set([REGISTRY_START, ...provinceEvents.map((e) => e.effectiveOn)])].sort();
    const provinceState = { kind: province.kind, fullName: province.fullName };
    const communes = communesByProvince.get(province.code) ?? [];
    const communeState = new Map(communes.map((c) => [c.code, { type: c.type, fullName: c.fullName }]));

    starts.forEach((validFrom, index) => {
      const validTo = starts[index + 1] ?? null;
      const opening = provinceEvents.filter((e) => e.effectiveOn === validFrom);
      const changedCommunes = new Map<string, string>();
      for (const event of opening) {
        for (const change of event.changes) {
          if (change.entity === "PROVINCE" && change.code === province.code) {
            if (provinceState.kind !== change.from) {
              throw new Error(`Event ${event.id}: province ${change.code} is ${provinceState.kind}, not ${change.from}`);
            }
            provinceState.kind = change.to;
            provinceState.fullName = change.newFullName;
          } else if (change.entity === "COMMUNE" && communeState.has(change.code)) {
            const state = communeState.get(change.code)!;
            if (state.type !== change.from) {
              throw new Error(`Event ${event.id}: commune ${change.code} is ${state.type}, not ${change.from}`);
            }
            state.type = change.to;
            state.fullName = change.newFullName;
            changedCommunes.set(change.code, event.id);
          }
        }
      }
      const provinceVersionId = `${province.code}@${validFrom}`;
      rows.provinceVersions.push({
        id: provinceVersionId,
        code: province.code,
        name: province.name,
        fullName: provinceState.fullName,
        nameEn: province.nameEn,
        kind: provinceState.kind,
        searchName: foldCurrentName(province.name, "province"),
        validFrom: toDate(validFrom),
        validTo: validTo ? toDate(validTo) : null,
      });
      for (const event of opening) {
        for (const change of event.changes) {
          const isThisProvince = change.entity === "PROVINCE" && change.code === province.code;
          const isItsCommune = change.entity === "COMMUNE" && communeState.has(change.code);
          if (!isThisProvince && !isItsCommune) continue;
          rows.changes.push({
            id: `${event.id}/${change.code}`,
            eventId: event.id,
            entity: change.entity,
            code: change.code,
            provinceCode: province.code,
            field: change.field,
            fromValue: change.from,
            toValue: change.to,
            newFullName: change.newFullName,
            provinceVersionId,
            communeVersionId: isItsCommune ? `${change.code}@${validFrom}` : null,
          });
        }
      }
      for (const commune of communes) {
        const state = communeState.get(commune.code)!;
        const id = `${commune.code}@${validFrom}`;
        rows.communeVersions.push({
          id,
          code: commune.code,
          name: commune.name,
          fullName: state.fullName,
          nameEn: commune.nameEn,
          type: state.type,
          searchName: foldCurrentName(commune.name, "commune"),
          altSearchNames: commune.altNames.map((name) => foldCurrentName(name, "commune")),
          provinceCode: province.code,
          provinceVersionId,
          validFrom: toDate(validFrom),
          validTo: validTo ? toDate(validTo) : null,
        });
        const shared = provinceLevelCenter.get(province.code);
        const basis = data.serviceCenters;
        rows.serviceCenters.push(
          shared
            ? {
                id,
                communeVersionId: id,
                name: `Trung tâm Phục vụ hành chính công ${provinceState.fullName.replace(/^(Tỉnh|Thành phố)/, (p) => p.toLowerCase())}`,
                scope: "PROVINCE",
                legalBasis: basis.legalBasis,
                sourceUrl: shared.sourceUrl,
                note: shared.note,
              }
            : {
                id,
                communeVersionId: id,
                name: communeServiceCenterName(state.type, commune.name),
                scope: "COMMUNE",
                legalBasis: basis.legalBasis,
                sourceUrl: basis.url,
                note: `Set up under ${basis.article} of ${basis.legalBasis} (in force ${basis.effectiveOn}); the name follows the statutory pattern "Trung tâm Phục vụ hành chính công" + the unit's name.`,
              },
        );
      }
    });
  }
  return rows;
}

export interface SeedResult {
  seeded: boolean;
  counts: { provinces: number; communes: number; events: number };
}

/** Seeds the registry unless the database already holds this exact dataset. */
export async function seed(db: Database, given?: RegistryData): Promise<SeedResult> {
  const { prisma } = db;
  const hash = given?.hash ?? fingerprint(REGISTRY_FILES);
  const current = await seededHash(prisma, DATASET);
  if (current === hash) {
    const [provinces, communes, events] = await Promise.all([
      prisma.provinceVersion.count({ where: { validTo: null } }),
      prisma.communeVersion.count({ where: { validTo: null } }),
      prisma.registryEvent.count(),
    ]);
    return { seeded: false, counts: { provinces, communes, events } };
  }
  const data = given ?? readRegistryData();
  const counts = { provinces: data.provinces.length, communes: data.communes.length, events: data.events.length };
  const rows = buildRegistryRows(data);
  await prisma.$transaction(
    async (tx) => {
      // Children first; RegistryChange and ServiceCenter cascade, but explicit order is clearer.
      // The change feed hears of the events this dataset adds (db/changes.ts); ids already in the
      // log were announced by an earlier seed or by the migration that created the log.
      const announced = new Set(
        (await tx.changeEvent.findMany({ where: { kind: "REGISTRY_EVENT" }, select: { subjectId: true } })).map((event) => event.subjectId),
      );
      await tx.registryChange.deleteMany();
      await tx.serviceCenter.deleteMany();
      await tx.communeVersion.deleteMany();
      await tx.provinceVersion.deleteMany();
      await tx.registryEvent.deleteMany();
      await bulkInsert(tx, "RegistryEvent", rows.events);
      await bulkInsert(tx, "ProvinceVersion", rows.provinceVersions);
      await bulkInsert(tx, "CommuneVersion", rows.communeVersions);
      await bulkInsert(tx, "ServiceCenter", rows.serviceCenters);
      await bulkInsert(tx, "RegistryChange", rows.changes);
      await recordSeeded(tx, DATASET, data.hash);
      // rows.events is in date order: the feed announces older events first.
      const added = rows.events.filter((event) => !announced.has(event.id));
      await recordChangeEvents(tx, added.map((event) => ({ kind: "REGISTRY_EVENT", subjectId: event.id })));
      await announceChange(tx, "registry");
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  // A server on this client answers registry reads from memory: drop what it holds.
  invalidateRegistry(prisma);
  return { seeded: true, counts };
}
