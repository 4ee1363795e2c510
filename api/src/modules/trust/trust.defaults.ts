/**
 * The new-member limits' defaults, read by config.ts (NEW_MEMBER_*) and by services built without
 * a configuration. Discourse's new-user level is the model (docs/moderation.md, "New-member
 * limits", says why each number).
 */
export const NEW_MEMBER_DEFAULTS = {
  newMemberDays: 3,
  threadsPerDay: 3,
  repliesPerMinute: 3,
  linksPerPost: 2,
  mentionsPerPost: 3,
} as const;
