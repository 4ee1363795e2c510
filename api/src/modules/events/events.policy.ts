import type { EventRow } from "@pratica/db";
import { isAdmin, isSuspended, type Viewer } from "../../core/viewer.js";
import type { Access } from "../community/community.access.js";
import { canRead, isActiveMember, isFacilitator, isRestricted } from "../community/community.policy.js";
import { SEES_LINK } from "./events.workflow.js";

/** Who may do what with events: the one place these rules live (docs/events.md). */

type Event = Pick<EventRow, "organizerId" | "communityId">;
/** The viewer's access to the event's community; null for a platform-wide event. */
export type EventAccess = Access | null;

/** Platform-wide events (the partners' assembly) are readable to anyone; others follow their community. */
export const canReadEvent = (viewer: Viewer | null, access: EventAccess): boolean =>
  access === null ? true : canRead(access.community, viewer, access.membership);

/**
 * Creating: a community's facilitators (and platform admins); a platform-wide event: admins only.
 * Facilitators, not every member: an event commits the community (a place, a date) as a decision does.
 */
export const canCreateEvent = (viewer: Viewer | null, access: EventAccess): boolean =>
  isAdmin(viewer) ||
  (access !== null &&
    access.community.archivedAt === null &&
    isFacilitator(access.membership) &&
    !isRestricted(access.membership));

/** Organisers: the event's organiser (while still able to read it), the community's facilitators, admins. */
export const isOrganiser = (viewer: Viewer | null, event: Event, access: EventAccess): boolean => {
  if (!viewer) return false;
  if (isAdmin(viewer)) return true;
  if (access !== null && isFacilitator(access.membership)) return true;
  return viewer.id === event.organizerId && (access === null || isActiveMember(access.membership));
};

/**
 * Registering: a community event takes its active members (not suspended, not restricted there);
 * a platform-wide event anyone signed in with a confirmed address not suspended from the platform.
 */
export const mayRegister = (viewer: Viewer | null, access: EventAccess): boolean => {
  if (!viewer?.verified || isSuspended(viewer)) return false;
  if (access === null) return true;
  return isActiveMember(access.membership) && !isRestricted(access.membership);
};

/** The online link: confirmed and attended participants, and the organisers. */
export const canSeeOnlineUrl = (
  viewer: Viewer | null,
  event: Event,
  access: EventAccess,
  registration: { status: string } | null | undefined,
): boolean =>
  isOrganiser(viewer, event, access) ||
  (registration != null && (SEES_LINK as readonly string[]).includes(registration.status));
