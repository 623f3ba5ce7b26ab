// Runs every example against a real server: seeded PGlite (or TEST_DATABASE_URL) behind the yoga
// handler on a random local port. Fails when an example exits non-zero or prints nothing.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { startLiveServer } from "../packages/sdk/test/live-server.js";

/** Each example with its arguments; add new examples here. */
const EXAMPLES: Array<{ file: string; args: string[] }> = [
  { file: "examples/province-tree.ts", args: ["15"] },
  { file: "examples/all-communes.ts", args: ["2025-07-01"] },
];

const root = fileURLToPath(new URL("..", import.meta.url));
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
    const ok = result.code === 0 && result.stdout.trim() !== "";
    if (!ok) failed += 1;
    console.log(`${ok ? "ok  " : "FAIL"} ${example.file} ${example.args.join(" ")} (${Math.round(performance.now() - started)} ms, ${lines.length} lines)`);
    const shown = lines.length > 12 ? [...lines.slice(0, 8), `  … ${lines.length - 10} more lines …`, ...lines.slice(-2)] : lines;
    for (const line of shown) console.log(`     ${line}`);
    if (!ok) console.log(`     exit ${result.code}\n${result.stderr}`);
  }
} finally {
  await server.close();
}
console.log(`${EXAMPLES.length - failed} of ${EXAMPLES.length} examples succeeded.`);
process.exitCode = failed > 0 ? 1 : 0;
