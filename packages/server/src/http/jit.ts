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
// reports them as 400 BAD_USER_INPUT; graphql-jit would answer them as bare errors with a 200. The
// compiled operation coerces the variables itself and, when they do not coerce, answers errors and no
// `data` (graphql-jit's createBoundQuery; an executed operation always has `data`, null at worst):
// only then is the request run again by graphql-js. Asking graphql-js beforehand whether the variables
// coerce (the plugin's `enableIf`) coerced every request's variables twice.
import { useGraphQlJit } from "@envelop/graphql-jit";
import type { ExecutionResult } from "graphql";
import { mapMaybePromise, type Plugin } from "graphql-yoga";

type Execute = (args: never) => unknown;

/** graphql-jit refused the request before running it: its variables do not coerce (or it did not compile). */
function refusedBeforeRunning(result: unknown): boolean {
  if (typeof result !== "object" || result === null || Symbol.asyncIterator in result) return false;
  return !("data" in result) && ((result as ExecutionResult).errors?.length ?? 0) > 0;
}

/** Runs `compiled`, and `interpreted` (graphql-js) instead when the compiled operation refused the request. */
function compiledElseInterpreted(compiled: Execute, interpreted: Execute): Execute {
  return (args) => mapMaybePromise(compiled(args), (result) => (refusedBeforeRunning(result) ? interpreted(args) : result));
}

export function compiledExecution(): Plugin {
  const jit = useGraphQlJit({}) as Plugin;
  return {
    onExecute(payload) {
      let compiled: Execute | undefined;
      jit.onExecute!({ ...payload, setExecuteFn: (fn) => (compiled = fn as Execute) });
      if (compiled) payload.setExecuteFn(compiledElseInterpreted(compiled, payload.executeFn as Execute) as typeof payload.executeFn);
    },
    onSubscribe(payload) {
      let compiled: Execute | undefined;
      jit.onSubscribe!({ ...payload, setSubscribeFn: (fn) => (compiled = fn as Execute) });
      if (compiled) payload.setSubscribeFn(compiledElseInterpreted(compiled, payload.subscribeFn as Execute) as typeof payload.subscribeFn);
    },
  };
}
