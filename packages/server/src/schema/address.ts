// Address conversion: an old address (commune, district, province before 2025-07-01) → the new
// commune-level unit(s), ranked, with the lineage link that justifies each answer.
//
// Matching runs in memory on the index of data/address/ (index, parse, match); the rows the answer shows
// (new units as they stand today, old communes, links) are loaded in one statement per kind for
// the whole request, so 1,000 addresses cost as many statements as one.
import { builder } from "../builder.js";
import { listBound, oneItemPer } from "../limits/list-bound.js";
import { MAX_NAME_LENGTH } from "../limits/name-length.js";
import type { Context } from "../context.js";
import { getAddressIndex } from "../data/address/index.js";
import { isUnambiguous, matchAddress, MAX_LEGACY_CANDIDATES, type AddressMatch, type CommuneCandidate, type DistrictCandidate, type PostalCheck } from "../data/address/match.js";
import type { AddressInput, ParsedAddress } from "../data/address/parse.js";
import { badUserInput } from "../errors.js";
import { Commune } from "./commune.js";
import { Province } from "./province.js";
import {
  currentCommunes,
  DistrictLineageLink,
  districtLinksById,
  LegacyCommune,
  LegacyDistrict,
  legacyCommunesByCode,
  legacyDistrictsByCode,
  LineageKind,
  LineageLink,
  linksById,
} from "./legacy.js";

/** Most addresses one convertAddresses request takes. */
export const MAX_ADDRESSES = 1000;
/** Candidates returned per address, best first; the query cost counts on this bound. */
export const MAX_CANDIDATES = 10;
/** Longest `line` of an old address: its parts (each at most MAX_NAME_LENGTH) and a street. */
export const MAX_LINE_LENGTH = 300;

type Conversion = AddressMatch;
type Candidate = CommuneCandidate & { street: string | null };
type DistrictMatch = DistrictCandidate & { street: string | null };

export const DiacriticMatch = builder.enumType("DiacriticMatch", {
  description: "How the diacritics typed for the commune's name agree with the old commune's name.",
  values: {
    EXACT: { description: "Every word typed with diacritics has the same ones (tone-mark placement ignored: Hoà = Hòa)." },
    FOLDED: { description: "The name was typed without diacritics, so they cannot tell candidates apart." },
    DIFFERENT: {
      description: 'The letters agree but the diacritics typed differ (e.g. "Minh Quán" typed, "Minh Quân" found): a weaker match.',
    },
  } as const,
});

export const LegacyAddressInput = builder.inputType("LegacyAddressInput", {
  description:
    'An address written before 2025-07-01, as separate parts or as one line ("Xã Minh Quân, Huyện Trấn Yên, Tỉnh Yên Bái"). Names may be written with or without diacritics and prefixes ("Xã", "Phường", "Thị trấn", "Huyện", "Quận", "Thị xã", "Thành phố", "Tỉnh") or their abbreviations ("X.", "P.", "TT.", "H.", "Q.", "TX.", "TP."); numbered wards as "Phường 1", "P.1" or "P1". At least one field is required; parts given separately win over what `line` says.',
  fields: (t) => ({
    commune: t.string({ required: false, description: 'The old commune, ward or township, e.g. "Xã Minh Quân", "P.1", "thi tran Yen Vien".' }),
    district: t.string({ required: false, description: 'The old district, e.g. "Huyện Trấn Yên", "Q.3". Used to tell same-named communes apart.' }),
    province: t.string({ required: false, description: 'The old province, e.g. "Tỉnh Yên Bái", "TP.HCM". Used to tell same-named communes apart.' }),
    line: t.string({
      required: false,
      description:
        'The whole address on one line, parts separated by commas: "[street, ]commune, district, province[ postal code]". Read from the end; a leading street or house number is kept as `parsed.street` and carried into `newAddress`. A 5-digit postal code (mã bưu chính) of a new unit (Decision 2334/QĐ-BKHCN), anywhere in the line, or five digits at its very end that start with a province\'s prefix, is taken out and checked against the names (see `AddressConversion.postalCode`); with no name, "12 Lê Lợi, 11120" is converted by the code alone.',
    }),
  }),
});

