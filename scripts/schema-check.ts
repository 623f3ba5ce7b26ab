// Breaking-change control: compares schema.graphql with the SDK's last released schema and fails
// on a breaking change that CHANGELOG.md does not record under "## Unreleased" / "### Breaking".
//
// The convention (also written at the top of CHANGELOG.md): each breaking change is a list item
// under "### Breaking" in the "## Unreleased" section that starts with the schema coordinate it
// breaks in backticks, e.g.
//   - `Query.province(asOf:)` removed: ask with `Query.provinceAt` instead.
// A coordinate covers itself and everything inside it: `Query.province` covers a removed or
// retyped argument `Query.province(asOf:)` too. `Type.field(arg:)` and `Type.field.arg` are the same.
import { diff, CriticalityLevel, type Change } from "@graphql-inspector/core";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildSchema } from "graphql";

export const SCHEMA_FILE = "schema.graphql";
export const RELEASED_SCHEMA_FILE = "packages/sdk/schema.released.graphql";
export const CHANGELOG_FILE = "CHANGELOG.md";

export interface BreakingChange {
  /** Where the change is, as inspector's dotted path: `Query.province.asOf`. */
  coordinate: string;
  message: string;
  /** Whether CHANGELOG.md records it. */
  recorded: boolean;
}

export interface SchemaCheck {
  breaking: BreakingChange[];
  dangerous: string[];
  safe: string[];
  /** Breaking changes CHANGELOG.md does not record: the check fails when there is any. */
  unrecorded: BreakingChange[];
}

/** `Type.field(arg:)` → `Type.field.arg`; `Type.field` and `Type` unchanged. */
export function normaliseCoordinate(coordinate: string): string {
  return coordinate.trim().replace(/\((\w+):\)$/, ".$1");
}

/** The coordinates listed under "## Unreleased" → "### Breaking" in a changelog. */
export function recordedBreakingCoordinates(changelog: string): string[] {
  const coordinates: string[] = [];
  let inUnreleased = false;
  let inBreaking = false;
  for (const line of changelog.split(/\r?\n/)) {
    const heading = /^(#{2,3})\s+(.*?)\s*$/.exec(line);
    if (heading) {
      const [, level, title] = heading;
      if (level === "##") {
        inUnreleased = /^\[?unreleased\]?$/i.test(title ?? "");
        inBreaking = false;
      } else {
        inBreaking = inUnreleased && /^breaking/i.test(title ?? "");
      }
      continue;
    }
    const item = inBreaking ? /^\s*[-*]\s+`([^`]+)`/.exec(line) : null;
    if (item?.[1]) coordinates.push(normaliseCoordinate(item[1]));
  }
  return coordinates;
}

function isCovered(path: string, recorded: readonly string[]): boolean {
  return recorded.some((coordinate) => path === coordinate || path.startsWith(`${coordinate}.`));
}

export async function checkSchema({ current, released, changelog }: { current: string; released: string; changelog: string }): Promise<SchemaCheck> {
  const changes: Change[] = await diff(buildSchema(released), buildSchema(current));
  const recorded = recordedBreakingCoordinates(changelog);
  const breaking = changes
    .filter((change) => change.criticality.level === CriticalityLevel.Breaking)
    .map((change) => {
      const coordinate = change.path ?? "";
      return { coordinate, message: change.message, recorded: coordinate !== "" && isCovered(coordinate, recorded) };
    });
  return {
    breaking,
    dangerous: changes.filter((change) => change.criticality.level === CriticalityLevel.Dangerous).map((change) => change.message),
    safe: changes.filter((change) => change.criticality.level === CriticalityLevel.NonBreaking).map((change) => change.message),
    unrecorded: breaking.filter((change) => !change.recorded),
  };
}

/** Reads the three committed files (paths relative to the repository root). */
export function readCommittedFiles(root = fileURLToPath(new URL("..", import.meta.url))) {
  const read = (file: string) => readFileSync(new URL(file, `file://${root.endsWith("/") ? root : `${root}/`}`), "utf8");
  return { current: read(SCHEMA_FILE), released: read(RELEASED_SCHEMA_FILE), changelog: read(CHANGELOG_FILE) };
}

async function main(): Promise<void> {
  const result = await checkSchema(readCommittedFiles());
  console.log(`${SCHEMA_FILE} against ${RELEASED_SCHEMA_FILE}: ${result.safe.length} safe, ${result.dangerous.length} dangerous, ${result.breaking.length} breaking change(s).`);
  for (const message of result.dangerous) console.log(`  dangerous: ${message}`);
  for (const change of result.breaking) {
    console.log(`  breaking (${change.recorded ? "recorded in" : "NOT recorded in"} ${CHANGELOG_FILE}): ${change.coordinate}: ${change.message}`);
  }
  if (result.unrecorded.length > 0) {
    console.error(
      `\n${result.unrecorded.length} breaking change(s) not recorded. Either keep the schema compatible, or list each under ` +
        `"## Unreleased" / "### Breaking" in ${CHANGELOG_FILE}, starting with its coordinate in backticks, e.g.\n` +
        result.unrecorded.map((change) => `  - \`${change.coordinate}\`: ${change.message}`).join("\n"),
    );
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
