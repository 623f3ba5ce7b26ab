// Data-change notices: every write that changes what the API answers sends one inside its
// transaction (PostgreSQL delivers a NOTIFY only on commit, so a rolled-back write is never
// announced). Servers on the same database, in this process or another, drop their caches of
// that data when they hear it (http/server.ts).
import { DATA_CHANGED_CHANNEL } from "../db.js";
import type { Prisma } from "../generated/prisma/client.js";

/** What changed: the registry (units, service centers), the lineage, figures, sources and agencies, or API keys. */
export type DataKind = "registry" | "lineage" | "figures" | "keys";

export async function announceChange(tx: Prisma.TransactionClient, what: DataKind): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${DATA_CHANGED_CHANNEL}, ${what})`;
}
