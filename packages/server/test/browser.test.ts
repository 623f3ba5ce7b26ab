// GraphiQL and the analyst pictures in a real browser: Debian's Chromium (/usr/bin/chromium) driven by
// playwright-core (no browser download), against a server started as `npm start` starts it. Every
// request to a host other than 127.0.0.1 is blocked and recorded: the page must not need one.
// Screenshots of each step go to test-output/browser/ (git-ignored).
//
// Without Chromium the suite is skipped with a message, so `npm test` works on any machine; in CI
// (CI=true) a missing Chromium fails it instead (.ci/run installs Debian's chromium package).
import { spawn, execFile, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drawMaps } from "../../../examples/analyst-map.js";
import { EXAMPLE_SETS } from "../src/http/examples.js";

const CHROMIUM = "/usr/bin/chromium";
const vietnamese = EXAMPLE_SETS.find((set) => set.language === "vi")!;
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];
const root = fileURLToPath(new URL("../../..", import.meta.url));
const shots = path.join(root, "test-output/browser");
const available = existsSync(CHROMIUM);
if (!available) {
  if (process.env.CI === "true") throw new Error(`${CHROMIUM} is missing: CI must run the browser test (.ci/run installs Debian's chromium).`);
  console.warn(`browser.test.ts skipped: ${CHROMIUM} is missing. Install it with: apt-get update && apt-get install -y chromium`);
}

async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

let server: ChildProcess;
let dataDir: string;
let base: string;
let browser: Browser;
let page: Page;
const blocked: string[] = [];
const serverLog: string[] = [];

