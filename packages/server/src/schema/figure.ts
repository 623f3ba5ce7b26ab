// Figure: one number a source states about a province, commune, agency or legacy unit, with its quote.
import { queryFromInfo } from "@pothos/plugin-prisma";
import type { GraphQLResolveInfo } from "graphql";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { badUserInput } from "../errors.js";
import type { Figure as FigureRow, Prisma } from "../generated/prisma/client.js";
import { Agency, groupBy, holdsOn, loadBatched } from "./agency.js";
import { AS_OF_DESCRIPTION, isoDate, REGISTRY_START, resolveAsOf } from "./as-of.js";
import { assertProvinceCode, PROVINCE_CODE_DESCRIPTION } from "./codes.js";
import { Commune } from "./commune.js";
import { assertIndicator } from "./indicator.js";
import { countedConnection, listPage, rankedConnection } from "./pagination.js";
import { Province } from "./province.js";
import { CURRENT_FIGURE, figureStateWhere } from "../service/figure-state.js";

export const FigureQualifier = builder.enumType("FigureQualifier", {
  description: "How the source states the number: exactly, approximately, or as a bound.",
  values: {
    EXACT: { description: "The source gives the number as exact." },
    APPROXIMATE: { description: 'The source says "about" or "nearly".' },
    AT_LEAST: { description: 'The source says "at least" (value ≤ true number).' },
    MORE_THAN: { description: 'The source says "more than" or "over" (value < true number).' },
    AT_MOST: { description: 'The source says "at most" (true number ≤ value).' },
    LESS_THAN: { description: 'The source says "less than" or "under" (true number < value).' },
  } as const,
});

export const FigureStatus = builder.enumType("FigureStatus", {
  description: "Whether a figure reports what is, or what is planned or aimed for.",
  values: {
    REPORTED: { description: "A reported state or result on `asOf`." },
    PLANNED: { description: "A plan in force on `asOf` (e.g. a merger plan before it took effect)." },
    TARGET: { description: "A goal the subject set itself." },
  } as const,
});

export const FigureSubjectType = builder.enumType("FigureSubjectType", {
  description: "What kind of unit a figure is about.",
  values: {
    PROVINCE: { description: "A current (2025-07-01 on) province or centrally-run city." },
    COMMUNE: { description: "A current commune-level unit." },
    AGENCY: { description: "An agency (see Agency)." },
    LEGACY_PROVINCE: {
      description: 'A province as it was before 2025-07-01, by its old 2-digit code (old codes can equal new ones for other provinces: legacy "15" is Yên Bái, current "15" is Lào Cai).',
    },
    LEGACY_DISTRICT: { description: "A district as it was before the district level ended on 2025-07-01, by its old 3-digit code." },
  } as const,
});

interface LegacyUnitShape {
  kind: "LegacyUnitRef";
  type: "LEGACY_PROVINCE" | "LEGACY_DISTRICT";
  code: string | null;
  name: string | null;
}

export const LegacyUnitRef = builder.objectRef<LegacyUnitShape>("LegacyUnitRef").implement({
  description:
    "A reference to a pre-2025-07-01 province or district that a figure is about. It carries only what the figure records; the old units' own records (lineage) are served elsewhere, and this reference can resolve to them later.",
  fields: (t) => ({
    type: t.field({ type: FigureSubjectType, description: "LEGACY_PROVINCE or LEGACY_DISTRICT.", resolve: (ref) => ref.type }),
    code: t.exposeString("code", {
      nullable: true,
      description: "The old official code (2 digits for a province, 3 for a district); null when the source names the unit without a code that could be established.",
    }),
    name: t.exposeString("name", { nullable: true, description: 'The unit\'s name, e.g. "Tỉnh Lào Cai" (old Lào Cai, before its merger with Yên Bái).' }),
  }),
});

