// Data stewardship: mutations that add sources and figures, correct and retract figures (all
// validated, all-or-nothing, audited), the audit log, and the history fields of Figure.
import { decodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { OPERATION_SCOPE } from "../auth/caller.js";
import type { WriteOptions } from "../service/actor.js";
import { addFigures, correctFigure, retractFigure } from "../service/figures.js";
import { addSource } from "../service/sources.js";
import { MAX_VND } from "../service/validate.js";
import { USER_ERROR_CODES, userError, userErrorMessage, type UserError as UserErrorShape } from "../service/user-errors.js";
import { isoDate } from "./as-of.js";
import { Figure, FigureQualifier, FigureStatus, FigureSubjectType } from "./figure.js";
import { countedConnection } from "./pagination.js";
import { Source } from "./source.js";

builder.mutationType({
  authScopes: { [OPERATION_SCOPE.mutation]: true },
  description:
    "The root of every write. Writes need an API key with the `write` scope (UNAUTHENTICATED without a key, FORBIDDEN with a read-only key). Each mutation is one transaction: when any part of the input is invalid, nothing is written and `userErrors` says what to fix. Every write is recorded in the audit log.",
});

/**
 * The writing steward. Only resolvers the `write` scope guards call it (the Mutation type, Query.auditLog),
 * so the caller is a key holding it; anonymous callers and read-only keys were refused before
 * (builder.ts's unauthorizedError: UNAUTHENTICATED, FORBIDDEN).
 */
const writeOptions = ({ caller }: Context): WriteOptions => ({ actor: { name: caller.name, keyId: caller.id }, today: caller.today });

export const UserErrorCode = builder.enumType("UserErrorCode", {
  description: "Why a part of a write's input was refused.",
  values: Object.fromEntries(Object.entries(USER_ERROR_CODES).map(([code, description]) => [code, { description }])) as Record<
    keyof typeof USER_ERROR_CODES,
    { description: string }
  >,
});

export const UserError = builder.objectRef<UserErrorShape>("UserError").implement({
  description: "A problem with one field of a write's input. When a payload has userErrors, nothing was written.",
  fields: (t) => ({
    field: t.exposeStringList("field", {
      description: 'Path to the input field, e.g. ["figures", "2", "value"] for the value of the third figure; empty when the problem is the input as a whole.',
    }),
    code: t.field({ type: UserErrorCode, description: "What kind of problem it is.", resolve: (e) => e.code }),
    message: t.string({
      description:
        "What is wrong and how to fix it, in the request's language (Vietnamese for `Accept-Language: vi`, else English); type and required-field checks of the input are in English only.",
      resolve: (e, _args, ctx) => userErrorMessage(e, ctx.caller.language),
    }),
  }),
});

/** A figure id argument: the figure's code ("lc15-…", "f-…") or its global Relay id. */
function figureCode(id: string): string {
  try {
    const decoded = decodeGlobalID(id);
    if (decoded.typename === "Figure") return decoded.id;
  } catch {
    // not a global id: a plain figure code
  }
  return id;
}

// ---- Figure history fields ------------------------------------------------------------------

builder.prismaObjectFields(Figure, (t) => ({
  revision: t.exposeInt("revision", { description: "0 for a figure as first recorded; each correction adds 1." }),
  isCurrent: t.boolean({
    description: "True when the figure is neither corrected by a later figure nor retracted: what reads return by default.",
    select: { retractedAt: true, supersededBy: { select: { id: true } } },
    resolve: (figure) => figure.retractedAt == null && figure.supersededBy == null,
  }),
  supersedes: t.relation("supersedes", { nullable: true, description: "The figure this one corrects; null for a figure as first recorded." }),
  supersededBy: t.relation("supersededBy", { nullable: true, description: "The figure that corrects this one; null while this one is the latest version." }),
  correctionReason: t.exposeString("correctionReason", { nullable: true, description: "Why the steward corrected the previous version (corrections only)." }),
  history: t.prismaField({
    type: [Figure],
    description: "Every version of this figure, first recorded to latest (by revision), retracted ones included: how it was corrected, when and why.",
    resolve: async (query, figure, _args, ctx) => {
      const chain = (await ctx.prisma.figure.findUnique({ where: { id: figure.id }, select: { id: true, originalId: true } }))!;
      const root = chain.originalId ?? chain.id;
      return ctx.prisma.figure.findMany({ ...query, where: { OR: [{ id: root }, { originalId: root }] }, orderBy: [{ revision: "asc" }, { id: "asc" }] });
    },
  }),
  retractedAt: t.field({ type: "DateTime", nullable: true, description: "When the figure was retracted; null unless retracted.", resolve: (f) => f.retractedAt }),
  retractionReason: t.exposeString("retractionReason", { nullable: true, description: "Why the figure was retracted." }),
  retractedBy: t.exposeString("retractedBy", { nullable: true, description: "Who retracted it (the API key's name or the importing operator)." }),
  createdAt: t.field({ type: "DateTime", description: "When the figure was recorded in this database.", resolve: (f) => f.createdAt }),
  createdBy: t.exposeString("createdBy", {
    nullable: true,
    description: 'Who recorded it: an API key\'s name, or "cli:<user>" for imports; null for the curated figures shipped with the data.',
  }),
}));

builder.prismaObjectFields(Source, (t) => ({
  createdBy: t.exposeString("createdBy", { nullable: true, description: "Who added the source through the API or an import; null for the curated sources shipped with the data." }),
}));

/** Most figures one addFigures call writes, in one transaction; `npm run import` takes more. */
const MAX_FIGURES_PER_CALL = 1000;

// ---- Inputs and payloads --------------------------------------------------------------------

const FigureInput = builder.inputType("FigureInput", {
  description: "One figure to add: a number one source states about one subject on one date, with the sentence it comes from.",
  fields: (t) => ({
    indicator: t.string({ required: true, description: 'Indicator code (see Query.indicators), e.g. "commune_level_units".' }),
    value: t.float({ required: true, description: `The number, in the indicator's unit: percent 0–100, counts whole numbers from 0 to 2^53 − 1 (${Number.MAX_SAFE_INTEGER.toLocaleString("en-US")}), VND from 0 to 10^${Math.log10(MAX_VND)} (OUT_OF_RANGE).` }),
    qualifier: t.field({ type: FigureQualifier, required: false, description: "How the source states the number; default EXACT." }),
    unit: t.string({ required: false, description: 'The unit, if you want it checked: must equal the indicator\'s unit ("count", "percent", "VND").' }),
    asOf: t.field({ type: "Date", required: true, description: "The day the number describes; not after the source's publication date." }),
    status: t.field({ type: FigureStatus, required: false, description: "Reported, planned or target; default REPORTED." }),
    subjectType: t.field({ type: FigureSubjectType, required: true, description: "What kind of unit the figure is about." }),
    subjectCode: t.string({
      required: true,
      description:
        "The subject's code: a province (2 digits) or commune (5 digits) holding on `asOf`, an agency id, or a legacy province (2 digits) or district (3 digits) for dates before 2025-07-01.",
    }),
    quote: t.string({ required: true, description: "The sentence of the source that states the number, verbatim (checked against the vendored text when the source has one)." }),
    note: t.string({ required: false, description: "How the figure was read from the quote, and caveats." }),
  }),
});

const AddFiguresInput = builder.inputType("AddFiguresInput", {
  description: "Figures taken from one source, written together: all of them or none.",
  fields: (t) => ({
    sourceId: t.string({ required: true, description: 'The source every figure cites (its `code`, e.g. "laocai-home-affairs-2025-10-20").' }),
    figures: t.field({ type: [FigureInput], required: true, description: `The figures, at most ${MAX_FIGURES_PER_CALL.toLocaleString("en-US")} per call (use \`npm run import\` for more).` }),
  }),
});

interface AddFiguresShape {
  figureIds: string[];
  alreadyRecordedIds: string[];
  userErrors: UserErrorShape[];
}

const loadFigures = (ctx: Context, query: object, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : ctx.prisma.figure.findMany({ ...query, where: { id: { in: ids } } }).then((rows) => ids.map((id) => rows.find((row) => row.id === id)!).filter(Boolean));

const AddFiguresPayload = builder.objectRef<AddFiguresShape>("AddFiguresPayload").implement({
  description: "What addFigures wrote, or why it wrote nothing.",
  fields: (t) => ({
    figures: t.prismaField({
      type: [Figure],
      description: "The figures created, in input order; empty when there are userErrors.",
      resolve: (query, payload, _args, ctx) => loadFigures(ctx, query, payload.figureIds),
    }),
    alreadyRecorded: t.prismaField({
      type: [Figure],
      description: "Existing figures identical to input items (same indicator, subject, asOf, source, value, qualifier, status, quote and note): not inserted again, so a repeated submission is harmless.",
      resolve: (query, payload, _args, ctx) => loadFigures(ctx, query, payload.alreadyRecordedIds),
    }),
    userErrors: t.field({ type: [UserError], description: "Problems with the input; when any is listed nothing was written.", resolve: (p) => p.userErrors }),
  }),
});

const AddSourceInput = builder.inputType("AddSourceInput", {
  description: "A document that new figures will cite. Its text is not vendored, so quotes from it are recorded as given.",
  fields: (t) => ({
    id: t.string({ required: true, description: 'Stable id: 3–80 lower-case letters, digits and "-", e.g. "laocai-home-affairs-2025-12-01".' }),
    title: t.string({ required: false, description: "Title as the document gives it." }),
    publisher: t.string({ required: true, description: "Who published the document." }),
    url: t.string({ required: true, description: "Where the document can be read (http or https)." }),
    publishedOn: t.field({ type: "Date", required: false, description: "Publication date from the document's byline; figures citing it cannot be dated later." }),
    language: t.string({ required: false, description: 'Language of the document (BCP 47, e.g. "vi").' }),
    originalLanguage: t.string({ required: false, description: "Language of the original, when this document is a translation." }),
    translationOfId: t.string({ required: false, description: "The source this document translates." }),
    note: t.string({ required: false, description: "Provenance notes: how the document was obtained and its known faults." }),
  }),
});

interface AddSourceShape {
  sourceId: string | null;
  created: boolean;
  userErrors: UserErrorShape[];
}

const AddSourcePayload = builder.objectRef<AddSourceShape>("AddSourcePayload").implement({
  description: "The source added (or found identical), or why nothing was written.",
  fields: (t) => ({
    source: t.prismaField({
      type: Source,
      nullable: true,
      description: "The source; null when there are userErrors.",
      resolve: (query, payload, _args, ctx) => (payload.sourceId ? ctx.prisma.source.findUnique({ ...query, where: { id: payload.sourceId } }) : null),
    }),
    created: t.exposeBoolean("created", { description: "False when an identical source with this id existed already (nothing was written)." }),
    userErrors: t.field({ type: [UserError], description: "Problems with the input; when any is listed nothing was written.", resolve: (p) => p.userErrors }),
  }),
});

const CorrectFigureInput = builder.inputType("CorrectFigureInput", {
  description:
    "A correction of a figure: the fields that change (others are copied) and why. It is recorded as a new figure that supersedes the old one; the old one is kept and shows in `history`.",
  fields: (t) => ({
    id: t.id({ required: true, description: "The figure to correct: its `code` or global `id`. It must be current (not corrected already, not retracted)." }),
    reason: t.string({ required: true, description: "Why the figure is corrected, e.g. \"value misread: the report says 183 communes\"." }),
    value: t.float({ required: false, description: "The corrected number." }),
    qualifier: t.field({ type: FigureQualifier, required: false, description: "The corrected qualifier." }),
    asOf: t.field({ type: "Date", required: false, description: "The corrected date." }),
    status: t.field({ type: FigureStatus, required: false, description: "The corrected status." }),
    subjectType: t.field({ type: FigureSubjectType, required: false, description: "The corrected kind of subject (give subjectCode too)." }),
    subjectCode: t.string({ required: false, description: "The corrected subject code." }),
    sourceId: t.string({ required: false, description: "The corrected source." }),
    quote: t.string({ required: false, description: "The corrected quote, verbatim." }),
    note: t.string({ required: false, description: "The corrected note." }),
  }),
});

interface CorrectFigureShape {
  figureId: string | null;
  correctedId: string | null;
  userErrors: UserErrorShape[];
}

const CorrectFigurePayload = builder.objectRef<CorrectFigureShape>("CorrectFigurePayload").implement({
  description: "The correcting figure and the one it supersedes, or why nothing was written.",
  fields: (t) => ({
    figure: t.prismaField({
      type: Figure,
      nullable: true,
      description: "The new, current figure; null when there are userErrors.",
      resolve: (query, p, _args, ctx) => (p.figureId ? ctx.prisma.figure.findUnique({ ...query, where: { id: p.figureId } }) : null),
    }),
    corrected: t.prismaField({
      type: Figure,
      nullable: true,
      description: "The figure it supersedes, unchanged but no longer current.",
      resolve: (query, p, _args, ctx) => (p.correctedId ? ctx.prisma.figure.findUnique({ ...query, where: { id: p.correctedId } }) : null),
    }),
    userErrors: t.field({ type: [UserError], description: "Problems with the input; when any is listed nothing was written.", resolve: (p) => p.userErrors }),
  }),
});

const RetractFigureInput = builder.inputType("RetractFigureInput", {
  description: "Withdraws a figure: it is marked retracted (when, why, by whom), never deleted, and reads leave it out by default.",
  fields: (t) => ({
    id: t.id({ required: true, description: "The figure to retract: its `code` or global `id`. It must be current." }),
    reason: t.string({ required: true, description: "Why it is retracted, e.g. \"the source retracted this number\"." }),
  }),
});

interface RetractFigureShape {
  figureId: string | null;
  userErrors: UserErrorShape[];
}

const RetractFigurePayload = builder.objectRef<RetractFigureShape>("RetractFigurePayload").implement({
  description: "The retracted figure, or why nothing was written.",
  fields: (t) => ({
    figure: t.prismaField({
      type: Figure,
      nullable: true,
      description: "The figure, now retracted; null when there are userErrors.",
      resolve: (query, p, _args, ctx) => (p.figureId ? ctx.prisma.figure.findUnique({ ...query, where: { id: p.figureId } }) : null),
    }),
    userErrors: t.field({ type: [UserError], description: "Problems with the input; when any is listed nothing was written.", resolve: (p) => p.userErrors }),
  }),
});

const day = (date: Date | null | undefined) => (date == null ? date : isoDate(date));
const clean = <T extends Record<string, unknown>>(input: T) => Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null));

