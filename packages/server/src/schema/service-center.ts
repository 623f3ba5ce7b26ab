// ServiceCenter: the Public Administration Service Center that serves a commune-level unit.
// Answered from the in-memory registry (Context.registry), like the units it serves.
import type { ServiceCenter as ServiceCenterRow } from "../generated/prisma/client.js";
import { builder } from "../builder.js";
import { Commune } from "./commune.js";

export const ServiceCenterScope = builder.enumType("ServiceCenterScope", {
  description: "Whether the unit has a Public Administration Service Center (Trung tâm Phục vụ hành chính công) of its own or is served by a province-wide one.",
  values: {
    COMMUNE: { description: "The unit's own commune-level center (Decree 118/2025/NĐ-CP, Art. 7(3))." },
    PROVINCE: {
      description:
        "A single province-level center with branches serves the unit; the province set up no commune-level centers (Hà Nội, Quảng Ninh).",
    },
  } as const,
});

export const ServiceCenter = builder.objectRef<ServiceCenterRow>("ServiceCenter");

builder.node(ServiceCenter, {
  description:
    "A Public Administration Service Center (Trung tâm Phục vụ hành chính công): the one-stop office where residents file administrative procedures.",
  id: { resolve: (center) => center.id },
  loadMany: (ids, ctx) => ids.map((id) => ctx.registry.serviceCenter(id)),
  fields: (t) => ({
    name: t.exposeString("name", { description: "Vietnamese name of the center." }),
    scope: t.expose("scope", { type: ServiceCenterScope, description: "Own commune-level center or a province-wide one." }),
    legalBasis: t.exposeString("legalBasis", { description: "The legal text requiring the center." }),
    sourceUrl: t.exposeString("sourceUrl", { description: "Where the legal basis, or the province's arrangement, can be read." }),
    note: t.exposeString("note", { nullable: true, description: "Provenance: how the record and its name were established." }),
    commune: t.field({
      type: Commune,
      description: "The commune-level unit the center serves.",
      resolve: (center, _args, ctx) => ctx.registry.communeVersion(center.communeVersionId)!,
    }),
  }),
});
