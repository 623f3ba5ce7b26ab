// Agency: a public body of a province or commune (People's Committee, department, equivalent body,
// commune specialised office), linked to the registry by province/commune CODE.
import { queryFromInfo } from "@pothos/plugin-prisma";
import type { GraphQLResolveInfo } from "graphql";
import { builder } from "../builder.js";
import { listBound } from "../limits/list-bound.js";
import type { Context } from "../context.js";
import { fold } from "../data/vietnamese-names.js";
import { badUserInput } from "../errors.js";
import type { Agency as AgencyRow, Prisma } from "../generated/prisma/client.js";
import { AS_OF_DESCRIPTION, resolveAsOf } from "./as-of.js";
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
    PEOPLES_COMMITTEE: { description: "A People's Committee (Ủy ban nhân dân): the executive of a province or commune-level unit." },
    DEPARTMENT: { description: "A provincial department (sở), a specialised agency of the provincial People's Committee." },
    EQUIVALENT_BODY: {
      description: "A body equivalent to a department (cơ quan ngang sở), e.g. the Provincial Inspectorate or the Office of the People's Committee.",
    },
    SPECIALIZED_OFFICE: {
      description: "A specialised office (phòng chuyên môn) of a commune-level People's Committee. None are recorded as agencies: Decree 150/2025/NĐ-CP (Art. 13) gives every unit three, and Figure.consistency checks reported counts (indicator commune_specialized_offices) by that rule.",
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
        "Decree 150/2025/NĐ-CP alone: the decree requires the body of every province (Art. 8); no act or report of the province itself was found.",
    },
    PROVINCIAL_ACT: { description: "An act of the province (People's Council resolution, People's Committee decision) establishing or naming the body." },
    OFFICIAL_REPORT: { description: "An official report or publication naming the body as existing in the province after 2025-07-01." },
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
    quote: t.exposeString("quote", { nullable: true, description: "A sentence of `quoteSource` that names the body, verbatim." }),
    quoteSource: t.relation("quoteSource", { nullable: true, description: "The vendored document `quote` comes from." }),
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

/** Pages an already loaded, ordered list of agencies (cursors are offsets, as in the root lists). */

/**
 * The agencies of one province version, loaded for every province of the request in one query and
 * paged in memory: a province has tens of agencies, so a batched load beats one query per province.
 */
function provinceAgencies(
  ctx: Context,
  info: GraphQLResolveInfo,
  province: { id: string; code: string },
  kinds: readonly string[] | null,
) {
  const query = queryFromInfo({ context: ctx, info, typeName: "Agency", paths: CONNECTION_NODE_PATHS });
  const name = `provinceAgencies:${info.parentType.name}.${info.path.key}:${kinds?.join(",") ?? "*"}`;
  return loadBatched(ctx, name, province.code, async (codes) => {
    const rows = await ctx.prisma.agency.findMany({
      ...query,
      where: { provinceCode: { in: codes }, ...(kinds ? { kind: { in: kinds as AgencyRow["kind"][] } } : {}) },
      orderBy: AGENCY_ORDER,
    });
    return groupBy(rows, (row) => row.provinceCode);
  }).then((rows) => (rows ?? []).map((row): AgencyParent => ({ ...row, viaProvinceVersionId: province.id })));
}

