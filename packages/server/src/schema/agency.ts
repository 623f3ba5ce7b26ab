// Agency: a public body of a province or commune (People's Committee, department, equivalent body,
// commune specialised office), linked to the registry by province/commune CODE.
import { queryFromInfo } from "@pothos/plugin-prisma";
import type { GraphQLResolveInfo } from "graphql";
import { builder } from "../builder.js";
import { listBound } from "../limits/list-bound.js";
import { assertNameLength } from "../limits/name-length.js";
import type { Context } from "../context.js";
import { fold } from "../data/vietnamese-names.js";
import { badUserInput } from "../errors.js";
import type { Agency as AgencyRow, Prisma } from "../generated/prisma/client.js";
import { AS_OF_DESCRIPTION, isoDate, resolveAsOf } from "./as-of.js";
import { assertProvinceCode, PROVINCE_CODE_DESCRIPTION } from "./codes.js";
import { Commune } from "./commune.js";
import { countedConnection, listPage, rankedConnection } from "./pagination.js";
import { Province } from "./province.js";
import { Source } from "./source.js";
import { groupBy, loadBatched } from "./batch.js";

export { groupBy, loadBatched };


// ---- types

export const AgencyKind = builder.enumType("AgencyKind", {
  description:
    "What kind of public body an agency is (loại cơ quan). Public Administration Service Centers (Trung tâm Phục vụ hành chính công) are not agencies here: they are `ServiceCenter` objects, one per commune-level unit (see `Commune.serviceCenter`).",
  values: {
    PEOPLES_COUNCIL: {
      description:
        "A People's Council (Hội đồng nhân dân): the elected body of a commune-level unit (Law 72/2025/QH15, Art. 2). A special zone with fewer than 1,000 permanent residents has none (Art. 28). Provincial People's Councils are not recorded.",
    },
    PEOPLES_COMMITTEE: { description: "A People's Committee (Ủy ban nhân dân): the executive of a province or commune-level unit." },
    DEPARTMENT: { description: "A provincial department (sở), a specialised agency of the provincial People's Committee." },
    EQUIVALENT_BODY: {
      description: "A body equivalent to a department (cơ quan ngang sở), e.g. the Provincial Inspectorate or the Office of the People's Committee.",
    },
    SPECIALIZED_OFFICE: {
      description:
        "A specialised office (phòng chuyên môn) of a commune-level People's Committee. Decree 150/2025/NĐ-CP (Art. 13) gives every unit three: Văn phòng Hội đồng nhân dân và Ủy ban nhân dân; Phòng Kinh tế (communes, special zones) or Phòng Kinh tế, Hạ tầng và Đô thị (wards, the special zone Phú Quốc); Phòng Văn hóa - Xã hội. All 3 × 3,321 are recorded, and Figure.consistency counts them against reported figures (indicator commune_specialized_offices).",
    },
  } as const,
});

export const AgencyLevel = builder.enumType("AgencyLevel", {
  description: "Which tier of the two-level local government (chính quyền địa phương hai cấp: cấp tỉnh, cấp xã) an agency belongs to.",
  values: {
    PROVINCE: { description: "Province or centrally-run city." },
    COMMUNE: { description: "Commune, ward or special zone." },
  } as const,
});

export const AgencyBasis = builder.enumType("AgencyBasis", {
  description: "What an agency record rests on, from weakest to strongest evidence that the body exists under that name in that province.",
  values: {
    DECREE_FRAME: {
      description:
        "The national frame alone: Decree 150/2025/NĐ-CP requires the body of every province (Art. 8) or commune-level unit (Art. 13), or Law 72/2025/QH15 gives every unit its People's Council and Committee; no act or report of the province or unit itself was found.",
    },
    PROVINCIAL_ACT: {
      description:
        "An act of the province (People's Council resolution, People's Committee decision) establishing or keeping the body, quoted from its text or from an official report of it. For the 11 provinces not merged in 2025, their act of February 2025 (in force 2025-03-01), whose organisation Decree 150/2025/NĐ-CP kept.",
    },
    OFFICIAL_REPORT: {
      description:
        "An official report, provincial portal or official news naming the body as existing in the province, or as kept or established by the province's 2025 reorganisation; the act itself was not read.",
    },
  } as const,
});

const DEPARTMENT_KINDS = ["DEPARTMENT", "EQUIVALENT_BODY"] as const;

/** An agency row reached through a province version: its `province` resolves to that same version. */
type AgencyParent = AgencyRow & { viaProvinceVersionId?: string };

