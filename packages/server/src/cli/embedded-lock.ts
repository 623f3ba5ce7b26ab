// One process at a time owns an embedded PGlite folder: PGlite has no multi-process access, and
// two processes writing the same folder corrupt it. The server and the key command both take
// this lock (proper-lockfile: a lock directory refreshed while held, stale once its owner dies).
import fs from "node:fs";
import path from "node:path";
import lockfile from "proper-lockfile";

export class EmbeddedDatabaseBusy extends Error {
  override name = "EmbeddedDatabaseBusy";
}

/** Takes the folder's lock; throws EmbeddedDatabaseBusy, with what to do, when another process holds it. */
export async function lockEmbeddedDatabase(dataDir: string, holder: string): Promise<() => Promise<void>> {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      realpath: false,
      lockfilePath: `${dataDir}.lock`,
      stale: 15_000,
      update: 5_000,
    });
  } catch (error) {
    if ((error as { code?: string }).code === "ELOCKED") {
      throw new EmbeddedDatabaseBusy(
        `The embedded database at ${dataDir} is in use by another process (most likely a running vngov server). ` +
          `One process owns a PGlite folder at a time: stop the server to run ${holder}, or run both on PostgreSQL (DATABASE_URL).`,
      );
    }
    throw error;
  }
}
