// Query.compare: one indicator side by side for several (default all 34) provinces on one day.
import { queryFromInfo } from "@pothos/plugin-prisma";
import { builder } from "../builder.js";
import { listBound, oneItemPer } from "../limits/list-bound.js";
import { badUserInput } from "../errors.js";
import type { Figure as FigureRow, ProvinceVersion } from "../generated/prisma/client.js";
import { AS_OF_DESCRIPTION, resolveAsOf } from "./as-of.js";
import { assertProvinceCode } from "./codes.js";
import { Figure, FigureQualifier } from "./figure.js";
import { assertIndicator } from "./indicator.js";
import { Province } from "./province.js";
import { CURRENT_FIGURE } from "../service/figure-state.js";

interface ComparisonShape {
  province: ProvinceVersion;
  figure: (FigureRow & { source: unknown }) | null;
}

export const ComparisonRow = builder.objectRef<ComparisonShape>("ComparisonRow").implement({
  description: "One province's latest reported value of the compared indicator, or nulls when no source reports one.",
  fields: (t) => ({
    province: t.field({ type: Province, description: "The province, as it stands on the comparison day.", resolve: (row) => row.province }),
    value: t.float({ nullable: true, description: "The latest REPORTED value on or before the comparison day; null when none is recorded.", resolve: (row) => row.figure?.value ?? null }),
    qualifier: t.field({ type: FigureQualifier, nullable: true, description: "How the source states the value.", resolve: (row) => row.figure?.qualifier ?? null }),
    asOf: t.field({ type: "Date", nullable: true, description: "The date of that value.", resolve: (row) => row.figure?.asOf ?? null }),
    figure: t.field({ type: Figure, nullable: true, description: "The figure itself, with its source and quote.", resolve: (row) => row.figure }),
  }),
});

builder.queryFields((t) => ({
  compare: t.field({
    extensions: listBound(oneItemPer("provinceCodes", 34)),
    type: [ComparisonRow],
    description:
      "Compares one indicator across provinces: for each province, the latest REPORTED figure about it dated on or before `asOf`. Provinces without one are listed with `value: null`, so gaps in the sources stay visible.",
    args: {
      indicator: t.arg.string({ required: true, description: 'Indicator code (see Query.indicators), e.g. "on_time_rate".' }),
      provinceCodes: t.arg.stringList({ required: false, description: "The provinces to compare, in this order; default all 34, by code." }),
      asOf: t.arg({ type: "Date", required: false, description: AS_OF_DESCRIPTION }),
    },
    resolve: async (_root, args, ctx, info) => {
      const indicator = await assertIndicator(ctx, args.indicator);
      const day = resolveAsOf(args.asOf, ctx.caller.today);
      const codes = args.provinceCodes?.map((code) => assertProvinceCode(code, "provinceCodes"));
      if (codes && new Set(codes).size !== codes.length) throw badUserInput("provinceCodesTwice", {}, "provinceCodes");
      const holding = ctx.registry.provincesOn(day);
      const provinces = codes ? holding.filter((province) => codes.includes(province.code)) : [...holding];
      if (codes) {
        const missing = codes.filter((code) => !provinces.some((p) => p.code === code));
        if (missing.length) throw badUserInput("provinceCodesMissing", { codes: missing, day }, "provinceCodes");
        provinces.sort((a, b) => codes.indexOf(a.code) - codes.indexOf(b.code));
      }
      const figureQuery = queryFromInfo({ context: ctx, info, typeName: "Figure", paths: [[{ name: "figure" }]] });
      const figures = await ctx.prisma.figure.findMany({
        ...figureQuery,
        where: {
          indicatorCode: indicator,
          status: "REPORTED",
          subjectType: "PROVINCE",
          subjectCode: { in: provinces.map((p) => p.code) },
          asOf: { lte: new Date(`${day}T00:00:00Z`) },
          ...CURRENT_FIGURE,
        },
        orderBy: [{ asOf: "desc" }, { id: "asc" }],
      });
      return provinces.map((province) => ({
        province,
        figure: (figures.find((f) => f.subjectCode === province.code) as ComparisonShape["figure"]) ?? null,
      }));
    },
  }),
}));