export const Agency = builder.prismaNode("Agency", {
  description:
    "A public body (cơ quan) of the local government: a People's Committee (Ủy ban nhân dân), a provincial department (sở) or equivalent body (cơ quan tương đương sở), or a commune office (cơ quan chuyên môn thuộc Ủy ban nhân dân cấp xã). Agencies are linked to the registry by province and commune code; each record cites its sources. Coverage is partial: see `Province.agencyCoverage`.",
  id: { field: "id" },
  fields: (t) => ({
    code: t.exposeString("id", { description: 'Stable code of the agency, e.g. "15-so-noi-vu" (province code, then the folded Vietnamese name).' }),
    name: t.exposeString("name", { description: 'Vietnamese name, e.g. "Sở Nội vụ".' }),
    nameEn: t.exposeString("nameEn", { nullable: true, description: 'English name, e.g. "Department of Home Affairs".' }),
    kind: t.expose("kind", { type: AgencyKind, description: "What kind of body it is." }),
    level: t.expose("level", { type: AgencyLevel, description: "Province-level or commune-level body." }),
    basis: t.expose("basis", { type: AgencyBasis, description: "What the record rests on: the decree's frame alone, a provincial act or an official report." }),
    provinceCode: t.exposeString("provinceCode", { description: `The province the body belongs to. ${PROVINCE_CODE_DESCRIPTION}` }),
    communeCode: t.exposeString("communeCode", { nullable: true, description: "The commune-level unit of a commune body; null for province-level bodies." }),
    validFrom: t.field({
      type: "Date",
      description: "First day the body exists under this name: 2025-07-01 for the bodies of the two-level government.",
      resolve: (agency) => agency.validFrom,
    }),
    validTo: t.field({
      type: "Date",
      nullable: true,
      description: "Day a later record replaces this one (when a commune becomes a ward its bodies take the ward's names); null while current.",
      resolve: (agency) => agency.validTo,
    }),
    province: t.field({
      type: Province,
      nullable: true,
      description:
        "The province the body belongs to: the same version as the province it was reached from, otherwise the version holding on `asOf`.",
      args: { asOf: t.arg({ type: "Date", required: false, description: AS_OF_DESCRIPTION }) },
      resolve: (agency, args, ctx) => {
        const via = (agency as AgencyParent).viaProvinceVersionId;
        if (via && args.asOf == null) return ctx.registry.provinceVersion(via);
        return ctx.registry.province(agency.provinceCode, resolveAsOf(args.asOf, ctx.caller.today));
      },
    }),
    commune: t.field({
      type: Commune,
      nullable: true,
      description: "The commune-level unit of a commune body, as it stands on `asOf`; null for province-level bodies.",
      args: { asOf: t.arg({ type: "Date", required: false, description: AS_OF_DESCRIPTION }) },
      resolve: (agency, args, ctx) =>
        agency.communeCode ? ctx.registry.commune(agency.communeCode, resolveAsOf(args.asOf, ctx.caller.today)) : null,
    }),
    parent: t.relation("parent", { nullable: true, description: "The body this one reports to, e.g. the provincial People's Committee for a department." }),
    children: t.relation("children", {
      // [13]
      extensions: listBound(50),
      description: "The bodies reporting to this one, by Vietnamese name.",
      query: { orderBy: [{ kind: "asc" }, { name: "asc" }] },
    }),
    sources: t.field({
      type: [Source],
      extensions: listBound(10),
      description: "The documents this record rests on, the primary one first.",
      select: { sources: { orderBy: { position: "asc" }, include: { source: true } } },
      resolve: (agency) => agency.sources.map((link) => link.source),
    }),
    quote: t.exposeString("quote", { nullable: true, description: "A sentence of `quoteSource` that names the body or states the rule it rests on, verbatim." }),
    quoteSource: t.relation("quoteSource", { nullable: true, description: "The document `quote` comes from (vendored when the source has a file)." }),
    note: t.exposeString("note", { nullable: true, description: "Provenance notes: how the record was established and what is not known." }),
  }),
});

export const AgencyConnection = countedConnection(Agency, {
  name: "AgencyConnection",
  description: "A page of agencies.",
  edgeName: "AgencyEdge",
  edgeDescription: "An agency and its cursor.",
  totalCountDescription: "How many agencies match in all, across every page.",
});

