// Which version of each committed dataset (registry, lineage, figures) the database holds: a seed
// is skipped when the files hash to what it recorded, and records the new hash in the transaction
// that writes the rows, so a failed seed leaves the old hash and is tried again.
import type { Database } from "../db.js";
import type { Prisma } from "../generated/prisma/client.js";

/** The hash the database recorded for `dataset`'s files, or undefined before its first seed. */
export async function seededHash(prisma: Database["prisma"], dataset: string): Promise<string | undefined> {
  return (await prisma.seedState.findUnique({ where: { dataset }, select: { hash: true } }))?.hash;
}

/** Records, inside the seed's transaction, that `dataset` now holds the files hashing to `hash`. */
export async function recordSeeded(tx: Prisma.TransactionClient, dataset: string, hash: string): Promise<void> {
  await tx.seedState.upsert({
    where: { dataset },
    create: { dataset, hash },
    update: { hash, seededAt: new Date() },
  });
}
