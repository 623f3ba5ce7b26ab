// The message catalogue: every message in English and Vietnamese, no message outside it, and errors
// rendered in the language the caller asks for (Accept-Language) with the same codes.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { negotiateLanguage } from "../src/http/language.js";
import { createServer, type EndpointConfig } from "../src/http/server.js";
import { LANGUAGES, MESSAGES, renderMessage, type MessageKey } from "../src/messages.js";
import { createTestDatabase, type TestDatabase } from "./helpers.js";

/**
 * Stands in for any parameter: a string or number in a template, an array (`join`), a number
 * (`toLocaleString`), an object with any property (`"variable" in place`), and truthy for the
 * optional ones. So every entry renders with every branch that reads a parameter.
 */
const anything: any = new Proxy(function () {}, {
  get: (_target, property) =>
    property === Symbol.toPrimitive ? () => "7" : property === "join" ? () => "A, B" : property === "toLocaleString" ? () => "1.000" : anything,
  has: () => true,
});

describe("the message catalogue", () => {
  const keys = Object.keys(MESSAGES) as MessageKey[];

  it("has every message in English and Vietnamese, non-empty and different", () => {
    expect(keys.length).toBeGreaterThan(40);
    for (const key of keys) {
      const texts = LANGUAGES.map((language) => renderMessage(key, anything, language));
      for (const text of texts) {
        expect(text.trim(), key).not.toBe("");
        expect(text, key).not.toMatch(/undefined|\[object |NaN/);
      }
      const [en, vi] = texts;
      expect(vi, key).not.toBe(en);
      // Written in Vietnamese, not English copied across: it has Vietnamese letters.
      expect(vi, key).toMatch(/[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/iu);
    }
  });

  it("is the only place user-facing GraphQL errors get their text", () => {
    // Every package's source: a new branch (another package, another plugin) is checked too.
    const packages = fileURLToPath(new URL("../../", import.meta.url));
    const allowed = new Set(["server/src/errors.ts", "server/src/messages.ts"]);
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (name === "node_modules" || name === "generated" || name === "test" || name === "dist") continue;
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.ts$/u.test(name) && !/\.test\.ts$/u.test(name) && !allowed.has(relative(packages, path))) {
          const text = readFileSync(path, "utf8");
          // The message written in place, as a string or template literal, instead of a catalogue key.
          for (const match of text.matchAll(/new GraphQLError\(\s*["'`]/gu)) offenders.push(`${relative(packages, path)}:${text.slice(0, match.index).split("\n").length}`);
        }
      }
    };
    for (const name of readdirSync(packages)) if (name !== "sdk" && statSync(join(packages, name, "src"), { throwIfNoEntry: false })?.isDirectory()) walk(join(packages, name, "src"));
    expect(offenders).toEqual([]);
  });
});

describe("Accept-Language", () => {
  it("negotiates Vietnamese or English, English by default", () => {
    expect(negotiateLanguage(null)).toBe("en");
    expect(negotiateLanguage("vi")).toBe("vi");
    expect(negotiateLanguage("vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7")).toBe("vi");
    expect(negotiateLanguage("en-US,en;q=0.9,vi;q=0.8")).toBe("en");
    expect(negotiateLanguage("fr-FR, de;q=0.5")).toBe("en");
    expect(negotiateLanguage("fr, vi;q=0.3")).toBe("vi");
    expect(negotiateLanguage("*")).toBe("en");
    expect(negotiateLanguage("garbage;;;q=")).toBe("en");
  });
});

describe("errors in the caller's language", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ data: "registry" });
  });
  afterAll(() => database?.drop());

  const serverWith = (config: Partial<EndpointConfig> = {}) =>
    createServer({ db: database.db, today: () => "2026-11-23", config, persistedDocuments: new Map(), responseCache: false });

  async function post(yoga: ReturnType<typeof serverWith>, query: string, language?: string) {
    const response = await yoga.fetch("http://vngov.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...(language ? { "accept-language": language } : {}) },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> } };
  }

  it("answers a bad province code in Vietnamese for Accept-Language: vi, with the same code and argument", async () => {
    const yoga = serverWith();
    const query = `{ province(code: "1") { name } }`;
    const english = await post(yoga, query);
    const vietnamese = await post(yoga, query, "vi-VN,vi;q=0.9,en;q=0.5");
    expect(english.body.errors[0]!.message).toBe('code "1" is not a province code: province codes are 2 digits, e.g. "01" or "79".');
    expect(vietnamese.body.errors[0]!.message).toBe('code "1" không phải là mã tỉnh, thành phố: mã tỉnh gồm 2 chữ số, ví dụ "01" hoặc "79".');
    expect(vietnamese.body.errors[0]!.extensions).toEqual(english.body.errors[0]!.extensions);
    expect(vietnamese.body.errors[0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "code" });
    expect(vietnamese.status).toBe(english.status);
  });

  it("answers the cost limit and the rate limit in Vietnamese", async () => {
    const yoga = serverWith({ MAX_COST: 50, RATE_LIMIT_ANONYMOUS: 40 });
    const costly = await post(yoga, `{ communes(first: 60) { nodes { code } } }`, "vi");
    expect(costly.body.errors[0]!.extensions.code).toBe("QUERY_TOO_COMPLEX");
    expect(costly.body.errors[0]!.message).toBe(renderMessage("tooCostly", { cost: 61, max: 50 }, "vi"));
    expect(costly.body.errors[0]!.message).toMatch(/^Thao tác này có thể trả về 61 đối tượng, nhiều hơn mức 50/u);
    // The refused request cost 10 points; 21 points each then: the second is refused.
    expect((await post(yoga, `{ communes { nodes { code } } }`, "vi")).status).toBe(200);
    const limited = await post(yoga, `{ communes { nodes { code } } }`, "vi");
    expect(limited.status).toBe(429);
    expect(limited.body.errors[0]!.extensions.code).toBe("RATE_LIMITED");
    expect(limited.body.errors[0]!.message).toMatch(/^Đã dùng hết hạn mức 40 điểm chi phí trong mỗi 60 giây; .* Thao tác này tốn 21 điểm\.$/u);
  });

  it("answers the document limits, the cursor check and masked errors in Vietnamese", async () => {
    const yoga = serverWith();
    const aliases = Array.from({ length: 31 }, (_, i) => `p${i}: province(code: "15") { name }`).join(" ");
    const tooMany = await post(yoga, `{ ${aliases} }`, "vi");
    expect(tooMany.body.errors[0]!.extensions.code).toBe("TOO_MANY_ALIASES");
    expect(tooMany.body.errors[0]!.message).toBe(renderMessage("tooManyAliases", { limit: 30, found: "31" }, "vi"));
    const cursor = await post(yoga, `{ communes(after: "nope") { totalCount } }`, "vi");
    expect(cursor.body.errors[0]!.extensions.code).toBe("BAD_USER_INPUT");
    expect(cursor.body.errors[0]!.message).toMatch(/^after "nope" không phải là con trỏ \(cursor\) của danh sách này/u);
    // The string check runs before execution, on variables and literals alike.
    const nul = await post(yoga, `{ communes(search: "a\\u0000b") { totalCount } }`, "vi");
    expect(nul.body.errors[0]!.message).toBe("Chuỗi ký tự ở dòng 1 chứa ký tự NUL (U+0000), không trường nào nhận ký tự này.");
  });

  it("leaves graphql-js' own validation messages in English, with their code", async () => {
    const { body } = await post(serverWith(), `{ province(code: "15") { nom } }`, "vi");
    expect(body.errors[0]!.message).toMatch(/^Cannot query field "nom" on type "Province"/u);
    expect(body.errors[0]!.extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("answers the export and download routes' errors in Vietnamese", async () => {
    const yoga = serverWith();
    const get = (path: string, language = "vi") => yoga.fetch(`http://vngov.test${path}`, { headers: { "accept-language": language } });
    const badDate = await get("/export/provinces.csv?asOf=2025-13-45");
    expect(badDate.status).toBe(400);
    const badDateBody = (await badDate.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(badDateBody.errors[0]).toMatchObject({
      message: 'asOf "2025-13-45" không phải là ngày: viết theo dạng YYYY-MM-DD, ví dụ 2025-07-01.',
      extensions: { code: "BAD_USER_INPUT", argument: "asOf" },
    });
    const english = (await (await get("/export/provinces.csv?asOf=2025-13-45", "en")).json()) as typeof badDateBody;
    expect(english.errors[0]!.message).toBe('asOf "2025-13-45" is not a date: write it YYYY-MM-DD, e.g. 2025-07-01.');
    const missing = await get("/export/nothing.csv");
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as typeof badDateBody).errors[0]!.message).toMatch(/^Không có bảng xuất dữ liệu \/export\/nothing\.csv\./u);
    const detail = await get("/geo/provinces.geojson?detail=FULL");
    expect(detail.status).toBe(400);
    expect(await detail.json()).toMatchObject({ errors: [{ message: renderMessage("downloadDetail", {}, "vi"), extensions: { code: "BAD_USER_INPUT", argument: "detail" } }] });
    const malformed = await yoga.fetch("http://vngov.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Basic x", "accept-language": "vi" },
      body: JSON.stringify({ query: "{ provinces { totalCount } }" }),
    });
    expect(malformed.status).toBe(401);
    expect(((await malformed.json()) as typeof badDateBody).errors[0]).toMatchObject({
      message: "Tiêu đề Authorization phải có dạng `Bearer <API key>`.",
      extensions: { code: "UNAUTHENTICATED" },
    });
  });
});
