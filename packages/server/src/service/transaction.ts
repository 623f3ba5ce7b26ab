// One steward write = one transaction; a unique-constraint race with a concurrent writer is retried
// once, so the loser re-validates and sees the winner's row (reported, not inserted twice).
import type { PrismaClient } from "../generated/prisma/client.js";
import { announceChange } from "../db/changes.js";

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Thrown inside a write transaction to roll it back when the input has userErrors. */
export class Rollback<T> extends Error {
  constructor(readonly result: T) {
    super("rolled back");
  }
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string; cause?: { code?: string } };
  return e?.code === "P2002" || e?.cause?.code === "23505" || /Unique constraint|23505|duplicate key/i.test(e?.message ?? "");
}

export async function inWriteTransaction<T>(prisma: PrismaClient, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await prisma.$transaction(
        async (tx) => {
          const result = await work(tx);
          // Delivered on commit: servers on this database drop their cached answers (db/changes.ts).
          await announceChange(tx, "figures");
          return result;
        },
        { timeout: 60_000, maxWait: 30_000 },
      );
    } catch (error) {
      if (error instanceof Rollback) return error.result as T;
      if (attempt < 2 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}
