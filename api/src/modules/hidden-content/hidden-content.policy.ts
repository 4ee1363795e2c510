import { isAdmin } from "../../core/viewer.js";
import type { Access } from "../community/community.access.js";
import { canModerate } from "../community/community.policy.js";

/**
 * Who still reads hidden content: its author (to know what was hidden, and to appeal) and the
 * moderators of its community (to review it). Everyone else sees the notice in its place. The
 * one place this rule lives; every content module's fields ask it.
 */
export const canSeeHidden = (a: Access, authorId: string): boolean =>
  (a.viewer !== null && a.viewer.id === authorId) || canModerate(a.viewer, a.membership) || isAdmin(a.viewer);
