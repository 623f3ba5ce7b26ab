// The Atom feed of registry changes, GET /feeds/registry-changes.atom: for people (feed readers) and
// tools that only poll. Newest event first, at most ATOM_ENTRIES events, each with its legal basis,
// its link to the legal text and the units it changed; ETag and Last-Modified so a poller's
// repeated request costs a 304. Written with the `feed` library, which does the XML escaping.
import { createHash } from "node:crypto";
import { Feed } from "feed";
import type { Plugin } from "graphql-yoga";
import type { Database } from "../db.js";

export const REGISTRY_FEED_PATH = "/feeds/registry-changes.atom";
/** Most events in the feed: every registry event since 2025-07-01 fits many times over. */
export const ATOM_ENTRIES = 100;
/** Most units listed in one entry (a merger can touch hundreds); the rest are counted. */
const UNITS_PER_ENTRY = 50;

interface Built {
  /** The registry load it was built from (its dataset hash and time). */
  version: string;
  body: string;
  etag: string;
  lastModified: Date;
}


/** Text as HTML: the library writes titles, summaries and contents as type="html" (inside CDATA). */
const html = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Origins whose feed is kept: the Host header is the client's to choose, so the cache is bounded. */
const MAX_ORIGINS = 8;

/** A date as Atom readers show it and HTTP dates need it: whole seconds (Last-Modified has no finer unit). */
const wholeSeconds = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);

/** The feed's route, as a yoga plugin. */
export function registryFeedPlugin(db: Database): Plugin {
  // One body per origin (the links are absolute), a handful at most; rebuilt after a registry load.
  const cache = new Map<string, Built>();

  /** Which registry load the database holds: one primary-key read, so every poll sees the latest load at once. */
  const loaded = async () => {
    const state = await db.prisma.seedState.findUnique({ where: { dataset: "registry" }, select: { hash: true, seededAt: true } });
    return { version: `${state?.hash ?? ""}@${state?.seededAt.getTime() ?? 0}`, seededAt: state?.seededAt ?? new Date(0) };
  };

  async function build(origin: string, { version, seededAt }: Awaited<ReturnType<typeof loaded>>): Promise<Built> {
    const events = await db.prisma.registryEvent.findMany({
      orderBy: [{ effectiveOn: "desc" }, { id: "desc" }],
      take: ATOM_ENTRIES,
      include: { changes: { orderBy: [{ entity: "asc" }, { code: "asc" }], select: { entity: true, code: true, fromValue: true, toValue: true, newFullName: true } } },
    });
    // The registry changes only when a dataset is loaded: its time is the feed's.
    const lastModified = wholeSeconds(seededAt);
    const self = `${origin}${REGISTRY_FEED_PATH}`;
    const feed = new Feed({
      id: self,
      title: "vngov: changes to Vietnam's local government registry",
      description: "Each dated change to the two-level registry (provinces and commune-level units) since 2025-07-01, newest first, with the legal text that made it.",
      link: `${origin}/graphql`,
      feedLinks: { atom: self },
      language: "en",
      updated: lastModified,
      generator: "vngov",
      copyright: "Public legal texts of the Socialist Republic of Vietnam; compiled by vngov (MIT).",
    });
    for (const event of events) {
      const day = event.effectiveOn.toISOString().slice(0, 10);
      const units = event.changes
        .slice(0, UNITS_PER_ENTRY)
        .map((change) => `${change.entity === "PROVINCE" ? "Province" : "Commune"} ${change.code}: ${change.fromValue} → ${change.toValue}, now “${change.newFullName}”`);
      if (event.changes.length > UNITS_PER_ENTRY) units.push(`…and ${event.changes.length - UNITS_PER_ENTRY} more: query registryChanges(from: "${day}", to: "${day}").`);
      const summary = html(`In force ${day}. Legal basis: ${event.legalBasis}. ${event.description}`);
      feed.addItem({
        // A tag URI names the event itself, whichever host serves the feed (RFC 4151).
        id: `tag:vngov,2025:registry-event/${event.id}`,
        title: html(`${day}: ${event.title}`),
        link: event.url,
        date: event.effectiveOn,
        ...(event.issuedOn ? { published: event.issuedOn } : {}),
        description: summary,
        content: `<p>${summary}</p>${units.length ? `<ul>${units.map((unit) => `<li>${html(unit)}</li>`).join("")}</ul>` : ""}`,
        category: [{ term: event.legalBasis, name: `Legal basis: ${event.legalBasis}` }],
      });
    }
    const body = feed.atom1();
    return { version, body, etag: `"${createHash("sha256").update(body).digest("hex").slice(0, 32)}"`, lastModified };
  }

  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      // Not an async function: requests to other paths pass without a promise of their own.
      if (url.pathname !== REGISTRY_FEED_PATH) return;
      return (async () => {
        if (request.method !== "GET" && request.method !== "HEAD") {
          return endResponse(new fetchAPI.Response("Only GET and HEAD.\n", { status: 405, headers: { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" } }));
        }
        // Checked on every request rather than left to the data-change notice alone: a notice from
        // another instance arrives a moment after the load, and a poller should not get the old feed
        // (with a fresh ETag it would keep) in between.
        const current = await loaded();
        let built = cache.get(url.origin);
        if (built?.version !== current.version) {
          // A load committed between the two reads is seen by the next request's version check.
          built = await build(url.origin, current);
          if (cache.size >= MAX_ORIGINS && !cache.has(url.origin)) cache.clear();
          cache.set(url.origin, built);
        }
        const headers = { etag: built.etag, "last-modified": built.lastModified.toUTCString(), "cache-control": "public, no-cache", vary: "Accept-Encoding" };
        const tags = request.headers.get("if-none-match")?.split(",").map((tag) => tag.trim().replace(/^W\//u, ""));
        const since = Date.parse(request.headers.get("if-modified-since") ?? "");
        // If-None-Match wins over If-Modified-Since when both are sent (RFC 9110 §13.1.3).
        const unchanged = tags ? tags.includes(built.etag) || tags.includes("*") : !Number.isNaN(since) && built.lastModified.getTime() <= since;
        if (unchanged) return endResponse(new fetchAPI.Response(null, { status: 304, headers }));
        endResponse(
          new fetchAPI.Response(request.method === "HEAD" ? null : built.body, {
            status: 200,
            headers: { ...headers, "content-type": "application/atom+xml; charset=utf-8" },
          }),
        );
      })();
    },
  };
}
