/**
 * Every message the event bus carries, by topic: one typed map. Core knows only its shape; each
 * module adds the topics it owns from its index.ts (`declare module "…/core/topics.js"`), so
 * `bus.publish("thread", id, message)` stays checked without core importing a module. Messages
 * are small and JSON-safe (they cross Redis); subscribers load what they show from the database.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules' augmentations
export interface Topics {}

/**
 * The same map as a type literal: the bus's `PubSub<…>` wants an index-signature-compatible
 * type, which an interface (open for augmentation) is not.
 */
export type TopicMap = { [K in keyof Topics]: Topics[K] };