const CONNECTION_NODE_PATHS = [[{ name: "nodes" }], [{ name: "edges" }, { name: "node" }]];
const AGENCY_ORDER: Prisma.AgencyOrderByWithRelationInput[] = [{ provinceCode: "asc" }, { level: "asc" }, { kind: "asc" }, { name: "asc" }];

/** Agency records holding on `day` (YYYY-MM-DD): a commune body's name follows its unit's type on that day. */
export function agenciesOn(day: string): Prisma.AgencyWhereInput {
  const date = new Date(`${day}T00:00:00Z`);
  return { validFrom: { lte: date }, OR: [{ validTo: null }, { validTo: { gt: date } }] };
}

/** Whether an agency row holds on `day`, for rows loaded across periods. */
export const holdsOn = (agency: Pick<AgencyRow, "validFrom" | "validTo">, day: string) =>
  isoDate(agency.validFrom) <= day && (agency.validTo === null || isoDate(agency.validTo) > day);

/** A Pothos query that also selects the period, so that rows loaded across periods can be filtered by day. */
function withPeriod<Q extends object>(query: Q): Q {
  return "select" in query && query.select ? { ...query, select: { ...(query.select as object), validFrom: true, validTo: true } } : query;
}

/**
 * The agencies of one province version, loaded for every province of the request in one query and
 * paged in memory: a province has tens of agencies, so a batched load beats one query per province.
 */
function provinceAgencies(
  ctx: Context,
  info: GraphQLResolveInfo,
  province: { id: string; code: string; validFrom: Date },
  kinds: readonly string[] | null,
) {
  const query = withPeriod(queryFromInfo({ context: ctx, info, typeName: "Agency", paths: CONNECTION_NODE_PATHS }));
  // Every period's records of the provinces asked for, in one query whatever their versions' days; a province
  // version's communes keep their type through the version, so its first day picks their bodies.
  const day = isoDate(province.validFrom);
  const name = `provinceAgencies:${info.parentType.name}.${info.path.key}:${kinds?.join(",") ?? "*"}`;
  return loadBatched(ctx, name, province.code, async (codes) => {
    const rows = await ctx.prisma.agency.findMany({
      ...query,
      where: { provinceCode: { in: codes }, ...(kinds ? { kind: { in: kinds as AgencyRow["kind"][] } } : {}) },
      orderBy: AGENCY_ORDER,
    });
    return groupBy(rows, (row) => row.provinceCode);
  }).then((rows) => (rows ?? []).filter((row) => holdsOn(row, day)).map((row): AgencyParent => ({ ...row, viaProvinceVersionId: province.id })));
}

builder.objectFields(Province, (t) => ({
  departments: t.connection(
    {
      type: Agency,
      description:
        "The province's departments (sở) and department-equivalent bodies (Inspectorate, Office of the People's Committee), by kind and name: the 12 bodies Decree 150/2025/NĐ-CP requires of all provinces, plus the optional departments (Sở Ngoại vụ, Sở Dân tộc và Tôn giáo, Sở Du lịch; Hồ Chí Minh City's Sở An toàn thực phẩm) where a provincial source names them. Each says its basis; a body no provincial source confirms has basis DECREE_FRAME (see agencyCoverage).",
      resolve: async (province, args, ctx, info) =>
        listPage(await provinceAgencies(ctx, info, province, DEPARTMENT_KINDS), args, info),
    },
    AgencyConnection,
  ),
  agencies: t.connection(
    {
      type: Agency,
      description:
        "Every recorded public body of the province, of both levels (the commune-level bodies of all its units included, as named on this version's days), optionally of one kind, by level, kind and name.",
      args: { kind: t.arg({ type: AgencyKind, required: false, description: "Only bodies of this kind." }) },
      resolve: async (province, args, ctx, info) =>
        listPage(await provinceAgencies(ctx, info, province, args.kind ? [args.kind] : null), args, info),
    },
    AgencyConnection,
  ),
  agencyCoverage: t.field({
    type: AgencyCoverage,
    description: "How complete the agency records of this province are, so that an empty list is not read as \"no agencies\".",
    resolve: async (province, _args, ctx) => {
      const day = isoDate(province.validFrom);
      // Counted per period for every province asked for at once; the version's day picks the periods.
      const counts = await loadBatched(ctx, "agencyCoverage", province.code, async (codes) => {
        const rows = await ctx.prisma.agency.groupBy({
          by: ["provinceCode", "kind", "level", "basis", "validFrom", "validTo"],
          where: { provinceCode: { in: codes } },
          _count: { _all: true },
        });
        return groupBy(rows, (row) => row.provinceCode);
      });
      const rows = (counts ?? []).filter((row) => holdsOn(row, day));
      const sum = (filter: (row: (typeof rows)[number]) => boolean) =>
        rows.filter(filter).reduce((total, row) => total + row._count._all, 0);
      return {
        provinceCode: province.code,
        agencies: sum(() => true),
        departments: sum((row) => (DEPARTMENT_KINDS as readonly string[]).includes(row.kind)),
        communeLevel: sum((row) => row.level === "COMMUNE"),
        communeOffices: sum((row) => row.kind === "SPECIALIZED_OFFICE"),
        confirmedDepartments: sum((row) => (DEPARTMENT_KINDS as readonly string[]).includes(row.kind) && row.basis !== "DECREE_FRAME"),
      };
    },
  }),
}));

