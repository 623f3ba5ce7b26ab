// Long answers serialised into bytes in pieces (http/json-bytes.ts): the bytes are exactly those of
// Buffer.from(JSON.stringify(value)) for every kind of value JSON has, and the server's answers,
// long lists included, are the canonical JSON of what they hold.
import { Buffer } from "node:buffer";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonBytes } from "../src/http/json-bytes.js";
import { createServer } from "../src/http/server.js";
import { createTestDatabase, seededRandom, type TestDatabase } from "./helpers.js";

const sameAsStringify = (value: unknown) => expect(jsonBytes(value).equals(Buffer.from(JSON.stringify(value)))).toBe(true);

describe("jsonBytes", () => {
  const random = seededRandom(20250701);
  const strings = ["", "Phường Sài Gòn", "Đặc khu Côn Đảo", 'quote " backslash \\ newline \n tab \t', "\u2028\u2029", "🇻🇳", "\ud800 lone", "\udfff", "x".repeat(2_000)];
  const leaves = [null, true, false, 0, -0, 1.5, -1e21, NaN, Infinity, undefined, () => 1, Symbol("s"), new Date(0)];
  /** A random JSON-ish value: lists short and long (the pieces), objects plain and without prototype. */
  function value(depth: number): unknown {
    const pick = random();
    if (depth > 3 || pick < 0.35) return random() < 0.5 ? strings[Math.floor(random() * strings.length)] : leaves[Math.floor(random() * leaves.length)];
    if (pick < 0.65) return Array.from({ length: random() < 0.5 ? Math.floor(random() * 5) : 16 + Math.floor(random() * 40) }, () => value(depth + 1));
    const object: Record<string, unknown> = random() < 0.3 ? Object.create(null) : {};
    for (let i = Math.floor(random() * 6); i > 0; i--) object[random() < 0.2 ? String(i) : `k${i}${strings[i % strings.length]}`] = value(depth + 1);
    return object;
  }

  it("writes what Buffer.from(JSON.stringify(value)) writes, for 300 random values", () => {
    for (let i = 0; i < 300; i++) sameAsStringify({ data: value(0), extensions: { cost: { requested: i } } });
  });

  it("writes lists at and around the length served in pieces, holes and left-out values as null", () => {
    for (const length of [0, 1, 15, 16, 17, 200]) {
      sameAsStringify({ data: { nodes: Array.from({ length }, (_, i) => ({ code: String(i).padStart(5, "0"), name: "Xã Hoằng Quỳ" })) } });
      sameAsStringify(Array.from({ length }, (_, i) => (i % 3 === 0 ? undefined : i % 3 === 1 ? () => i : `Huế ${i}`)));
    }
    const sparse: unknown[] = [];
    sparse[30] = "last";
    sameAsStringify({ data: sparse });
  });

  it("writes an answer larger than its first byte area, and gives each answer bytes of its own", () => {
    const big = { data: { nodes: Array.from({ length: 3_000 }, (_, i) => ({ i, name: "Phường Bến Nghé, Thành phố Hồ Chí Minh".repeat(3) })) } };
    const first = jsonBytes(big);
    const second = jsonBytes({ data: { nodes: Array.from({ length: 20 }, () => "Đà Nẵng") } });
    expect(first.equals(Buffer.from(JSON.stringify(big)))).toBe(true);
    expect(first.byteLength).toBeGreaterThan(256 * 1024);
    expect(second.toString()).toBe(JSON.stringify({ data: { nodes: Array.from({ length: 20 }, () => "Đà Nẵng") } }));
    expect(first.buffer).not.toBe(second.buffer);
  });

  // In a child process with the garbage collector exposed: the byte area is reused between answers, but
  // one grown for a long answer (several MB of boundaries) must not stay in memory after it.
  it("does not keep a byte area grown past a megabyte", () => {
    const module = fileURLToPath(new URL("../src/http/json-bytes.ts", import.meta.url));
    const script = `
      const { jsonBytes } = await import(${JSON.stringify(module)});
      jsonBytes({ data: { nodes: Array.from({ length: 20 }, (_, i) => "Huế " + i) } });
      gc();
      const before = process.memoryUsage().arrayBuffers;
      const bytes = jsonBytes({ data: { nodes: Array.from({ length: 40_000 }, (_, i) => ({ i, name: "Phường Bến Nghé, Thành phố Hồ Chí Minh" })) } });
      const length = bytes.byteLength;
      // Freed backing stores leave the count once swept, which may finish after gc() returns: collect and wait, a few times.
      for (let i = 0; i < 5; i++) {
        gc();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      console.log(JSON.stringify({ length, kept: process.memoryUsage().arrayBuffers - before }));`;
    const output = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" });
    const { length, kept } = JSON.parse(output) as { length: number; kept: number };
    expect(length).toBeGreaterThan(2e6);
    // The answer's own bytes may still be counted until they are collected; not the area's (several times more).
    expect(kept).toBeLessThan(length + 1e6);
  });
});

describe("the server's long answers", () => {
  let database: TestDatabase;
  let yoga: ReturnType<typeof createServer>;
  beforeAll(async () => {
    database = await createTestDatabase({ data: "registry" });
    yoga = createServer({ db: database.db, today: () => "2026-11-23", responseCache: false });
  });
  afterAll(async () => {
    await database?.drop();
  });
  const post = (body: unknown) =>
    yoga.fetch("http://localhost/graphql", { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(body) });

  it("are the canonical JSON of what they hold, Content-Length counting their bytes", async () => {
    for (const query of [
      `{ provinces(first: 34) { nodes { code name communes(first: 20) { nodes { code name type serviceCenter { name scope } } } } } }`,
      `{ province(code: "79") { code name communes(first: 200) { totalCount nodes { code name province { code } } } } }`,
      `{ communes(first: 5) { nodes { code name } } }`,
    ]) {
      const response = await post({ query });
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(response.status).toBe(200);
      expect(Number(response.headers.get("content-length"))).toBe(bytes.byteLength);
      expect(bytes.equals(Buffer.from(JSON.stringify(JSON.parse(bytes.toString("utf8")))))).toBe(true);
      expect(JSON.parse(bytes.toString("utf8")).errors).toBeUndefined();
    }
  });

  it("leave answers with errors and batches to yoga, unchanged", async () => {
    const failed = await post({ query: `{ province(code: "79") { code nope } }` });
    // A validation error, as yoga answers it to Accept: application/json.
    expect(failed.status).toBe(200);
    expect((await failed.json()).errors[0].message).toMatch(/nope/);
    const batch = await post([{ query: `{ communes(first: 20) { nodes { code } } }` }, { query: `{ provinces(first: 2) { nodes { code } } }` }]);
    const answers = await batch.json();
    expect(answers).toHaveLength(2);
    expect(answers[0].data.communes.nodes).toHaveLength(20);
  });
});
