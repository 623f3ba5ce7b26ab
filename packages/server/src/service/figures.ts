// Steward writes of figures: add (idempotent by indicator, subject, date and source), correct (a new
// figure superseding the old one) and retract (marked, never deleted); all-or-nothing, audited.
import type { Figure, PrismaClient } from "../generated/prisma/client.js";
import { recordChangeEvents } from "../db/changes.js";
import type { WriteOptions } from "./actor.js";
import { recordAudit } from "./audit.js";
import { inWriteTransaction, Rollback, type Tx } from "./transaction.js";
import { userError, type UserError } from "./user-errors.js";
import { checkFigureItems, figureId, figureKey, figureRow, itemOf, sameContent, type CheckedFigure } from "./validate.js";

export interface AddFiguresResult {
  /** Figures this write created (after an apply) or would create (dry run). */
  created: CheckedFigure[];
  createdIds: string[];
  /** Existing figures identical to an input item: reported, not inserted again. */
  alreadyRecordedIds: string[];
  userErrors: UserError[];
}

export interface AddFiguresOptions extends WriteOptions {
  /** Check everything and report what would change, write nothing. */
  dryRun?: boolean;
  /** The audit log's operation name ("addFigures", or "import" for the command line). */
  operation?: string;
  /** Path of item i in userErrors (default ["figures", i]). */
  pathOf?: (index: number) => Array<string | number>;
  /** What the audit log records as the input (default the items). */
  auditInput?: unknown;
}

async function planFigures(tx: Tx, items: unknown[], options: AddFiguresOptions): Promise<AddFiguresResult & { rows: ReturnType<typeof figureRow>[] }> {
  const pathOf = options.pathOf ?? ((index: number) => ["figures", index]);
  const { checked, userErrors } = await checkFigureItems(tx, items, options.today, pathOf);
  const ok = checked.filter((item): item is CheckedFigure => item != null);
  const existing = ok.length
    ? await tx.figure.findMany({
        where: {
          OR: ok.map((item) => ({
            indicatorCode: item.indicator,
            subjectType: item.subjectType,
            subjectCode: item.subjectCode,
            asOf: new Date(`${item.asOf}T00:00:00Z`),
            sourceId: item.sourceId,
          })),
        },
        include: { supersededBy: { select: { id: true } } },
      })
    : [];
  const result: AddFiguresResult & { rows: ReturnType<typeof figureRow>[] } = { created: [], createdIds: [], alreadyRecordedIds: [], userErrors, rows: [] };
  const seen = new Map<string, number>();
  checked.forEach((item, index) => {
    if (!item) return;
    const key = figureKey(item);
    const first = seen.get(key);
    if (first != null) {
      userErrors.push(userError([...pathOf(index), "subjectCode"], "DUPLICATE", "itemRepeated", { index, first }));
      return;
    }
    seen.set(key, index);
    const sameKey = existing.filter((row) => figureKey(row) === key);
    if (sameKey.length) {
      const current = sameKey.filter((row) => row.retractedAt == null && row.supersededBy == null);
      const identical = current.find((row) => sameContent(row, item));
      if (identical) {
        result.alreadyRecordedIds.push(identical.id);
        return;
      }
      const shown = current[0] ?? sameKey[0]!;
      userErrors.push(
        userError(
          [...pathOf(index), "value"],
          "DUPLICATE",
          "figureAlreadyRecorded",
          {
            id: shown.id,
            indicator: item.indicator,
            subjectType: item.subjectType,
            subjectCode: item.subjectCode,
            asOf: item.asOf,
            sourceId: item.sourceId,
            retracted: shown.retractedAt != null,
            value: Number(shown.value),
          },
        ),
      );
      return;
    }
    const id = figureId(key, 0);
    result.created.push(item);
    result.createdIds.push(id);
    result.rows.push(figureRow(item, { id, revision: 0, createdBy: options.actor.name }));
  });
  return result;
}

/** Adds figures in one transaction; nothing is written when any item has a userError. */
export async function addFigures(prisma: PrismaClient, items: unknown[], options: AddFiguresOptions): Promise<AddFiguresResult> {
  if (options.dryRun) {
    return prisma.$transaction(async (tx) => strip(await planFigures(tx, items, options)));
  }
  return inWriteTransaction(prisma, async (tx) => {
    const plan = await planFigures(tx, items, options);
    if (plan.userErrors.length) throw new Rollback(strip({ ...plan, created: [], createdIds: [], alreadyRecordedIds: [] }));
    if (plan.rows.length) {
      await tx.figure.createMany({ data: plan.rows });
      await recordAudit(tx, options.actor, options.operation ?? "addFigures", options.auditInput ?? items, plan.createdIds);
      await recordChangeEvents(tx, plan.createdIds.map((subjectId) => ({ kind: "FIGURE_ADDED", subjectId, actor: options.actor.name })));
    }
    return strip(plan);
  });
}

const strip = ({ rows: _rows, ...result }: AddFiguresResult & { rows?: unknown }): AddFiguresResult => result;

/** Locks a figure row for this transaction, so a correction and a retraction of it are serialised. */
async function lockFigure(tx: Tx, id: string) {
  await tx.$queryRawUnsafe(`SELECT id FROM "Figure" WHERE id = $1 FOR UPDATE`, id);
  return tx.figure.findUnique({ where: { id }, include: { supersededBy: { select: { id: true } } } });
}

type LockedFigure = NonNullable<Awaited<ReturnType<typeof lockFigure>>>;