interface CoverageShape {
  provinceCode: string;
  agencies: number;
  departments: number;
  communeLevel: number;
  communeOffices: number;
  confirmedDepartments: number;
}

const COVERAGE_NOTE =
  "Every province has its People's Committee and the 12 departments and equivalent bodies that Decree 150/2025/NĐ-CP (Art. 8) requires of all provinces. Where a provincial act or official report was found (confirmedDepartments counts them; decreeFrameOnly is false), each body it names has basis PROVINCIAL_ACT or OFFICIAL_REPORT, with the quoted sentence, and the optional departments it names (Sở Dân tộc và Tôn giáo, Sở Ngoại vụ, Sở Du lịch, Hồ Chí Minh City's Sở An toàn thực phẩm) are added. Bodies no provincial source names keep basis DECREE_FRAME under the frame's name; optional departments no source names are not recorded. Every commune-level unit has its People's Council (none in the four special zones of fewer than 1,000 residents: Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Trường Sa; Law 72/2025/QH15, Art. 28), its People's Committee and the three specialised offices of Decree 150 (Art. 13), each with basis DECREE_FRAME: no act of a unit was read. Figure.consistency counts the stored offices against reported figures; every commune's Public Administration Service Center is at Commune.serviceCenter.";

export const AgencyCoverage = builder.objectRef<CoverageShape>("AgencyCoverage").implement({
  description: "How many agency records exist for a province, and what is known to be missing.",
  fields: (t) => ({
    agencies: t.exposeInt("agencies", { description: "Agency records of the province, of both levels." }),
    departments: t.exposeInt("departments", { description: "Recorded departments and department-equivalent bodies." }),
    communeLevel: t.exposeInt("communeLevel", { description: "Recorded commune-level bodies: People's Councils, People's Committees and specialised offices of the province's units." }),
    communeOffices: t.exposeInt("communeOffices", { description: "Recorded specialised offices (phòng chuyên môn) of the province's commune-level units: three per unit." }),
    confirmedDepartments: t.exposeInt("confirmedDepartments", {
      description: "Departments and equivalent bodies whose record rests on a provincial act or an official report, not on the decree's frame alone.",
    }),
    decreeFrameOnly: t.boolean({
      description: "True when no department record of the province is confirmed by a provincial source: the list is the decree's frame.",
      resolve: (coverage) => coverage.departments > 0 && coverage.confirmedDepartments === 0,
    }),
    covered: t.boolean({
      description: "True when the province's People's Committee and its departments are recorded at all.",
      resolve: (coverage) => coverage.departments > 0,
    }),
    note: t.string({
      description: "What the records cover and what they leave out, with the reason.",
      resolve: () => COVERAGE_NOTE,
    }),
  }),
});

builder.objectFields(Commune, (t) => ({
  agencies: t.field({
    // [5: People's Council, People's Committee, three offices]
    extensions: listBound(10),
    type: [Agency],
    description:
      "The public bodies of this commune-level unit as named on this version's days, optionally of one kind: its People's Council (Hội đồng nhân dân; none in a special zone of fewer than 1,000 residents), its People's Committee (Ủy ban nhân dân) and the three specialised offices Decree 150/2025/NĐ-CP (Art. 13) gives every unit (Văn phòng Hội đồng nhân dân và Ủy ban nhân dân; Phòng Kinh tế, or Phòng Kinh tế, Hạ tầng và Đô thị in wards and Phú Quốc; Phòng Văn hóa - Xã hội), by kind and name. The unit's Public Administration Service Center is at `serviceCenter`.",
    args: { kind: t.arg({ type: AgencyKind, required: false, description: "Only bodies of this kind." }) },
    resolve: async (commune, args, ctx, info) => {
      const query = queryFromInfo({ context: ctx, info, typeName: "Agency" });
      // Every period's bodies of the units asked for, in one query; each version keeps those holding on its first day.
      const selection = withPeriod(query);
      const rows = await loadBatched(ctx, `communeAgencies:${info.path.key}:${args.kind ?? "*"}`, commune.code, async (codes) => {
        const found = await ctx.prisma.agency.findMany({
          ...selection,
          where: { communeCode: { in: codes }, ...(args.kind ? { kind: args.kind } : {}) },
          orderBy: AGENCY_ORDER,
        });
        return groupBy(found, (row) => row.communeCode!);
      });
      const day = isoDate(commune.validFrom);
      return (rows ?? []).filter((row) => holdsOn(row, day));
    },
  }),
}));

