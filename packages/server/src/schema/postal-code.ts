// Commune.postalCode and Province.postalCodePrefixes: the postal codes (mã bưu chính) of Decision 2334/QĐ-BKHCN.
// The data is static (prisma/data/postal-codes.json), so the resolvers read an in-memory map instead of a table.
import { builder } from "../builder.js";
import { postalCodes } from "../data/postal-codes.js";
import { Commune } from "./commune.js";
import { Province } from "./province.js";

const SOURCE =
  "Source: the list of Decision 2334/QĐ-BKHCN (2025-08-24, Ministry of Science and Technology) as carried by the dataset thanglequoc/vietnamese-provinces-database; every code is traceable through prisma/data/postal-codes.json and the checks of prisma/data/postal-codes-report.md";

builder.objectFields(Commune, (t) => ({
  postalCode: t.string({
    nullable: true,
    description: `The unit's 5-digit postal code (mã bưu chính), e.g. "11120" for Phường Ba Đình: the national postal code that Decision 2334/QĐ-BKHCN gives every commune-level unit formed on 2025-07-01. Null when unknown. Query.communes(search: "11120") finds the unit by it. ${SOURCE}.`,
    resolve: (commune) => postalCodes().byCommune.get(commune.code) ?? null,
  }),
}));

builder.objectFields(Province, (t) => ({
  postalCodePrefixes: t.stringList({
    description: `The 2-digit prefixes that begin the postal codes (mã bưu chính) of the province's units under Decision 2334/QĐ-BKHCN, e.g. ["10", "11", "12", "13", "14"] for Hà Nội: a merged province keeps the prefixes of the provinces merged into it, so most have several. Empty when unknown. The source gives no 5-digit code of the province itself, so none is served. ${SOURCE}.`,
    resolve: (province) => [...(postalCodes().prefixesByProvince.get(province.code) ?? [])],
  }),
}));
