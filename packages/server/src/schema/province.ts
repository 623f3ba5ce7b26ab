// Province: one of the 34 provinces and centrally-run cities, as of a given day.
// Answered from the in-memory registry (Context.registry): no field of it costs SQL.
import type { ProvinceVersion } from "../generated/prisma/client.js";
import { builder } from "../builder.js";
import { AS_OF_DESCRIPTION, resolveAsOf } from "./as-of.js";
import { assertProvinceCode, PROVINCE_CODE_DESCRIPTION } from "./codes.js";
import { Commune, CommuneConnection, CommuneType } from "./commune.js";
import { countedConnection, keyedPage, listPage } from "./pagination.js";
import { communeMatcher, rankedProvinces, SEARCH_DESCRIPTION } from "./search.js";

export const ProvinceKind = builder.enumType("ProvinceKind", {
  description: "Whether a province-level unit is a province (tỉnh) or a centrally-run city (thành phố trực thuộc trung ương).",
  values: {
    PROVINCE: { description: "A province (tỉnh)." },
    CITY: { description: "A centrally-run city (thành phố trực thuộc trung ương)." },
  } as const,
});

export const Province = builder.objectRef<ProvinceVersion>("Province");

builder.node(Province, {
  description:
    "A province or centrally-run city (tỉnh, thành phố trực thuộc trung ương) of the two-level registry, as it stood on the day asked for. The `id` identifies this version of the unit; `code` identifies the unit across time.",
  id: { resolve: (province) => province.id },
  loadMany: (ids, ctx) => ids.map((id) => ctx.registry.provinceVersion(id)),
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
    communes: t.connection(
      {
        type: Commune,
        description:
          "The province's commune-level units on the same day as the province, ordered by code. `search` filters by name here; use Query.communes(provinceCode, search) for ranked search.",
        args: {
          type: t.arg({ type: CommuneType, required: false, description: "Only units of this type." }),
          search: t.arg.string({ required: false, description: "Only units whose name contains this text (diacritics and prefix ignored)." }),
        },
        resolve: (province, args, ctx) => {
          let communes = ctx.registry.communesOf(province.id);
          if (args.type != null) communes = communes.filter((commune) => commune.type === args.type);
          const matches = communeMatcher(args.search);
          if (matches) communes = communes.filter(matches);
          return keyedPage(communes, args);
        },
      },
      CommuneConnection,
    ),
  }),
});

export const ProvinceConnection = countedConnection(Province, {
  name: "ProvinceConnection",
  description: "A page of provinces.",
  edgeName: "ProvinceEdge",
  edgeDescription: "A province and its cursor.",
  totalCountDescription: "How many provinces match in all, across every page.",
});

builder.queryFields((t) => ({
  provinces: t.connection(
    {
      type: Province,
      description: "The provinces and centrally-run cities holding on `asOf`, ordered by code, or ranked by `search`.",
      args: {
        search: t.arg.string({ required: false, description: SEARCH_DESCRIPTION }),
        asOf: t.arg({ type: "Date", required: false, description: AS_OF_DESCRIPTION }),
      },
      resolve: (_root, args, ctx, info) => {
        const day = resolveAsOf(args.asOf, ctx.caller.today);
        return listPage(rankedProvinces(ctx.registry, day, args.search), args, info);
      },
    },
    ProvinceConnection,
  ),
  province: t.field({
    type: Province,
    nullable: true,
    description: "One province or centrally-run city by its code, as it stood on `asOf`; null for an unknown code.",
    args: {
      code: t.arg.string({ required: true, description: PROVINCE_CODE_DESCRIPTION }),
      asOf: t.arg({ type: "Date", required: false, description: AS_OF_DESCRIPTION }),
    },
    resolve: (_root, args, ctx) => ctx.registry.province(assertProvinceCode(args.code), resolveAsOf(args.asOf, ctx.caller.today)),
  }),
}));