const ParsedLegacyAddress = builder.objectRef<ParsedAddress>("ParsedLegacyAddress").implement({
  description: "How the input was read: which text was taken as commune, district, province and street.",
  fields: (t) => ({
    commune: t.exposeString("commune", { nullable: true, description: "The text read as the old commune." }),
    district: t.exposeString("district", { nullable: true, description: "The text read as the old district." }),
    province: t.exposeString("province", { nullable: true, description: "The text read as the old province." }),
    street: t.exposeString("street", {
      nullable: true,
      description: "What `line` held before the commune (street, house number), as written; null when there was nothing.",
    }),
    postalCode: t.exposeString("postalCode", { nullable: true, description: "The postal code read in `line` (and taken out of it before the names were read); null when none." }),
  }),
});

const PostalCodeReading = builder.objectRef<PostalCheck>("AddressPostalCode").implement({
  description:
    "A postal code (mã bưu chính) found in an address, what it names under Decision 2334/QĐ-BKHCN, and whether the names agree with it. The code helps, it does not overrule: when it contradicts every name the answer says so and is not unambiguous.",
  fields: (t) => ({
    code: t.exposeString("code", { description: 'The five digits read, e.g. "11120".' }),
    commune: t.field({
      type: Commune,
      nullable: true,
      description: "The new commune-level unit whose postal code it is, as it stands on the request's day; null when the code is no unit's and only its province prefix was read.",
      resolve: (reading, _args, ctx) => (reading.communeCode ? ctx.registry.commune(reading.communeCode, ctx.caller.today) : null),
    }),
    province: t.field({
      type: Province,
      nullable: true,
      description: "The province of that unit, or the province whose 2-digit prefix the code starts with (see Province.postalCodePrefixes).",
      resolve: (reading, _args, ctx) => (reading.provinceCode ? ctx.registry.province(reading.provinceCode, ctx.caller.today) : null),
    }),
    agreesWithNames: t.boolean({
      nullable: true,
      description:
        "True when candidates found by the names lie in the unit (or province) the code names: the others are dropped. False when none does: the code contradicts the names, the candidates are the names' (each score × 0.5) and `unambiguous` is false. Null when the names found nothing to compare with.",
      resolve: (reading) => reading.agreesWithNames,
    }),
    usedAlone: t.boolean({
      description: "True when the candidates come from the code alone (no old commune was named or found): the unit it names, reached through each old commune that went to it.",
      resolve: (reading) => reading.usedAlone,
    }),
  }),
});

/** "12 Lê Lợi, Phường Bến Thành, Thành phố Hồ Chí Minh": the new unit's address, from the in-memory registry. */
function newAddress(ctx: Context, code: string, street: string | null): string {
  const unit = ctx.registry.commune(code, ctx.caller.today);
  if (!unit) throw new Error(`address: no commune ${code} holds on the request's day`);
  const province = ctx.registry.provinceVersion(unit.provinceVersionId)!;
  return [street, unit.fullName, province.fullName].filter(Boolean).join(", ");
}

