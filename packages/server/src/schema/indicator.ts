// Indicator: a measure that sources report figures for, with a stable snake_case code.
import { builder } from "../builder.js";
import { listBound } from "../limits/list-bound.js";
import type { Context } from "../context.js";
import { badUserInput } from "../errors.js";
import { loadBatched } from "./agency.js";

export const Indicator = builder.prismaObject("Indicator", {
  description:
    'A measure (chỉ tiêu) that sources report figures for, e.g. "commune_level_units". Its `code` is stable: use it in Query.figures, Query.compare and Province.figure.',
  fields: (t) => ({
    code: t.exposeString("code", { description: 'Stable snake_case code, e.g. "commune_level_units".' }),
    name: t.exposeString("name", { description: "English name." }),
    nameVi: t.exposeString("nameVi", { description: "Vietnamese name, as the sources' originals would say it." }),
    unit: t.exposeString("unit", { description: 'Unit of every figure of the indicator: "count", "percent" or "VND".' }),
    description: t.exposeString("description", { description: "What exactly is counted or measured." }),
    figureCount: t.relationCount("figures", { description: "How many figures of this indicator are recorded." }),
  }),
});

builder.queryFields((t) => ({
  indicators: t.prismaField({
    // [70]
    extensions: listBound(200),
    type: [Indicator],
    description: "Every indicator with recorded figures, by code: the list of valid `indicator` arguments.",
    resolve: (query, _root, _args, ctx) => ctx.prisma.indicator.findMany({ ...query, orderBy: { code: "asc" } }),
  }),
  indicator: t.prismaField({
    type: Indicator,
    nullable: true,
    description: "One indicator by its code; null when unknown.",
    args: { code: t.arg.string({ required: true, description: 'Indicator code, e.g. "commune_level_units".' }) },
    resolve: (query, _root, args, ctx) => ctx.prisma.indicator.findUnique({ ...query, where: { code: args.code } }),
  }),
}));

/** Rejects an unknown indicator code with a message that says where the codes are listed. */
export async function assertIndicator(ctx: Context, code: string, argument = "indicator"): Promise<string> {
  const found = await loadBatched(ctx, "indicatorExists", code, async (codes) => {
    const rows = await ctx.prisma.indicator.findMany({ where: { code: { in: codes } }, select: { code: true } });
    return new Map(rows.map((row) => [row.code, true]));
  });
  if (!found) {
    throw badUserInput("unknownIndicator", { code }, argument);
  }
  return code;
}
