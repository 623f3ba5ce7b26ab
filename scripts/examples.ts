// Runs every example against a real server: seeded PGlite (or TEST_DATABASE_URL) behind the yoga
// handler on a random local port. Fails when an example exits non-zero, prints nothing, or does not
// write the files it should. Files go to a temporary folder, removed afterwards (set
// EXAMPLES_OUT=examples/out to keep them: that folder is git-ignored).
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { startLiveServer } from "../packages/sdk/test/live-server.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const keep = process.env.EXAMPLES_OUT;
const outDir = keep ? path.resolve(root, keep) : mkdtempSync(path.join(tmpdir(), "vngov-examples-"));
mkdirSync(outDir, { recursive: true });

/** Each example with its arguments and the files it must write; add new examples here. */
const EXAMPLES: Array<{ file: string; args: string[]; writes?: string[] }> = [
  { file: "examples/province-tree.ts", args: ["15"] },
  { file: "examples/all-communes.ts", args: ["2025-07-01"] },
  { file: "examples/convert-address.ts", args: [] },
  { file: "examples/analyst-chart.ts", args: [outDir], writes: ["units-by-province.svg"] },
  { file: "examples/analyst-map.ts", args: ["22", outDir], writes: ["units-per-km2-by-province.svg", "province-22-communes.svg"] },
];

/** The files an example should have written that are missing or empty. */
function missingOutputs(writes: string[] = []): string[] {
  return writes.filter((name) => {
    try {
      return statSync(path.join(outDir, name)).size === 0;
    } catch {
      return true;
    }
  });
}

const server = await startLiveServer();
let failed = 0;
try {
  for (const example of EXAMPLES) {
    const started = performance.now();
    // Asynchronous: the server answering the example runs in this process.
    const result = await promisify(execFile)(
      process.execPath,
      ["--conditions=vngov:source", "--import", "tsx", example.file, ...example.args],
      { cwd: root, env: { ...process.env, VNGOV_URL: server.url }, maxBuffer: 16 * 1024 * 1024 },
    ).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? 1, stdout: error.stdout ?? "", stderr: error.stderr ?? String(error) }),
    );
    const lines = result.stdout.trimEnd().split("\n");
    const missing = missingOutputs(example.writes);
    const ok = result.code === 0 && result.stdout.trim() !== "" && missing.length === 0;
    if (!ok) failed += 1;
    console.log(`${ok ? "ok  " : "FAIL"} ${example.file} ${example.args.join(" ")} (${Math.round(performance.now() - started)} ms, ${lines.length} lines)`);
    const shown = lines.length > 12 ? [...lines.slice(0, 8), `  … ${lines.length - 10} more lines …`, ...lines.slice(-2)] : lines;
    for (const line of shown) console.log(`     ${line}`);
    if (!ok) console.log(`     exit ${result.code}${missing.length > 0 ? `, did not write ${missing.join(", ")}` : ""}\n${result.stderr}`);
  }
} finally {
  await server.close();
  if (!keep) rmSync(outDir, { recursive: true, force: true });
}
console.log(`${EXAMPLES.length - failed} of ${EXAMPLES.length} examples succeeded.`);
process.exitCode = failed > 0 ? 1 : 0;