export const FigureSubject = builder.unionType("FigureSubject", {
  description: "What a figure is about: a current province or commune (the version holding on the figure's date), an agency, or a legacy unit.",
  types: [Province, Commune, Agency, LegacyUnitRef],
  resolveType: (value) => {
    const kind = (value as { kind?: string }).kind;
    if (kind === "LegacyUnitRef") return LegacyUnitRef;
    if ("searchName" in (value as object) && "altSearchNames" in (value as object)) return Commune;
    if ("level" in (value as object)) return Agency;
    return Province;
  },
});

interface ConsistencyShape {
  registryValue: number;
  agrees: boolean;
  checkedOn: string;
}

export const FigureConsistency = builder.objectRef<ConsistencyShape>("FigureConsistency").implement({
  description:
    "The registry's own value for a reported figure it can check (unit counts of a current province; the stored specialised offices of its units, three per unit by Decree 150/2025/NĐ-CP Art. 13; its units' own Public Administration Service Centers), so that disagreements between a report and the registry are visible.",
  fields: (t) => ({
    registryValue: t.exposeInt("registryValue", { description: "What the registry counts for the subject on `checkedOn`." }),
    agrees: t.exposeBoolean("agrees", {
      description: "Whether the figure, read with its qualifier, agrees with the registry (APPROXIMATE: within 5%).",
    }),
    checkedOn: t.field({ type: "Date", description: "The day the registry was read for: the figure's `asOf`.", resolve: (c) => new Date(`${c.checkedOn}T00:00:00Z`) }),
  }),
});

/** What the registry counts for each checkable indicator: units of some types, their own service centers, or stored offices. */
const CHECKABLE: Record<string, { types: readonly string[]; counts: "units" | "serviceCenters" | "offices" }> = {
  commune_level_units: { types: ["COMMUNE", "WARD", "SPECIAL_ZONE"], counts: "units" },
  communes: { types: ["COMMUNE"], counts: "units" },
  wards: { types: ["WARD"], counts: "units" },
  // The stored specialised offices (Agency, kind SPECIALIZED_OFFICE) of the province's units on the day: Decree
  // 150/2025/NĐ-CP, Art. 13 gives each unit three (Văn phòng HĐND và UBND; Phòng Kinh tế, or Phòng Kinh tế, Hạ tầng
  // và Đô thị in wards and Phú Quốc; Phòng Văn hóa - Xã hội).
  commune_specialized_offices: { types: ["COMMUNE", "WARD", "SPECIAL_ZONE"], counts: "offices" },
  // The units' own Public Administration Service Centers (Commune.serviceCenter of scope COMMUNE); a province-wide
  // center (Hà Nội, Quảng Ninh) is not a commune-level one.
  commune_public_service_centers: { types: ["COMMUNE", "WARD", "SPECIAL_ZONE"], counts: "serviceCenters" },
};

function agrees(value: number, qualifier: FigureRow["qualifier"], registry: number): boolean {
  switch (qualifier) {
    case "EXACT":
      return registry === value;
    case "APPROXIMATE":
      return Math.abs(registry - value) <= Math.abs(value) * 0.05;
    case "AT_LEAST":
      return registry >= value;
    case "MORE_THAN":
      return registry > value;
    case "AT_MOST":
      return registry <= value;
    case "LESS_THAN":
      return registry < value;
  }
}

