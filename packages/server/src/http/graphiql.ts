// GraphiQL from this server alone: the page and every asset it loads (stylesheet, script, the three
// Monaco workers, favicon) come from the npm package @graphql-yoga/render-graphiql and are served
// under /graphiql/<version>/, so the page works offline, on an intranet or behind a strict proxy.
//
// yoga's built-in page fetches them from unpkg.com and GitHub. The package's own renderGraphiQL
// inlines all of them (9 MB of HTML on every visit); serving them as separate files lets browsers
// cache them (immutable, versioned path) and keeps the page itself a few kB.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import type { GraphiQLOptions, Plugin } from "graphql-yoga";
import { asLanguage, renderMessage, type Language } from "../messages.js";
import { exampleSet, exampleTabs } from "./examples.js";
import { requestLanguage } from "./language.js";

const require = createRequire(import.meta.url);
/** The package version, part of every asset path: a new version is a new URL, so assets are cached for good. */
const VERSION: string = (require("@graphql-yoga/render-graphiql/package.json") as { version: string }).version;
export const GRAPHIQL_ASSETS_PATH = `/graphiql/${VERSION}/`;

interface Asset {
  body: Uint8Array | string;
  type: string;
  etag: string;
}

type AssetName = "graphiql.css" | "yoga-graphiql.js" | "editor.worker.js" | "json.worker.js" | "graphql.worker.js" | "favicon.ico";

let assets: Promise<Map<string, Asset>> | null = null;

/** Loaded on first use: the module is 9 MB of strings that a server without visitors never needs. */
function loadAssets(): Promise<Map<string, Asset>> {
  assets ??= import("@graphql-yoga/render-graphiql/graphiql").then((m) => {
    const favicon = /^data:([^;]+);base64,(.*)$/su.exec(m.favicon);
    const entries: Array<[AssetName, Uint8Array | string, string]> = [
      ["graphiql.css", m.css, "text/css; charset=utf-8"],
      ["yoga-graphiql.js", m.js, "text/javascript; charset=utf-8"],
      ["editor.worker.js", m.editorWorkerService, "text/javascript; charset=utf-8"],
      ["json.worker.js", m.jsonWorker, "text/javascript; charset=utf-8"],
      ["graphql.worker.js", m.graphqlWorker, "text/javascript; charset=utf-8"],
      ["favicon.ico", favicon ? Buffer.from(favicon[2]!, "base64") : "", favicon?.[1] ?? "image/x-icon"],
    ];
    return new Map(
      entries.map(([name, body, type]) => [name, { body, type, etag: `"${createHash("sha256").update(body).digest("hex").slice(0, 32)}"` }]),
    );
  });
  return assets;
}

/** GraphiQL's options with the language of its saved examples, which the page is written in too. */
export type VngovGraphiQLOptions = GraphiQLOptions & { language?: Language };

const TITLES: Record<Language, string> = {
  en: "vngov: Vietnam's local government registry",
  vi: "vngov: danh mục chính quyền địa phương Việt Nam",
};

/**
 * GraphiQL's options for one visit: the saved examples in `?lang=` if it names one of the
 * catalogue's languages, else in the language the browser prefers (Accept-Language).
 */
