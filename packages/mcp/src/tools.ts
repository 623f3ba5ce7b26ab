// The vngov tools an AI agent calls: each one typed SDK call (or a few), its answer cut down to
// codes, names, dates and the legal basis or source, as JSON text and as structured content.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import {
  CommuneProfileDocument,
  CommunesAtDocument,
  ConvertAddressesCitedDocument,
  isVngovError,
  LegacyCommunesDocument,
  MAX_ADDRESSES,
  ProvinceProfileDocument,
  type LegacyAddressInput,
  type VngovClient,
} from "@vngov/sdk";
import { z } from "zod";

// The server's limits this package cannot import (it ships with the SDK only); test/limits.test.ts
// holds each to the server's constant.
/** Most points `unit_at_point` takes in one call (the server's `communesAt` limit, MAX_POINTS). */
export const MAX_POINTS = 1000;
/**
 * Addresses sent per `convertAddresses` request. The cited form costs about 101 points an address
 * (ten candidates, each with its unit, province, old commune and link): 500 stay under the
 * server's default MAX_COST of 60,000, so 1,000 addresses take two requests, each charged.
 */
export const ADDRESSES_PER_REQUEST = 500;
/** Most registry changes one answer lists (the server's bound on the list, MAX_REGISTRY_CHANGES). */
export const MAX_CHANGES = 200;
/** Longest name a tool takes: a search text, an old unit's name, an address part (the server's MAX_NAME_LENGTH). */
export const MAX_NAME_LENGTH = 100;
/** Longest old address on one line (the server's MAX_LINE_LENGTH for `line`). */
export const MAX_LINE_LENGTH = 300;

// Input fields, described for a model that has never seen the API.
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a day as YYYY-MM-DD")
  .describe("A day as YYYY-MM-DD, from 2025-07-01 (when the two-level registry took effect) on.");
const asOf = date
  .optional()
  .describe("The day to answer for, YYYY-MM-DD, from 2025-07-01 on. Default: today in Vietnam. Units, names and types change over time: give a past day to see the registry as it stood then.");
const provinceCode = z
  .string()
  .regex(/^\d{2}$/, "a 2-digit province code")
  .describe('Official 2-digit province code, e.g. "01" Hà Nội, "15" Lào Cai, "79" Hồ Chí Minh City, "75" Đồng Nai.');

// Output pieces, shared by several tools.
const provinceRef = z.object({ code: z.string(), name: z.string() });
const serviceCenter = z.object({
  name: z.string(),
  scope: z.enum(["COMMUNE", "PROVINCE"]).describe("COMMUNE: the unit's own center; PROVINCE: a province-wide center with branches"),
  legalBasis: z.string(),
  sourceUrl: z.string(),
});
const communeType = z.enum(["COMMUNE", "WARD", "SPECIAL_ZONE"]);
const commune = z.object({
  code: z.string(),
  fullName: z.string(),
  type: communeType,
  province: provinceRef,
  validFrom: z.string(),
  validTo: z.string().nullable(),
  serviceCenter: serviceCenter.nullable(),
});
const source = z.object({ code: z.string(), title: z.string().nullable(), url: z.string() });

type ServiceCenterRow = { name: string; scope: "COMMUNE" | "PROVINCE"; legalBasis: string; sourceUrl: string } | null;
type CommuneRow = {
  code: string;
  fullName: string;
  type: z.infer<typeof communeType>;
  validFrom: string;
  validTo: string | null;
  province: { code: string; name: string };
  serviceCenter?: ServiceCenterRow;
};

const centerOf = (center: ServiceCenterRow | undefined): z.infer<typeof serviceCenter> | null =>
  center ? { name: center.name, scope: center.scope, legalBasis: center.legalBasis, sourceUrl: center.sourceUrl } : null;

const communeOf = (row: CommuneRow): z.infer<typeof commune> => ({
  code: row.code,
  fullName: row.fullName,
  type: row.type,
  province: { code: row.province.code, name: row.province.name },
  validFrom: row.validFrom,
  validTo: row.validTo,
  serviceCenter: centerOf(row.serviceCenter),
});

/** A tool's answer: concise JSON for the model, the same object as structured content. */
function answer<T extends Record<string, unknown>>(value: T): CallToolResult {
  return { content: [{ type: "text", text: JSON.stringify(value) }], structuredContent: value };
}

