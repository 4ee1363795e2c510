import { setMaxListeners } from "node:events";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { createPubSub, type PubSub, type PubSubEventTarget } from "@graphql-yoga/subscription";
import { Redis } from "ioredis";
import { createTopicHub, type TopicHub } from "./topic-hub.js";
import type { TopicMap, Topics } from "./topics.js";

/** The topics scoped to one entity (`thread:<id>`, …), as opposed to process-wide ones. */
export type EntityTopic = { [K in keyof Topics]: Topics[K] extends [string, unknown] ? K : never }[keyof Topics];
export type MessageOf<K extends EntityTopic> = Topics[K][1];

export type EventBus = PubSub<TopicMap> & {
  /**
   * Resolves once messages published on the topic from now on will reach this instance's
   * subscribers (after `subscribe(…)` was started). In-process that is at once; through Redis
   * it is when Redis confirmed the channel subscription.
   */
  ready: (topic: string) => Promise<void>;
  /**
   * Calls `listener` with every message of `topic:id` from now on, until `leave()`: one bus
   * subscription per topic and process however many join (core/topic-hub.ts). What live
   * streams use; `subscribe` remains for the single-consumer streams.
   */
  join: <K extends EntityTopic>(
    topic: K,
    id: string,
    listener: (message: MessageOf<K>) => void,
  ) => { leave: () => void };
  close: () => Promise<void>;
};

/** `join`, over a pubsub's `subscribe`, with one topic hub per topic name. */
function joinOver(pubsub: PubSub<TopicMap>): EventBus["join"] {
  const hubs = new Map<string, TopicHub<unknown>>();
  const subscribe = pubsub.subscribe as (topic: string, id: string) => AsyncIterable<unknown>;
  return (topic, id, listener) => {
    let hub = hubs.get(topic);
    if (!hub) {
      hub = createTopicHub<unknown>((key) => subscribe(topic, key));
      hubs.set(topic, hub);
    }
    return hub.join(id, listener as (message: unknown) => void);
  };
}

/**
 * Publish/subscribe by entity-scoped topic (`thread:<id>`, `community:<id>`, `user:<id>`).
 * In-process by default; through Redis when a URL is given, so every api instance's
 * subscribers receive every event. Services publish only after their transaction commits.
 */
export function createEventBus(redisUrl?: string): EventBus {
  if (!redisUrl) {
    // A thread may have thousands of listeners; Node's default warns past ten.
    const eventTarget = new EventTarget();
    setMaxListeners(0, eventTarget);
    const pubsub = createPubSub<TopicMap>({ eventTarget: eventTarget as PubSubEventTarget<TopicMap> });
    return Object.assign(pubsub, {
      join: joinOver(pubsub),
      // Listeners attach while the subscriber's first pull runs; one turn of the loop covers it.
      ready: () => new Promise<void>((resolve) => setImmediate(resolve)),
      close: async () => {},
    });
  }
  const publishClient = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
  // No ready check (INFO) and no CLIENT SETINFO on the subscriber: since ioredis 5.8.2 these
  // handshake commands can be written after a SUBSCRIBE queued while connecting, and Redis refuses
  // them in subscriber mode ("Connection in subscriber mode", ioredis issue #2037), failing the
  // connection. A subscriber has no use for either.
  const subscribeClient = new Redis(redisUrl, {
    maxRetriesPerRequest: 2,
    enableReadyCheck: false,
    disableClientInfo: true,
  });
  const pubsub = createPubSub<TopicMap>({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) });
  return Object.assign(pubsub, {
    join: joinOver(pubsub),
    // Replies on one connection come in order: once a PING sent after the event target's
    // SUBSCRIBE is answered, that subscription is in place. Not a SUBSCRIBE of our own: when
    // the subscriber left before this turn (a socket closed while its subscriptions were being
    // set up), the target has already sent UNSUBSCRIBE, and a SUBSCRIBE after it kept the
    // channel subscribed with no listener, for good.
    ready: async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      await subscribeClient.ping();
    },
    close: async () => {
      await Promise.all([publishClient.quit(), subscribeClient.quit()]);
    },
  });
}

/**
 * The bus, telling `onSubscribed` each time a subscription (or a `join`: once per joiner, even
 * when the topic was already open) is in place, its `ready` resolved: a signal tests wait for
 * before they publish, instead of hoping a subscription joined in time.
 */
export function observeSubscriptions(bus: EventBus, onSubscribed?: (topic: string, id: string) => void): EventBus {
  if (!onSubscribed) return bus;
  const subscribe = ((topic: string, id: string) => {
    const stream = (bus.subscribe as (topic: string, id: string) => ReturnType<EventBus["subscribe"]>)(topic, id);
    void bus.ready(`${topic}:${id}`).then(() => onSubscribed(topic, id));
    return stream;
  }) as EventBus["subscribe"];
  const join: EventBus["join"] = (topic, id, listener) => {
    const membership = bus.join(topic, id, listener);
    void bus.ready(`${topic}:${id}`).then(() => onSubscribed(topic, id));
    return membership;
  };
  return Object.assign(Object.create(bus) as EventBus, { subscribe, join });
}