const AddressCandidate = builder.objectRef<Candidate>("AddressCandidate").implement({
  description:
    "One possible new unit for an old address: the old commune the address names, the new unit it went to, and how well the address matched. A split old commune gives one candidate per new unit, each with `kind` PARTIAL.",
  fields: (t) => ({
    commune: t.field({
      type: Commune,
      description: "The new commune-level unit, as it stands on the request's day (today in Vietnam).",
      resolve: (candidate, _args, ctx) => currentCommunes(ctx, [candidate.toCode])[0]!,
    }),
    legacyCommune: t.field({
      type: LegacyCommune,
      description: "The old commune the address was matched to.",
      resolve: async (candidate, _args, ctx, info) => (await legacyCommunesByCode(ctx, info, [candidate.legacyCode]))[0]!,
    }),
    score: t.float({
      description:
        "How well the address matches the old commune, 0–1: 1 when the name (with the same diacritics), district, province and unit type all agree. Lowered by a missing district or province (×0.9), diacritics typed differently (×0.8) or absent (×0.95), a unit type that disagrees (×0.9), a district, province or postal code that disagrees (×0.5: such candidates are only listed when nothing agrees). A candidate found by the postal code alone scores 0.8. The candidates of a split commune share its score. It does not include the link's `confidence`.",
      resolve: (candidate) => candidate.score,
    }),
    kind: t.field({
      type: LineageKind,
      description: "How the old commune relates to this new unit; PARTIAL means the old commune was split and the address may lie in another of its successors.",
      resolve: (candidate) => candidate.kind,
    }),
    partial: t.boolean({
      description: "True when only part of the old commune went to this unit (kind PARTIAL): check the street or village against the resolution.",
      resolve: (candidate) => candidate.kind === "PARTIAL",
    }),
    confidence: t.float({
      description: "The lineage link's confidence (see LineageLink.confidence); below 1 means read `link.note`.",
      resolve: (candidate) => candidate.confidence,
    }),
    link: t.field({
      type: LineageLink,
      description: "The lineage link from the old commune to this unit, with its note, sources and legal basis.",
      resolve: async (candidate, _args, ctx, info) => (await linksById(ctx, info, [candidate.linkId]))[0]!,
    }),
    districtMatched: t.boolean({
      nullable: true,
      description: "Whether the district given is the old commune's district; null when no district was given.",
      resolve: (candidate) => candidate.agreement.district,
    }),
    provinceMatched: t.boolean({
      nullable: true,
      description: "Whether the province given is the old commune's province; null when no province was given.",
      resolve: (candidate) => candidate.agreement.province,
    }),
    typeMatched: t.boolean({
      nullable: true,
      description: 'Whether the prefix written ("Xã", "P.", "Thị trấn"…) is the old commune\'s type; null when none was written.',
      resolve: (candidate) => candidate.agreement.type,
    }),
    diacritics: t.field({
      type: DiacriticMatch,
      description: "How the diacritics typed agree with the old commune's name.",
      resolve: (candidate) => candidate.agreement.diacritics,
    }),
    postalCodeMatched: t.boolean({
      nullable: true,
      description: "Whether the postal code in the address names this new unit (for a code read only by its prefix: this unit's province); null when the address has no postal code.",
      resolve: (candidate) => candidate.agreement.postalCode ?? null,
    }),
    newAddress: t.string({
      description: 'The address in the two-level form: street (if given in `line`), new unit and province, e.g. "12 Lê Lợi, Phường Bến Thành, Thành phố Hồ Chí Minh".',
      resolve: (candidate, _args, ctx) => newAddress(ctx, candidate.toCode, candidate.street),
    }),
  }),
});

const LegacyDistrictCandidate = builder.objectRef<DistrictMatch>("LegacyDistrictCandidate").implement({
  description:
    "A new unit for an address in one of the five island districts that had no communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo): the district itself became a special zone.",
  fields: (t) => ({
    commune: t.field({
      type: Commune,
      description: "The special zone, as it stands on the request's day.",
      resolve: (candidate, _args, ctx) => currentCommunes(ctx, [candidate.toCode])[0]!,
    }),
    legacyDistrict: t.field({
      type: LegacyDistrict,
      description: "The old island district the address names.",
      resolve: async (candidate, _args, ctx, info) => (await legacyDistrictsByCode(ctx, info, [candidate.legacyDistrictCode]))[0]!,
    }),
    score: t.float({
      description: "How well the address matches, 0–1: 1 with the province given and agreeing, 0.9 without a province.",
      resolve: (candidate) => candidate.score,
    }),
    link: t.field({
      type: DistrictLineageLink,
      description: "The lineage link from the district to the special zone, with its note and legal basis.",
      resolve: async (candidate, _args, ctx, info) => (await districtLinksById(ctx, info, [candidate.linkId]))[0]!,
    }),
    newAddress: t.string({
      description: "The address in the two-level form: street (if given in `line`), special zone and province.",
      resolve: (candidate, _args, ctx) => newAddress(ctx, candidate.toCode, candidate.street),
    }),
  }),
});

