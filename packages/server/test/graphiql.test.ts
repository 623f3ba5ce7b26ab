// GraphiQL: served from this origin only, opening on saved examples that parse, validate and run.
import { parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_SETS, exampleTabs } from "../src/http/examples.js";
import { createServer } from "../src/http/server.js";
import { schema } from "../src/schema/index.js";
import { createTestServer, type TestServer } from "./helpers.js";

let server: TestServer;
beforeAll(async () => {
  // Seeded as `npm start` seeds (db/setup.ts): the examples read lineage and figures too.
  server = await createTestServer({ data: "all" });
});
afterAll(() => server?.drop());

const examples = EXAMPLE_SETS.flatMap((set) => set.examples.map((example) => ({ ...example, language: set.language })));

describe("saved examples", () => {
  it.each(examples)("$language $name parses, validates against the schema and names its one operation", ({ name, document }) => {
    const parsed = parse(document);
    expect(validate(schema, parsed)).toEqual([]);
    const operations = parsed.definitions.filter((definition) => definition.kind === "OperationDefinition");
    expect(operations.map((operation) => operation.name?.value)).toEqual([name]);
  });

  it.each(examples)("$language $name runs without errors and answers data", async ({ document }) => {
    const response = await server.gql(document);
    expect(response.errors).toBeUndefined();
    expect(response.status).toBe(200);
    expect(Object.values(response.data ?? {}).some((value) => value !== null)).toBe(true);
  });

  it("has the same operations in every language, the comments in that language", () => {
    const [english, vietnamese] = ["en", "vi"].map((language) => EXAMPLE_SETS.find((set) => set.language === language)!);
    expect(vietnamese!.examples.map((e) => e.document)).toEqual(english!.examples.map((e) => e.document));
    for (const [index, example] of vietnamese!.examples.entries()) {
      expect(example.description).not.toBe(english!.examples[index]!.description);
      expect(example.description).toMatch(/[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/iu);
    }
  });

  it("each tab of GraphiQL is one example, as a whole document that parses", () => {
    const tabs = exampleTabs();
    expect(tabs).toHaveLength(EXAMPLE_SETS[0]!.examples.length);
    for (const tab of tabs) expect(() => parse(tab.query)).not.toThrow();
  });
});

describe("GraphiQL page", () => {
  const page = async (yoga = server.yoga, headers: Record<string, string> = {}, search = "") => {
    const response = await yoga.fetch(`http://vngov.test/graphql${search}`, { headers: { accept: "text/html", ...headers } });
    return { status: response.status, html: await response.text(), vary: response.headers.get("vary") };
  };
  const tabsOf = (html: string) =>
    (JSON.parse(/renderYogaGraphiQL\([^,]+, (\{.*\})\);/u.exec(html)![1]!.replace(/\\u003c/gu, "<")) as { defaultTabs: Array<{ query: string }> }).defaultTabs;

  it("loads every asset from its own origin, and each asset is served", async () => {
    const { status, html } = await page();
    expect(status).toBe(200);
    // No absolute URL at all in what the page loads: everything is a path on this server.
    const loaded = [...html.matchAll(/(?:src|href)="([^"]+)"/gu)].map((m) => m[1]!);
    const workers = [...html.matchAll(/"(\/graphiql\/[^"]+\.worker\.js)"/gu)].map((m) => m[1]!);
    expect(loaded.length).toBeGreaterThanOrEqual(3);
    expect(workers).toHaveLength(3);
    for (const url of [...loaded, ...workers]) {
      expect(url).toMatch(/^\/graphiql\//u);
      const response = await server.yoga.fetch(`http://vngov.test${url}`);
      expect(response.status, url).toBe(200);
      expect((await response.arrayBuffer()).byteLength, url).toBeGreaterThan(1000);
    }
    expect(html).not.toMatch(/unpkg|githubusercontent|https?:\/\//u);
  });

  it("opens on the saved examples, one tab each", async () => {
    const { html } = await page();
    const options = JSON.parse(/renderYogaGraphiQL\([^,]+, (\{.*\})\);/u.exec(html)![1]!.replace(/\\u003c/gu, "<")) as { defaultTabs: Array<{ query: string }> };
    expect(options.defaultTabs.map((tab) => parse(tab.query).definitions.length)).toEqual(examples.filter((e) => e.language === "en").map(() => 1));
    expect(options.defaultTabs[0]!.query).toContain("query ProvinceTree");
  });

  it("opens on the Vietnamese examples when the browser prefers Vietnamese, or with ?lang=vi", async () => {
    const vietnamese = exampleTabs(EXAMPLE_SETS.find((set) => set.language === "vi")!);
    const preferred = await page(server.yoga, { "accept-language": "vi-VN,vi;q=0.9,en-US;q=0.8" });
    expect(tabsOf(preferred.html)).toEqual(vietnamese);
    expect(tabsOf(preferred.html)[0]!.query).toContain("# Mỗi thẻ là một truy vấn mẫu");
    expect(preferred.html).toContain('<html lang="vi">');
    expect(preferred.vary).toMatch(/Accept-Language/u);
    expect(tabsOf((await page(server.yoga, {}, "?lang=vi")).html)).toEqual(vietnamese);
    // ?lang= wins over the header, both ways; an unknown one leaves the header's choice.
    expect(tabsOf((await page(server.yoga, { "accept-language": "vi" }, "?lang=en")).html)).toEqual(exampleTabs());
    expect(tabsOf((await page(server.yoga, { "accept-language": "vi" }, "?lang=fr")).html)).toEqual(vietnamese);
    expect(tabsOf((await page(server.yoga, { "accept-language": "fr, de" })).html)).toEqual(exampleTabs());
  });

  it("answers an asset's ETag with 304", async () => {
    const { html } = await page();
    const css = /href="(\/graphiql\/[^"]+\.css)"/u.exec(html)![1]!;
    const first = await server.yoga.fetch(`http://vngov.test${css}`);
    expect(first.headers.get("cache-control")).toContain("immutable");
    const again = await server.yoga.fetch(`http://vngov.test${css}`, { headers: { "if-none-match": first.headers.get("etag")! } });
    expect(again.status).toBe(304);
    expect((await server.yoga.fetch("http://vngov.test/graphiql/0.0.0/graphiql.css")).status).toBe(404);
  });

  it("says why it cannot work when introspection is off", async () => {
    const yoga = createServer({ db: server.db, config: { INTROSPECTION: false } });
    const { status, html } = await page(yoga);
    expect(status).toBe(200);
    expect(html).toContain("INTROSPECTION=false");
    expect(html).not.toContain("renderYogaGraphiQL");
    const vietnamese = await page(yoga, { "accept-language": "vi" });
    expect(vietnamese.html).toContain("Máy chủ này không cung cấp GraphiQL");
    expect(vietnamese.html).toContain('<html lang="vi">');
  });
});