builder.mutationFields((t) => ({
  addSource: t.field({
    type: AddSourcePayload,
    description: "Adds a source document that figures can then cite. Adding the same source twice is harmless (`created: false`).",
    args: { input: t.arg({ type: AddSourceInput, required: true, description: "The source." }) },
    resolve: async (_root, { input }, ctx) => {
      const result = await addSource(ctx.prisma, clean({ ...input, publishedOn: day(input.publishedOn) }), writeOptions(ctx));
      return { sourceId: result.source?.id ?? null, created: result.created, userErrors: result.userErrors };
    },
  }),
  addFigures: t.field({
    type: AddFiguresPayload,
    description:
      "Adds figures from one source, all or none. Each is checked: the indicator exists and its unit matches, the value is in range, asOf is not after the source's publication, the subject existed on asOf, the quote occurs in the source's vendored text. A figure already recorded identically is reported in `alreadyRecorded`, not added twice.",
    args: { input: t.arg({ type: AddFiguresInput, required: true, description: "The source and its figures." }) },
    resolve: async (_root, { input }, ctx) => {
      const options = writeOptions(ctx);
      if (input.figures.length > MAX_FIGURES_PER_CALL) {
        return {
          figureIds: [],
          alreadyRecordedIds: [],
          userErrors: [userError(["figures"], "INVALID", "tooManyFigures", { max: MAX_FIGURES_PER_CALL })],
        };
      }
      const items = input.figures.map((figure) => clean({ ...figure, sourceId: input.sourceId, asOf: day(figure.asOf) }));
      const result = await addFigures(ctx.prisma, items, { ...options, auditInput: { sourceId: input.sourceId, figures: items.map(({ sourceId: _s, ...rest }) => rest) } });
      return { figureIds: result.createdIds, alreadyRecordedIds: result.alreadyRecordedIds, userErrors: result.userErrors };
    },
  }),
  correctFigure: t.field({
    type: CorrectFigurePayload,
    description: "Corrects a figure without overwriting it: records a new figure that supersedes it (see Figure.history).",
    args: { input: t.arg({ type: CorrectFigureInput, required: true, description: "The figure, the changed fields and the reason." }) },
    resolve: async (_root, { input }, ctx) => {
      const { id, reason, ...changes } = input;
      const result = await correctFigure(ctx.prisma, { id: figureCode(String(id)), reason, changes: clean({ ...changes, asOf: day(changes.asOf) }) }, writeOptions(ctx));
      return { figureId: result.figure?.id ?? null, correctedId: result.corrected?.id ?? null, userErrors: result.userErrors };
    },
  }),
  retractFigure: t.field({
    type: RetractFigurePayload,
    description: "Retracts a figure: marks it with the time, reason and who retracted it; it is never deleted and stays in Figure.history.",
    args: { input: t.arg({ type: RetractFigureInput, required: true, description: "The figure and the reason." }) },
    resolve: async (_root, { input }, ctx) => {
      const result = await retractFigure(ctx.prisma, { id: figureCode(String(input.id)), reason: input.reason }, writeOptions(ctx));
      return { figureId: result.figure?.id ?? null, userErrors: result.userErrors };
    },
  }),
}));

