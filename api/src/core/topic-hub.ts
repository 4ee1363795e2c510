type Source<M> = AsyncIterable<M> & { return?: () => unknown };

export type TopicHub<M> = {
  /** Calls `listener` with every message of the topic from now on, until `leave()`. */
  join: (topic: string, listener: (message: M) => void) => { leave: () => void };
};

/**
 * One event-bus subscription per topic and process, however many subscribers: each message is
 * handed to every listener in one synchronous loop. With one bus subscription (and one chain of
 * async iterators) per subscriber, a post to a thread with 5,000 readers cost 5,000 of each.
 *
 * Listeners should not throw: each catches its own errors and ends its own subscriber.
 *
 * The bus subscription is opened by the first `join` (and is listening when `join` returns, as
 * far as the process is concerned; `bus.ready(topic)` covers Redis) and closed by the last `leave`.
 */
export function createTopicHub<M>(open: (topic: string) => Source<M>) {
  const topics = new Map<string, { listeners: Set<(message: M) => void>; source: Source<M> }>();

  const start = (topic: string) => {
    const source = open(topic);
    const entry = { listeners: new Set<(message: M) => void>(), source };
    topics.set(topic, entry);
    // The loop's first pull happens now, so the bus listener is attached before join returns.
    void (async () => {
      try {
        for await (const message of source) {
          for (const listener of entry.listeners) {
            try {
              listener(message);
            } catch {
              // Listeners end their own subscriber on error; one that throws anyway is dropped
              // rather than allowed to stop the topic for everyone else.
              entry.listeners.delete(listener);
            }
          }
        }
      } finally {
        // The bus's streams do not fail; if one ever ended, the next join opens the topic again.
        if (topics.get(topic) === entry) topics.delete(topic);
      }
    })().catch(() => {});
    return entry;
  };

  const hub: TopicHub<M> = {
    join(topic, listener) {
      const entry = topics.get(topic) ?? start(topic);
      entry.listeners.add(listener);
      return {
        leave() {
          if (!entry.listeners.delete(listener) || entry.listeners.size > 0) return;
          if (topics.get(topic) === entry) topics.delete(topic);
          void entry.source.return?.();
        },
      };
    },
  };
  return hub;
}