const AddressConversion = builder.objectRef<Conversion>("AddressConversion").implement({
  description:
    "The answer for one old address (chuyển đổi địa chỉ cũ sang địa chỉ mới): candidates ranked by score (the right one first when the address is unambiguous), empty when nothing matches.",
  fields: (t) => ({
    candidates: t.field({
      extensions: listBound(MAX_CANDIDATES),
      type: [AddressCandidate],
      description:
        `New units the address may now belong to, best first (ties by link confidence, then code), at most ${MAX_CANDIDATES}. At most ${MAX_LEGACY_CANDIDATES} old communes are considered; a split old commune gives one candidate per new unit.`,
      resolve: (conversion) =>
        conversion.candidates.slice(0, MAX_CANDIDATES).map((c) => ({ ...c, street: conversion.parsed.street })),
    }),
    districtCandidates: t.field({
      extensions: listBound(10),
      type: [LegacyDistrictCandidate],
      description:
        "Only when no commune matched and the district is one of the five island districts without communes: the special zone it became. Empty otherwise.",
      resolve: (conversion) => {
        // The commune text matched nothing (island districts had no communes): it is part of the street.
        const street = [conversion.parsed.street, conversion.parsed.commune].filter(Boolean).join(", ") || null;
        return conversion.districtCandidates.map((c) => ({ ...c, street }));
      },
    }),
    unambiguous: t.boolean({
      description:
        "True when there is exactly one best answer: the top-scoring candidates all name the same new unit. False when nothing matched, several old communes tie, or the old commune was split.",
      resolve: (conversion) => isUnambiguous(conversion),
    }),
    postalCode: t.field({
      type: PostalCodeReading,
      nullable: true,
      description: "The postal code found in the address, what it names and whether the names agree with it; null when the address has none.",
      resolve: (conversion) => conversion.postal ?? null,
    }),
    parsed: t.field({
      type: ParsedLegacyAddress,
      description: "How the input was read into commune, district, province and street.",
      resolve: (conversion) => conversion.parsed,
    }),
  }),
});

/** Rejects inputs without any part, or with parts too long to be names. */
function validate(input: AddressInput, argument: string): AddressInput {
  const given = (["commune", "district", "province", "line"] as const).filter((part) => input[part]?.trim());
  if (given.length === 0) {
    throw badUserInput("addressHasNoPart", { argument }, argument);
  }
  for (const part of given) {
    const limit = part === "line" ? MAX_LINE_LENGTH : MAX_NAME_LENGTH;
    const length = input[part]!.length;
    if (length > limit) throw badUserInput("textTooLong", { argument: `${argument}.${part}`, length, max: limit }, argument);
  }
  return input;
}

builder.queryFields((t) => ({
  convertAddress: t.field({
    type: AddressConversion,
    description:
      "Converts an address written before 2025-07-01 (old commune, district, province) to the new commune-level unit(s), ranked, each with the lineage link behind it. An address that matches no old commune gives no candidates, not an error.",
    args: { input: t.arg({ type: LegacyAddressInput, required: true, description: "The old address, as parts or one line." }) },
    resolve: async (_root, args, ctx) => {
      const input = validate(args.input, "input");
      return matchAddress(input, await getAddressIndex(ctx.prisma));
    },
  }),
  convertAddresses: t.field({
    extensions: listBound(oneItemPer("inputs", MAX_ADDRESSES)),
    type: [AddressConversion],
    description: `Converts up to ${MAX_ADDRESSES} old addresses in one request, in the order given; each answer is what convertAddress gives for it. The whole batch is matched in memory and its rows loaded in a fixed number of statements.`,
    args: {
      inputs: t.arg({
        type: [LegacyAddressInput],
        required: true,
        description: `The old addresses, at most ${MAX_ADDRESSES}; each needs at least one part.`,
      }),
    },
    resolve: async (_root, args, ctx) => {
      if (args.inputs.length > MAX_ADDRESSES) {
        throw badUserInput("tooManyAddresses", { count: args.inputs.length, max: MAX_ADDRESSES }, "inputs");
      }
      const inputs = args.inputs.map((input, position) => validate(input, `inputs[${position}]`));
      const index = await getAddressIndex(ctx.prisma);
      return inputs.map((input) => matchAddress(input, index));
    },
  }),
}));
