// One process at a time owns an embedded PGlite folder: PGlite has no multi-process access, and
// two processes writing the same folder corrupt it. The server and the key command both take
// this lock (proper-lockfile: a lock directory refreshed while held, stale once its owner dies).
// PGlite runs in this thread and can block the event loop for a long time (seeding the registry
// takes seconds to minutes on a busy machine), so the refresh may be late: the stale threshold is
// generous, and a late refresh is reported instead of crashing the process.
import fs from "node:fs";
import path from "node:path";
import lockfile from "proper-lockfile";

export class EmbeddedDatabaseBusy extends Error {
  override name = "EmbeddedDatabaseBusy";
}

/** Takes the folder's lock; throws EmbeddedDatabaseBusy, with what to do, when another process holds it. */
const STALE_MS = 120_000;

export async function lockEmbeddedDatabase(
  dataDir: string,
  holder: string,
  onCompromised: (error: Error) => void = () => undefined,
): Promise<() => Promise<void>> {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      realpath: false,
      lockfilePath: `${dataDir}.lock`,
      stale: STALE_MS,
      update: 10_000,
      onCompromised,
    });
  } catch (error) {
    if ((error as { code?: string }).code === "ELOCKED") {
      throw new EmbeddedDatabaseBusy(
        `The embedded database at ${dataDir} is in use by another process (most likely a running vngov server). ` +
          `One process owns a PGlite folder at a time: stop the server to run ${holder}, or run both on PostgreSQL (DATABASE_URL). ` +
          `(A lock left by a process that crashed expires ${STALE_MS / 60_000} minutes after it died: ${dataDir}.lock)`,
      );
    }
    throw error;
  }
}
