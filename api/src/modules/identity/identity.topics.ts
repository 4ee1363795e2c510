/** What the `user` (user/<id>) and `session` topics carry; the bus's map is extended in ./index.ts. */
export type UserMessage =
  | { type: "NOTIFICATION"; notificationId: string }
  /** The user's membership in a community changed: open subscriptions re-check access. */
  | { type: "MEMBERSHIP_CHANGED"; communityId: string };

/**
 * A login session ended before its expiry (logout): every api instance closes the sockets of
 * that session. One process-wide topic, not one per session: see server/ws-sessions.ts.
 */
export type SessionMessage = { type: "REVOKED"; sessionId: string };
