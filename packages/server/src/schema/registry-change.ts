// RegistryChange: a dated change to the registry (a province becomes a city, a commune a ward).
import { builder } from "../builder.js";
import { listBound } from "../limits/list-bound.js";
import { badUserInput } from "../errors.js";
import { isoDate, REGISTRY_START } from "./as-of.js";
import { assertProvinceCode, PROVINCE_CODE_DESCRIPTION } from "./codes.js";
import { Commune } from "./commune.js";
import { Province } from "./province.js";

export const UnitEntity = builder.enumType("UnitEntity", {
  description: "Which level of unit a registry change concerns.",
  values: {
    PROVINCE: { description: "A province or centrally-run city." },
    COMMUNE: { description: "A commune-level unit." },
  } as const,
});

export const RegistryChange = builder.prismaObject("RegistryChange", {
  description:
    "One unit's change within a dated registry event, with the legal text that made it (a resolution, nghị quyết, of the National Assembly or its Standing Committee). The state before the change stays queryable with `asOf`.",
  fields: (t) => ({
    effectiveOn: t.field({
      type: "Date",
      description: "The day the change took effect.",
      select: { event: { select: { effectiveOn: true } } },
      resolve: (change) => change.event.effectiveOn,
    }),
    issuedOn: t.field({
      type: "Date",
      nullable: true,
      description: "The day the main legal text was issued.",
      select: { event: { select: { issuedOn: true } } },
      resolve: (change) => change.event.issuedOn,
    }),
    legalBasis: t.string({
      description: 'The legal texts, e.g. "Resolution 30/2026/QH16; Resolution 237/NQ-UBTVQH16".',
      select: { event: { select: { legalBasis: true } } },
      resolve: (change) => change.event.legalBasis,
    }),
    title: t.string({
      description: "The official Vietnamese title of the main legal text.",
      select: { event: { select: { title: true } } },
      resolve: (change) => change.event.title,
    }),
    url: t.string({
      description: "Where the legal text can be read.",
      select: { event: { select: { url: true } } },
      resolve: (change) => change.event.url,
    }),
    description: t.string({
      description: "What the event did, in English.",
      select: { event: { select: { description: true } } },
      resolve: (change) => change.event.description,
    }),
    eventId: t.exposeString("eventId", { description: "Identifier of the event; one event changes several units." }),
    entity: t.expose("entity", { type: UnitEntity, description: "Whether a province or a commune-level unit changed." }),
    code: t.exposeString("code", { description: "Code of the unit that changed." }),
    field: t.exposeString("field", { description: 'Which attribute changed: "kind" for provinces, "type" for communes.' }),
    from: t.exposeString("fromValue", { description: "The attribute's value before the change, e.g. PROVINCE or COMMUNE." }),
    to: t.exposeString("toValue", { description: "The attribute's value from `effectiveOn`, e.g. CITY or WARD." }),
    newFullName: t.exposeString("newFullName", { description: 'The unit\'s official name from `effectiveOn`, e.g. "Phường Long Hưng".' }),
    province: t.field({
      type: Province,
      description: "The province concerned (or the commune's province), as it stood from `effectiveOn`.",
      select: { provinceVersionId: true },
      resolve: (change, _args, ctx) => ctx.registry.provinceVersion(change.provinceVersionId)!,
    }),
    commune: t.field({
      type: Commune,
      nullable: true,
      description: "The commune-level unit that changed, as it stood from `effectiveOn`; null for a province change.",
      select: { communeVersionId: true },
      resolve: (change, _args, ctx) => (change.communeVersionId ? ctx.registry.communeVersion(change.communeVersionId) : null),
    }),
  }),
});

/**
 * Most rows registryChanges is counted at by the query cost: 25 changes in the committed registry
 * (3 events, 2025-07 to 2026-11), with room for the next ones. The MCP tool cuts its answer here too.
 */
export const MAX_REGISTRY_CHANGES = 200;

builder.queryFields((t) => ({
  registryChanges: t.prismaField({
    extensions: listBound(MAX_REGISTRY_CHANGES),
    type: [RegistryChange],
    description:
      "Changes to the registry since 2025-07-01, one row per unit changed, oldest first, with their legal sources.",
    args: {
      from: t.arg({ type: "Date", required: false, description: "Only changes in force on or after this day." }),
      to: t.arg({ type: "Date", required: false, description: "Only changes in force on or before this day." }),
      provinceCode: t.arg.string({ required: false, description: `Only changes in this province. ${PROVINCE_CODE_DESCRIPTION}` }),
    },
    resolve: (query, _root, args, ctx) => {
      if (args.from && args.to && args.from > args.to) {
        throw badUserInput("fromAfterTo", { from: isoDate(args.from), to: isoDate(args.to) }, "from");
      }
      if (args.to && isoDate(args.to) < REGISTRY_START) {
        throw badUserInput("toBeforeRegistry", { to: isoDate(args.to), start: REGISTRY_START }, "to");
      }
      const provinceCode = args.provinceCode == null ? undefined : assertProvinceCode(args.provinceCode, "provinceCode");
      return ctx.prisma.registryChange.findMany({
        ...query,
        where: {
          provinceCode,
          event: { effectiveOn: { gte: args.from ?? undefined, lte: args.to ?? undefined } },
        },
        orderBy: [{ event: { effectiveOn: "asc" } }, { entity: "asc" }, { code: "asc" }],
      });
    },
  }),
}));
