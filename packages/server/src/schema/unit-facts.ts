// Province.naturalAreaKm2/population and Commune.naturalAreaKm2/population: shortcuts to the checked area and
// population of each unit. The data is static (prisma/data/area-population.json), so the resolvers read an
// in-memory map loaded once instead of querying per unit; the sourced values are the figures of indicators
// natural_area_km2 and population (Province.figures, Query.compare).
import { builder } from "../builder.js";
import { unitFacts } from "../data/area-population.js";
import { Commune } from "./commune.js";
import { Province } from "./province.js";

const AREA = "Natural area in km², as stated by the official map of administrative units (sapnhap.bando.com.vn) for the unit formed on 2025-07-01";
const POPULATION =
  "Population (quy mô dân số) as stated by the official map of administrative units (sapnhap.bando.com.vn); null when unknown";

builder.objectFields(Province, (t) => ({
  naturalAreaKm2: t.float({
    nullable: true,
    description: `${AREA}; null when unknown. Its source and quote: Province.figures(indicator: "natural_area_km2").`,
    resolve: (province) => unitFacts().get(province.code)?.naturalAreaKm2 ?? null,
  }),
  population: t.int({
    nullable: true,
    description: `${POPULATION}. Its source and quote: Province.figures(indicator: "population").`,
    resolve: (province) => unitFacts().get(province.code)?.population ?? null,
  }),
}));

builder.objectFields(Commune, (t) => ({
  naturalAreaKm2: t.float({
    nullable: true,
    description: `${AREA}, as carried by the unit's boundary file (thanglequoc/vietnamese-provinces-database); null when unknown. A figure of indicator natural_area_km2 cites the portal's own record where that record passed the checks of prisma/data/area-population-report.md.`,
    resolve: (commune) => unitFacts().get(commune.code)?.naturalAreaKm2 ?? null,
  }),
  population: t.int({
    nullable: true,
    description: `${POPULATION}, or when the portal's record for the unit failed a check (it carries another unit's figures, or a population below 1,000). Its source and quote: the figure of indicator population about the commune.`,
    resolve: (commune) => unitFacts().get(commune.code)?.population ?? null,
  }),
}));
