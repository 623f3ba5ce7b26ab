// Compiled execution: graphql-jit turns each operation into a function once, instead of
// graphql-js interpreting the document for every request.
//
// Why: with the registry in memory, a computed answer's time is the GraphQL pipeline itself; for a
// province with its 168 communes that is about a thousand resolver calls, each of which graphql-js
// looks up, wraps and completes generically. The plugin keeps a compiled operation per parsed
// document (a WeakMap: yoga's parse cache hands out one document per query text, so requests that
// differ only in their variables, as nearly all of a partner's do, reuse one compiled function, and
// a document dropped from the parse cache takes its compiled operation with it).
import { useGraphQlJit } from "@envelop/graphql-jit";
import type { Plugin } from "graphql-yoga";

export function compiledExecution(): Plugin {
  return useGraphQlJit() as Plugin;
}
