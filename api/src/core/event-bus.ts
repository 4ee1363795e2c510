import { setMaxListeners } from "node:events";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { createPubSub, type PubSub, type PubSubEventTarget } from "@graphql-yoga/subscription";
import { Redis } from "ioredis";
import type { Topics } from "./topics.js";

export type EventBus = PubSub<Topics> & { close: () => Promise<void> };

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
    return Object.assign(createPubSub<Topics>({ eventTarget: eventTarget as PubSubEventTarget<Topics> }), {
      close: async () => {},
    });
  }
  const publishClient = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
  const subscribeClient = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
  const pubsub = createPubSub<Topics>({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) });
  return Object.assign(pubsub, {
    close: async () => {
      await Promise.all([publishClient.quit(), subscribeClient.quit()]);
    },
  });
}
