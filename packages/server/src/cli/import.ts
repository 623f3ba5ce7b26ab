// `npm run import -- figures.csv|figures.json [--apply] [--as <name>]`: bulk-adds figures through
// the same service layer as the addFigures mutation: dry run by default, one transaction, audited.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { parse } from "csv-parse/sync";
import { loadConfig } from "../config.js";
import type { Database } from "../db.js";
import { needsOperator, openConfiguredDatabase } from "../db/open.js";
import { vietnamToday } from "../schema/as-of.js";
import type { Actor } from "../service/actor.js";
import { addFigures, type AddFiguresResult } from "../service/figures.js";

const USAGE = `usage: npm run import -- <figures.csv|figures.json> [--apply] [--as <name>]
Checks every figure and reports what would be added (a dry run); --apply writes them, all or none,
in one transaction, recorded in the audit log as "cli:<os user>" or the --as name.
Columns (CSV header, or JSON object keys): sourceId, indicator, subjectType, subjectCode, asOf,
value, qualifier, status, unit, quote, note. See docs/stewardship.md and examples/figures-template.csv.`;

export class ImportError extends Error {
  override name = "ImportError";
}

export const IMPORT_COLUMNS = ["sourceId", "indicator", "subjectType", "subjectCode", "asOf", "value", "qualifier", "status", "unit", "quote", "note"] as const;

/** Where each item came from, for messages: "line 4" of a CSV, "item 3" of a JSON file. */
export interface ImportRows {
  items: Array<Record<string, unknown>>;
  where: string[];
}

/** Reads a CSV (header row) or JSON (array, or { figures: [...] }) file into raw items. */
export function readImportFile(file: string): ImportRows {
  const text = fs.readFileSync(file, "utf8");
  if (file.toLowerCase().endsWith(".json")) {
    const json = JSON.parse(text) as unknown;
    const items = Array.isArray(json) ? json : (json as { figures?: unknown }).figures;
    if (!Array.isArray(items)) throw new ImportError(`${file}: expected an array of figures, or an object with a "figures" array.`);
    return { items: items as Array<Record<string, unknown>>, where: items.map((_, i) => `item ${i}`) };
  }
  const records = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: false, info: true, comment: "#" }) as Array<{
    record: Record<string, string>;
    info: { lines: number };
  }>;
  const header = records[0] ? Object.keys(records[0].record) : [];
  const unknown = header.filter((column) => !(IMPORT_COLUMNS as readonly string[]).includes(column));
  if (unknown.length) throw new ImportError(`${file}: unknown column(s) ${unknown.join(", ")}; the columns are ${IMPORT_COLUMNS.join(", ")}.`);
  const items = records.map(({ record }) => {
    const item: Record<string, unknown> = {};
    for (const [column, raw] of Object.entries(record)) {
      const value = raw.trim();
      if (value === "") continue; // empty cell = not given (defaults apply, required ones are reported)
      // Numbers are parsed strictly: "1,234" or "12%" stay strings and are reported, never guessed at.
      item[column] = column === "value" ? (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value) ? Number(value) : value) : column === "quote" ? raw : value;
    }
    return item;
  });
  return { items, where: records.map(({ info }) => `line ${info.lines}`) };
}

export interface ImportOutcome {
  result: AddFiguresResult;
  applied: boolean;
}

/** Runs an import on an open database (the command and the tests). */
export async function importFigures(
  db: Database,
  rows: ImportRows,
  options: { apply: boolean; actor: Actor; today?: string; file?: string },
): Promise<ImportOutcome> {
  const result = await addFigures(db.prisma, rows.items, {
    actor: options.actor,
    today: options.today ?? vietnamToday(),
    dryRun: !options.apply,
    operation: "import",
    pathOf: (index) => [rows.where[index] ?? `item ${index}`],
    auditInput: { file: options.file ? path.basename(options.file) : null, figures: rows.items },
  });
  return { result, applied: options.apply && result.userErrors.length === 0 };
}

export function report(outcome: ImportOutcome, out: (line: string) => void, apply: boolean): void {
  const { result } = outcome;
  if (result.userErrors.length) {
    out(`${result.userErrors.length} problem(s); nothing ${apply ? "was" : "would be"} written:`);
    for (const e of result.userErrors) out(`  ${e.field.join(" ")}: ${e.code}: ${e.message}`);
    return;
  }
  const verb = outcome.applied ? "Added" : "Would add";
  out(`${verb} ${result.created.length} figure(s); ${result.alreadyRecordedIds.length} already recorded (unchanged).`);
  result.created.forEach((figure, i) =>
    out(`  + ${result.createdIds[i]}  ${figure.indicator} ${figure.subjectType} ${figure.subjectCode} ${figure.asOf} = ${figure.value} (${figure.sourceId})`),
  );
  for (const id of result.alreadyRecordedIds) out(`  = ${id}`);
  if (!outcome.applied && result.created.length) out("Dry run: run again with --apply to write them.");
}

export async function runImportCommand(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { apply: { type: "boolean", default: false }, as: { type: "string" } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    out(USAGE);
    return 2;
  }
  if (values.as != null && !/^[\w.:@-]{1,64}$/.test(values.as)) throw new ImportError(`--as "${values.as}" must be 1–64 letters, digits, ".", ":", "@", "-" or "_".`);
  const rows = readImportFile(file);
  const actor: Actor = { name: values.as ?? `cli:${os.userInfo().username}`, keyId: null };
  const config = loadConfig();
  const opened = await openConfiguredDatabase(config, { holder: "the import", prepare: "migrate" });
  const { db } = opened;
  try {
    const outcome = await importFigures(db, rows, { apply: values.apply ?? false, actor, file });
    report(outcome, out, values.apply ?? false);
    return outcome.result.userErrors.length ? 1 : 0;
  } finally {
    await opened.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.exitCode = await runImportCommand(process.argv.slice(2));
  } catch (error) {
    if (error instanceof ImportError || needsOperator(error) || (error as { code?: string }).code?.startsWith?.("CSV_")) {
      console.error(`import: ${(error as Error).message}`);
      process.exitCode = 1;
    } else {
      throw error;
    }
  }
}