// What each message of the opening checks says for a correction or a retraction: a retracted
// figure cannot be corrected (add a new one), nor retracted twice.
const OPENING_WORDS = {
  correct: { done: "corrected", retracted: "figureRetractedAddNew" },
  retract: { done: "retracted", retracted: "figureAlreadyRetracted" },
} as const;

/**
 * The checks a correction and a retraction both open with, in this order: a reason is given, the
 * figure exists (locked for the transaction), no correction supersedes it, it is not retracted.
 * The first that fails ends the write through `failed`; otherwise gives the trimmed reason and the figure.
 */
async function openFigureWrite(
  tx: Tx,
  input: { id: string; reason: string },
  action: keyof typeof OPENING_WORDS,
  failed: (userErrors: UserError[]) => never,
): Promise<{ reason: string; old: LockedFigure }> {
  const words = OPENING_WORDS[action];
  const reason = input.reason?.trim() ?? "";
  if (!reason) failed([userError(["reason"], "INVALID", "reasonRequired", { action: words.done })]);
  const old = await lockFigure(tx, input.id);
  if (!old) return failed([userError(["id"], "NOT_FOUND", "figureNotFound", { id: input.id })]);
  if (old.supersededBy) failed([userError(["id"], "ALREADY_SUPERSEDED", "figureSuperseded", { id: old.id, by: old.supersededBy.id, action })]);
  if (old.retractedAt) failed([userError(["id"], "ALREADY_RETRACTED", words.retracted, { id: old.id, on: old.retractedAt.toISOString() })]);
  return { reason, old };
}

export interface CorrectFigureInput {
  id: string;
  reason: string;
  changes: Record<string, unknown>;
}

export interface CorrectFigureResult {
  figure: Figure | null;
  corrected: Figure | null;
  userErrors: UserError[];
}

const CORRECTABLE = ["value", "qualifier", "unit", "asOf", "status", "subjectType", "subjectCode", "sourceId", "quote", "note"] as const;

/** Records a correction: a new figure that supersedes the old one, which is kept unchanged. */
export async function correctFigure(prisma: PrismaClient, input: CorrectFigureInput, options: WriteOptions): Promise<CorrectFigureResult> {
  const failed = (userErrors: UserError[]): never => {
    throw new Rollback<CorrectFigureResult>({ figure: null, corrected: null, userErrors });
  };
  return inWriteTransaction(prisma, async (tx) => {
    const { reason, old } = await openFigureWrite(tx, input, "correct", failed);
    const changes = Object.fromEntries(CORRECTABLE.filter((field) => input.changes[field] !== undefined).map((field) => [field, input.changes[field]]));
    const merged = { ...itemOf(old), ...changes, ...(changes.indicator ? {} : {}) };
    const { checked, userErrors } = await checkFigureItems(tx, [merged], options.today, () => []);
    if (userErrors.length) failed(userErrors);
    const item = checked[0]!;
    if (figureKey(item) === figureKey(itemOf(old)) && sameContent(old, item) && item.unit === old.unit) {
      failed([userError([], "NO_CHANGE", "correctionUnchanged", { id: old.id })]);
    }
    const key = figureKey(item);
    const sameKey = await tx.figure.findMany({
      where: { indicatorCode: item.indicator, subjectType: item.subjectType, subjectCode: item.subjectCode, asOf: new Date(`${item.asOf}T00:00:00Z`), sourceId: item.sourceId },
      select: { id: true, revision: true, originalId: true },
    });
    const chain = old.originalId ?? old.id;
    const foreign = sameKey.find((row) => (row.originalId ?? row.id) !== chain);
    if (foreign) {
      failed([userError(["subjectCode"], "DUPLICATE", "correctionDuplicate", { id: foreign.id })]);
    }
    const revision = Math.max(old.revision, ...sameKey.map((row) => row.revision)) + 1;
    const id = figureId(key, revision);
    const figure = await tx.figure.create({
      data: figureRow(item, { id, revision, createdBy: options.actor.name, supersedesId: old.id, originalId: chain, correctionReason: reason }),
    });
    await recordAudit(tx, options.actor, "correctFigure", { id: input.id, reason, changes }, [id, old.id]);
    await recordChangeEvents(tx, [{ kind: "FIGURE_CORRECTED", subjectId: id, previousId: old.id, actor: options.actor.name, reason }]);
    return { figure, corrected: old, userErrors: [] };
  });
}

export interface RetractFigureResult {
  figure: Figure | null;
  userErrors: UserError[];
}

/** Marks a figure retracted (when, why, by whom); the row stays, and history shows it. */
export async function retractFigure(prisma: PrismaClient, input: { id: string; reason: string }, options: WriteOptions): Promise<RetractFigureResult> {
  const failed = (userErrors: UserError[]): never => {
    throw new Rollback<RetractFigureResult>({ figure: null, userErrors });
  };
  return inWriteTransaction(prisma, async (tx) => {
    const { reason, old } = await openFigureWrite(tx, input, "retract", failed);
    const figure = await tx.figure.update({
      where: { id: old.id },
      data: { retractedAt: new Date(), retractionReason: reason, retractedBy: options.actor.name },
    });
    await recordAudit(tx, options.actor, "retractFigure", { id: input.id, reason }, [old.id]);
    await recordChangeEvents(tx, [{ kind: "FIGURE_RETRACTED", subjectId: old.id, actor: options.actor.name, reason }]);
    return { figure, userErrors: [] };
  });
}
