// Keeps a server's caches true to the database: on every data-change notice (db/changes.ts), from
// this process or another one on the same database, the response cache is dropped, and the
// in-memory registry too when the registry changed (or when notices may have been missed).
import type { Plugin } from "graphql-yoga";
import type { Database } from "../db.js";
import { invalidateRegistry } from "../registry/snapshot.js";

export function dataChangesPlugin(db: Database, dropAnswers: () => void): Plugin {
  const unsubscribe = db.onDataChanged((what) => {
    dropAnswers();
    if (what === "registry" || what === "reconnected") invalidateRegistry(db.prisma);
  });
  return { onDispose: () => void unsubscribe() };
}
