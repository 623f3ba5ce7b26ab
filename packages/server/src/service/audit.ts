// The audit log: one row per successful write, in the write's own transaction.
import type { Prisma } from "../generated/prisma/client.js";
import type { Actor } from "./actor.js";
import type { Tx } from "./transaction.js";

export async function recordAudit(tx: Tx, actor: Actor, operation: string, input: unknown, touchedIds: string[]): Promise<void> {
  await tx.auditLogEntry.create({
    data: {
      actor: actor.name,
      actorKeyId: actor.keyId,
      operation,
      input: JSON.parse(JSON.stringify(input ?? null)) as Prisma.InputJsonValue,
      touchedIds,
    },
  });
}
