// The published package works outside the monorepo: build, `npm pack`, install the tarball into a
// fresh strict TypeScript project, compile it and run it against a real server.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startLiveServer, type LiveServer } from "./live-server.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const sdkDir = path.join(root, "packages/sdk");
const tsc = path.join(root, "node_modules/typescript/bin/tsc");

let server: LiveServer;
let workDir: string;
beforeAll(async () => {
  server = await startLiveServer();
  workDir = mkdtempSync(path.join(tmpdir(), "vngov-sdk-pack-"));
});
afterAll(async () => {
  await server?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

// Asynchronous: the server answering the consumer runs in this process and must not be blocked.
async function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await promisify(execFile)(command, args, { cwd, encoding: "utf8", env: { ...process.env, ...env } });
  return stdout;
}

const CONSUMER = `import { createClient, VngovError, type CommuneListItem } from "@vngov/sdk";

const client = createClient({ url: process.env.VNGOV_URL! });
// persisted: the built documents still carry their hashes, and the server holds them.
const province = await createClient({ url: process.env.VNGOV_URL!, persisted: true }).province({ code: "15" });
const conversion = await client.convertAddress({ line: "P. Trúc Bạch, Q. Ba Đình, Hà Nội" });
const wards: CommuneListItem[] = [];
for await (const commune of client.paginateCommunes({ provinceCode: "01", type: "WARD", first: 20 })) wards.push(commune);
let code = "";
try {
  await client.commune({ code: "4" });
} catch (error) {
  if (error instanceof VngovError) code = error.code;
}
// @ts-expect-error a misspelt field stays a compile error for the package's users
void province?.fullNmae;
console.log(JSON.stringify({ name: province?.fullName, communes: province?.communes.totalCount, departments: province?.departments.totalCount, wards: wards.length, code, newAddress: conversion.candidates[0]?.newAddress }));
`;

it("packs a tarball that a project outside the monorepo installs, type-checks strictly and runs", { timeout: 120_000 }, async () => {
  rmSync(path.join(sdkDir, "dist"), { recursive: true, force: true });
  await run(process.execPath, [tsc, "-p", "tsconfig.build.json"], sdkDir);
  const packed = JSON.parse(await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", workDir], sdkDir)) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  const files = packed[0]!.files.map((file) => file.path);
  expect(files).toEqual(expect.arrayContaining(["package.json", "README.md", "LICENSE", "dist/index.js", "dist/index.d.ts", "dist/generated/graphql.js"]));
  expect(files.filter((file) => file.startsWith("test/") || (file.endsWith(".ts") && !file.endsWith(".d.ts")))).toEqual([]);

  // Browser-safe: nothing in the build imports a Node built-in.
  for (const file of files.filter((name) => name.endsWith(".js"))) {
    expect(readFileSync(path.join(sdkDir, file), "utf8"), file).not.toMatch(/from\s+["']node:|require\(/);
  }

  const project = path.join(workDir, "consumer");
  mkdirSync(path.join(project, "src"), { recursive: true });
  const tarball = path.join(workDir, packed[0]!.filename);
  writeFileSync(
    path.join(project, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module", dependencies: { "@vngov/sdk": `file:${tarball}` } }, null, 2),
  );
  writeFileSync(
    path.join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        lib: ["ES2022", "DOM"],
        types: [],
        outDir: "dist",
        // The package's declarations (and graphql's) are checked; TypeScript's own lib files are
        // not: they are not under test, and checking lib.dom.d.ts was half of this compile.
        skipLibCheck: false,
        skipDefaultLibCheck: true,
      },
      include: ["src"],
    }),
  );
  // `process` without @types/node: the consumer only needs it to read VNGOV_URL.
  writeFileSync(path.join(project, "src/env.d.ts"), "declare const process: { env: Record<string, string | undefined> };\n");
  writeFileSync(path.join(project, "src/main.ts"), CONSUMER);
  await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], project);
  expect(readdirSync(path.join(project, "node_modules"))).toEqual(expect.arrayContaining(["@vngov", "graphql"]));

  await run(process.execPath, [tsc, "-p", "tsconfig.json"], project);
  const output = await run(process.execPath, ["dist/main.js"], project, { VNGOV_URL: server.url });
  expect(JSON.parse(output)).toEqual({
    name: "Tỉnh Lào Cai",
    communes: 99,
    departments: expect.any(Number),
    wards: expect.any(Number),
    code: "BAD_USER_INPUT",
    newAddress: "Phường Ba Đình, Thành phố Hà Nội",
  });
  expect(JSON.parse(output).departments).toBeGreaterThanOrEqual(12);
  expect(JSON.parse(output).wards).toBeGreaterThan(20);
});