export const Figure = builder.prismaNode("Figure", {
  description:
    "One number (số liệu) a source states about one subject on one date, with the exact sentence it comes from (`quote`, verbatim in the source's vendored text). Figures cite the original document, never a translation.",
  id: { field: "id" },
  fields: (t) => ({
    code: t.exposeString("id", { description: 'Stable id of the figure, e.g. "lc15-2025-10-provincial-admin-orgs-reduced".' }),
    indicator: t.relation("indicator", { description: "What the number measures." }),
    value: t.exposeFloat("value", { description: "The number, in `unit`; read it with `qualifier`." }),
    qualifier: t.expose("qualifier", { type: FigureQualifier, description: "Exact, approximate, or a bound." }),
    unit: t.exposeString("unit", { description: 'The unit: "count", "percent" or "VND" (always the indicator\'s unit).' }),
    asOf: t.field({ type: "Date", description: "The day the number describes (for reports, the day they state it).", resolve: (figure) => figure.asOf }),
    status: t.expose("status", { type: FigureStatus, description: "Reported, planned or target." }),
    subjectType: t.expose("subjectType", { type: FigureSubjectType, description: "What kind of unit the figure is about." }),
    subjectCode: t.exposeString("subjectCode", { nullable: true, description: "The subject's code (province, commune, agency, legacy province or district)." }),
    subject: t.field({
      type: FigureSubject,
      nullable: true,
      description:
        "The unit the figure is about. Current provinces and communes resolve to the version holding on the figure's date (or on 2025-07-01 for earlier dates); legacy units to a LegacyUnitRef.",
      resolve: (figure, _args, ctx, info) => resolveSubject(figure, ctx, info),
    }),
    source: t.relation("source", { description: "The document the figure is taken from (the original, not a translation)." }),
    quote: t.exposeString("quote", { description: "The sentence of the source that states the number, verbatim." }),
    note: t.exposeString("note", { nullable: true, description: "How the figure was read from the quote, and caveats." }),
    consistency: t.field({
      type: FigureConsistency,
      nullable: true,
      description:
        "The registry's value for this figure where the registry can check it: indicators commune_level_units, communes, wards, commune_specialized_offices (the stored offices of the province's units on that day: three per unit, Decree 150/2025/NĐ-CP Art. 13) and commune_public_service_centers (the units' own service centers), about a current province, dated 2025-07-01 or later. Null otherwise.",
      resolve: (figure, _args, ctx) => consistencyOf(figure, ctx),
    }),
  }),
});

async function resolveSubject(figure: FigureRow, ctx: Context, info: GraphQLResolveInfo) {
  const code = figure.subjectCode;
  if (figure.subjectType === "LEGACY_PROVINCE" || figure.subjectType === "LEGACY_DISTRICT") {
    return { kind: "LegacyUnitRef", type: figure.subjectType, code, name: figure.subjectName } satisfies LegacyUnitShape;
  }
  if (code == null) return null;
  const asOf = isoDate(figure.asOf);
  const day = asOf < REGISTRY_START ? REGISTRY_START : asOf;
  if (figure.subjectType === "PROVINCE") return ctx.registry.province(code, day);
  if (figure.subjectType === "AGENCY") {
    return (
      (await loadBatched(ctx, "figureSubjectAgency", code, async (ids) => {
        const rows = await ctx.prisma.agency.findMany({ where: { id: { in: ids } } });
        return new Map(rows.map((row) => [row.id, row]));
      })) ?? null
    );
  }
  return ctx.registry.commune(code, day);
}

async function consistencyOf(figure: FigureRow, ctx: Context): Promise<ConsistencyShape | null> {
  const rule = CHECKABLE[figure.indicatorCode];
  const types = rule?.types;
  const day = isoDate(figure.asOf);
  if (!types || figure.subjectType !== "PROVINCE" || figure.subjectCode == null || day < REGISTRY_START) return null;
  const province = ctx.registry.province(figure.subjectCode, day);
  if (!province) return null;
  const units = ctx.registry.communesOf(province.id).filter((commune) => types.includes(commune.type));
  let registryValue = units.length;
  if (rule!.counts === "serviceCenters") registryValue = units.filter((unit) => ctx.registry.serviceCenterOf(unit.id)?.scope === "COMMUNE").length;
  if (rule!.counts === "offices") registryValue = await storedOffices(ctx, province.code, day);
  return { registryValue, agrees: agrees(figure.value, figure.qualifier, registryValue), checkedOn: day };
}

