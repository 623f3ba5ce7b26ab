// Source: a document that figures and agency records cite, vendored in prisma/data/sources or on the web.
import { builder } from "../builder.js";
import { listBound } from "../limits/list-bound.js";

export const Source = builder.prismaNode("Source", {
  description:
    "A document (nguồn, văn bản) that figures or agency records cite: a report whose text is vendored with the data (prisma/data/sources, checked by sha256) or a web page. A translation points at its original with `translationOf`; figures always cite the original.",
  id: { field: "id" },
  fields: (t) => ({
    code: t.exposeString("id", { description: 'Stable id of the source, e.g. "laocai-home-affairs-2025-10-20"; web pages cited only by agency records have "web-" ids.' }),
    title: t.exposeString("title", { nullable: true, description: "Title as the document gives it; null when the text we hold has none." }),
    publisher: t.exposeString("publisher", { description: "Who published the document." }),
    url: t.exposeString("url", { description: "Where the document (or its original) can be read." }),
    publishedOn: t.field({
      type: "Date",
      nullable: true,
      description: "Publication date as given by the document's byline; null when not seen.",
      resolve: (source) => source.publishedOn,
    }),
    language: t.exposeString("language", {
      nullable: true,
      description: 'Language of the text we hold or cite (BCP 47, e.g. "en", "sv"); null when not recorded.',
    }),
    originalLanguage: t.exposeString("originalLanguage", {
      nullable: true,
      description: 'Language the document was first written in, when the text we hold is a translation (e.g. "vi" for an English machine translation of a Vietnamese article).',
    }),
    vendored: t.boolean({
      description: "True when the document's text is kept with the data, so every quote from it can be checked verbatim.",
      resolve: (source) => source.file != null,
    }),
    file: t.exposeString("file", { nullable: true, description: "The vendored text's file name under prisma/data/sources." }),
    sha256: t.exposeString("sha256", { nullable: true, description: "SHA-256 of the vendored file, so a copy can be verified." }),
    note: t.exposeString("note", { nullable: true, description: "Provenance notes: how the document was obtained and its known faults." }),
    translationOf: t.relation("translationOf", { nullable: true, description: "The original this document is a translation of." }),
    translations: t.relation("translations", { extensions: listBound(5), description: "Translations of this document that are kept too." }),
  }),
});

builder.queryFields((t) => ({
  sources: t.prismaField({
    // [11]
    extensions: listBound(50),
    type: [Source],
    description: "Every source document, vendored reports first, by publication date.",
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.source.findMany({ ...query, orderBy: [{ file: { sort: "asc", nulls: "last" } }, { publishedOn: "asc" }, { id: "asc" }] }),
  }),
}));
