// Steward writes of sources: a document that new figures can cite (its text is not vendored).
import { z } from "zod";
import type { PrismaClient, Source } from "../generated/prisma/client.js";
import type { WriteOptions } from "./actor.js";
import { recordAudit } from "./audit.js";
import { inWriteTransaction, Rollback } from "./transaction.js";
import { userError, zodUserErrors, type UserError } from "./user-errors.js";
import { isoDay } from "./validate.js";

export const sourceInput = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{2,79}$/, 'id must be 3–80 lower-case letters, digits and "-", e.g. "laocai-home-affairs-2025-12-01"'),
  title: z.string().trim().min(1).nullish(),
  publisher: z.string().trim().min(1, "publisher must not be empty"),
  url: z
    .string()
    .trim()
    .refine((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol) && new URL(url).hostname.includes("."), "url must be a well-formed http(s) URL"),
  publishedOn: isoDay.nullish(),
  language: z.string().trim().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'language must be a BCP 47 tag, e.g. "vi"').nullish(),
  originalLanguage: z.string().trim().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'originalLanguage must be a BCP 47 tag, e.g. "vi"').nullish(),
  translationOfId: z.string().trim().min(1).nullish(),
  note: z.string().trim().min(1).nullish(),
});

export interface AddSourceResult {
  source: Source | null;
  created: boolean;
  userErrors: UserError[];
}

export async function addSource(prisma: PrismaClient, raw: unknown, options: WriteOptions): Promise<AddSourceResult> {
  const failed = (userErrors: UserError[]): never => {
    throw new Rollback<AddSourceResult>({ source: null, created: false, userErrors });
  };
  return inWriteTransaction(prisma, async (tx) => {
    const parsed = sourceInput.safeParse(raw);
    if (!parsed.success) return failed(zodUserErrors([], parsed.error.issues));
    const input = parsed.data;
    const problems: UserError[] = [];
    if (input.publishedOn && input.publishedOn > options.today) {
      problems.push(userError(["publishedOn"], "AFTER_PUBLICATION", "publishedAfterToday", { publishedOn: input.publishedOn, today: options.today }));
    }
    if (input.translationOfId && !(await tx.source.findUnique({ where: { id: input.translationOfId } }))) {
      problems.push(userError(["translationOfId"], "NOT_FOUND", "translationOfUnknown", { id: input.translationOfId }));
    }
    const data = {
      id: input.id,
      title: input.title ?? null,
      publisher: input.publisher,
      url: input.url,
      publishedOn: input.publishedOn ? new Date(`${input.publishedOn}T00:00:00Z`) : null,
      language: input.language ?? null,
      originalLanguage: input.originalLanguage ?? null,
      translationOfId: input.translationOfId ?? null,
      note: input.note ?? null,
    };
    const existing = await tx.source.findUnique({ where: { id: input.id } });
    if (existing) {
      const same = (Object.keys(data) as Array<keyof typeof data>).every((k) => String(existing[k] instanceof Date ? (existing[k] as Date).toISOString() : existing[k]) === String(data[k] instanceof Date ? (data[k] as Date).toISOString() : data[k]));
      if (same && problems.length === 0) return { source: existing, created: false, userErrors: [] };
      problems.push(userError(["id"], "DUPLICATE", "sourceIdTaken", { id: input.id }));
    }
    const sameUrl = await tx.source.findFirst({ where: { url: input.url, id: { not: input.id } } });
    if (sameUrl) problems.push(userError(["url"], "DUPLICATE", "sourceUrlTaken", { id: sameUrl.id, url: input.url }));
    if (problems.length) return failed(problems);
    const source = await tx.source.create({ data: { ...data, createdBy: options.actor.name } });
    await recordAudit(tx, options.actor, "addSource", input, [source.id]);
    return { source, created: true, userErrors: [] };
  });
}
