/** What the `thread` topic carries (thread/<id>); the bus's map is extended in ./index.ts. */
export type DurableThreadEventType =
  | "POST_ADDED"
  | "POST_EDITED"
  | "POST_DELETED"
  | "REACTION_CHANGED"
  | "POST_HIDDEN"
  | "POST_RESTORED";

export type ThreadMessage =
  | { kind: "durable"; eventId: number; type: DurableThreadEventType; threadId: string; postId: string }
  | { kind: "typing"; threadId: string; userId: string };
