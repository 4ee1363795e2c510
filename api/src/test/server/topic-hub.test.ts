import { Repeater } from "@repeaterjs/repeater";
import { describe, expect, it } from "vitest";
import { LiveFeed } from "../../core/live-feed.js";
import { createTopicHub } from "../../core/topic-hub.js";

/** A fake bus: counts the topic subscriptions it has open and lets the test publish. */
function fakeBus() {
  const open = new Map<string, Set<(m: string) => void>>();
  return {
    open,
    subscribe: (topic: string) =>
      new Repeater<string>(async (push, stop) => {
        const listeners = open.get(topic) ?? new Set();
        open.set(topic, listeners);
        const listener = (m: string) => void push(m);
        listeners.add(listener);
        await stop;
        listeners.delete(listener);
        if (listeners.size === 0) open.delete(topic);
      }),
    publish: (topic: string, m: string) => {
      for (const listener of open.get(topic) ?? []) listener(m);
    },
  };
}
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("topic hub", () => {
  it("holds one bus subscription per topic, however many listen, and closes it with the last", async () => {
    const bus = fakeBus();
    const hub = createTopicHub<string>(bus.subscribe);
    const seen: string[][] = [[], [], []];
    const members = seen.map((list) => hub.join("t", (m) => list.push(m)));
    await turn();
    expect(bus.open.get("t")?.size).toBe(1);
    bus.publish("t", "x");
    await turn();
    expect(seen).toEqual([["x"], ["x"], ["x"]]);
    members[0]?.leave();
    bus.publish("t", "y");
    await turn();
    expect(seen).toEqual([["x"], ["x", "y"], ["x", "y"]]);
    members[1]?.leave();
    members[2]?.leave();
    await turn();
    expect(bus.open.has("t")).toBe(false);
  });

  it("keeps serving the others when one listener throws", async () => {
    const bus = fakeBus();
    const hub = createTopicHub<string>(bus.subscribe);
    const seen: string[] = [];
    hub.join("t", () => {
      throw new Error("broken");
    });
    hub.join("t", (m) => seen.push(m));
    await turn();
    bus.publish("t", "x");
    bus.publish("t", "y");
    await turn();
    expect(seen).toEqual(["x", "y"]);
  });
});

describe("LiveFeed", () => {
  it("hands queued then new values to a tap, in order, and settles when it ends", async () => {
    const feed = new LiveFeed<number>(() => {});
    feed.push(1);
    feed.push(2);
    const seen: number[] = [];
    const ended = feed.tap((n) => seen.push(n));
    feed.push(3);
    expect(seen).toEqual([1, 2, 3]);
    feed.end();
    feed.push(4);
    await ended;
    expect(seen).toEqual([1, 2, 3]);
  });

  it("can be pulled, and return() runs the cleanup once, even when idle", async () => {
    let cleanups = 0;
    const feed = new LiveFeed<number>(() => cleanups++);
    const pending = feed.next();
    feed.push(7);
    expect(await pending).toEqual({ value: 7, done: false });
    const idle = feed.next();
    await feed.return();
    expect(await idle).toEqual({ value: undefined, done: true });
    await feed.return();
    expect(cleanups).toBe(1);
  });

  it("reports a failure to the puller and to the tap", async () => {
    const pulled = new LiveFeed<number>(() => {});
    const next = pulled.next();
    pulled.end(new Error("replay failed"));
    await expect(next).rejects.toThrow("replay failed");
    const tapped = new LiveFeed<number>(() => {});
    const ended = tapped.tap(() => {});
    tapped.end(new Error("replay failed"));
    await expect(ended).rejects.toThrow("replay failed");
  });
});
