// Loads the pre-2025 registry (63 provinces, 696 districts, 10,047 communes) and its lineage links
// to the two-level registry: idempotent (own dataset hash in SeedState) and transactional.
//
// The five island districts that had no communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo)
// became special zones whole; their links (fromLevel DISTRICT) go to DistrictLineageLink, whose
// `from` is a LegacyDistrict, rather than inventing an old commune that never existed.
import { recordSeeded, seededHash } from "./seed-state.js";
import { bulkInsert } from "./bulk-insert.js";
import { announceChange } from "./changes.js";
import { fingerprint } from "../data/files.js";
import { LEGACY_FILES, readLegacyData, type LegacyData } from "../data/legacy-files.js";
import type { Database } from "../db.js";
import type { Prisma } from "../generated/prisma/client.js";

export const LINEAGE_DATASET = "lineage";

export interface LineageRows {
  provinces: Prisma.LegacyProvinceCreateManyInput[];
  districts: Prisma.LegacyDistrictCreateManyInput[];
  communes: Prisma.LegacyCommuneCreateManyInput[];
  links: Prisma.LineageLinkCreateManyInput[];
  districtLinks: Prisma.DistrictLineageLinkCreateManyInput[];
}

export function buildLineageRows(data: LegacyData, currentCommuneCodes?: Set<string>): LineageRows {
  const districtCodes = new Set(data.districts.map((d) => d.code));
  const communeCodes = new Set(data.communes.map((c) => c.code));
  const rows: LineageRows = {
    provinces: data.provinces.map((p) => ({
      code: p.code,
      name: p.name,
      fullName: p.fullName,
      successorCode: p.successorCode,
    })),
    districts: data.districts.map((d) => ({
      code: d.code,
      name: d.name,
      fullName: d.fullName,
      provinceCode: d.provinceCode,
    })),
    communes: data.communes.map((c) => ({
      code: c.code,
      name: c.name,
      fullName: c.fullName,
      altNames: c.altNames,
      type: c.type,
      districtCode: c.districtCode,
      provinceCode: c.provinceCode,
      sources: c.sources,
    })),
    links: [],
    districtLinks: [],
  };
  for (const link of data.lineage) {
    if (currentCommuneCodes && !currentCommuneCodes.has(link.toCode)) {
      throw new Error(`lineage.json links ${link.fromCode} to ${link.toCode}, which is not a current commune-level unit`);
    }
    const row = {
      id: `${link.fromCode}>${link.toCode}`,
      fromCode: link.fromCode,
      toCode: link.toCode,
      kind: link.kind,
      confidence: link.confidence,
      note: link.note,
      sources: link.sources,
      legalBasis: link.legalBasis,
    };
    if (link.fromLevel === "DISTRICT") {
      if (!districtCodes.has(link.fromCode)) throw new Error(`lineage.json names an unknown old district ${link.fromCode}`);
      rows.districtLinks.push(row);
    } else {
      if (!communeCodes.has(link.fromCode)) throw new Error(`lineage.json names an unknown old commune ${link.fromCode}`);
      rows.links.push({ ...row, population: link.population ?? null });
    }
  }
  return rows;
}

export interface LineageSeedResult {
  seeded: boolean;
  counts: { provinces: number; districts: number; communes: number; links: number; districtLinks: number };
}

/** Seeds the legacy units and lineage unless the database already holds this exact dataset. */
export async function seedLineage(db: Database, given?: LegacyData): Promise<LineageSeedResult> {
  const { prisma } = db;
  const current = await seededHash(prisma, LINEAGE_DATASET);
  if (current === (given?.hash ?? fingerprint(LEGACY_FILES))) {
    const [provinces, districts, communes, links, districtLinks] = await Promise.all([
      prisma.legacyProvince.count(),
      prisma.legacyDistrict.count(),
      prisma.legacyCommune.count(),
      prisma.lineageLink.count(),
      prisma.districtLineageLink.count(),
    ]);
    return { seeded: false, counts: { provinces, districts, communes, links, districtLinks } };
  }
  const data = given ?? readLegacyData();
  const districtLinks = data.lineage.filter((link) => link.fromLevel === "DISTRICT").length;
  const counts = {
    provinces: data.provinces.length,
    districts: data.districts.length,
    communes: data.communes.length,
    links: data.lineage.length - districtLinks,
    districtLinks,
  };

  // Links must point at units of the registry seeded before: checked here, not left to chance.
  const currentCodes = new Set(
    (await prisma.communeVersion.findMany({ select: { code: true }, distinct: ["code"] })).map((c) => c.code),
  );
  const rows = buildLineageRows(data, currentCodes);
  await prisma.$transaction(
    async (tx) => {
      await tx.districtLineageLink.deleteMany();
      await tx.lineageLink.deleteMany();
      await tx.legacyCommune.deleteMany();
      await tx.legacyDistrict.deleteMany();
      await tx.legacyProvince.deleteMany();
      // One statement per table (bulk-insert.ts): Prisma's createMany binds ten parameters per
      // row and takes ~25 s for these 20,000 rows on PGlite, this takes <1 s.
      await bulkInsert(tx, "LegacyProvince", rows.provinces);
      await bulkInsert(tx, "LegacyDistrict", rows.districts);
      await bulkInsert(tx, "LegacyCommune", rows.communes);
      await bulkInsert(tx, "LineageLink", rows.links);
      await bulkInsert(tx, "DistrictLineageLink", rows.districtLinks);
      await recordSeeded(tx, LINEAGE_DATASET, data.hash);
      await announceChange(tx, "lineage");
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return { seeded: true, counts };
}