// ---- Audit log ------------------------------------------------------------------------------

export const AuditLogEntry = builder.prismaObject("AuditLogEntry", {
  description: "One successful write: who made it, when, which operation with which input, and which records it created or changed.",
  fields: (t) => ({
    sequence: t.exposeInt("id", { description: "Position in the log: later writes have larger numbers." }),
    at: t.field({ type: "DateTime", description: "When the write was committed.", resolve: (entry) => entry.at }),
    actor: t.exposeString("actor", { description: 'Who wrote: the API key\'s name, or "cli:<user>" (or the `--as` name) for imports.' }),
    operation: t.exposeString("operation", { description: '"addSource", "addFigures", "correctFigure", "retractFigure" or "import".' }),
    input: t.string({ description: "The write's input as JSON text, as validated.", resolve: (entry) => JSON.stringify(entry.input) }),
    touchedIds: t.exposeStringList("touchedIds", { description: "Codes of the figures and sources created or changed." }),
  }),
});

const AuditLogConnection = countedConnection(AuditLogEntry, {
  name: "AuditLogConnection",
  description: "A page of the audit log, newest first.",
  edgeName: "AuditLogEdge",
  edgeDescription: "An audit log entry and its cursor.",
  totalCountDescription: "How many writes the log holds in all, across every page.",
});

builder.queryFields((t) => ({
  auditLog: t.prismaConnection(
    {
      type: AuditLogEntry,
      cursor: "id",
      description: "The audit log of steward writes, newest first. Needs an API key with the `write` scope.",
      authScopes: { write: true },
      resolve: (query, _root, _args, ctx) => ctx.prisma.auditLogEntry.findMany({ ...query, orderBy: { id: "desc" } }),
      // Reached only through Query.auditLog, which the `write` scope guards; plugin-prisma hands the
      // page this count as a function, which countedConnection's field calls only when asked.
      totalCount: (_root, _args, ctx) => ctx.prisma.auditLogEntry.count(),
    },
    AuditLogConnection,
  ),
}));
