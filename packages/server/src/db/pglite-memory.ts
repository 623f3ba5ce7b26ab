// The embedded database's memory: PostgreSQL's shared memory made smaller than PGlite's built-in
// sizes, and its WebAssembly compiled by V8's baseline compiler only.
//
// Shared memory. PGlite 0.3.15 starts PostgreSQL with a fixed command line ("-c shared_buffers=128MB"
// and "-c wal_buffers=4MB" among its WASM_PGOPTS, in pglite-wasm's C code) and takes no startup
// settings; a command-line setting outranks postgresql.conf and ALTER SYSTEM, so neither can change
// it. Its shared memory is an anonymous mmap, which Emscripten serves from the WebAssembly heap and
// zeroes: all of it becomes resident at open and, WebAssembly memory never shrinking, stays so. The
// server answers registry reads from its in-memory snapshot (registry/snapshot.ts) without SQL, and
// the whole database is about 55 MB on disk: 16 MB of buffers hold what its statements touch, pages
// beyond it are read back through Node's fs from the OS page cache. One writing session at a time
// fills 1 MB of WAL buffers before they are written out (PostgreSQL's own default is 1/32 of
// shared_buffers, here 512 kB). Written pages reach disk as before (fsync and WAL untouched).
//
// The settings are changed where PGlite keeps them: the argument strings in the module's static
// data, rewritten before PostgreSQL's main runs (an Emscripten preRun hook, through PGlite's
// extension interface, which exists to amend the Emscripten options). A build whose strings differ
// is left as it is (the test of this module then fails, so an upgrade of PGlite cannot pass unnoticed).
//
// Compilation. V8 first compiles WebAssembly with its baseline compiler (Liftoff), then recompiles
// the functions that run hot with its optimising compiler (TurboFan). Opening PGlite and loading
// the registry run enough of PostgreSQL to send many of its functions up, and TurboFan's
// working memory for them (malloc'd, freed in fragments glibc keeps) plus the optimised code stayed
// resident: 75-100 MB of a seeded restart's 330-370 MB. Optimised, PGlite's SQL runs about 1.7 ×
// faster; but the server's registry reads send no SQL (0.00 statements per request in every
// registry workload of bench/RESULTS.md), so the embedded server (main.ts) keeps the baseline code.
import v8 from "node:v8";
import type { Extension } from "@electric-sql/pglite";

/** What the embedded database runs with (SHOW shared_buffers answers this). */
export const EMBEDDED_SHARED_BUFFERS = "16MB";
/** What the embedded database runs with (SHOW wal_buffers answers this). */
export const EMBEDDED_WAL_BUFFERS = "1MB";

interface EmscriptenModule {
  HEAPU8: Uint8Array;
}

/**
 * Rewrites one of PGlite's built-in `name=value` arguments (`builtIn`, e.g. "shared_buffers=128MB")
 * to `name=size`; false when `builtIn` is not found exactly once or the new one is longer.
 */
export function rewriteSetting(module: EmscriptenModule, builtIn: string, size: string): boolean {
  const heap = Buffer.from(module.HEAPU8.buffer, module.HEAPU8.byteOffset, module.HEAPU8.byteLength);
  const from = Buffer.from(`${builtIn}\0`);
  const to = Buffer.from(`${builtIn.slice(0, builtIn.indexOf("=") + 1)}${size}\0`);
  const at = heap.indexOf(from);
  if (at < 0 || heap.indexOf(from, at + 1) >= 0 || to.length > from.length) return false;
  heap.fill(0, at, at + from.length);
  to.copy(heap, at);
  return true;
}

/** A PGlite "extension" that only amends the Emscripten options: starts PostgreSQL with smaller shared memory. */
export function sharedMemory(sizes: { sharedBuffers: string; walBuffers: string } = { sharedBuffers: EMBEDDED_SHARED_BUFFERS, walBuffers: EMBEDDED_WAL_BUFFERS }): Extension {
  return {
    name: "vngov-shared-memory",
    async setup(_pg, emscriptenOptions: { preRun?: Array<(module: EmscriptenModule) => void> }) {
      const rewrite = (module: EmscriptenModule) => {
        rewriteSetting(module, "shared_buffers=128MB", sizes.sharedBuffers);
        rewriteSetting(module, "wal_buffers=4MB", sizes.walBuffers);
      };
      return { emscriptenOpts: { ...emscriptenOptions, preRun: [...(emscriptenOptions.preRun ?? []), rewrite] } };
    },
  };
}

/**
 * From now on, WebAssembly this process compiles (PGlite's PostgreSQL, Prisma's query compiler) keeps
 * V8's baseline code and is never recompiled by the optimising compiler (see the top of this module).
 * For the server on the embedded database (main.ts); short-lived processes (the seeding child, the
 * import and key commands) keep V8's default, their memory leaving with them and their SQL running
 * faster. It cannot be undone, and V8 reads the flag when it compiles a module and its functions
 * (lazily, at their first call): it is set before PGlite is created.
 */
export function baselineWebAssemblyOnly(): void {
  v8.setFlagsFromString("--liftoff-only");
}
