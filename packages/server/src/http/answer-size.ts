// Refuses an answer that grew over MAX_RESPONSE_BYTES while it was computed (schema/answer-size.ts
// counts the boundaries into it): the client gets RESPONSE_TOO_LARGE and no data, and the answer is
// never serialised. Bounding the bytes is what bounds serialisation time, which the request
// timeout cannot interrupt (JSON.stringify runs to its end on the event loop).
import type { Plugin } from "graphql-yoga";
import type { Context } from "../context.js";
import { responseTooLarge } from "../schema/answer-size.js";

export function answerSizePlugin(): Plugin {
  return {
    onExecute({ args }) {
      const context = args.contextValue as unknown as Context;
      return {
        onExecuteDone({ result, setResult }) {
          if (!context.answer?.exceeded || Symbol.asyncIterator in result) return;
          setResult({ errors: [responseTooLarge(context.limits.maxResponseBytes)], extensions: result.extensions });
        },
      };
    },
  };
}