/** The specialised offices stored for the units of a province on `day`, counted for every province of the request at once. */
async function storedOffices(ctx: Context, provinceCode: string, day: string): Promise<number> {
  // Counted per period for every province of the request at once, whatever the figures' days.
  const periods = await loadBatched(ctx, "storedOffices", provinceCode, async (codes) => {
    const rows = await ctx.prisma.agency.groupBy({
      by: ["provinceCode", "validFrom", "validTo"],
      where: { provinceCode: { in: codes }, kind: "SPECIALIZED_OFFICE" },
      _count: { _all: true },
    });
    return groupBy(rows, (row) => row.provinceCode);
  });
  return (periods ?? []).filter((row) => holdsOn(row, day)).reduce((total, row) => total + row._count._all, 0);
}

export const FigureConnection = countedConnection(Figure, {
  name: "FigureConnection",
  description: "A page of figures.",
  edgeName: "FigureEdge",
  edgeDescription: "A figure and its cursor.",
  totalCountDescription: "How many figures match in all, across every page.",
});

const FIGURE_ORDER: Prisma.FigureOrderByWithRelationInput[] = [{ asOf: "asc" }, { indicatorCode: "asc" }, { id: "asc" }];
const CONNECTION_NODE_PATHS = [[{ name: "nodes" }], [{ name: "edges" }, { name: "node" }]];

const INCLUDE_PREDECESSORS_DESCRIPTION =
  "Also include figures about the pre-2025-07-01 provinces and districts merged into this province (e.g. old Lào Cai, legacy code 10, for Lào Cai 15). Default false: only figures about the province itself, its communes and its agencies.";

interface FigureFilter {
  indicator?: string | null;
  from?: Date | null;
  to?: Date | null;
  status?: FigureRow["status"] | null;
  includePredecessors?: boolean | null;
  includeSuperseded?: boolean | null;
  includeRetracted?: boolean | null;
}

async function figureWhere(ctx: Context, filter: FigureFilter): Promise<Prisma.FigureWhereInput> {
  if (filter.indicator != null) await assertIndicator(ctx, filter.indicator);
  if (filter.from && filter.to && filter.from > filter.to) throw badUserInput("fromAfterTo", {}, "from");
  return {
    ...(filter.indicator != null ? { indicatorCode: filter.indicator } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.from || filter.to ? { asOf: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } } : {}),
    ...(filter.includePredecessors ? {} : { subjectType: { in: ["PROVINCE", "COMMUNE", "AGENCY"] } }),
    ...figureStateWhere(filter),
  };
}

const filterArgs = builder.args((t) => ({
    indicator: t.string({ required: false, description: 'Only figures of this indicator code (see Query.indicators), e.g. "commune_level_units".' }),
    from: t.field({ type: "Date", required: false, description: "Only figures dated on or after this day." }),
    to: t.field({ type: "Date", required: false, description: "Only figures dated on or before this day." }),
    status: t.field({ type: FigureStatus, required: false, description: "Only reported, planned or target figures." }),
    includeSuperseded: t.boolean({
      required: false,
      defaultValue: false,
      description: "Also list figures that a later correction superseded (see Figure.history). Default false: current values only.",
    }),
    includeRetracted: t.boolean({ required: false, defaultValue: false, description: "Also list retracted figures. Default false." }),
}));

