// Steward writes: validated, all-or-nothing, idempotent by figure key, corrections and retractions
// that keep history, write-scope only, audited, and never answered stale from the response cache.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../src/auth/keys.js";
import { createServer } from "../src/http/server.js";
import { renderMessage } from "../src/messages.js";
import { createTestServer, type TestServer } from "./helpers.js";

let server: TestServer;
let writeKey: string;
let readKey: string;

beforeAll(async () => {
  server = await createTestServer({ data: "all" });
  writeKey = (await createApiKey(server.db.prisma, { name: "steward-anna", scopes: ["read", "write"] })).key;
  readKey = (await createApiKey(server.db.prisma, { name: "partner-read", scopes: ["read"] })).key;
}, 120_000);
afterAll(() => server.drop());

async function post(query: string, variables: Record<string, unknown> = {}, key: string | null = writeKey, yoga = server.yoga) {
  const response = await yoga.fetch("http://vngov.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
}

const counts = async () => ({
  figures: await server.db.prisma.figure.count(),
  sources: await server.db.prisma.source.count(),
  audit: await server.db.prisma.auditLogEntry.count(),
});

const ADD_SOURCE = `mutation ($input: AddSourceInput!) { addSource(input: $input) { created source { code createdBy publishedOn } userErrors { field code message } } }`;
const ADD_FIGURES = `mutation ($input: AddFiguresInput!) {
  addFigures(input: $input) { figures { code value unit createdBy provinceCode: subjectCode } alreadyRecorded { code } userErrors { field code message } }
}`;
const CORRECT = `mutation ($input: CorrectFigureInput!) {
  correctFigure(input: $input) { figure { code value revision correctionReason supersedes { code } } corrected { code isCurrent supersededBy { code } } userErrors { field code message } }
}`;
const RETRACT = `mutation ($input: RetractFigureInput!) { retractFigure(input: $input) { figure { code isCurrent retractedAt retractionReason retractedBy } userErrors { field code message } } }`;

const SOURCE = {
  id: "laichau-home-affairs-2026-10-05",
  title: "Lai Châu: results of the two-level local government, third quarter 2026",
  publisher: "Lai Châu Department of Home Affairs",
  url: "https://sonoivu.laichau.gov.vn/bao-cao-quy-3-2026",
  publishedOn: "2026-10-05",
  language: "vi",
};
const figure = (overrides: Record<string, unknown> = {}) => ({
  indicator: "on_time_rate",
  value: 97.5,
  qualifier: "EXACT",
  asOf: "2026-09-30",
  subjectType: "PROVINCE",
  subjectCode: "12",
  quote: "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 97,5%.",
  ...overrides,
});

describe("adding sources and figures", () => {
  it("adds a source and figures that are then queryable, recording who wrote them", async () => {
    const source = await post(ADD_SOURCE, { input: SOURCE });
    expect(source.errors).toBeUndefined();
    expect(source.data.addSource).toEqual({
      created: true,
      source: { code: SOURCE.id, createdBy: "steward-anna", publishedOn: "2026-10-05" },
      userErrors: [],
    });
    const added = await post(ADD_FIGURES, {
      input: { sourceId: SOURCE.id, figures: [figure(), figure({ indicator: "commune_level_units", value: 38, asOf: "2026-10-01", quote: "Tỉnh có 38 xã, phường." })] },
    });
    expect(added.data.addFigures.userErrors).toEqual([]);
    expect(added.data.addFigures.figures.map((f: any) => [f.value, f.unit, f.createdBy])).toEqual([
      [97.5, "percent", "steward-anna"],
      [38, "count", "steward-anna"],
    ]);
    const read = await post(
      `{ province(code: "12") { figure(indicator: "on_time_rate", asOf: "2026-10-31") { value source { code } } figures(indicator: "commune_level_units") { nodes { value asOf } } } }`,
    );
    expect(read.data.province.figure).toEqual({ value: 97.5, source: { code: SOURCE.id } });
    expect(read.data.province.figures.nodes).toContainEqual({ value: 38, asOf: "2026-10-01" });
  });

  it("reports a repeated submission as already recorded and writes nothing", async () => {
    const before = await counts();
    const again = await post(ADD_FIGURES, { input: { sourceId: SOURCE.id, figures: [figure()] } });
    expect(again.data.addFigures.userErrors).toEqual([]);
    expect(again.data.addFigures.figures).toEqual([]);
    expect(again.data.addFigures.alreadyRecorded).toHaveLength(1);
    expect(await counts()).toEqual(before);
    const source = await post(ADD_SOURCE, { input: SOURCE });
    expect(source.data.addSource.created).toBe(false);
    expect(await counts()).toEqual(before);
  });

  const invalid: Array<[string, Record<string, unknown>, string, string[]]> = [
    ["an unknown indicator", { indicator: "no_such_indicator" }, "NOT_FOUND", ["figures", "1", "indicator"]],
    ["a unit that is not the indicator's", { unit: "count" }, "UNIT_MISMATCH", ["figures", "1", "unit"]],
    ["a percentage over 100", { value: 101 }, "OUT_OF_RANGE", ["figures", "1", "value"]],
    ["a negative count", { indicator: "communes", value: -3 }, "OUT_OF_RANGE", ["figures", "1", "value"]],
    ["a fractional count", { indicator: "communes", value: 3.5 }, "OUT_OF_RANGE", ["figures", "1", "value"]],
    ["a count too large to be a whole number", { indicator: "communes", value: 1e308 }, "OUT_OF_RANGE", ["figures", "1", "value"]],
    ["a date after the source's publication", { asOf: "2026-10-06" }, "AFTER_PUBLICATION", ["figures", "1", "asOf"]],
    ["an unknown province", { subjectCode: "99" }, "NOT_FOUND", ["figures", "1", "subjectCode"]],
    ["a current province before 2025-07-01", { asOf: "2025-06-01" }, "SUBJECT_NOT_IN_FORCE", ["figures", "1", "subjectCode"]],
    ["an old province after 2025-06-30", { subjectType: "LEGACY_PROVINCE", subjectCode: "10" }, "SUBJECT_NOT_IN_FORCE", ["figures", "1", "subjectCode"]],
    ["an unknown agency", { subjectType: "AGENCY", subjectCode: "12-no-such-agency" }, "NOT_FOUND", ["figures", "1", "subjectCode"]],
    ["an empty quote", { quote: "   " }, "INVALID", ["figures", "1", "quote"]],
    ["the same key with another value", { value: 90 }, "DUPLICATE", ["figures", "1", "value"]],
  ];
  it.each(invalid)("refuses %s with a userError and writes nothing, not even the valid items", async (_name, overrides, code, field) => {
    const before = await counts();
    const valid = figure({ indicator: "full_online_services_rate", value: 60, quote: "Dịch vụ công trực tuyến toàn trình đạt 60%." });
    // The DUPLICATE case repeats the key of the figure added in the first test (asOf 2026-09-30).
    const item = figure({ ...(code === "DUPLICATE" ? {} : { asOf: "2026-09-15" }), ...overrides });
    const result = await post(ADD_FIGURES, { input: { sourceId: SOURCE.id, figures: [valid, item] } });
    expect(result.errors).toBeUndefined();
    expect(result.data.addFigures.userErrors).toEqual([expect.objectContaining({ code, field })]);
    expect(result.data.addFigures.figures).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it("checks quotes against the vendored text and refuses citing a translation", async () => {
    const before = await counts();
    const result = await post(ADD_FIGURES, {
      input: {
        sourceId: "laocai-home-affairs-2025-10-20",
        figures: [figure({ subjectCode: "15", asOf: "2025-10-20", quote: "Lao Cai province has an on-time rate of 97.5%." })],
      },
    });
    expect(result.data.addFigures.userErrors).toEqual([expect.objectContaining({ code: "QUOTE_NOT_IN_SOURCE", field: ["figures", "0", "quote"] })]);
    const translation = await post(ADD_FIGURES, {
      input: { sourceId: "nhandan-2025-10-14-sv", figures: [figure({ subjectCode: "12", asOf: "2025-10-14" })] },
    });
    expect(translation.data.addFigures.userErrors).toContainEqual(expect.objectContaining({ code: "CITES_TRANSLATION", field: ["figures", "0", "sourceId"] }));
    expect(await counts()).toEqual(before);
  });

  it("refuses a repeated item within one input and a malformed source", async () => {
    const before = await counts();
    const twice = figure({ asOf: "2026-09-01" });
    const result = await post(ADD_FIGURES, { input: { sourceId: SOURCE.id, figures: [twice, twice] } });
    expect(result.data.addFigures.userErrors).toEqual([expect.objectContaining({ code: "DUPLICATE", field: ["figures", "1", "subjectCode"] })]);
    const badSource = await post(ADD_SOURCE, { input: { ...SOURCE, id: "x-new-source", url: "not a url" } });
    expect(badSource.data.addSource.userErrors).toEqual([expect.objectContaining({ code: "INVALID", field: ["url"] })]);
    const unknownSource = await post(ADD_FIGURES, { input: { sourceId: "no-such-source", figures: [figure()] } });
    expect(unknownSource.data.addFigures.userErrors).toEqual([expect.objectContaining({ code: "NOT_FOUND", field: ["figures", "0", "sourceId"] })]);
    expect(await counts()).toEqual(before);
  });

  it("writes one row when two stewards add the same figure at the same time", async () => {
    const before = await counts();
    const input = { sourceId: SOURCE.id, figures: [figure({ indicator: "online_services_rate", value: 88, quote: "Tỷ lệ dịch vụ công trực tuyến đạt 88%." })] };
    const [a, b] = await Promise.all([post(ADD_FIGURES, { input }), post(ADD_FIGURES, { input })]);
    expect([a.errors, b.errors]).toEqual([undefined, undefined]);
    const created = [a, b].map((r) => r.data.addFigures.figures.length).sort();
    const already = [a, b].map((r) => r.data.addFigures.alreadyRecorded.length).sort();
    expect(created).toEqual([0, 1]);
    expect(already).toEqual([0, 1]);
    const after = await counts();
    expect(after.figures).toBe(before.figures + 1);
    expect(after.audit).toBe(before.audit + 1);
  });
});

describe("corrections and retractions", () => {
  let originalCode: string;

  it("corrects by superseding: the old figure stays, reads return the new one, history shows both", async () => {
    originalCode = (await server.db.prisma.figure.findFirstOrThrow({ where: { sourceId: SOURCE.id, indicatorCode: "on_time_rate", asOf: new Date("2026-09-30") } })).id;
    const before = await counts();
    const result = await post(CORRECT, { input: { id: originalCode, value: 95.7, reason: "misread: the report says 95,7%", quote: "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 95,7%." } });
    expect(result.data.correctFigure.userErrors).toEqual([]);
    const corrected = result.data.correctFigure;
    expect(corrected.figure).toMatchObject({ value: 95.7, revision: 1, correctionReason: "misread: the report says 95,7%", supersedes: { code: originalCode } });
    expect(corrected.corrected).toEqual({ code: originalCode, isCurrent: false, supersededBy: { code: corrected.figure.code } });
    expect((await counts()).figures).toBe(before.figures + 1);

    const read = await post(`{
      province(code: "12") {
        figure(indicator: "on_time_rate", asOf: "2026-10-31") { value history { value revision isCurrent } }
        current: figures(indicator: "on_time_rate") { totalCount nodes { value } }
        all: figures(indicator: "on_time_rate", includeSuperseded: true) { totalCount }
      }
      compare(indicator: "on_time_rate", provinceCodes: ["12"], asOf: "2026-10-31") { value }
    }`);
    expect(read.data.province.figure).toEqual({
      value: 95.7,
      history: [
        { value: 97.5, revision: 0, isCurrent: false },
        { value: 95.7, revision: 1, isCurrent: true },
      ],
    });
    // Lai Châu's curated on-time rate (Nhân Dân, 2025-10-14) is current too; the superseded 97.5 is not.
    expect(read.data.province.current.nodes).toContainEqual({ value: 95.7 });
    expect(read.data.province.current.nodes).not.toContainEqual({ value: 97.5 });
    expect(read.data.province.all.totalCount).toBe(read.data.province.current.totalCount + 1);
    expect(read.data.compare).toEqual([{ value: 95.7 }]);
  });

  it("refuses to correct a superseded figure, a correction that changes nothing, and an unknown id", async () => {
    const before = await counts();
    const superseded = await post(CORRECT, { input: { id: originalCode, value: 94, reason: "again" } });
    expect(superseded.data.correctFigure.userErrors).toEqual([expect.objectContaining({ code: "ALREADY_SUPERSEDED", field: ["id"] })]);
    expect(superseded.data.correctFigure.userErrors[0].message).toMatch(/; correct that one\.$/);
    const noReason = await post(CORRECT, { input: { id: originalCode, value: 94, reason: "  " } });
    expect(noReason.data.correctFigure.userErrors).toEqual([{ field: ["reason"], code: "INVALID", message: "reason must say why the figure is corrected." }]);
    const current = (await server.db.prisma.figure.findFirstOrThrow({ where: { supersedesId: originalCode } })).id;
    const same = await post(CORRECT, { input: { id: current, value: 95.7, reason: "no-op" } });
    expect(same.data.correctFigure.userErrors).toEqual([expect.objectContaining({ code: "NO_CHANGE" })]);
    const outOfRange = await post(CORRECT, { input: { id: current, value: 120, reason: "typo" } });
    expect(outOfRange.data.correctFigure.userErrors).toEqual([expect.objectContaining({ code: "OUT_OF_RANGE", field: ["value"] })]);
    const unknown = await post(CORRECT, { input: { id: "no-such-figure", value: 1, reason: "x" } });
    expect(unknown.data.correctFigure.userErrors).toEqual([expect.objectContaining({ code: "NOT_FOUND", field: ["id"] })]);
    expect(await counts()).toEqual(before);
  });

  it("lets only one of two concurrent corrections of a figure through", async () => {
    const target = (await server.db.prisma.figure.findFirstOrThrow({ where: { sourceId: SOURCE.id, indicatorCode: "commune_level_units" } })).id;
    const before = await counts();
    const [a, b] = await Promise.all([
      post(CORRECT, { input: { id: target, value: 37, reason: "steward A" } }),
      post(CORRECT, { input: { id: target, value: 36, reason: "steward B" } }),
    ]);
    const errors = [a, b].map((r) => r.data.correctFigure.userErrors.map((e: any) => e.code)).sort();
    expect(errors).toEqual([[], ["ALREADY_SUPERSEDED"]]);
    expect((await counts()).figures).toBe(before.figures + 1);
  });

  it("retracts by marking, never deleting; reads leave it out unless asked", async () => {
    const target = (await server.db.prisma.figure.findFirstOrThrow({ where: { sourceId: SOURCE.id, indicatorCode: "online_services_rate" } })).id;
    const before = await counts();
    const result = await post(RETRACT, { input: { id: target, reason: "the department withdrew the report" } });
    expect(result.data.retractFigure.userErrors).toEqual([]);
    expect(result.data.retractFigure.figure).toMatchObject({ code: target, isCurrent: false, retractionReason: "the department withdrew the report", retractedBy: "steward-anna" });
    expect(result.data.retractFigure.figure.retractedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await counts()).figures).toBe(before.figures);
    const read = await post(`{
      hidden: figures(provinceCode: "12", indicator: "online_services_rate") { totalCount }
      shown: figures(provinceCode: "12", indicator: "online_services_rate", includeRetracted: true) { nodes { code retractionReason } }
      province(code: "12") { figure(indicator: "online_services_rate", asOf: "2026-10-31") { code } }
    }`);
    expect(read.data.hidden.totalCount).toBe(0);
    expect(read.data.shown.nodes).toEqual([{ code: target, retractionReason: "the department withdrew the report" }]);
    expect(read.data.province.figure).toBeNull();
    const again = await post(RETRACT, { input: { id: target, reason: "twice" } });
    expect(again.data.retractFigure.userErrors).toEqual([expect.objectContaining({ code: "ALREADY_RETRACTED" })]);
    expect(again.data.retractFigure.userErrors[0].message).toMatch(/ was already retracted on /);
    // A retracted figure is not corrected either: the steward adds a new one.
    const correctRetracted = await post(CORRECT, { input: { id: target, value: 50, reason: "after the retraction" } });
    expect(correctRetracted.data.correctFigure.userErrors).toEqual([expect.objectContaining({ code: "ALREADY_RETRACTED", field: ["id"] })]);
    expect(correctRetracted.data.correctFigure.userErrors[0].message).toMatch(/; add a new figure instead\.$/);
    const retractOld = await post(RETRACT, { input: { id: originalCode, reason: "old version" } });
    expect(retractOld.data.retractFigure.userErrors).toEqual([expect.objectContaining({ code: "ALREADY_SUPERSEDED" })]);
    expect(retractOld.data.retractFigure.userErrors[0].message).toMatch(/; retract that one\.$/);
    const noReason = await post(RETRACT, { input: { id: target, reason: "" } });
    expect(noReason.data.retractFigure.userErrors).toEqual([{ field: ["reason"], code: "INVALID", message: "reason must say why the figure is retracted." }]);
    expect(await server.db.prisma.figure.count({ where: { id: target } })).toBe(1);
  });
});

describe("who may write, and the audit log", () => {
  it("refuses writes from a read-only key (FORBIDDEN) and from anonymous callers (UNAUTHENTICATED)", async () => {
    const before = await counts();
    const forbidden = await post(ADD_FIGURES, { input: { sourceId: SOURCE.id, figures: [figure({ asOf: "2026-09-02" })] } }, readKey);
    expect(forbidden.status).toBe(403);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const anonymous = await post(ADD_FIGURES, { input: { sourceId: SOURCE.id, figures: [figure({ asOf: "2026-09-02" })] } }, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const log = await post(`{ auditLog(first: 1) { nodes { sequence } } }`, {}, readKey);
    expect(log.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const anonymousLog = await post(`{ auditLog(first: 1) { nodes { sequence } } }`, {}, null);
    expect(anonymousLog.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await counts()).toEqual(before);
  });

  it("says in the caller's language which key and scope a refused write or audit log needs", async () => {
    const ask = async (query: string, key: string | null, language: "en" | "vi") => {
      const response = await server.yoga.fetch("http://vngov.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", "accept-language": language, ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ query }),
      });
      return { status: response.status, ...((await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> }) };
    };
    const write = `mutation { retractFigure(input: { id: "x", reason: "y" }) { userErrors { code } } }`;
    const log = `{ auditLog(first: 1) { totalCount } }`;
    for (const language of ["en", "vi"] as const) {
      const anonymousWrite = await ask(write, null, language);
      expect(anonymousWrite.status).toBe(401);
      expect(anonymousWrite.errors).toEqual([
        expect.objectContaining({ message: renderMessage("operationNeedsKey", { operation: "mutation" }, language), extensions: expect.objectContaining({ code: "UNAUTHENTICATED" }) }),
      ]);
      const readOnlyWrite = await ask(write, readKey, language);
      expect(readOnlyWrite.status).toBe(403);
      expect(readOnlyWrite.errors[0]!.message).toBe(renderMessage("operationNeedsScope", { operation: "mutation", scope: "write", key: "partner-read", scopes: ["read"] }, language));
      const anonymousLog = await ask(log, null, language);
      expect(anonymousLog.errors[0]!.message).toBe(renderMessage("writeNeedsKey", {}, language));
      const readOnlyLog = await ask(log, readKey, language);
      expect(readOnlyLog.errors[0]!.message).toBe(renderMessage("writeNeedsScope", { key: "partner-read", scopes: ["read"] }, language));
    }
  });

  it("records every write with key name, time, operation, input and ids touched, newest first", async () => {
    const log = await post(`{ auditLog(first: 50) { totalCount nodes { sequence at actor operation input touchedIds } } }`);
    expect(log.errors).toBeUndefined();
    const entries = log.data.auditLog.nodes;
    const operations = entries.map((e: any) => e.operation);
    // addSource, addFigures (2), concurrent addFigures (1), 2 corrections, 1 retraction
    expect(operations).toEqual(["retractFigure", "correctFigure", "correctFigure", "addFigures", "addFigures", "addSource"]);
    expect(log.data.auditLog.totalCount).toBe(entries.length);
    expect(entries.every((e: any) => e.actor === "steward-anna" && /^\d{4}-\d{2}-\d{2}T/.test(e.at))).toBe(true);
    expect(entries.map((e: any) => e.sequence)).toEqual([...entries.map((e: any) => e.sequence)].sort((a, b) => b - a));
    const addSource = entries.at(-1);
    expect(JSON.parse(addSource.input)).toMatchObject({ id: SOURCE.id, url: SOURCE.url });
    expect(addSource.touchedIds).toEqual([SOURCE.id]);
    const correction = entries[1];
    expect(correction.touchedIds).toHaveLength(2);
    const page = await post(`{ auditLog(first: 2) { pageInfo { endCursor } } }`);
    const next = await post(`query ($after: String) { auditLog(first: 2, after: $after) { nodes { sequence } } }`, { after: page.data.auditLog.pageInfo.endCursor });
    expect(next.data.auditLog.nodes.map((n: any) => n.sequence)).toEqual(entries.slice(2, 4).map((e: any) => e.sequence));
  });
});

it("never answers from the response cache with figures a write has changed", async () => {
  const cached = createServer({ db: server.db, today: () => "2026-11-23", config: { RATE_LIMIT_ANONYMOUS: 1e9, RATE_LIMIT_KEY: 1e9 } });
  const query = `{ province(code: "12") { figure(indicator: "working_regulations_rate", asOf: "2026-10-31") { value } } compare(indicator: "working_regulations_rate", provinceCodes: ["12"], asOf: "2026-10-31") { value } }`;
  const first = await post(query, {}, null, cached);
  await post(query, {}, null, cached); // an answer is kept on its second sighting
  const statements = server.db.statements.count;
  const hit = await post(query, {}, null, cached);
  expect(server.db.statements.count).toBe(statements); // answered from the cache
  expect(hit.data).toEqual(first.data);
  const write = await post(
    ADD_FIGURES,
    { input: { sourceId: SOURCE.id, figures: [figure({ indicator: "working_regulations_rate", value: 100, quote: "100% cơ quan đã ban hành quy chế làm việc." })] } },
    writeKey,
    cached,
  );
  expect(write.data.addFigures.userErrors).toEqual([]);
  const after = await post(query, {}, null, cached);
  expect(after.data).toEqual({ province: { figure: { value: 100 } }, compare: [{ value: 100 }] });
  expect(after.data).not.toEqual(first.data);
});

describe("userErrors in the caller's language", () => {
  it("writes userErrors' messages in Vietnamese for Accept-Language: vi, with the same codes and fields", async () => {
    const send = async (language?: string) => {
      const response = await server.yoga.fetch("http://vngov.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${writeKey}`, ...(language ? { "accept-language": language } : {}) },
        body: JSON.stringify({ query: ADD_FIGURES, variables: { input: { sourceId: "no-such-source", figures: [figure({ indicator: "no_such_indicator" })] } } }),
      });
      return ((await response.json()) as { data: { addFigures: { userErrors: Array<{ field: string[]; code: string; message: string }> } } }).data.addFigures.userErrors;
    };
    const before = await counts();
    const english = await send();
    const vietnamese = await send("vi-VN,vi;q=0.9");
    expect(vietnamese.map(({ field, code }) => ({ field, code }))).toEqual(english.map(({ field, code }) => ({ field, code })));
    expect(english.map((e) => e.message)).toEqual(
      expect.arrayContaining(['indicator "no_such_indicator" is unknown; list the codes with { indicators { code unit } }.']),
    );
    expect(vietnamese.map((e) => e.message)).toEqual(
      expect.arrayContaining([
        'không có chỉ tiêu "no_such_indicator"; xem danh sách mã bằng { indicators { code unit } }.',
        'không có nguồn "no-such-source"; hãy thêm nguồn trước bằng addSource, hoặc xem danh sách bằng { sources { code } }.',
      ]),
    );
    expect(await counts()).toEqual(before);
  });
});
