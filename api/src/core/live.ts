import { Repeater } from "@repeaterjs/repeater";
import type { Context } from "./context.js";
import { forbidden, unauthenticated } from "./errors.js";
import { createLoaders } from "./loaders.js";
import type { UserMessage } from "./topics.js";

export type LiveDeps = { canRead: () => Promise<boolean> };

/**
 * Keeps a subscription's permission current. Membership changes of the viewer arrive on their
 * `user:<id>` topic (from any api instance, through the event bus); on each one that concerns
 * this community the rule is asked again, so someone removed stops receiving at once.
 */
export function accessWatch(ctx: Context, communityId: string, canRead: () => Promise<boolean>) {
  const viewer = ctx.viewer;
  const changes: AsyncIterableIterator<UserMessage> & { return?: () => Promise<unknown> } = viewer
    ? (ctx.services.bus.subscribe("user", viewer.id) as unknown as AsyncIterableIterator<UserMessage>)
    : (new Repeater<UserMessage>(async (_push, stop) => {
        await stop;
      }) as unknown as AsyncIterableIterator<UserMessage>);
  return {
    changes,
    /** True when the message concerns this community's access, which must then be re-checked. */
    concerns: (m: UserMessage) => m.type === "MEMBERSHIP_CHANGED" && m.communityId === communityId,
    async assertStillAllowed() {
      if (!(await canRead()))
        throw viewer ? forbidden("You no longer have access to this community.") : unauthenticated();
    },
  };
}

/**
 * Each event is resolved with fresh loaders: a long-lived socket must not serve a cache from
 * an earlier event (the context object lives as long as the subscription).
 */
export function refreshLoaders(ctx: Context) {
  ctx.loaders = createLoaders(ctx.services.db, ctx.viewer);
}

/** Merges the topic stream with the access watch, tagging which side a message came from. */
export function mergeWithWatch<T>(topic: AsyncIterable<T>, watch: AsyncIterable<UserMessage>) {
  return Repeater.merge([
    map(topic, (value) => ({ from: "topic" as const, value })),
    map(watch, (value) => ({ from: "watch" as const, value })),
  ]);
}

async function* map<A, B>(source: AsyncIterable<A>, fn: (a: A) => B): AsyncGenerator<B> {
  for await (const item of source) yield fn(item);
}
