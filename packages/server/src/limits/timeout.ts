// Abandons a request that runs longer than the configured time, with a coded error. The clock starts
// when the request arrives, so reading a slow body, parsing and validating count too.
//
// Hand-written: yoga cancels execution only when the client goes away (useExecutionCancellation),
// and no maintained envelop plugin bounds execution time. The database work in flight finishes in
// the background; the client gets its answer, and the connection is freed, on time.
//
// Serialisation cannot be interrupted (JSON.stringify runs to its end on the event loop), so the
// deadline is checked once more when the answer is ready and before it is serialised (the response
// cache serialises in its own onResultProcess, which runs after this plugin's), and serialising
// itself is bounded by MAX_RESPONSE_BYTES (limits/answer-size.ts): at most a few hundred milliseconds.
import type { ExecutionResult } from "graphql";
import { isPromise, type Plugin } from "graphql-yoga";
import type { Context } from "../context.js";
import { codedError, ErrorCode } from "../errors.js";
import { requestState } from "../http/request-state.js";

export function timeoutPlugin(timeoutMs: number): Plugin<Context> {
  const timedOut = () =>
    codedError(ErrorCode.REQUEST_TIMEOUT, "timeout", { ms: timeoutMs }, { status: 503 });
  const remaining = (request: Request) => timeoutMs - (performance.now() - requestState(request).startedAt);
  return {
    onRequest({ request }) {
      requestState(request); // starts the clock on arrival
    },
    onExecute({ executeFn, setExecuteFn, args }) {
      const request = args.contextValue.request;
      setExecuteFn((executeArgs) => {
        const execution = executeFn(executeArgs);
        // An execution that finished synchronously (every field answered from the in-memory registry)
        // could not have been interrupted by a timer: no timer is armed for it, and onResultProcess
        // below still refuses it if it ran past the deadline.
        if (!isPromise(execution)) return execution;
        let timer: NodeJS.Timeout | undefined;
        const expired = new Promise<{ errors: Error[] }>((resolve) => {
          timer = setTimeout(() => resolve({ errors: [timedOut()] }), Math.max(0, request ? remaining(request) : timeoutMs));
        });
        return Promise.race([execution, expired]).finally(() => clearTimeout(timer));
      });
    },
    onResultProcess({ request, result, setResult }) {
      if (remaining(request) > 0 || Array.isArray(result) || Symbol.asyncIterator in (result as object)) return;
      const single = result as ExecutionResult;
      if (single.errors?.some((error) => (error as { extensions?: { code?: unknown } }).extensions?.code === ErrorCode.REQUEST_TIMEOUT)) return;
      setResult({ errors: [timedOut()] });
    },
  };
}
