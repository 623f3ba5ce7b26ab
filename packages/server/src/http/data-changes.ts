// Keeps a server's caches true to the database: on every data-change notice (db/changes.ts), from
// this process or another one on the same database, the response cache is dropped when data
// changed, the in-memory registry and the GeoJSON downloads when the registry changed, and the looked-up API keys when keys
// changed (all of them when notices may have been missed).
import type { Plugin } from "graphql-yoga";
import { forgetPrincipals } from "../auth/keys.js";
import type { Database } from "../db.js";
import { invalidateRegistry } from "../registry/snapshot.js";

export interface DataChangeHandlers {
  /** Drops the response cache (any data changed). */
  dropAnswers(): void;
  /** Drops what is built from the registry alone (the GeoJSON downloads). */
  dropRegistryAnswers(): void;
}

export function dataChangesPlugin(db: Database, { dropAnswers, dropRegistryAnswers }: DataChangeHandlers): Plugin {
  const unsubscribe = db.onDataChanged((what) => {
    const all = what === "reconnected";
    if (what !== "keys") dropAnswers();
    if (what === "registry" || all) {
      invalidateRegistry(db.prisma);
      dropRegistryAnswers();
    }
    if (what === "keys" || all) forgetPrincipals(db.prisma);
  });
  return { onDispose: () => void unsubscribe() };
}