beforeAll(async () => {
  if (!available) return;
  mkdirSync(shots, { recursive: true });
  dataDir = mkdtempSync(path.join(tmpdir(), "vngov-browser-"));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // As `npm start` starts it: the esbuild bundle run by plain Node in production mode.
  server = spawn("npm", ["start", "--silent"], { cwd: root, env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn", DATABASE_URL: "" }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  server.stdout!.on("data", (chunk) => serverLog.push(String(chunk)));
  server.stderr!.on("data", (chunk) => serverLog.push(String(chunk)));
  for (let attempt = 0; ; attempt++) {
    const ready = await fetch(`${base}/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (attempt > 600 || server.exitCode !== null) throw new Error(`npm start did not become ready:\n${serverLog.join("")}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1") return route.continue();
    blocked.push(route.request().url());
    return route.abort("blockedbyclient");
  });
  page = await context.newPage();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
  await new Promise((resolve) => (server?.exitCode !== null ? resolve(null) : server.once("exit", resolve)));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!available)("in Chromium", () => {
  it("GraphiQL loads from the server alone and opens on the saved examples", async () => {
    await page.goto(`${base}/graphql`, { waitUntil: "load" });
    await page.locator(".graphiql-container").first().waitFor({ timeout: 60_000 });
    await page.locator(".graphiql-execute-button").waitFor();
    // One tab per saved example, the first one shown.
    await expect.poll(() => page.locator(".graphiql-tab").count(), { timeout: 20_000 }).toBe(EXAMPLE_SETS[0]!.examples.length);
    // Monaco writes spaces as no-break spaces: compare words, not layout.
    await expect.poll(async () => (await page.locator(".graphiql-query-editor").innerText()).replace(/\s+/gu, " "), { timeout: 20_000 }).toContain("query ProvinceTree {");
    await page.screenshot({ path: path.join(shots, "1-graphiql-loaded.png") });
    expect(blocked).toEqual([]);
  });

  it("runs the first saved example with the run button and shows its result", async () => {
    await page.locator(".graphiql-execute-button").click();
    const result = page.locator(".graphiql-response");
    await expect.poll(() => result.innerText(), { timeout: 30_000 }).toContain('"data"');
    await page.screenshot({ path: path.join(shots, "2-first-example-run.png") });
    const text = (await result.innerText()).replace(/\s+/gu, " ");
    expect(text).toContain('"province"');
    expect(text).toContain("Lào Cai");
    expect(text).toContain('"totalCount"');
    expect(text).not.toContain('"errors"');
    expect(blocked).toEqual([]);
  });

  it("opens the Docs explorer on Province", async () => {
    await page.locator('[aria-label="Show Documentation Explorer"]').click();
    const search = page.locator(".graphiql-doc-explorer-search-input");
    await search.click();
    await page.keyboard.type("Province");
    await page.locator('[role="option"]', { hasText: /^Province$/u }).first().click();
    await expect.poll(() => page.locator(".graphiql-doc-explorer-title").innerText(), { timeout: 10_000 }).toBe("Province");
    await expect.poll(() => page.locator(".graphiql-doc-explorer").innerText()).toContain("communes");
    await page.screenshot({ path: path.join(shots, "3-docs-province.png") });
    expect(blocked).toEqual([]);
  });

  it("switches the open GraphiQL to the Vietnamese examples with ?lang=vi", async () => {
    await page.goto(`${base}/graphql?lang=vi`, { waitUntil: "load" });
    await page.locator(".graphiql-execute-button").waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator(".graphiql-tab").count(), { timeout: 20_000 }).toBe(vietnamese.examples.length);
    await expect.poll(async () => (await page.locator(".graphiql-query-editor").innerText()).replace(/\s+/gu, " "), { timeout: 20_000 }).toContain("Mỗi thẻ là một truy vấn mẫu");
    expect(await page.locator("html").getAttribute("lang")).toBe("vi");
    expect(blocked).toEqual([]);
  });

  it("opens on the Vietnamese examples for a browser that prefers Vietnamese, and each one runs", async () => {
    // A fresh browser profile whose language is Vietnamese: Accept-Language vi-VN, nothing stored.
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: "vi-VN" });
    await context.route("**/*", (route) => (new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : (blocked.push(route.request().url()), route.abort("blockedbyclient"))));
    const vi = await context.newPage();
    try {
      await vi.goto(`${base}/graphql`, { waitUntil: "load" });
      await vi.locator(".graphiql-execute-button").waitFor({ timeout: 60_000 });
      const tabs = vi.locator(".graphiql-tab");
      await expect.poll(() => tabs.count(), { timeout: 20_000 }).toBe(vietnamese.examples.length);
      const editorText = async () => (await vi.locator(".graphiql-query-editor").innerText()).replace(/\s+/gu, " ");
      await expect.poll(editorText, { timeout: 20_000 }).toContain("Mỗi thẻ là một truy vấn mẫu");
      // Each tab: its Vietnamese comment and operation in the editor, run with the button, answered with data.
      for (const [index, example] of vietnamese.examples.entries()) {
        // A DOM click: with eleven tabs the strip overflows, and GraphiQL's draggable tabs take the pointer's.
        await vi.locator(`#graphiql-session-tab-${index}`).evaluate((button: HTMLElement) => button.click());
        await expect.poll(editorText, { timeout: 20_000 }).toContain(`query ${example.name} {`);
        expect(await editorText()).toContain(example.description.split(" ").slice(0, 4).join(" "));
        // GraphiQL recomputes a tab's operation name when its editor changes, not when the tab is shown:
        // an edit (a space at the end) makes it read this tab's operation, as a user's typing would.
        await vi.locator(".graphiql-query-editor .monaco-editor").first().click();
        await vi.keyboard.press("Control+End");
        await vi.keyboard.type(" ");
        const run = vi.locator(".graphiql-execute-button");
        const result = vi.locator(".graphiql-response");
        const answer = async () => (await result.innerText()).replace(/\s+/gu, " ");
        await run.click();
        // That recomputation is debounced: a run right after the edit can still carry the previous
        // tab's name ("Cannot infer operation …", raised in the page, no request made). Run again
        // until GraphiQL has settled; any other answer, data or errors, is what the test judges.
        await expect
          .poll(
            async () => {
              const text = await answer();
              if (!text.includes("Cannot infer operation")) return text;
              await run.click();
              return "";
            },
            { timeout: 30_000, interval: 300 },
          )
          .toMatch(/"data"|"errors"/u);
        const text = await answer();
        expect(text, example.name).toContain('"data"');
        expect(text, example.name).not.toContain('"errors"');
      }
      await vi.screenshot({ path: path.join(shots, "3b-graphiql-vietnamese.png") });
    } finally {
      await context.close();
    }
    expect(blocked).toEqual([]);
  }, 180_000);

  it("opens each analyst example's SVG", async () => {
    const api = (p: string, init?: RequestInit) => fetch(`${base}${p}`, init);
    const maps = await drawMaps(api, "22");
    await promisify(execFile)(process.execPath, ["--conditions=vngov:source", "--import", "tsx", "examples/analyst-chart.ts", shots], {
      cwd: root,
      env: { ...process.env, VNGOV_URL: `${base}/graphql` },
    });
    const pictures = [
      { name: "units-per-km2-by-province", svg: maps.choropleth.svg, shapes: 34 },
      { name: "province-22-communes", svg: maps.detail.svg, shapes: maps.communeCount },
      { name: "units-by-province", svg: readFileSync(path.join(shots, "units-by-province.svg"), "utf8"), shapes: 0 },
    ];
    for (const picture of pictures) {
      writeFileSync(path.join(shots, `${picture.name}.svg`), picture.svg);
      // Served by the test server's origin? No: shown as the page's own document, no request made.
      await page.setContent(`<!doctype html><body style="margin:0">${picture.svg}</body>`);
      const box = await page.locator("body > svg").boundingBox();
      expect(box!.width, picture.name).toBeGreaterThan(300);
      expect(box!.height, picture.name).toBeGreaterThan(300);
      const shapes = await page.locator('path[aria-roledescription="geoshape"]').count();
      if (picture.shapes) expect(shapes, picture.name).toBe(picture.shapes);
      else expect(await page.locator('path[aria-roledescription="bar"]').count(), picture.name).toBeGreaterThan(34);
      await page.screenshot({ path: path.join(shots, `4-${picture.name}.png`) });
    }
    expect(blocked).toEqual([]);
  }, 120_000);
});
