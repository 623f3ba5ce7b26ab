// Abandons an operation that runs longer than the configured time, with a coded error.
//
// Hand-written: yoga cancels execution only when the client goes away (useExecutionCancellation),
// and no maintained envelop plugin bounds execution time. The database work in flight finishes in
// the background; the client gets its answer, and the connection is freed, on time.
import type { Plugin } from "graphql-yoga";
import { codedError, ErrorCode } from "../errors.js";

export function timeoutPlugin(timeoutMs: number): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args) => {
        let timer: NodeJS.Timeout | undefined;
        const expired = new Promise<{ errors: Error[] }>((resolve) => {
          timer = setTimeout(
            () =>
              resolve({
                errors: [
                  codedError(ErrorCode.REQUEST_TIMEOUT, "timeout", { ms: timeoutMs }, {
                    status: 503,
                  }),
                ],
              }),
            timeoutMs,
          );
        });
        try {
          return await Promise.race([executeFn(args), expired]);
        } finally {
          clearTimeout(timer);
        }
      });
    },
  };
}