const AGENCY_SEARCH_DESCRIPTION =
  'Finds agencies whose Vietnamese or English name contains this text, ignoring diacritics and case: "noi vu" and "home affairs" both find Sở Nội vụ.';

builder.queryFields((t) => ({
  agency: t.prismaField({
    type: Agency,
    nullable: true,
    description: "One agency by its `code` (e.g. \"15-so-noi-vu\") or its global `id`; null when unknown.",
    args: {
      code: t.arg.string({ required: false, description: 'Stable agency code, e.g. "15-so-noi-vu".' }),
      id: t.arg.id({ required: false, description: "The agency's global id, as returned in `Agency.id`." }),
    },
    resolve: (query, _root, args, ctx) => {
      if ((args.code == null) === (args.id == null)) {
        throw badUserInput("agencyCodeOrId", {}, args.code == null ? "code" : "id");
      }
      let code = args.code;
      if (code == null) {
        const decoded = Buffer.from(String(args.id), "base64").toString("utf8");
        const [typeName, rawId] = [decoded.slice(0, decoded.indexOf(":")), decoded.slice(decoded.indexOf(":") + 1)];
        if (typeName !== "Agency") throw badUserInput("notAnAgencyId", { id: String(args.id) }, "id");
        code = rawId;
      }
      return ctx.prisma.agency.findUnique({ ...query, where: { id: code } });
    },
  }),
  agencies: t.connection(
    {
      type: Agency,
      description:
        "Agencies existing on `asOf`, optionally of one province and kind and matching `search`, ordered by province, level, kind and name. Commune-level bodies are included: filter with `kind` or `search` (e.g. \"phong kinh te\").",
      args: {
        asOf: t.arg({ type: "Date", required: false, description: AS_OF_DESCRIPTION }),
        provinceCode: t.arg.string({ required: false, description: `Only agencies of this province. ${PROVINCE_CODE_DESCRIPTION}` }),
        kind: t.arg({ type: AgencyKind, required: false, description: "Only agencies of this kind." }),
        level: t.arg({ type: AgencyLevel, required: false, description: "Only province-level or only commune-level bodies." }),
        search: t.arg.string({ required: false, description: AGENCY_SEARCH_DESCRIPTION }),
      },
      resolve: async (_root, args, ctx, info) => {
        const where = { ...agenciesWhere(args), ...agenciesOn(resolveAsOf(args.asOf, ctx.caller.today)) };
        const ids = (await ctx.prisma.agency.findMany({ where, select: { id: true }, orderBy: [...AGENCY_ORDER, { id: "asc" }] })).map((row) => row.id);
        return rankedConnection({
          ids,
          args,
          ctx,
          info,
          typeName: "Agency",
          load: (query, page) => ctx.prisma.agency.findMany({ ...query, where: { id: { in: page } } }),
        });
      },
    },
    AgencyConnection,
  ),
}));

function agenciesWhere(args: {
  provinceCode?: string | null;
  kind?: AgencyRow["kind"] | null;
  level?: AgencyRow["level"] | null;
  search?: string | null;
}): Prisma.AgencyWhereInput {
  const provinceCode = args.provinceCode == null ? null : assertProvinceCode(args.provinceCode, "provinceCode");
  if (args.search != null) assertNameLength(args.search, "search");
  const folded = args.search == null ? "" : fold(args.search);
  return {
    ...(provinceCode ? { provinceCode } : {}),
    ...(args.kind ? { kind: args.kind } : {}),
    ...(args.level ? { level: args.level } : {}),
    ...(folded ? { searchName: { contains: folded } } : {}),
  };
}
