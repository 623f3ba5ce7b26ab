// MAX_RESPONSE_BYTES and MAX_RESPONSE_BYTES_IN_FLIGHT: bytes an answer will take, counted while it
// is computed, for the fields whose size is not bounded by their object count: boundaries (a province
// at FULL detail is up to 2.8 MB of GeoJSON). An answer over the limit, or one that would take the
// bytes this process holds in answers not yet sent over the in-flight limit, is refused before it is
// serialised (answerSizePlugin): the client gets RESPONSE_TOO_LARGE (or RATE_LIMITED, retry shortly)
// and no data. Bounding the bytes is what bounds serialisation time and memory, which the request
// timeout cannot interrupt (JSON.stringify runs to its end on the event loop), so a few heavy
// requests can no longer take the process to gigabytes and block the event loop while stringifying.
import type { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Context } from "../context.js";
import { codedError, ErrorCode } from "../errors.js";

/** Bytes of JSON one [longitude, latitude] pair takes, at most, as the geometry store writes it. */
const BYTES_PER_VERTEX = 24;

const vertexCounts = new WeakMap<object, number>();

function vertices(geometry: { coordinates: number[][][][] }): number {
  let count = vertexCounts.get(geometry);
  if (count === undefined) {
    count = 0;
    for (const polygon of geometry.coordinates) for (const ring of polygon) count += ring.length;
    vertexCounts.set(geometry, count);
  }
  return count;
}

export function responseTooLarge(limit: number): GraphQLError {
  return codedError(ErrorCode.RESPONSE_TOO_LARGE, "responseTooLarge", { limit });
}

/** Counts a geometry into the request's answer; throws RESPONSE_TOO_LARGE once the answer is over the limit. */
export function countGeometry<G extends { coordinates: number[][][][] }>(ctx: Context, geometry: G): G {
  const answer = ctx.answer;
  const bytes = vertices(geometry) * BYTES_PER_VERTEX;
  answer.bytes += bytes;
  if (answer.bytes > ctx.limits.maxResponseBytes) {
    answer.exceeded = true;
    answer.refusal = responseTooLarge(ctx.limits.maxResponseBytes);
    throw answer.refusal;
  }
  // Each answer is bounded, but not how many the process holds at once: 15 answers of 25 MB took it
  // to 6 GB. Past the limit, an answer is refused while others are held (never the only one).
  if (!answer.released) {
    answer.inFlight.bytes += bytes;
    answer.held += bytes;
    if (answer.inFlight.bytes > answer.inFlight.limit && answer.inFlight.bytes > answer.held) {
      answer.exceeded = true;
      answer.refusal = busy();
      throw answer.refusal;
    }
  }
  return geometry;
}

function busy(): GraphQLError {
  return codedError(ErrorCode.RATE_LIMITED, "serverBusy", {}, { status: 429, headers: { "Retry-After": "5" } });
}

/** Gives an answer's bytes back to the process once its response is made (or it was refused). */
export function releaseAnswer(answer: Context["answer"]): void {
  if (answer.released) return;
  answer.released = true;
  answer.inFlight.bytes -= answer.held;
  answer.held = 0;
}

/**
 * What a boundary costs ahead of execution, in points (one point per kilobyte of an average
 * boundary at that detail in the committed data: provinces 33 / 161 / 751 kB, communes 1.9 / 9.7 /
 * 48 kB at LOW / MEDIUM / FULL), read by the cost walk (limits/cost.ts) from the field's extensions.
 */
export const BOUNDARY_COST = {
  province: { LOW: 33, MEDIUM: 161, FULL: 751 },
  commune: { LOW: 2, MEDIUM: 10, FULL: 48 },
} as const;

/** Refuses the answers countGeometry marked as over a limit, and gives every answer's bytes back once it is sent. */
export function answerSizePlugin(): Plugin<Context> {
  const answers = new WeakMap<Request, Array<Context["answer"]>>();
  return {
    onExecute({ args }) {
      const context = args.contextValue;
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