builder.objectFields(Province, (t) => ({
  figures: t.connection(
    {
      type: Figure,
      description: "Sourced figures about this province (and its communes and agencies), oldest first, optionally of one indicator, status and date range.",
      args: {
        ...filterArgs,
        includePredecessors: t.arg.boolean({ required: false, defaultValue: false, description: INCLUDE_PREDECESSORS_DESCRIPTION }),
      },
      resolve: async (province, args, ctx, info) => {
        const where = await figureWhere(ctx, args);
        const query = queryFromInfo({ context: ctx, info, typeName: "Figure", paths: CONNECTION_NODE_PATHS });
        const rows =
          (await loadBatched(ctx, `provinceFigures:${info.parentType.name}.${info.path.key}:${JSON.stringify(args)}`, province.code, async (codes) => {
            const found = await ctx.prisma.figure.findMany({ ...query, where: { ...where, provinceCode: { in: codes } }, orderBy: FIGURE_ORDER });
            return groupBy(found, (row) => row.provinceCode!);
          })) ?? [];
        return listPage(rows, args, info);
      },
    },
    FigureConnection,
  ),
  figure: t.prismaField({
    type: Figure,
    nullable: true,
    description:
      "The latest REPORTED figure of an indicator about this province dated on or before `asOf` (default today); null when no source reports one. Ties on the same day go to the figure with the smaller id.",
    args: {
      indicator: t.arg.string({ required: true, description: 'Indicator code (see Query.indicators), e.g. "commune_level_units".' }),
      asOf: t.arg({ type: "Date", required: false, description: AS_OF_DESCRIPTION }),
    },
    resolve: async (query, province, args, ctx, info) => {
      await assertIndicator(ctx, args.indicator);
      const day = resolveAsOf(args.asOf, ctx.caller.today);
      return (await latestReported(ctx, `provinceFigure:${info.path.key}`, query, args.indicator, day, province.code)) ?? null;
    },
  }),
}));

/** The latest REPORTED figure per province of one indicator on or before `day`, batched over provinces. */
export function latestReported(ctx: Context, name: string, query: object, indicator: string, day: string, provinceCode: string) {
  return loadBatched(ctx, `${name}:${indicator}:${day}`, provinceCode, async (codes) => {
    const rows = await ctx.prisma.figure.findMany({
      ...query,
      where: {
        indicatorCode: indicator,
        status: "REPORTED",
        subjectType: "PROVINCE",
        subjectCode: { in: codes },
        asOf: { lte: new Date(`${day}T00:00:00Z`) },
        ...CURRENT_FIGURE,
      },
      orderBy: [{ asOf: "desc" }, { id: "asc" }],
    });
    const latest = new Map<string, FigureRow>();
    for (const row of rows) if (!latest.has(row.subjectCode!)) latest.set(row.subjectCode!, row);
    return latest;
  });
}


builder.queryFields((t) => ({
  figures: t.connection(
    {
      type: Figure,
      description:
        "Sourced figures, oldest first, filtered by indicator, province, status and date range. Without `provinceCode` every figure matches, legacy subjects included.",
      args: {
        ...filterArgs,
        provinceCode: t.arg.string({
          required: false,
          description: `Only figures about this province, its communes and agencies. ${PROVINCE_CODE_DESCRIPTION}`,
        }),
        includePredecessors: t.arg.boolean({
          required: false,
          description: `With provinceCode: ${INCLUDE_PREDECESSORS_DESCRIPTION} Without provinceCode legacy subjects are always included.`,
        }),
      },
      resolve: async (_root, args, ctx, info) => {
        const provinceCode = args.provinceCode == null ? null : assertProvinceCode(args.provinceCode, "provinceCode");
        const where = await figureWhere(ctx, { ...args, includePredecessors: provinceCode == null ? true : args.includePredecessors });
        const ids = (
          await ctx.prisma.figure.findMany({ where: { ...where, ...(provinceCode ? { provinceCode } : {}) }, select: { id: true }, orderBy: FIGURE_ORDER })
        ).map((row) => row.id);
        return rankedConnection({
          ids,
          args,
          ctx,
          info,
          typeName: "Figure",
          load: (query, page) => ctx.prisma.figure.findMany({ ...query, where: { id: { in: page } } }),
        });
      },
    },
    FigureConnection,
  ),
}));

builder.prismaObjectField("Source", "figures", (t) =>
  t.relatedConnection(
    "figures",
    {
      description: "The current figures taken from this document (not superseded, not retracted), by indicator and date.",
      cursor: "id",
      totalCount: true,
      query: { where: CURRENT_FIGURE, orderBy: [{ indicatorCode: "asc" }, { asOf: "asc" }, { id: "asc" }] },
    },
    FigureConnection,
  ),
);