/** A tool error the model can act on: the server's code (or NOT_FOUND) and message. */
export function toolError(code: string, message: string, details: Record<string, unknown> = {}): CallToolResult {
  return { isError: true, content: [{ type: "text", text: JSON.stringify({ error: { code, message, ...details } }) }] };
}

/** Runs a tool's body; the API's errors become tool errors carrying its code, message and request id. */
async function guarded(run: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await run();
  } catch (error) {
    if (isVngovError(error)) {
      const details: Record<string, unknown> = {};
      if (error.requestId) details.requestId = error.requestId;
      if (error.retryAfter !== undefined) details.retryAfterSeconds = error.retryAfter;
      return toolError(error.code, error.message, details);
    }
    throw error;
  }
}

const READ_ONLY = { readOnlyHint: true, idempotentHint: true, openWorldHint: false } as const;

export interface VngovMcpOptions {
  /** The typed client the tools call: over HTTP for `vngov-mcp`, in-process on the server's /mcp. */
  client: VngovClient;
  /** Reported to MCP clients in `serverInfo`. */
  version?: string;
}

/** An MCP server with the vngov tools, ready to connect to a transport. */
export function createVngovMcpServer({ client, version = "0.1.0" }: VngovMcpOptions): McpServer {
  const server = new McpServer(
    { name: "vngov", version },
    {
      instructions:
        "Vietnam's two-level local government registry (34 provinces, 3,321 communes, wards and special zones since 2025-07-01), " +
        "the lineage from the 10,000 old communes, address conversion and sourced figures. Codes: provinces 2 digits, commune-level units 5 digits; " +
        "dates YYYY-MM-DD. Every answer cites its legal basis or source: quote it to the user.",
      // A single call's arguments: 1,000 addresses or points with their fields, and room to spare.
      maxToolInputElements: 6 * Math.max(MAX_ADDRESSES, MAX_POINTS),
    },
  );

  server.registerTool(
    "find_units",
    {
      title: "Find provinces and communes by name",
      description:
        "Finds provinces and commune-level units (communes, wards, special zones) of the registry in force since 2025-07-01 by name, " +
        'ignoring diacritics, case and prefixes ("Tỉnh", "Thành phố", "Xã", "Phường", "Đặc khu"): "ba dinh" finds Phường Ba Đình. ' +
        "Ranked: exact names first, then names starting with the text, then names containing it. Answers for any day from 2025-07-01 (asOf). " +
        "For names of old communes (before 2025-07-01) use `lineage`.",
      inputSchema: {
        name: z.string().min(1).max(MAX_NAME_LENGTH).describe('The name to look for, with or without diacritics, e.g. "Ba Đình", "lao cai", "phuong sai gon".'),
        level: z
          .enum(["any", "province", "commune"])
          .default("any")
          .describe('"province" for provinces and centrally-run cities only, "commune" for commune-level units only, "any" for both (default).'),
        provinceCode: provinceCode.optional().describe("Only commune-level units of this province (2-digit code)."),
        asOf,
        limit: z.number().int().min(1).max(50).default(10).describe("Most units listed of each level, 1 to 50 (default 10)."),
      },
      outputSchema: {
        provinceMatches: z.number().int().describe("How many provinces match in all"),
        provinces: z.array(
          z.object({
            code: z.string(),
            name: z.string(),
            fullName: z.string(),
            kind: z.enum(["PROVINCE", "CITY"]),
            validFrom: z.string(),
            validTo: z.string().nullable(),
          }),
        ),
        communeMatches: z.number().int().describe("How many commune-level units match in all"),
        communes: z.array(commune),
      },
      annotations: { title: "Find units by name", ...READ_ONLY },
    },
    ({ name, level, provinceCode, asOf, limit }) =>
      guarded(async () => {
        const [provinces, communes] = await Promise.all([
          level === "commune" || provinceCode ? null : client.provinces({ search: name, first: limit, asOf }),
          level === "province" ? null : client.communes({ search: name, provinceCode, first: limit, asOf }),
        ]);
        return answer({
          provinceMatches: provinces?.totalCount ?? 0,
          provinces: (provinces?.nodes ?? []).map((p) => ({ code: p.code, name: p.name, fullName: p.fullName, kind: p.kind, validFrom: p.validFrom, validTo: p.validTo })),
          communeMatches: communes?.totalCount ?? 0,
          communes: (communes?.nodes ?? []).map(communeOf),
        });
      }),
  );

  const body = z.object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    kind: z.string().describe("PEOPLES_COMMITTEE, DEPARTMENT, EQUIVALENT_BODY or SPECIALIZED_OFFICE"),
    basis: z.string().describe("What the record rests on: DECREE_FRAME (Decree 150/2025/NĐ-CP alone), PROVINCIAL_ACT or OFFICIAL_REPORT"),
    sources: z.array(source),
  });
  server.registerTool(
    "get_unit",
    {
      title: "A province or commune with its service center and bodies",
      description:
        "One unit by its official code, as it stood on a day: a province (2 digits, e.g. \"15\") with its number of commune-level units, " +
        "the old provinces it was formed from and its departments (sở) and equivalent bodies; or a commune-level unit (5 digits, e.g. \"00004\" " +
        "Phường Ba Đình) with its province, its Public Administration Service Center (with the legal basis) and its recorded bodies. " +
        "Each body says what its record rests on and cites its sources. An unknown code is a NOT_FOUND error.",
      inputSchema: {
        code: z
          .string()
          .regex(/^(\d{2}|\d{5})$/, "a 2-digit province or 5-digit commune code")
          .describe('2-digit province code (e.g. "15") or 5-digit commune-level unit code (e.g. "00004").'),
        asOf,
      },
      outputSchema: {
        level: z.enum(["PROVINCE", "COMMUNE"]),
        province: z.object({
          code: z.string(),
          name: z.string(),
          fullName: z.string(),
          nameEn: z.string().nullable(),
          kind: z.enum(["PROVINCE", "CITY"]),
          validFrom: z.string(),
          validTo: z.string().nullable(),
        }),
        commune: z
          .object({
            code: z.string(),
            name: z.string(),
            fullName: z.string(),
            nameEn: z.string().nullable(),
            type: communeType,
            validFrom: z.string(),
            validTo: z.string().nullable(),
          })
          .nullable()
          .describe("The commune-level unit; null when the code is a province's"),
        population: z.number().nullable().describe("Of the unit asked for, from the official map of administrative units; null when unknown"),
        naturalAreaKm2: z.number().nullable(),
        communeCount: z.number().int().nullable().describe("A province's commune-level units; null for a commune"),
        wardCount: z.number().int().nullable(),
        formedFrom: z.array(z.object({ code: z.string(), fullName: z.string() })).describe("A province's predecessors before 2025-07-01 (old codes)"),
        serviceCenter: serviceCenter.nullable().describe("The commune's Public Administration Service Center; null for a province"),
        bodies: z.array(body),
        bodiesNote: z.string().describe("How complete the records of bodies are, so that a short list is not read as none"),
      },
      annotations: { title: "Get a unit", ...READ_ONLY },
    },
    ({ code, asOf }) =>
      guarded(async () => {
        const bodyOf = (a: { code: string; name: string; nameEn: string | null; kind: string; basis: string; sources: Array<{ code: string; title: string | null; url: string }> }) => ({
          code: a.code,
          name: a.name,
          nameEn: a.nameEn,
          kind: a.kind,
          basis: a.basis,
          sources: a.sources.map((s) => ({ code: s.code, title: s.title, url: s.url })),
        });
        const provinceOf = (p: { code: string; name: string; fullName: string; nameEn: string | null; kind: "PROVINCE" | "CITY"; validFrom: string; validTo: string | null }) => ({
          code: p.code,
          name: p.name,
          fullName: p.fullName,
          nameEn: p.nameEn,
          kind: p.kind,
          validFrom: p.validFrom,
          validTo: p.validTo,
        });
        if (code.length === 2) {
          const { province } = await client.request(ProvinceProfileDocument, { code, asOf });
          if (!province) return toolError("NOT_FOUND", `No province has code ${code}${asOf ? ` on ${asOf}` : ""}. Province codes are 2 digits; find_units finds them by name.`);
          return answer({
            level: "PROVINCE" as const,
            province: provinceOf(province),
            commune: null,
            population: province.population,
            naturalAreaKm2: province.naturalAreaKm2,
            communeCount: province.communes.totalCount,
            wardCount: province.wards.totalCount,
            formedFrom: province.predecessors.map((p) => ({ code: p.code, fullName: p.fullName })),
            serviceCenter: null,
            bodies: province.departments.nodes.map(bodyOf),
            bodiesNote: province.agencyCoverage.note,
          });
        }
        const { commune: unit } = await client.request(CommuneProfileDocument, { code, asOf });
        if (!unit) return toolError("NOT_FOUND", `No commune-level unit has code ${code}${asOf ? ` on ${asOf}` : ""}. Unit codes are 5 digits; find_units finds them by name, lineage finds old ones.`);
        return answer({
          level: "COMMUNE" as const,
          province: provinceOf(unit.province),
          commune: { code: unit.code, name: unit.name, fullName: unit.fullName, nameEn: unit.nameEn, type: unit.type, validFrom: unit.validFrom, validTo: unit.validTo },
          population: unit.population,
          naturalAreaKm2: unit.naturalAreaKm2,
          communeCount: null,
          wardCount: null,
          formedFrom: [],
          serviceCenter: centerOf(unit.serviceCenter),
          bodies: unit.agencies.map(bodyOf),
          bodiesNote: unit.province.agencyCoverage.note,
        });
      }),
  );

  const addressParts = z
    .object({
      commune: z.string().max(MAX_NAME_LENGTH).optional().describe('The old commune, ward or township, e.g. "Xã Minh Quân", "P.1", "thi tran Yen Vien"'),
      district: z.string().max(MAX_NAME_LENGTH).optional().describe('The old district, e.g. "Huyện Trấn Yên", "Q.3"'),
      province: z.string().max(MAX_NAME_LENGTH).optional().describe('The old province, e.g. "Tỉnh Yên Bái", "TP.HCM"'),
    })
    .describe("An old address as separate parts (at least the commune)");
  const addressLine = z
    .string()
    .min(1)
    .max(MAX_LINE_LENGTH)
    .describe('An old address on one line, parts separated by commas, read from the end: "[street, ]commune, district, province", e.g. "12 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh"');
  const newUnit = z.object({ code: z.string(), fullName: z.string(), type: communeType, province: provinceRef });
  server.registerTool(
    "convert_addresses",
    {
      title: "Convert old addresses to the new units",
      description:
        `Converts addresses written before 2025-07-01 (old commune, district, province) to the new commune-level units, up to ${MAX_ADDRESSES} per call, ` +
        "answers in the order given. Each candidate, best first, gives the rewritten address, the new unit with its code, the old commune matched, " +
        "how they relate (WHOLE, PARTIAL = the old commune was split, RENAMED, UNCHANGED), a match score and the link's confidence (0–1), " +
        "and the legal basis (the National Assembly Standing Committee resolution) with a note quoting its clause when the link is uncertain. " +
        "`unambiguous` is true when one new unit clearly wins. No match gives no candidates, not an error.",
      inputSchema: {
        addresses: z.array(z.union([addressLine, addressParts])).min(1).max(MAX_ADDRESSES).describe(`The old addresses, 1 to ${MAX_ADDRESSES}: each a line or parts.`),
      },
      outputSchema: {
        results: z.array(
          z.object({
            input: z.string().describe("The address as given (parts joined by commas)"),
            unambiguous: z.boolean(),
            candidates: z.array(
              z.object({
                newAddress: z.string(),
                newUnit: newUnit,
                oldCommune: z.object({ code: z.string(), fullName: z.string(), districtName: z.string(), provinceName: z.string() }),
                kind: z.enum(["WHOLE", "PARTIAL", "RENAMED", "UNCHANGED"]),
                partial: z.boolean(),
                score: z.number(),
                confidence: z.number(),
                legalBasis: z.string(),
                note: z.string().nullable(),
              }),
            ),
            districtCandidates: z
              .array(z.object({ newAddress: z.string(), newUnit: newUnit, oldDistrict: z.object({ code: z.string(), fullName: z.string() }), score: z.number() }))
              .describe("Only for the five island districts without communes: the special zone the district became"),
          }),
        ),
      },
      annotations: { title: "Convert old addresses", ...READ_ONLY },
    },
    ({ addresses }) =>
      guarded(async () => {
        const inputs: LegacyAddressInput[] = addresses.map((address) => (typeof address === "string" ? { line: address } : address));
        const results = [];
        for (let start = 0; start < inputs.length; start += ADDRESSES_PER_REQUEST) {
          const chunk = inputs.slice(start, start + ADDRESSES_PER_REQUEST);
          const { convertAddresses } = await client.request(ConvertAddressesCitedDocument, { inputs: chunk });
          results.push(...convertAddresses);
        }
        return answer({
          results: results.map((result, index) => {
            const given = addresses[index]!;
            return {
              input: typeof given === "string" ? given : [given.commune, given.district, given.province].filter(Boolean).join(", "),
              unambiguous: result.unambiguous,
              candidates: result.candidates.map((c) => ({
                newAddress: c.newAddress,
                newUnit: { code: c.commune.code, fullName: c.commune.fullName, type: c.commune.type, province: { code: c.commune.province.code, name: c.commune.province.name } },
                oldCommune: { code: c.legacyCommune.code, fullName: c.legacyCommune.fullName, districtName: c.legacyCommune.districtName, provinceName: c.legacyCommune.provinceName },
                kind: c.kind,
                partial: c.partial,
                score: c.score,
                confidence: c.confidence,
                legalBasis: c.link.legalBasis,
                note: c.link.note,
              })),
              districtCandidates: result.districtCandidates.map((d) => ({
                newAddress: d.newAddress,
                newUnit: { code: d.commune.code, fullName: d.commune.fullName, type: d.commune.type, province: { code: d.commune.province.code, name: d.commune.province.name } },
                oldDistrict: { code: d.legacyDistrict.code, fullName: d.legacyDistrict.fullName },
                score: d.score,
              })),
            };
          }),
        });
      }),
  );

  server.registerTool(
    "unit_at_point",
    {
      title: "The commune-level unit at a point",
      description:
        `The commune-level unit whose boundary contains each point (WGS 84 latitude/longitude, as GPS gives it), up to ${MAX_POINTS} points per call, ` +
        "answers in the order given, as the units stood on asOf. The unit is null at sea, outside Vietnam or between islands: never the nearest unit. " +
        "Each unit comes with its province and its Public Administration Service Center with the center's legal basis.",
      inputSchema: {
        points: z
          .array(
            z.object({
              latitude: z.number().min(-90).max(90).describe("Decimal degrees; Vietnam is about 8.4 to 23.4"),
              longitude: z.number().min(-180).max(180).describe("Decimal degrees; Vietnam is about 102.1 to 117.9"),
            }),
          )
          .min(1)
          .max(MAX_POINTS)
          .describe(`The points, 1 to ${MAX_POINTS}.`),
        asOf,
      },
      outputSchema: {
        results: z.array(z.object({ latitude: z.number(), longitude: z.number(), unit: commune.nullable() })),
      },
      annotations: { title: "Unit at a point", ...READ_ONLY },
    },
    ({ points, asOf }) =>
      guarded(async () => {
        const { communesAt } = await client.request(CommunesAtDocument, { points, asOf });
        return answer({
          results: points.map((point, index) => {
            const unit = communesAt[index];
            return { latitude: point.latitude, longitude: point.longitude, unit: unit ? communeOf(unit) : null };
          }),
        });
      }),
  );

  const oldUnit = z.object({
    code: z.string(),
    fullName: z.string(),
    type: z.enum(["COMMUNE", "WARD", "TOWNSHIP"]),
    districtName: z.string(),
    provinceName: z.string(),
    fullAddress: z.string(),
    became: z.array(
      z.object({
        unit: z.object({ code: z.string(), fullName: z.string(), type: communeType, province: provinceRef }),
        kind: z.enum(["WHOLE", "PARTIAL", "RENAMED", "UNCHANGED"]),
        confidence: z.number(),
        flagged: z.boolean().describe("Confidence below 1: read the note before relying on the link"),
        population: z.enum(["ALL", "NONE"]).nullable().describe("For a split commune: ALL = this successor took the residents, NONE = land only"),
        legalBasis: z.string().describe("The National Assembly Standing Committee resolution, e.g. 1656/NQ-UBTVQH15"),
        note: z.string().nullable().describe("How the link was decided, quoting the resolution's clause where one was used"),
      }),
    ),
  });
  server.registerTool(
    "lineage",
    {
      title: "What an old commune became",
      description:
        "The lineage of an old commune, ward or township (before 2025-07-01): the new commune-level unit(s) it went to on 2025-07-01, each link with its kind " +
        "(WHOLE, PARTIAL when the old commune was split, RENAMED, UNCHANGED), confidence, the legal basis (the resolution of the National Assembly Standing " +
        "Committee) and a note quoting the resolution's clause where the sources disagreed. Give the old 5-digit `code`, or a `name` (ranked, " +
        "diacritics ignored) with the old district and province to tell same-named communes apart.",
      inputSchema: {
        code: z.string().regex(/^\d{5}$/, "a 5-digit code").optional().describe('Old 5-digit commune code, e.g. "04249".'),
        name: z.string().min(1).max(MAX_NAME_LENGTH).optional().describe('Old commune name, e.g. "Minh Quân", "Phường 1", "P.1".'),
        district: z.string().max(MAX_NAME_LENGTH).optional().describe('With name: the old district, e.g. "Huyện Trấn Yên", "Q.1".'),
        province: z.string().max(MAX_NAME_LENGTH).optional().describe('With name: the old province, e.g. "Yên Bái", "TP.HCM".'),
        limit: z.number().int().min(1).max(10).default(5).describe("With name: most old communes listed, 1 to 10 (default 5)."),
      },
      outputSchema: {
        matches: z.number().int().describe("How many old communes match in all"),
        oldUnits: z.array(oldUnit),
      },
      annotations: { title: "Lineage of an old commune", ...READ_ONLY },
    },
    ({ code, name, district, province, limit }) =>
      guarded(async () => {
        type Legacy = NonNullable<Awaited<ReturnType<VngovClient["legacyCommune"]>>>;
        const oldUnitOf = (u: Pick<Legacy, "code" | "fullName" | "type" | "districtName" | "provinceName" | "fullAddress" | "links">): z.infer<typeof oldUnit> => ({
          code: u.code,
          fullName: u.fullName,
          type: u.type,
          districtName: u.districtName,
          provinceName: u.provinceName,
          fullAddress: u.fullAddress,
          became: u.links.map((link) => ({
            unit: { code: link.to.code, fullName: link.to.fullName, type: link.to.type, province: { code: link.to.province.code, name: link.to.province.name } },
            kind: link.kind,
            confidence: link.confidence,
            flagged: link.flagged,
            population: link.population,
            legalBasis: link.legalBasis,
            note: link.note,
          })),
        });
        if (code) {
          const unit = await client.legacyCommune({ code });
          if (!unit) return toolError("NOT_FOUND", `No old commune has code ${code}. Old commune codes are the 5-digit codes of the list of 2025-03-01; search by name instead.`);
          return answer({ matches: 1, oldUnits: [oldUnitOf(unit)] });
        }
        if (!name) return toolError("BAD_USER_INPUT", "Give the old commune's 5-digit code or its name.");
        const { legacyCommunes } = await client.request(LegacyCommunesDocument, { search: name, districtName: district, provinceName: province, first: limit });
        return answer({ matches: legacyCommunes.totalCount, oldUnits: legacyCommunes.nodes.map(oldUnitOf) });
      }),
  );

  server.registerTool(
    "registry_changes",
    {
      title: "Registry changes between two dates",
      description:
        "Changes to the registry since 2025-07-01 (a province becoming a centrally-run city, communes becoming wards…), oldest first, one row per unit " +
        "changed, each with the day it took effect, the legal texts (legalBasis), the main text's title, issue date and URL. " +
        `Filter by the days the changes took effect (from/to, inclusive) and by province. At most ${MAX_CHANGES} rows.`,
      inputSchema: {
        from: date.optional().describe("Only changes in force on or after this day (YYYY-MM-DD)."),
        to: date.optional().describe("Only changes in force on or before this day (YYYY-MM-DD)."),
        provinceCode: provinceCode.optional().describe("Only changes in this province (2-digit code)."),
      },
      outputSchema: {
        count: z.number().int(),
        changes: z.array(
          z.object({
            eventId: z.string(),
            effectiveOn: z.string(),
            entity: z.enum(["PROVINCE", "COMMUNE"]),
            code: z.string(),
            newFullName: z.string(),
            field: z.string(),
            from: z.string(),
            to: z.string(),
            description: z.string(),
            province: provinceRef,
            legalBasis: z.string(),
            title: z.string(),
            issuedOn: z.string().nullable(),
            url: z.string(),
          }),
        ),
      },
      annotations: { title: "Registry changes", ...READ_ONLY },
    },
    ({ from, to, provinceCode }) =>
      guarded(async () => {
        const changes = await client.registryChanges({ from, to, provinceCode });
        return answer({
          count: changes.length,
          changes: changes.slice(0, MAX_CHANGES).map((c) => ({
            eventId: c.eventId,
            effectiveOn: c.effectiveOn,
            entity: c.entity,
            code: c.code,
            newFullName: c.newFullName,
            field: c.field,
            from: c.from,
            to: c.to,
            description: c.description,
            province: { code: c.province.code, name: c.province.name },
            legalBasis: c.legalBasis,
            title: c.title,
            issuedOn: c.issuedOn,
            url: c.url,
          })),
        });
      }),
  );

  server.registerTool(
    "list_indicators",
    {
      title: "Indicators with published figures",
      description: "Every indicator that sourced figures are published for, with its code (for compare_figure), name, unit and number of figures.",
      inputSchema: {},
      outputSchema: {
        indicators: z.array(
          z.object({ code: z.string(), name: z.string(), nameVi: z.string().nullable(), unit: z.string(), description: z.string().nullable(), figureCount: z.number().int() }),
        ),
      },
      annotations: { title: "List indicators", ...READ_ONLY },
    },
    () =>
      guarded(async () => {
        const indicators = await client.indicators();
        return answer({
          indicators: indicators.map((i) => ({ code: i.code, name: i.name, nameVi: i.nameVi, unit: i.unit, description: i.description, figureCount: i.figureCount })),
        });
      }),
  );

  server.registerTool(
    "compare_figure",
    {
      title: "Compare a figure across provinces",
      description:
        "One indicator side by side for several provinces (default all 34, by code): each province's latest REPORTED value dated on or before asOf, " +
        "with the source document (title, publisher, date, URL) and the sentence quoted from it. A province without a published value has value null, " +
        'so gaps stay visible. Indicator codes come from list_indicators, e.g. "commune_level_units", "population", "on_time_rate".',
      inputSchema: {
        indicator: z.string().min(1).max(100).describe('Indicator code, e.g. "commune_level_units" (see list_indicators).'),
        provinceCodes: z.array(provinceCode).min(1).max(34).optional().describe("The provinces to compare, in this order (2-digit codes); default all 34."),
        asOf,
      },
      outputSchema: {
        indicator: z.object({ code: z.string(), name: z.string().nullable(), unit: z.string().nullable() }),
        rows: z.array(
          z.object({
            province: provinceRef,
            value: z.number().nullable(),
            qualifier: z.string().nullable().describe("How the source states the value: EXACT, APPROXIMATE, AT_LEAST…"),
            asOf: z.string().nullable().describe("The date of the value"),
            figureCode: z.string().nullable(),
            quote: z.string().nullable().describe("The sentence of the source giving the value, verbatim"),
            source: z
              .object({ code: z.string(), title: z.string().nullable(), publisher: z.string(), publishedOn: z.string().nullable(), url: z.string() })
              .nullable(),
          }),
        ),
      },
      annotations: { title: "Compare a figure", ...READ_ONLY },
    },
    ({ indicator, provinceCodes, asOf }) =>
      guarded(async () => {
        const rows = await client.compare({ indicator, provinceCodes, asOf });
        const named = rows.find((row) => row.figure)?.figure?.indicator;
        return answer({
          indicator: { code: indicator, name: named?.name ?? null, unit: named?.unit ?? null },
          rows: rows.map((row) => ({
            province: { code: row.province.code, name: row.province.name },
            value: row.value,
            qualifier: row.qualifier,
            asOf: row.asOf,
            figureCode: row.figure?.code ?? null,
            quote: row.figure?.quote ?? null,
            source: row.figure
              ? { code: row.figure.source.code, title: row.figure.source.title, publisher: row.figure.source.publisher, publishedOn: row.figure.source.publishedOn, url: row.figure.source.url }
              : null,
          })),
        });
      }),
  );

  return server;
}
