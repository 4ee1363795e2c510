import type { Viewer } from "../../core/viewer.js";
import type { Access } from "../../modules/community/community.access.js";

/** The viewers every policy table is read for, from nobody to an admin. */
export const WHO = ["anonymous", "outsider", "pending", "member", "facilitator", "admin"] as const;
export type Who = (typeof WHO)[number];

const viewer = (id: string, role: Viewer["role"] = "USER"): Viewer => ({
  id,
  role,
  sessionId: `session-${id}`,
  verified: true,
});

export const VIEWERS: Record<Who, Viewer | null> = {
  anonymous: null,
  outsider: viewer("outsider"),
  pending: viewer("pending"),
  member: viewer("member"),
  facilitator: viewer("facilitator"),
  admin: viewer("admin", "ADMIN"),
};

/** No sanction in force (community.policy.ts reads these two columns). */
export const UNSANCTIONED = { suspendedUntil: null, restrictedUntil: null } as const;

export const MEMBERSHIPS: Record<Who, Access["membership"]> = {
  anonymous: null,
  outsider: null,
  pending: { role: "MEMBER", status: "PENDING", ...UNSANCTIONED },
  member: { role: "MEMBER", status: "ACTIVE", ...UNSANCTIONED },
  facilitator: { role: "FACILITATOR", status: "ACTIVE", ...UNSANCTIONED },
  admin: null,
};

export type Visibility = "PUBLIC" | "MEMBERS";

/** Who's standing in a community of that visibility. */
export const accessOf = (who: Who, visibility: Visibility = "PUBLIC"): Access => ({
  community: { id: "community", visibility, archivedAt: null },
  viewer: VIEWERS[who],
  membership: MEMBERSHIPS[who],
});

/** The viewers a rule allows: a table row's expectation reads as a list of names. */
export const allowed = (rule: (who: Who) => boolean): Who[] => WHO.filter(rule);

export const ALL = WHO;
export const SIGNED_IN: Who[] = ["outsider", "pending", "member", "facilitator", "admin"];
export const ACTIVE: Who[] = ["member", "facilitator"];
export const MODERATORS: Who[] = ["facilitator", "admin"];
export const READERS_OF_MEMBERS_ONLY: Who[] = ["member", "facilitator", "admin"];
export const NOBODY: Who[] = [];