builder.objectFields(Province, (t) => ({
  departments: t.connection(
    {
      type: Agency,
      description:
        "The province's departments (sở) and department-equivalent bodies (Inspectorate, Office of the People's Committee), by kind and name. Lào Cai (15) and Lai Châu (12) have curated lists; every other province has the 12 bodies Decree 150/2025/NĐ-CP requires of all provinces, with basis DECREE_FRAME (see agencyCoverage).",
      resolve: async (province, args, ctx, info) =>
        listPage(await provinceAgencies(ctx, info, province, DEPARTMENT_KINDS), args, info),
    },
    AgencyConnection,
  ),
  agencies: t.connection(
    {
      type: Agency,
      description: "Every recorded public body of the province, of both levels, optionally of one kind, by level, kind and name.",
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
      const counts = await loadBatched(ctx, "agencyCoverage", province.code, async (codes) => {
        const rows = await ctx.prisma.agency.groupBy({
          by: ["provinceCode", "kind", "level", "basis"],
          where: { provinceCode: { in: codes } },
          _count: { _all: true },
        });
        return groupBy(rows, (row) => row.provinceCode);
      });
      const rows = counts ?? [];
      const sum = (filter: (row: (typeof rows)[number]) => boolean) =>
        rows.filter(filter).reduce((total, row) => total + row._count._all, 0);
      return {
        provinceCode: province.code,
        agencies: sum(() => true),
        departments: sum((row) => (DEPARTMENT_KINDS as readonly string[]).includes(row.kind)),
        communeLevel: sum((row) => row.level === "COMMUNE"),
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
  confirmedDepartments: number;
}

const COVERAGE_NOTE =
  "Lào Cai (15) and Lai Châu (12) have curated lists: the People's Committee and the 12 departments and equivalent bodies that Decree 150/2025/NĐ-CP (Art. 8) requires of every province, plus Sở Dân tộc và Tôn giáo and Sở Ngoại vụ, which a source names after 2025-07-01 (14 each). Every other province has its People's Committee and the 12 required bodies with basis DECREE_FRAME: no act or official report of the province listing its departments was found, so optional departments (Sở Dân tộc và Tôn giáo, Sở Ngoại vụ) and the extra department of Hà Nội and Hồ Chí Minh City are not recorded. Commune-level bodies are not recorded as agencies: Decree 150 (Art. 13) gives every commune-level People's Committee three specialised offices, and Figure.consistency checks reported counts against the registry by that rule; every commune's Public Administration Service Center is at Commune.serviceCenter.";

export const AgencyCoverage = builder.objectRef<CoverageShape>("AgencyCoverage").implement({
  description: "How many agency records exist for a province, and what is known to be missing.",
  fields: (t) => ({
    agencies: t.exposeInt("agencies", { description: "Agency records of the province, of both levels." }),
    departments: t.exposeInt("departments", { description: "Recorded departments and department-equivalent bodies." }),
    communeLevel: t.exposeInt("communeLevel", { description: "Recorded commune-level bodies." }),
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
    // [0: no commune bodies are recorded yet]
    extensions: listBound(50),
    type: [Agency],
    description:
      "The recorded public bodies of this commune-level unit, optionally of one kind. None are recorded: Decree 150/2025/NĐ-CP (Art. 13) gives every unit a People's Committee with three specialised offices, which Figure.consistency uses to check reported counts (see Province.agencyCoverage); the unit's service center is at `serviceCenter`.",
    args: { kind: t.arg({ type: AgencyKind, required: false, description: "Only bodies of this kind." }) },
    resolve: async (commune, args, ctx, info) => {
      const query = queryFromInfo({ context: ctx, info, typeName: "Agency" });
      const rows = await loadBatched(ctx, `communeAgencies:${info.path.key}:${args.kind ?? "*"}`, commune.code, async (codes) => {
        const found = await ctx.prisma.agency.findMany({
          ...query,
          where: { communeCode: { in: codes }, ...(args.kind ? { kind: args.kind } : {}) },
          orderBy: AGENCY_ORDER,
        });
        return groupBy(found, (row) => row.communeCode!);
      });
      return rows ?? [];
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
      description: "Agencies, optionally of one province and kind and matching `search`, ordered by province, level, kind and name.",
      args: {
        provinceCode: t.arg.string({ required: false, description: `Only agencies of this province. ${PROVINCE_CODE_DESCRIPTION}` }),
        kind: t.arg({ type: AgencyKind, required: false, description: "Only agencies of this kind." }),
        search: t.arg.string({ required: false, description: AGENCY_SEARCH_DESCRIPTION }),
      },
      resolve: async (_root, args, ctx, info) => {
        const where = agenciesWhere(args);
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

function agenciesWhere(args: { provinceCode?: string | null; kind?: AgencyRow["kind"] | null; search?: string | null }): Prisma.AgencyWhereInput {
  const provinceCode = args.provinceCode == null ? null : assertProvinceCode(args.provinceCode, "provinceCode");
  if (args.search != null && args.search.length > 100) throw badUserInput("textTooLong", { argument: "search", length: args.search.length, max: 100 }, "search");
  const folded = args.search == null ? "" : fold(args.search);
  return {
    ...(provinceCode ? { provinceCode } : {}),
    ...(args.kind ? { kind: args.kind } : {}),
    ...(folded ? { searchName: { contains: folded } } : {}),
  };
}
