// Province: one of the 34 provinces and centrally-run cities, as of a given day.
import { builder } from "../builder.js";
import { versionOn, versionRows } from "../registry/snapshot.js";
import { AS_OF_DESCRIPTION, resolveAsOf } from "./as-of.js";
import { assertProvinceCode, PROVINCE_CODE_DESCRIPTION } from "./codes.js";
import { CommuneConnection, CommuneType } from "./commune.js";
import { assertPageSize, rankedConnection } from "./pagination.js";
import { communeSearchWhere, provinceIds, SEARCH_DESCRIPTION } from "./search.js";

export const ProvinceKind = builder.enumType("ProvinceKind", {
  description: "Whether a province-level unit is a province (tỉnh) or a centrally-run city (thành phố trực thuộc trung ương).",
  values: {
    PROVINCE: { description: "A province (tỉnh)." },
    CITY: { description: "A centrally-run city (thành phố trực thuộc trung ương)." },
  } as const,
});

export const Province = builder.prismaNode("ProvinceVersion", {
  name: "Province",
  description:
    "A province or centrally-run city of the two-level registry, as it stood on the day asked for. The `id` identifies this version of the unit; `code` identifies the unit across time.",
  id: { field: "id" },
  fields: (t) => ({
    code: t.exposeString("code", { description: PROVINCE_CODE_DESCRIPTION }),
    name: t.exposeString("name", { description: 'Vietnamese name without the "Tỉnh"/"Thành phố" prefix, e.g. "Lào Cai".' }),
    fullName: t.exposeString("fullName", {
      description: 'Official Vietnamese name with its prefix on that day, e.g. "Tỉnh Lào Cai" or "Thành phố Đồng Nai".',
    }),
    nameEn: t.exposeString("nameEn", { nullable: true, description: "English name where a source gives one." }),
    kind: t.expose("kind", { type: ProvinceKind, description: "Province or centrally-run city, on that day." }),
    validFrom: t.expose("validFrom", { type: "Date", description: "First day of the period in which this version of the province holds." }),
    validTo: t.expose("validTo", { type: "Date", nullable: true, description: "Day on which a later version replaces this one; null while it is current." }),
    communes: t.relatedConnection(
      "communes",
      {
        description:
          "The province's commune-level units on the same day as the province, ordered by code. `search` filters by name here; use Query.communes(provinceCode, search) for ranked search.",
        cursor: "id",
        totalCount: true,
        args: {
          type: t.arg({ type: CommuneType, required: false, description: "Only units of this type." }),
          search: t.arg.string({ required: false, description: "Only units whose name contains this text (diacritics and prefix ignored)." }),
        },
        query: (args) => {
          return {
            where: { ...(args.type ? { type: args.type } : {}), ...communeSearchWhere(args.search) },
            orderBy: { code: "asc" },
          };
        },
      },
      CommuneConnection,
    ),
  }),
});

export const ProvinceConnection = builder.connectionObject(
  {
    type: Province,
    name: "ProvinceConnection",
    edgesField: { description: "The page's objects, each with its cursor." },
    description: "A page of provinces.",
    fields: (t) => ({
      totalCount: t.int({
        description: "How many provinces match in all, across every page.",
        resolve: (connection) => (connection as unknown as { totalCount: number }).totalCount,
      }),
    }),
  },
  { name: "ProvinceEdge", description: "A province and its cursor.", nodeField: { description: "The object at this edge." } },
);

builder.queryFields((t) => ({
  provinces: t.connection(
    {
      type: Province,
      description: "The provinces and centrally-run cities holding on `asOf`, ordered by code, or ranked by `search`.",
      args: {
        search: t.arg.string({ required: false, description: SEARCH_DESCRIPTION }),
        asOf: t.arg({ type: "Date", required: false, description: AS_OF_DESCRIPTION }),
      },
      resolve: async (_root, args, ctx, info) => {
        const day = resolveAsOf(args.asOf, ctx.today);
        assertPageSize(args);
        const ids = await provinceIds(ctx, day, args.search);
        return rankedConnection({
          ids,
          args,
          ctx,
          info,
          typeName: "Province",
          load: (query, page) => versionRows(ctx.prisma, "ProvinceVersion", page, query),
        });
      },
    },
    ProvinceConnection,
  ),
  province: t.prismaField({
    type: Province,
    nullable: true,
    description: "One province or centrally-run city by its code, as it stood on `asOf`; null for an unknown code.",
    args: {
      code: t.arg.string({ required: true, description: PROVINCE_CODE_DESCRIPTION }),
      asOf: t.arg({ type: "Date", required: false, description: AS_OF_DESCRIPTION }),
    },
    resolve: async (query, _root, args, ctx) => {
      const code = assertProvinceCode(args.code);
      const day = resolveAsOf(args.asOf, ctx.today);
      return versionOn(ctx.prisma, "ProvinceVersion", code, day, query);
    },
  }),
}));

