// One process at a time owns an embedded PGlite folder: PGlite has no multi-process access, and two
// processes writing the same folder corrupt it. Every entry point takes this lock through
// db/open.ts.
//
// The lock is a directory (mkdir is atomic) holding its owner's pid, the owner's start time (so a
// pid reused by another process, as pid 1 is in every container, is not mistaken for the owner) and
// host name. A lock whose owner is gone is taken over at once: a restart after `kill -9` or the OOM
// killer does not wait for it to go stale (proper-lockfile, used before, needed a 2-minute stale
// threshold because PGlite blocks the event loop for seconds while seeding, and refreshed an mtime).
// Hand-written because no maintained npm package locks by owner pid with a safe takeover; Node has
// no flock(2).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export class EmbeddedDatabaseBusy extends Error {
  override name = "EmbeddedDatabaseBusy";
}

interface Owner {
  pid: number;
  /** The process's start time in clock ticks since boot (/proc/<pid>/stat field 22), where known. */
  started: string | null;
  host: string;
}

/** A process's start time from /proc (Linux), or null where there is no /proc. */
function startTimeOf(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(owner: Owner): boolean {
  // Another machine sharing the folder (a network volume): its processes cannot be checked from here.
  if (owner.host !== os.hostname()) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
  }
  const started = startTimeOf(owner.pid);
  return owner.started === null || started === null || started === owner.started;
}

function readOwner(lockDir: string): Owner | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(lockDir, "owner.json"), "utf8")) as Owner;
  } catch {
    return null;
  }
}

const sameOwner = (a: Owner | null, b: Owner | null) => a !== null && b !== null && a.pid === b.pid && a.started === b.started && a.host === b.host;

/** How long a lock directory without its owner file may be left alone (its owner is between mkdir and writing it). */
const OWNERLESS_GRACE_MS = 5_000;

/** Takes the folder's lock; throws EmbeddedDatabaseBusy, with what to do, when a live process holds it. */
export async function lockEmbeddedDatabase(dataDir: string, holder: string): Promise<() => Promise<void>> {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const lockDir = `${dataDir}.lock`;
  const guardDir = `${dataDir}.lock-takeover`;
  const me: Owner = { pid: process.pid, started: startTimeOf(process.pid), host: os.hostname() };
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, "owner.json"), JSON.stringify(me));
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        if (sameOwner(readOwner(lockDir), me)) fs.rmSync(lockDir, { recursive: true, force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = readOwner(lockDir);
    if (owner === null) {
      // Being written right now, or left by a process killed between mkdir and the write.
      const age = Date.now() - (fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (age < OWNERLESS_GRACE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
    } else if (isAlive(owner)) {
      throw new EmbeddedDatabaseBusy(
        `The embedded database at ${dataDir} is in use by process ${owner.pid}${owner.host !== me.host ? ` on ${owner.host}` : ""} (most likely a running vngov server). ` +
          `One process owns a PGlite folder at a time: stop the server to run ${holder}, or run both on PostgreSQL (DATABASE_URL).`,
      );
    }
    // The owner is dead: take over, one process at a time (the guard), re-reading the owner under
    // the guard so that a lock just taken by a live process is never removed.
    try {
      fs.mkdirSync(guardDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // A takeover lasts milliseconds; a guard older than the grace was left by a killed taker.
      const age = Date.now() - (fs.statSync(guardDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > OWNERLESS_GRACE_MS) fs.rmSync(guardDir, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    try {
      const now = readOwner(lockDir);
      if (owner === null ? now === null : sameOwner(now, owner)) fs.rmSync(lockDir, { recursive: true, force: true });
    } finally {
      fs.rmSync(guardDir, { recursive: true, force: true });
    }
  }
  throw new EmbeddedDatabaseBusy(`Could not take the lock of the embedded database at ${dataDir} (${lockDir}): it kept changing hands.`);
}
