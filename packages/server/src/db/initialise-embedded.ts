// The child process of a first embedded start: makes the new database (initdb, migrations, seeds) in the
// temporary folder db/open.ts gives it, then exits.
//
// Making it grows memory that never comes back within a process: PGlite's WebAssembly heap (freed
// only when the garbage collector gets to the closed instance), Prisma's query compiler (one
// WebAssembly instance per process), the parsed data files, malloc arenas. In a process of its own
// all of it goes when the process exits, and the server opens the finished folder as on any later
// start.
import { openDatabase } from "../db.js";
import { prepareDatabase } from "./setup.js";

const [dir] = process.argv.slice(2);
if (!dir) {
  process.stderr.write("usage: initialise-embedded <folder>\n");
  process.exit(2);
}
// Stdin is a pipe from the process that started this one: it ends when that process dies (kill -9
// included), and a database nobody waits for is not worth finishing (the next start deletes the folder).
process.stdin.on("end", () => process.exit(1));
process.stdin.resume();

const db = await openDatabase({ dataDir: dir });
try {
  await prepareDatabase(db);
} finally {
  await db.close();
}
process.exit(0);
