// Refuses an answer that grew over MAX_RESPONSE_BYTES while it was computed (schema/answer-size.ts
// counts the boundaries into it), or that would take the bytes this process holds in answers not yet
// sent over MAX_RESPONSE_BYTES_IN_FLIGHT: the client gets RESPONSE_TOO_LARGE (or RATE_LIMITED, retry
// shortly) and no data, and the answer is never serialised. Bounding the bytes is what bounds
// serialisation time and memory, which the request timeout cannot interrupt (JSON.stringify runs to
// its end on the event loop).
import type { Plugin } from "graphql-yoga";
import type { Context } from "../context.js";
import { releaseAnswer, responseTooLarge } from "../schema/answer-size.js";

export function answerSizePlugin(): Plugin {
  const answers = new WeakMap<Request, Array<Context["answer"]>>();
  return {
    onExecute({ args }) {
      const context = args.contextValue as unknown as Context & { request?: Request };
      if (context.request && context.answer) answers.set(context.request, [...(answers.get(context.request) ?? []), context.answer]);
      return {
        onExecuteDone({ result, setResult }) {
          if (!context.answer?.exceeded || Symbol.asyncIterator in result) return;
          // A refused answer holds nothing: what it counted is given back now, not when it is sent.
          releaseAnswer(context.answer);
          setResult({ errors: [context.answer.refusal ?? responseTooLarge(context.limits.maxResponseBytes)], extensions: result.extensions });
        },
      };
    },
    onResponse({ request, serverContext }) {
      const release = () => {
        for (const answer of answers.get(request) ?? []) releaseAnswer(answer);
      };
      // Behind Node's HTTP server the answer is held until it is written out (or the client left).
      const res = (serverContext as { res?: { writableFinished?: boolean; once?(event: "close", listener: () => void): unknown } } | undefined)?.res;
      if (res?.once && !res.writableFinished) res.once("close", release);
      else release();
    },
  };
}
