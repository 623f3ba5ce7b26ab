// The per-request GraphQL context.
import type { Caller } from "./auth/caller.js";
import type { ChangeFeed } from "./db/change-feed.js";
import type { PrismaClient } from "./generated/prisma/client.js";
import type { RegistrySnapshot } from "./registry/snapshot.js";
import type { PublicLimits } from "./limits/endpoint.js";

export interface Context {
  prisma: PrismaClient;
  /** The registry as loaded when the request started: every registry field reads it, without SQL. */
  registry: RegistrySnapshot;
  /** Who is asking (key or anonymous, scopes, request id, today in Vietnam, language): set by the authentication plugin (http/auth.ts). */
  caller: Caller;
  /** The endpoint's limits, for Query.limits and the answer-size check. */
  limits: PublicLimits;
  /** Bytes counted into this answer by fields whose size their object count does not bound (limits/answer-size.ts). */
  answer: AnswerBytes;
  /** The HTTP request (yoga's own context field); its signal ends a subscription when the client leaves. */
  request?: Request;
  /** The change feed this server streams (Subscription.changes). */
  changeFeed: ChangeFeed;
  /** The request's Last-Event-ID header: the cursor a server-sent-events client resumes from. */
  lastEventId: string | null;
  /** The cursor of the change-feed event being sent, which http/change-feed.ts writes as its SSE `id:`. */
  feedCursor: { current: string | null };
}

/** The bytes of one answer, and its share of what the process holds in answers at once. */
export interface AnswerBytes {
  bytes: number;
  exceeded: boolean;
  /** Why the answer was refused (RESPONSE_TOO_LARGE, or RATE_LIMITED when the process holds too much already). */
  refusal?: import("graphql").GraphQLError;
  /** Shared by every request of the server: bytes counted into answers not yet sent, and their limit. */
  inFlight: { bytes: number; limit: number };
  /** This answer's part of inFlight.bytes; given back once its response is made (limits/answer-size.ts). */
  held: number;
  released?: boolean;
}
