import { Repeater } from "@repeaterjs/repeater";
import type { Context } from "./context.js";
import type { Topics } from "./topics.js";

/** What a viewer's own topic carries (identity owns it); the watch reads its MEMBERSHIP_CHANGED. */
type UserMessage = Topics["user"][1];

/**
 * Pushed when the viewer lost access: its resolver answers FORBIDDEN and the stream ends.
 * A fresh object each time, since results are cached per event object.
 */
export type Revoked = { kind: "revoked" };
export const revoked = (): Revoked => ({ kind: "revoked" });

type Returnable = { return?: () => unknown };

/**
 * A subscription's source stream. Built on a Repeater rather than an async generator on
 * purpose: a generator queues `return()` until its next `yield`, so a client that unsubscribes
 * from an idle thread would leave the generator, and its topic listeners, alive. Here the
 * consumer's `return()` closes the `sources` at once, which ends the body's loops.
 */
export function liveStream<T>(sources: Returnable[], body: (emit: (value: T) => Promise<void>) => Promise<void>) {
  return new Repeater<T>(async (push, stop) => {
    void stop.then(() => Promise.all(sources.map((s) => s.return?.())));
    try {
      await body(async (value) => {
        await push(value);
      });
    } finally {
      stop();
    }
  });
}

/**
 * Keeps a subscription's permission current. The viewer's membership changes arrive on their
 * `user:<id>` topic (from any api instance, through the event bus); each one that concerns this
 * community makes the stream ask the rule again, so someone removed stops receiving at once.
 */
export function accessWatch(ctx: Context, communityId: string) {
  const viewer = ctx.viewer;
  const changes: AsyncIterable<UserMessage> & Returnable = viewer
    ? ctx.services.bus.subscribe("user", viewer.id)
    : new Repeater<UserMessage>(async (_push, stop) => {
        await stop;
      });
  return {
    changes,
    concerns: (m: UserMessage) => m.type === "MEMBERSHIP_CHANGED" && m.communityId === communityId,
  };
}

/** Merges a topic with the access watch, tagging which side each message came from. */
export function mergeWithWatch<T>(
  topic: AsyncIterable<T> & Returnable,
  watch: AsyncIterable<UserMessage> & Returnable,
) {
  const tag = <F extends string, V>(from: F, source: AsyncIterable<V> & Returnable) =>
    liveStream<{ from: F; value: V }>([source], async (emit) => {
      for await (const value of source) await emit({ from, value });
    });
  return Repeater.merge([tag("topic", topic), tag("watch", watch)]);
}
