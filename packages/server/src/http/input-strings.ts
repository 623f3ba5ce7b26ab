// Refuses, before anything runs, every string argument or variable that no field can take: longer
// than MAX_STRING_LENGTH, holding a NUL character (PostgreSQL text cannot store U+0000, so it
// reached the database as an internal error) or an unpaired UTF-16 surrogate (not Unicode text).
// One rule for every argument and write field, so none can be forgotten; the message says what is
// wrong and where, never echoing the value (a 400 KB code came back in the error before).
import { Kind, visit, type DocumentNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import { badUserInput } from "../errors.js";
import { MAX_STRING_LENGTH } from "../schema/limits.js";

/** What is wrong with a string, or null. */
export function stringProblem(value: string): string | null {
  if (value.length > MAX_STRING_LENGTH) return `is ${value.length} characters long, more than the ${MAX_STRING_LENGTH} any argument may have`;
  if (value.includes("\u0000")) return "contains a NUL character (U+0000), which no field accepts";
  // String.prototype.isWellFormed (Node 20; not in the TypeScript lib this project targets).
  if (!(value as string & { isWellFormed(): boolean }).isWellFormed()) return "contains an unpaired UTF-16 surrogate (not valid Unicode text)";
  return null;
}

/** The first bad string in a variable's value (walked without recursion: JSON may nest deeply). */
function badVariable(variables: Record<string, unknown>): { where: string; problem: string } | null {
  const stack: Array<[unknown, string]> = Object.entries(variables).map(([name, value]) => [value, `$${name}`]);
  while (stack.length > 0) {
    const [value, where] = stack.pop()!;
    if (typeof value === "string") {
      const problem = stringProblem(value);
      if (problem) return { where, problem };
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push([item, `${where}[${index}]`]));
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) stack.push([item, `${where}.${key}`]);
    }
  }
  return null;
}

type Problem = { where: string; problem: string } | null;

// A document's literals are the same on every request that sends it (yoga's parse cache hands out
// one document per query text), so each document is walked once; a hot operation paid this walk on
// every request (about 4 % of a point lookup's time in `npm run bench:pipeline`'s profile).
const literalProblems = new WeakMap<DocumentNode, Problem>();

function badLiteral(document: DocumentNode): Problem {
  let cached = literalProblems.get(document);
  if (cached === undefined) {
    cached = findBadLiteral(document);
    literalProblems.set(document, cached);
  }
  return cached;
}

function findBadLiteral(document: DocumentNode): Problem {
  let found: { where: string; problem: string } | null = null;
  visit(document, {
    StringValue(node) {
      const problem = found ? null : stringProblem(node.value);
      if (problem) found = { where: `the string literal at line ${node.loc?.startToken.line ?? "?"}`, problem };
    },
    [Kind.DIRECTIVE_DEFINITION]: () => false,
  });
  return found;
}

export function inputStringsPlugin(): Plugin {
  const check: NonNullable<Plugin["onExecute"]> = ({ args, setResultAndStopExecution }) => {
    const bad = badVariable((args.variableValues ?? {}) as Record<string, unknown>) ?? badLiteral(args.document);
    if (bad) setResultAndStopExecution({ errors: [badUserInput(`${bad.where} ${bad.problem}.`)] });
  };
  // Subscriptions (the change feed) start through onSubscribe, not onExecute: the same rule for both.
  return { onExecute: check, onSubscribe: check as unknown as NonNullable<Plugin["onSubscribe"]> };
}
