// The Atom feed of registry changes: well-formed Atom (read with a real XML parser) holding every
// registry event newest first, each with its legal basis, link and units; ETag and Last-Modified
// answered with 304; rebuilt when the registry is loaded again.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, expect, it } from "vitest";
import { readRegistryData } from "../src/data/files.js";
import { seed } from "../src/db/seed.js";
import { createTestServer, type TestServer } from "./helpers.js";

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer({ data: "registry" });
}, 120_000);
afterAll(() => server?.drop());

const FEED = "http://vngov.test/feeds/registry-changes.atom";
const get = (headers: Record<string, string> = {}) => server.yoga.fetch(FEED, { headers });
/** An element's text: a string, or `#text` when the element also has attributes (type="html"). */
const text = (node: unknown) => String(typeof node === "object" && node !== null ? (node as { "#text": unknown })["#text"] : node);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["entry", "link", "category"].includes(name) });

it("lists every registry event newest first with its legal basis, link to the legal text and the units it changed", async () => {
  const response = await get();
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const { feed } = parser.parse(xml);
  expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
  expect(feed.id).toBe(FEED);

  const events = await server.db.prisma.registryEvent.findMany({ orderBy: [{ effectiveOn: "desc" }, { id: "desc" }], include: { changes: true } });
  expect(events.length).toBeGreaterThan(1);
  expect(feed.entry.map((entry: any) => entry.id)).toEqual(events.map((event) => `tag:vngov,2025:registry-event/${event.id}`));
  const updated = feed.entry.map((entry: any) => entry.updated as string);
  expect([...updated].sort().reverse()).toEqual(updated);
  for (const [index, entry] of feed.entry.entries()) {
    const event = events[index]!;
    expect(entry.link[0]["@href"]).toBe(event.url);
    expect(entry.updated).toBe(event.effectiveOn.toISOString());
    expect(text(entry.title)).toContain(event.title);
    expect(text(entry.summary)).toContain(`Legal basis: ${event.legalBasis}.`);
    expect(entry.category[0]["@term"]).toBe(event.legalBasis);
    const content = text(entry.content);
    for (const change of event.changes.slice(0, 50)) expect(content).toContain(`${change.code}: ${change.fromValue} → ${change.toValue}`);
  }
});

it("answers 304 to a matching ETag or a date not older than Last-Modified, and 200 otherwise", async () => {
  const first = await get();
  const etag = first.headers.get("etag")!;
  const lastModified = first.headers.get("last-modified")!;
  expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
  expect(new Date(lastModified).getTime()).not.toBeNaN();

  const byTag = await get({ "if-none-match": etag });
  expect(byTag.status).toBe(304);
  expect(await byTag.text()).toBe("");
  expect(byTag.headers.get("etag")).toBe(etag);
  expect((await get({ "if-none-match": `W/${etag}, "other"` })).status).toBe(304);
  expect((await get({ "if-modified-since": lastModified })).status).toBe(304);
  expect((await get({ "if-none-match": '"other"' })).status).toBe(200);
  const before = new Date(new Date(lastModified).getTime() - 1000).toUTCString();
  expect((await get({ "if-modified-since": before })).status).toBe(200);
  // If-None-Match decides when both are sent.
  expect((await get({ "if-none-match": '"other"', "if-modified-since": lastModified })).status).toBe(200);
});

it("is rebuilt when the registry is loaded again, so pollers holding the old ETag get the new feed", async () => {
  const old = await get();
  const etag = old.headers.get("etag")!;
  const data = readRegistryData();
  const newest = [...data.events].sort((a, b) => b.effectiveOn.localeCompare(a.effectiveOn))[0]!;
  await seed(server.db, {
    ...data,
    hash: "revised-description",
    events: data.events.map((event) => (event.id === newest.id ? { ...event, description: `${event.description} Revised <wording> & more.` } : event)),
  });
  const fresh = await get({ "if-none-match": etag });
  expect(fresh.status).toBe(200);
  expect(fresh.headers.get("etag")).not.toBe(etag);
  const { feed } = parser.parse(await fresh.text());
  expect(text(feed.entry[0].summary)).toContain("Revised &lt;wording&gt; &amp; more.");
});

it("refuses methods other than GET and HEAD", async () => {
  const response = await server.yoga.fetch(FEED, { method: "POST", body: "x" });
  expect(response.status).toBe(405);
  expect(response.headers.get("allow")).toBe("GET, HEAD");
});
