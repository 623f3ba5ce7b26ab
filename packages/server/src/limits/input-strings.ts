// Refuses, before anything runs, every string argument or variable that no field can take: longer
// than MAX_STRING_LENGTH, holding a NUL character (PostgreSQL text cannot store U+0000, so it
// reached the database as an internal error) or an unpaired UTF-16 surrogate (not Unicode text).
// One rule for every argument and write field, so none can be forgotten; the message says what is
// wrong and where, never echoing the value (a 400 KB code came back in the error before).
import { Kind, visit, type DocumentNode, type GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import { badUserInput } from "../errors.js";
import type { StringPlace } from "../messages.js";
import { MAX_STRING_LENGTH } from "./endpoint.js";

/** What is wrong with a string found at `place`, as the error to answer, or null. */
export function stringProblem(value: string, place: StringPlace): GraphQLError | null {
  if (value.length > MAX_STRING_LENGTH) return badUserInput("stringTooLong", { place, length: value.length, max: MAX_STRING_LENGTH });
  if (value.includes("\u0000")) return badUserInput("stringHasNul", { place });
  // String.prototype.isWellFormed (Node 20; not in the TypeScript lib this project targets).
  if (!(value as string & { isWellFormed(): boolean }).isWellFormed()) return badUserInput("stringHasLoneSurrogate", { place });
  return null;
}

/** The first bad string in a variable's value (walked without recursion: JSON may nest deeply). */
function badVariable(variables: Record<string, unknown>): GraphQLError | null {
  const stack: Array<[unknown, string]> = Object.entries(variables).map(([name, value]) => [value, `$${name}`]);
  while (stack.length > 0) {
    const [value, where] = stack.pop()!;
    if (typeof value === "string") {
      const problem = stringProblem(value, { variable: where });
      if (problem) return problem;
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push([item, `${where}[${index}]`]));
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) stack.push([item, `${where}.${key}`]);
    }
  }
  return null;
}

type Problem = GraphQLError | null;

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
  let found: Problem = null;
  visit(document, {
    StringValue(node) {
      found ??= stringProblem(node.value, { line: node.loc?.startToken.line ?? "?" });
    },
    [Kind.DIRECTIVE_DEFINITION]: () => false,
  });
  return found;
}

export function inputStringsPlugin(): Plugin {
  const check: NonNullable<Plugin["onExecute"]> = ({ args, setResultAndStopExecution }) => {
    const bad = badVariable((args.variableValues ?? {}) as Record<string, unknown>) ?? badLiteral(args.document);
    if (bad) setResultAndStopExecution({ errors: [bad] });
  };
  // Subscriptions (the change feed) start through onSubscribe, not onExecute: the same rule for both.
  return { onExecute: check, onSubscribe: check as unknown as NonNullable<Plugin["onSubscribe"]> };
}
