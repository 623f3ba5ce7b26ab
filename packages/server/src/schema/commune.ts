// Commune: a commune-level unit (commune, ward or special zone), as of a given day.
// Answered from the in-memory registry (Context.registry): no field of it costs SQL.
import type { CommuneVersion } from "../generated/prisma/client.js";
import { builder } from "../builder.js";
import { AS_OF_DESCRIPTION, resolveAsOf } from "./as-of.js";
import { assertCommuneCode, assertProvinceCode, COMMUNE_CODE_DESCRIPTION, PROVINCE_CODE_DESCRIPTION } from "./codes.js";
import { countedConnection, listPage } from "./pagination.js";
import { Province } from "./province.js";
import { rankedCommunes, SEARCH_DESCRIPTION } from "./search.js";
import { ServiceCenter } from "./service-center.js";

export const CommuneType = builder.enumType("CommuneType", {
  description: "The three kinds of commune-level unit (đơn vị hành chính cấp xã) since 2025-07-01: xã, phường, đặc khu.",
  values: {
    COMMUNE: { description: "A rural commune (xã)." },
    WARD: { description: "An urban ward (phường)." },
    SPECIAL_ZONE: { description: "A special zone (đặc khu), mostly island districts." },
  } as const,
});

export const Commune = builder.objectRef<CommuneVersion>("Commune");

builder.node(Commune, {
  description:
    "A commune-level unit (xã, phường or đặc khu: commune, ward or special zone) of the two-level registry, as it stood on the day asked for. The `id` identifies this version of the unit; `code` identifies the unit across time.",
  id: { resolve: (commune) => commune.id },
  loadMany: (ids, ctx) => ids.map((id) => ctx.registry.communeVersion(id)),
  fields: (t) => ({
    code: t.exposeString("code", { description: COMMUNE_CODE_DESCRIPTION }),
    name: t.exposeString("name", { description: 'Vietnamese name without the "Xã"/"Phường"/"Đặc khu" prefix, e.g. "Ba Đình".' }),
    fullName: t.exposeString("fullName", { description: 'Official Vietnamese name with its prefix on that day, e.g. "Phường Ba Đình".' }),
    nameEn: t.exposeString("nameEn", { nullable: true, description: "English name where a source gives one." }),
    type: t.expose("type", { type: CommuneType, description: "Commune, ward or special zone, on that day." }),
    validFrom: t.expose("validFrom", { type: "Date", description: "First day of the period in which this version of the unit holds." }),
    validTo: t.expose("validTo", { type: "Date", nullable: true, description: "Day on which a later version replaces this one; null while it is current." }),
    province: t.field({
      type: Province,
      description: "The province the unit belongs to, on the same day.",
      resolve: (commune, _args, ctx) => ctx.registry.provinceVersion(commune.provinceVersionId)!,
    }),
    serviceCenter: t.field({
      type: ServiceCenter,
      nullable: true,
      description: "The Public Administration Service Center (Trung tâm Phục vụ hành chính công) serving the unit.",
      resolve: (commune, _args, ctx) => ctx.registry.serviceCenterOf(commune.id),
    }),
  }),
});

export const CommuneConnection = countedConnection(Commune, {
  name: "CommuneConnection",
  description: "A page of commune-level units.",
  edgeName: "CommuneEdge",
  edgeDescription: "A commune-level unit and its cursor.",
  totalCountDescription: "How many units match in all, across every page.",
});

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
      resolve: (_root, args, ctx, info) => {
        const day = resolveAsOf(args.asOf, ctx.caller.today);
        const provinceCode = args.provinceCode == null ? null : assertProvinceCode(args.provinceCode, "provinceCode");
        return listPage(rankedCommunes(ctx.registry, day, { search: args.search, provinceCode, type: args.type }), args, info);
      },
    },
    CommuneConnection,
  ),
  commune: t.field({
    type: Commune,
    nullable: true,
    description: "One commune-level unit by its code, as it stood on `asOf`; null for an unknown code.",
    args: {
      code: t.arg.string({ required: true, description: COMMUNE_CODE_DESCRIPTION }),
      asOf: t.arg({ type: "Date", required: false, description: AS_OF_DESCRIPTION }),
    },
    resolve: (_root, args, ctx) => ctx.registry.commune(assertCommuneCode(args.code), resolveAsOf(args.asOf, ctx.caller.today)),
  }),
}));