export function graphiqlOptions(request: Request): VngovGraphiQLOptions {
  const language = asLanguage(new URL(request.url).searchParams.get("lang")) ?? requestLanguage(request);
  return { title: TITLES[language], defaultTabs: exampleTabs(exampleSet(language)), language };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
/** JSON inside a <script>: `<` escaped so that no string in it can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</gu, "\\u003c");

/** The GraphiQL page: the package's own page layout, with same-origin asset URLs instead of inlined ones. */
export function renderGraphiQLPage({ language = "en", ...options }: VngovGraphiQLOptions): string {
  const asset = (name: AssetName) => `${GRAPHIQL_ASSETS_PATH}${name}`;
  const title = escapeHtml(options.title ?? "GraphiQL");
  return `<!doctype html>
<html lang="${language}">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <link rel="icon" href="${asset("favicon.ico")}" />
    <link rel="stylesheet" href="${asset("graphiql.css")}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript. Without it, send queries to this URL with POST (see the README).</noscript>
    <div id="root">Loading ${title}…</div>
    <script>
      self.MonacoEnvironment = {
        globalAPI: false,
        getWorkerUrl: function (moduleId, label) {
          return ${scriptJson({ editorWorkerService: asset("editor.worker.js"), json: asset("json.worker.js"), graphql: asset("graphql.worker.js") })}[label];
        },
      };
    </script>
    <script>
      // GraphiQL reopens the tabs it stored rather than defaultTabs: when the examples' language
      // changed since the last visit (Accept-Language or ?lang=), open the new language's examples.
      try {
        if (localStorage.getItem("vngov:examplesLanguage") !== ${scriptJson(language)}) localStorage.removeItem("graphiql:tabState");
        localStorage.setItem("vngov:examplesLanguage", ${scriptJson(language)});
      } catch (error) {}
    </script>
    <script src="${asset("yoga-graphiql.js")}"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(document.querySelector("#root"), ${scriptJson(options)});
    </script>
  </body>
</html>
`;
}

/** Said instead of GraphiQL when introspection is off: GraphiQL reads the schema through introspection. */
export function renderGraphiQLUnavailable({ language = "en", ...options }: VngovGraphiQLOptions): string {
  const title = escapeHtml(options.title ?? "GraphiQL");
  const body =
    language === "vi"
      ? `<h1>Máy chủ này không cung cấp GraphiQL</h1>
    <p>Máy chủ này không trả lời truy vấn introspection (<code>INTROSPECTION=false</code>), mà GraphiQL cần
    introspection để đọc lược đồ, kiểm tra truy vấn và hiển thị tài liệu.</p>
    <p>Bản thân API vẫn hoạt động: gửi truy vấn tới địa chỉ này bằng <code>POST</code> với thân JSON
    <code>{"query": "…"}</code>. Lược đồ được công bố trong tệp <code>schema.graphql</code> của kho mã, và
    SDK có kiểu <code>@vngov/sdk</code> được sinh từ lược đồ đó.</p>`
      : `<h1>GraphiQL is not available on this server</h1>
    <p>This server does not answer introspection queries (<code>INTROSPECTION=false</code>), and GraphiQL
    needs them to read the schema, check queries and show the documentation.</p>
    <p>The API itself works: send queries to this URL with <code>POST</code> and a JSON body
    <code>{"query": "…"}</code>. The schema is published as <code>schema.graphql</code> in the
    repository, and the typed SDK <code>@vngov/sdk</code> is generated from it.</p>`;
  return `<!doctype html>
<html lang="${language}">
  <head><meta charset="utf-8" /><title>${title}: ${language === "vi" ? "không khả dụng" : "unavailable"}</title></head>
  <body>
    ${body}
  </body>
</html>
`;
}

/** Serves the GraphiQL assets under GRAPHIQL_ASSETS_PATH, with ETags (304 on If-None-Match). */
export function graphiqlAssetsPlugin(): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith("/graphiql/") || (request.method !== "GET" && request.method !== "HEAD")) return;
      const asset = url.pathname.startsWith(GRAPHIQL_ASSETS_PATH) ? (await loadAssets()).get(url.pathname.slice(GRAPHIQL_ASSETS_PATH.length)) : undefined;
      if (!asset) {
        endResponse(new fetchAPI.Response(renderMessage("noSuchGraphiqlAsset", { path: url.pathname }, requestLanguage(request)), { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } }));
        return;
      }
      const headers = { etag: asset.etag, "cache-control": "public, max-age=31536000, immutable" };
      const tags = request.headers.get("if-none-match")?.split(",").map((tag) => tag.trim().replace(/^W\//u, ""));
      if (tags?.includes(asset.etag) || tags?.includes("*")) {
        endResponse(new fetchAPI.Response(null, { status: 304, headers }));
        return;
      }
      endResponse(new fetchAPI.Response(request.method === "HEAD" ? null : (asset.body as BodyInit), { status: 200, headers: { ...headers, "content-type": asset.type } }));
    },
  };
}
