// ChangeEvent and Subscription.changes: the change feed, every committed registry event, figure
// write, correction and retraction, in commit order, resumable from a cursor (db/change-feed.ts).
import { builder } from "../builder.js";
import { OPERATION_SCOPE } from "../auth/caller.js";
import type { ChangeEvent as ChangeEventRow } from "../generated/prisma/client.js";
import { registrySnapshot } from "../registry/snapshot.js";
import { Figure } from "./figure.js";
import { RegistryChange } from "./registry-change.js";

export const ChangeKind = builder.enumType("ChangeKind", {
  description: "What kind of change a change-feed event announces.",
  values: {
    REGISTRY_EVENT: { description: "A dated registry event was loaded: units renamed, reclassified or merged by a legal text; see `registryChanges`." },
    FIGURE_ADDED: { description: "A steward recorded a new figure; see `figure`." },
    FIGURE_CORRECTED: { description: "A steward corrected a figure: `figure` is the new one, `previousId` the figure it supersedes, `reason` why." },
    FIGURE_RETRACTED: { description: "A steward withdrew a figure (it stays queryable, marked retracted); `reason` says why." },
  } as const,
});

const FIGURE_KINDS = new Set(["FIGURE_ADDED", "FIGURE_CORRECTED", "FIGURE_RETRACTED"]);

export const ChangeEvent = builder.objectRef<ChangeEventRow>("ChangeEvent").implement({
  description:
    "One committed change, as the change feed announces it. Events come in commit order; `cursor` (also each server-sent event's `id:`) resumes the feed after this event.",
  fields: (t) => ({
    cursor: t.string({
      description: "Where this event sits in the feed: pass it as `after` (or send it as `Last-Event-ID`) to receive only the events after it.",
      resolve: (event) => String(event.id),
    }),
    kind: t.field({ type: ChangeKind, description: "What kind of change this is.", resolve: (event) => event.kind }),
    at: t.field({ type: "DateTime", description: "When the change was committed (the server's clock, UTC).", resolve: (event) => event.at }),
    subjectId: t.exposeString("subjectId", {
      description: "The registry event's id (REGISTRY_EVENT) or the figure's `code` (FIGURE_ADDED, FIGURE_CORRECTED: the new figure; FIGURE_RETRACTED: the withdrawn one).",
    }),
    previousId: t.exposeString("previousId", { nullable: true, description: "For FIGURE_CORRECTED: the `code` of the figure the correction supersedes; null otherwise." }),
    actor: t.exposeString("actor", { nullable: true, description: "Who made the change: the writing API key's name or the importing operator; null for the committed registry dataset." }),
    reason: t.exposeString("reason", { nullable: true, description: "Why the figure was corrected or retracted; null for other kinds." }),
    figure: t.prismaField({
      type: Figure,
      nullable: true,
      description: "The figure written (for a correction, the new one; for a retraction, the withdrawn one) as it stands now; null for registry events.",
      resolve: (query, event, _args, ctx) => (FIGURE_KINDS.has(event.kind) ? ctx.prisma.figure.findUnique({ ...query, where: { id: event.subjectId } }) : null),
    }),
    registryChanges: t.prismaField({
      type: [RegistryChange],
      nullable: true,
      description: "For REGISTRY_EVENT: every unit the event changed, with its legal basis, title and link; null for figure events.",
      resolve: (query, event, _args, ctx) =>
        event.kind === "REGISTRY_EVENT"
          ? ctx.prisma.registryChange.findMany({ ...query, where: { eventId: event.subjectId }, orderBy: [{ entity: "asc" }, { code: "asc" }] })
          : null,
    }),
  }),
});

builder.subscriptionType({
  authScopes: { [OPERATION_SCOPE.subscription]: true },
  description: "Streams over server-sent events (POST or GET /graphql with `Accept: text/event-stream`).",
});

builder.subscriptionFields((t) => ({
  changes: t.field({
    type: ChangeEvent,
    description:
      "The change feed: every registry event, figure, correction and retraction as it commits, oldest first. Without `after` it starts with the next change; with `after` (or the SSE `Last-Event-ID` header, which wins, as browsers send it on reconnecting) it first replays the events after that cursor, at most FEED_MAX_REPLAY of them (REPLAY_TOO_LARGE otherwise), so a client that reconnects misses nothing and receives nothing twice. Each server-sent event's `id:` is the event's `cursor`; an idle stream carries a comment line every FEED_HEARTBEAT_SECONDS. One server streams to at most FEED_MAX_SUBSCRIBERS clients (TOO_MANY_SUBSCRIBERS).",
    args: {
      after: t.arg.string({ required: false, description: "Resume after this event: the `cursor` of the last event received." }),
      kinds: t.arg({ type: [ChangeKind], required: false, description: "Only these kinds of change (default: all)." }),
    },
    subscribe: (_root, args, ctx) => ctx.changeFeed.subscribe(ctx.lastEventId ?? args.after ?? null, args.kinds, ctx.request?.signal),
    resolve: async (event, _args, ctx) => {
      // The request's registry snapshot was taken when it connected; a registry event loads a new one.
      ctx.registry = await registrySnapshot(ctx.prisma);
      ctx.feedCursor.current = String(event.id);
      return event;
    },
  }),
}));
