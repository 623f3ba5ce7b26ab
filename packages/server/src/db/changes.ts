// Data-change notices: every write that changes what the API answers sends one inside its
// transaction (PostgreSQL delivers a NOTIFY only on commit, so a rolled-back write is never
// announced). Servers on the same database, in this process or another, drop their caches of
// that data when they hear it (http/server.ts), and the change feed reads the events the write
// appended (db/change-feed.ts).
import { DATA_CHANGED_CHANNEL } from "../db.js";
import type { ChangeKind, Prisma } from "../generated/prisma/client.js";

/** What changed: the registry (units, service centers), the lineage, figures, sources and agencies, or API keys. */
export type DataKind = "registry" | "lineage" | "figures" | "keys";

export async function announceChange(tx: Prisma.TransactionClient, what: DataKind): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${DATA_CHANGED_CHANNEL}, ${what})`;
}

/**
 * The key of the advisory lock writers hold while appending change events: "vnfeed" in ASCII.
 * A sequence hands out ids when rows are inserted, not when they commit; two writers could
 * otherwise commit ids 6 then 5, and a reader that resumed after 6 would never see 5. Holding the
 * lock to the end of the transaction makes commit order id order. Writes are rare (stewards, the
 * seed), so serialising their last statement costs nothing measurable.
 */
export const CHANGE_LOG_LOCK_KEY = 0x76_6e_66_65_65_64;

export interface ChangeEventInput {
  kind: ChangeKind;
  subjectId: string;
  previousId?: string | null;
  actor?: string | null;
  reason?: string | null;
}

/** Appends events to the change feed's log, inside the write's own transaction (call it last). */
export async function recordChangeEvents(tx: Prisma.TransactionClient, events: ChangeEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHANGE_LOG_LOCK_KEY}::bigint)`;
  await tx.changeEvent.createMany({ data: events });
}
