// Commune: a commune-level unit (commune, ward or special zone), as of a given day.
import { builder } from "../builder.js";
import { versionOn, versionRows } from "../registry/snapshot.js";
import { AS_OF_DESCRIPTION, resolveAsOf } from "./as-of.js";
import { assertCommuneCode, assertProvinceCode, COMMUNE_CODE_DESCRIPTION, PROVINCE_CODE_DESCRIPTION } from "./codes.js";
import { assertPageSize, rankedConnection } from "./pagination.js";
import { communeIds, SEARCH_DESCRIPTION } from "./search.js";

export const CommuneType = builder.enumType("CommuneType", {
  description: "The three kinds of commune-level unit since 2025-07-01.",
  values: {
    COMMUNE: { description: "A rural commune (xã)." },
    WARD: { description: "An urban ward (phường)." },
    SPECIAL_ZONE: { description: "A special zone (đặc khu), mostly island districts." },
  } as const,
});

export const Commune = builder.prismaNode("CommuneVersion", {
  name: "Commune",
  description:
    "A commune-level unit (commune, ward or special zone) of the two-level registry, as it stood on the day asked for. The `id` identifies this version of the unit; `code` identifies the unit across time.",
  id: { field: "id" },
  fields: (t) => ({
    code: t.exposeString("code", { description: COMMUNE_CODE_DESCRIPTION }),
    name: t.exposeString("name", { description: 'Vietnamese name without the "Xã"/"Phường"/"Đặc khu" prefix, e.g. "Ba Đình".' }),
    fullName: t.exposeString("fullName", { description: 'Official Vietnamese name with its prefix on that day, e.g. "Phường Ba Đình".' }),
    nameEn: t.exposeString("nameEn", { nullable: true, description: "English name where a source gives one." }),
    type: t.expose("type", { type: CommuneType, description: "Commune, ward or special zone, on that day." }),
    validFrom: t.expose("validFrom", { type: "Date", description: "First day of the period in which this version of the unit holds." }),
    validTo: t.expose("validTo", { type: "Date", nullable: true, description: "Day on which a later version replaces this one; null while it is current." }),
    province: t.relation("province", { description: "The province the unit belongs to, on the same day." }),
    serviceCenter: t.relation("serviceCenter", {
      nullable: true,
      description: "The Public Administration Service Center (Trung tâm Phục vụ hành chính công) serving the unit.",
    }),
  }),
});

export const CommuneConnection = builder.connectionObject(
  {
    type: Commune,
    name: "CommuneConnection",
    edgesField: { description: "The page's objects, each with its cursor." },
    description: "A page of commune-level units.",
    fields: (t) => ({
      totalCount: t.int({
        description: "How many units match in all, across every page.",
        resolve: async (connection) => {
          // Pothos' related connections hand over a loader, the root lists a number.
          const total = (connection as unknown as { totalCount: number | (() => Promise<number> | number) }).totalCount;
          return typeof total === "function" ? total() : total;
        },
      }),
    }),
  },
  { name: "CommuneEdge", description: "A commune-level unit and its cursor.", nodeField: { description: "The object at this edge." } },
);

builder.queryFields((t) => ({
  communes: t.connection(
    {
      type: Commune,
      description:
        "Commune-level units holding on `asOf`, optionally of one province and type, ordered by code or ranked by `search`.",
      args: {
        provinceCode: t.arg.string({ required: false, description: `Only units of this province. ${PROVINCE_CODE_DESCRIPTION}` }),
        type: t.arg({ type: CommuneType, required: false, description: "Only units of this type." }),
        search: t.arg.string({ required: false, description: SEARCH_DESCRIPTION }),
        asOf: t.arg({ type: "Date", required: false, description: AS_OF_DESCRIPTION }),
      },
      resolve: async (_root, args, ctx, info) => {
        const day = resolveAsOf(args.asOf, ctx.today);
        assertPageSize(args);
        const provinceCode = args.provinceCode == null ? null : assertProvinceCode(args.provinceCode, "provinceCode");
        const ids = await communeIds(ctx, day, { search: args.search, provinceCode, type: args.type });
        return rankedConnection({
          ids,
          args,
          ctx,
          info,
          typeName: "Commune",
          load: (query, page) => versionRows(ctx.prisma, "CommuneVersion", page, query),
        });
      },
    },
    CommuneConnection,
  ),
  commune: t.prismaField({
    type: Commune,
    nullable: true,
    description: "One commune-level unit by its code, as it stood on `asOf`; null for an unknown code.",
    args: {
      code: t.arg.string({ required: true, description: COMMUNE_CODE_DESCRIPTION }),
      asOf: t.arg({ type: "Date", required: false, description: AS_OF_DESCRIPTION }),
    },
    resolve: async (query, _root, args, ctx) => {
      const code = assertCommuneCode(args.code);
      const day = resolveAsOf(args.asOf, ctx.today);
      return versionOn(ctx.prisma, "CommuneVersion", code, day, query);
    },
  }),
}));
