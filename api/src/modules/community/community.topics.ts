/** What the `community` topic carries (community/<id>); the bus's map is extended in ./index.ts. */
export type CommunityMessage =
  | { type: "THREAD_CREATED" | "THREAD_UPDATED"; communityId: string; threadId: string }
  | { type: "RESOURCE_PUBLISHED"; communityId: string; resourceId: string };
