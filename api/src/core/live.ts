import { Repeater } from "@repeaterjs/repeater";

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
