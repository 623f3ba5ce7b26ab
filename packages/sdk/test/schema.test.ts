// The schema as a committed artefact: schema.graphql and the generated SDK are up to date, and a
// breaking change against the released schema needs a CHANGELOG.md entry.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "@graphql-codegen/cli";
import { Kind, parse, print, visit, type ObjectTypeDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import config from "../../../codegen.ts";
import { checkSchema, readCommittedFiles, recordedBreakingCoordinates } from "../../../scripts/schema-check.ts";
import { printSchemaSdl } from "../../server/src/schema/print.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));

describe("committed artefacts", () => {
  it("schema.graphql is the server's current schema", () => {
    const committed = readFileSync(path.join(root, "schema.graphql"), "utf8");
    expect(committed === printSchemaSdl(), "schema.graphql is out of date: run `npm run schema:print` and commit it").toBe(true);
  });

  it("packages/sdk/src/generated is what codegen makes of schema.graphql and the operations", async () => {
    const outputs: Array<{ filename: string; content: string }> = await generate({ ...config, cwd: root, silent: true }, false);
    const generatedDir = path.join(root, "packages/sdk/src/generated");
    const expected = outputs.map((output) => path.resolve(root, output.filename)).sort();
    const present = readdirSync(generatedDir).map((file) => path.join(generatedDir, file)).sort();
    const hint = "packages/sdk/src/generated is stale: run `npm run codegen` and commit it";
    expect(present, hint).toEqual(expected);
    for (const output of outputs) {
      expect(readFileSync(path.resolve(root, output.filename), "utf8") === output.content, `${output.filename}: ${hint}`).toBe(true);
    }
  });

  it("lists a hash for every SDK operation in persisted-documents.json", () => {
    const persisted = JSON.parse(readFileSync(path.join(root, "packages/sdk/src/generated/persisted-documents.json"), "utf8")) as Record<string, string>;
    const names = Object.values(persisted).map((document) => /(?:query|mutation|subscription) (\w+)/.exec(document)?.[1]);
    const operationsDir = path.join(root, "packages/sdk/src/operations");
    const declared = readdirSync(operationsDir)
      .filter((file) => file.endsWith(".graphql"))
      .flatMap((file) => parse(readFileSync(path.join(operationsDir, file), "utf8")).definitions)
      .flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION && definition.name ? [definition.name.value] : []));
    expect(declared).toEqual(expect.arrayContaining(["Commune", "Communes", "Province", "Provinces", "RegistryChanges"]));
    expect(names.sort()).toEqual(declared.sort());
    for (const hash of Object.keys(persisted)) expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

/** The released schema with one argument of one field removed: a breaking change. */
function withoutArgument(sdl: string, typeName: string, fieldName: string, argumentName: string): string {
  return print(
    visit(parse(sdl), {
      ObjectTypeDefinition(node: ObjectTypeDefinitionNode) {
        if (node.name.value !== typeName) return undefined;
        return {
          ...node,
          fields: node.fields?.map((field) =>
            field.name.value === fieldName
              ? { ...field, arguments: field.arguments?.filter((argument) => argument.name.value !== argumentName) }
              : field,
          ),
        };
      },
    }),
  );
}

/** The released schema with a new nullable field on Query: a safe change. */
function withNewQueryField(sdl: string): string {
  return print(
    visit(parse(sdl), {
      ObjectTypeDefinition(node: ObjectTypeDefinitionNode) {
        if (node.name.value !== "Query") return undefined;
        const field = parse("type Q { ping: String }").definitions[0] as ObjectTypeDefinitionNode;
        return { ...node, fields: [...(node.fields ?? []), ...(field.kind === Kind.OBJECT_TYPE_DEFINITION ? (field.fields ?? []) : [])] };
      },
    }),
  );
}

const changelog = (section: string) => `# Changelog\n\n${section}\n\n## 0.1.0\n\n- First schema.\n`;

describe("breaking-change control (npm run schema:check)", () => {
  const { released } = readCommittedFiles();
  const broken = withoutArgument(released, "Query", "province", "asOf");

  it("passes for the committed schema, changelog and released schema", async () => {
    const result = await checkSchema(readCommittedFiles());
    expect(result.unrecorded).toEqual([]);
  });

  it("fails on a removed argument that the changelog does not record", async () => {
    const result = await checkSchema({ current: broken, released, changelog: changelog("## Unreleased\n\n### Added\n- `Query.ping`.") });
    expect(result.unrecorded).toHaveLength(1);
    expect(result.unrecorded[0]).toMatchObject({ coordinate: "Query.province.asOf", recorded: false });
    expect(result.unrecorded[0]!.message).toContain("asOf");
  });

  it("passes once the change is listed under Unreleased / Breaking, by field or argument coordinate", async () => {
    for (const entry of ["`Query.province`", "`Query.province(asOf:)`", "`Query.province.asOf`"]) {
      const result = await checkSchema({
        current: broken,
        released,
        changelog: changelog(`## Unreleased\n\n### Breaking\n- ${entry} removed: ask for today's state.`),
      });
      expect(result.breaking, entry).toHaveLength(1);
      expect(result.unrecorded, entry).toEqual([]);
    }
  });

  it("does not count an entry outside Unreleased / Breaking, or naming another coordinate", async () => {
    const elsewhere = [
      changelog("## Unreleased\n\n### Changed\n- `Query.province` lost asOf."),
      `# Changelog\n\n## Unreleased\n\n## 0.1.0\n\n### Breaking\n- \`Query.province\` lost asOf.\n`,
      changelog("## Unreleased\n\n### Breaking\n- `Query.provinces` lost asOf."),
      changelog("## Unreleased\n\n### Breaking\n- `Query.prov` lost asOf."),
    ];
    for (const text of elsewhere) {
      const result = await checkSchema({ current: broken, released, changelog: text });
      expect(result.unrecorded, text).toHaveLength(1);
    }
  });

  it("lets safe additions through without an entry", async () => {
    const result = await checkSchema({ current: withNewQueryField(released), released, changelog: "" });
    expect(result.breaking).toEqual([]);
    expect(result.safe.join("\n")).toContain("ping");
  });

  it("reads coordinates only from the Unreleased section's Breaking list", () => {
    expect(
      recordedBreakingCoordinates(
        "## Unreleased\n### Breaking\n- `Query.a(x:)` gone\n* `B` gone\nnot a list `C`\n### Added\n- `D`\n## 1.0.0\n### Breaking\n- `E`",
      ),
    ).toEqual(["Query.a.x", "B"]);
  });
});
