// The embedded database's shared buffer cache, made smaller than PGlite's built-in 128 MB.
//
// PGlite 0.3.15 starts PostgreSQL with a fixed command line ("-c shared_buffers=128MB" among its
// WASM_PGOPTS, in pglite-wasm's C code) and takes no startup settings; a command-line setting
// outranks postgresql.conf and ALTER SYSTEM, so neither can change it. Its shared memory is an
// anonymous mmap, which Emscripten serves from the WebAssembly heap and zeroes: all 128 MB become
// resident at open and, WebAssembly memory never shrinking, stay so. The whole registry database
// is about 55 MB on disk and the server answers registry reads from its in-memory snapshot, so
// 32 MB of buffers hold what queries touch; pages beyond it are read back through Node's fs from
// the OS page cache. Written pages reach disk as before (fsync and WAL untouched).
//
// The setting is changed where PGlite keeps it: the argument string in the module's static data,
// rewritten before PostgreSQL's main runs (an Emscripten preRun hook, through PGlite's extension
// interface, which exists to amend the Emscripten options). A build whose string differs is left
// as it is (the test of this module then fails, so an upgrade of PGlite cannot pass unnoticed).
import type { Extension } from "@electric-sql/pglite";

/** What the embedded database runs with (SHOW shared_buffers answers this). */
export const EMBEDDED_SHARED_BUFFERS = "32MB";

const BUILT_IN = "shared_buffers=128MB\0";

interface EmscriptenModule {
  HEAPU8: Uint8Array;
}

/** Rewrites PGlite's built-in `shared_buffers=128MB` argument; false when it is not found exactly once. */
export function rewriteSharedBuffers(module: EmscriptenModule, size: string): boolean {
  const heap = Buffer.from(module.HEAPU8.buffer, module.HEAPU8.byteOffset, module.HEAPU8.byteLength);
  const from = Buffer.from(BUILT_IN);
  const to = Buffer.from(`shared_buffers=${size}\0`);
  const at = heap.indexOf(from);
  if (at < 0 || heap.indexOf(from, at + 1) >= 0 || to.length > from.length) return false;
  heap.fill(0, at, at + from.length);
  to.copy(heap, at);
  return true;
}

/** A PGlite "extension" that only amends the Emscripten options: starts PostgreSQL with `size` of shared buffers. */
export function sharedBuffers(size: string = EMBEDDED_SHARED_BUFFERS): Extension {
  return {
    name: "vngov-shared-buffers",
    async setup(_pg, emscriptenOptions: { preRun?: Array<(module: EmscriptenModule) => void> }) {
      return {
        emscriptenOpts: {
          ...emscriptenOptions,
          preRun: [...(emscriptenOptions.preRun ?? []), (module: EmscriptenModule) => void rewriteSharedBuffers(module, size)],
        },
      };
    },
  };
}
