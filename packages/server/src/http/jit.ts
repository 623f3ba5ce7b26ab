// Compiled execution: graphql-jit turns each operation into a function once, instead of
// graphql-js interpreting the document for every request.
//
// Why: with the registry in memory, a computed answer's time is the GraphQL pipeline itself; for a
// province with its 168 communes that is about a thousand resolver calls, each of which graphql-js
// looks up, wraps and completes generically. The plugin keeps a compiled operation per parsed
// document (a WeakMap: yoga's parse cache hands out one document per query text, so requests that
// differ only in their variables, as nearly all of a partner's do, reuse one compiled function, and
// a document dropped from the parse cache takes its compiled operation with it).
//
// Variables that do not coerce (a required one missing, a wrong type) are left to graphql-js, which
// reports them as 400 BAD_USER_INPUT; graphql-jit would answer them as bare errors with a 200.
import { useGraphQlJit } from "@envelop/graphql-jit";
import { getOperationAST, getVariableValues, type ExecutionArgs } from "graphql";
import type { Plugin } from "graphql-yoga";

function variablesCoerce({ schema, document, operationName, variableValues }: ExecutionArgs): boolean {
  const operation = getOperationAST(document, operationName);
  if (!operation) return false;
  const definitions = operation.variableDefinitions ?? [];
  if (definitions.length === 0) return true;
  return getVariableValues(schema, definitions, variableValues ?? {}, { maxErrors: 1 }).errors === undefined;
}

export function compiledExecution(): Plugin {
  return useGraphQlJit({}, { enableIf: variablesCoerce }) as Plugin;
}
