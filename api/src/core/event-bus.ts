import { setMaxListeners } from "node:events";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { createPubSub, type PubSub, type PubSubEventTarget } from "@graphql-yoga/subscription";
import { Redis } from "ioredis";
import type { TopicMap } from "./topics.js";

export type EventBus = PubSub<TopicMap> & {
  /**
   * Resolves once messages published on the topic from now on will reach this instance's
   * subscribers (after `subscribe(…)` was started). In-process that is at once; through Redis
   * it is when Redis confirmed the channel subscription.
   */
  ready: (topic: string) => Promise<void>;
  close: () => Promise<void>;
};

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
    return Object.assign(createPubSub<TopicMap>({ eventTarget: eventTarget as PubSubEventTarget<TopicMap> }), {
      // Listeners attach while the subscriber's first pull runs; one turn of the loop covers it.
      ready: () => new Promise<void>((resolve) => setImmediate(resolve)),
      close: async () => {},
    });
  }
  const publishClient = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
  const subscribeClient = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
  const pubsub = createPubSub<TopicMap>({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) });
  return Object.assign(pubsub, {
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
 * The bus, telling `onSubscribed` each time a subscription is in place (its `ready` resolved):
 * a signal tests wait for before they publish, instead of hoping a subscription joined in time.
 */
export function observeSubscriptions(bus: EventBus, onSubscribed?: (topic: string, id: string) => void): EventBus {
  if (!onSubscribed) return bus;
  const subscribe = ((topic: string, id: string) => {
    const stream = (bus.subscribe as (topic: string, id: string) => ReturnType<EventBus["subscribe"]>)(topic, id);
    void bus.ready(`${topic}:${id}`).then(() => onSubscribed(topic, id));
    return stream;
  }) as EventBus["subscribe"];
  return Object.assign(Object.create(bus) as EventBus, { subscribe });
}
