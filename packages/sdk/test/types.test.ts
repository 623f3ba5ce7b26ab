// The SDK's types protect its users: a consumer file compiles under --strict, and every mistake in
// it marked @ts-expect-error is still a compile error (else TypeScript reports the unused marker).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { expect, it } from "vitest";

const consumer = fileURLToPath(new URL("./fixtures/consumer.ts", import.meta.url));

const options: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
  types: [],
  skipLibCheck: true,
};

// The files every program here reads unchanged (the SDK, its generated types, TypeScript's lib
// files), parsed once and shared, as an editor's language service shares them between programs:
// parsing them again took about half of each compile. Only type checking is per program.
const parsed = new Map<string, ts.SourceFile | undefined>();

/** A compiler host for `compilerOptions` that reads `fileName` as `source` when given. */
function compilerHost(compilerOptions: ts.CompilerOptions, fileName: string, source?: string): ts.CompilerHost {
  const host = ts.createCompilerHost(compilerOptions);
  const read = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => (file === fileName && source !== undefined ? source : read(file));
  host.getSourceFile = (file, language, ...rest) => {
    if (file === fileName) return source === undefined ? getSourceFile(file, language, ...rest) : ts.createSourceFile(file, source, language);
    const key = `${file}\0${JSON.stringify(language)}`;
    if (!parsed.has(key)) parsed.set(key, getSourceFile(file, language, ...rest));
    return parsed.get(key);
  };
  return host;
}

function diagnostics(fileName: string, source?: string): string[] {
  const program = ts.createProgram([fileName], options, compilerHost(options, fileName, source));
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => `${diagnostic.file ? `${diagnostic.file.fileName}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}` : ""} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`);
}

it("compiles a strict consumer, with every @ts-expect-error line still an error", () => {
  expect(diagnostics(consumer)).toEqual([]);
});

it("reports each marked mistake when the markers are removed", () => {
  const source = readFileSync(consumer, "utf8");
  const markers = source.split("\n").filter((line) => /^\s*\/\/ @ts-expect-error/.test(line)).length;
  expect(markers).toBe(20);
  const errors = diagnostics(consumer, source.replace(/^\s*\/\/ @ts-expect-error.*$/gm, ""));
  expect(errors).toHaveLength(markers);
  expect(errors.join("\n")).toContain("Property 'nmae' does not exist");
  expect(errors.join("\n")).toContain('"VILLAGE"');
});

it("accepts undefined for every optional option under exactOptionalPropertyTypes (as `process.env.X` gives)", () => {
  const fileName = fileURLToPath(new URL("./fixtures/exact-optional.ts", import.meta.url));
  const source = `import { createClient } from "../../src/index.js";
declare const env: Record<string, string | undefined>;
const client = createClient({ url: "http://localhost:4000/graphql", apiKey: env.VNGOV_KEY, timeoutMs: undefined, headers: undefined, fetch: undefined, signal: undefined, persisted: undefined, retry: undefined, onResponse: undefined });
export const answer = client.province({ code: "15" }, { signal: undefined, timeoutMs: undefined, headers: undefined, retry: undefined });
`;
  const strictest = { ...options, exactOptionalPropertyTypes: true };
  const program = ts.createProgram([fileName], strictest, compilerHost(strictest, fileName, source));
  expect(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
});
