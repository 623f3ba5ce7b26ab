// The Vietnamese pages say what the English ones say: the same headings, the same documented
// fields, arguments, commands, limits, environment variables and error codes, the same code blocks,
// and each page links to the other. A change to one language that the other lacks fails here.
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../..", import.meta.url));

/** The user-facing pages, each with its Vietnamese version next to it (`x.md` → `x.vi.md`). */
const TRANSLATED_PAGES = ["README.md", "docs/analysts.md", "docs/partners.md", "docs/stewardship.md", "docs/geo.md", "packages/sdk/README.md"];

interface Outline {
  /** Heading levels in order (`##`, `###`…): the same sections in the same order. */
  headings: string[];
  /** Inline code spans outside code blocks: fields, arguments, commands, env vars, codes. */
  code: Set<string>;
  /** SCREAMING_CASE names anywhere (env vars, error codes, enum values), code blocks included. */
  constants: Set<string>;
  /** Numbers in the prose (limits, counts, dates), written either way: 1,000 = 1.000, 0.95 = 0,95, 07 = 7. */
  numbers: Set<string>;
  /** Fenced code blocks without their comments (which are translated). */
  blocks: string[];
}

function outline(markdown: string): Outline {
  const blocks: string[] = [];
  const prose = markdown.replace(/^```[^\n]*\n([\s\S]*?)^```$/gmu, (_block, body: string) => {
    blocks.push(
      body
        .split("\n")
        .map((line) => line.replace(/\s+(?:#|\/\/) .*$/u, "").trimEnd())
        .filter((line) => line !== "" && !/^\s*(?:#|\/\/) /u.test(line))
        .join("\n"),
    );
    return "";
  });
  // A code span may run over a line break (Markdown joins it with a space).
  const code = new Set([...prose.matchAll(/`([^`]+)`/gu)].map((m) => m[1]!.replace(/\s+/gu, " ")));
  const text = prose.replace(/`[^`]+`/gu, " ").replace(/\]\([^)]*\)/gu, "]");
  return {
    headings: [...prose.matchAll(/^(#{1,6}) /gmu)].map((m) => m[1]!),
    code,
    constants: new Set([...markdown.matchAll(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/gu)].map((m) => m[0])),
    numbers: new Set([...text.matchAll(/\d+(?:[.,]\d+)*/gu)].map((m) => m[0].replace(/[.,]/gu, "").replace(/^0+(?=\d)/u, ""))),
    blocks,
  };
}

const missingFrom = (from: Set<string>, other: Set<string>) => [...from].filter((item) => !other.has(item)).sort();

describe.each(TRANSLATED_PAGES)("%s in Vietnamese", (page) => {
  const englishPath = join(root, page);
  const vietnamesePath = englishPath.replace(/\.md$/u, ".vi.md");

  it("exists, and each language links to the other", () => {
    expect(existsSync(vietnamesePath), vietnamesePath).toBe(true);
    const english = readFileSync(englishPath, "utf8");
    const vietnamese = readFileSync(vietnamesePath, "utf8");
    expect(english).toContain(`](${basename(vietnamesePath)})`);
    expect(vietnamese).toContain(`](${basename(englishPath)})`);
    // Written in Vietnamese: most of its lines of prose carry Vietnamese letters.
    const prose = vietnamese.replace(/^```[^\n]*\n[\s\S]*?^```$/gmu, "");
    const lines = prose.split("\n").filter((line) => /^[A-Za-zÀ-ỹ]/u.test(line) && line.length > 40);
    const vietnameseLines = lines.filter((line) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu.test(line));
    expect(vietnameseLines.length / lines.length).toBeGreaterThan(0.8);
  });

  it("has the same headings, code, constants, numbers and code blocks as the English page", () => {
    const english = outline(readFileSync(englishPath, "utf8"));
    const vietnamese = outline(readFileSync(vietnamesePath, "utf8"));
    expect(vietnamese.headings, "headings").toEqual(english.headings);
    expect({ onlyInEnglish: missingFrom(english.code, vietnamese.code), onlyInVietnamese: missingFrom(vietnamese.code, english.code) }, "inline code").toEqual({
      onlyInEnglish: [],
      onlyInVietnamese: [],
    });
    expect(
      { onlyInEnglish: missingFrom(english.constants, vietnamese.constants), onlyInVietnamese: missingFrom(vietnamese.constants, english.constants) },
      "constants",
    ).toEqual({ onlyInEnglish: [], onlyInVietnamese: [] });
    expect({ onlyInEnglish: missingFrom(english.numbers, vietnamese.numbers), onlyInVietnamese: missingFrom(vietnamese.numbers, english.numbers) }, "numbers").toEqual({
      onlyInEnglish: [],
      onlyInVietnamese: [],
    });
    expect(vietnamese.blocks, "code blocks").toEqual(english.blocks);
  });
});

