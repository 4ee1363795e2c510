import type { UserRow } from "@pratica/db";
import type { Viewer } from "../../core/viewer.js";

/**
 * Notification settings and watch levels are a member's own business: nobody else, admins
 * included, reads or changes them. Choosing a level on something also needs reading it (the
 * service checks that with the subject's own module, answering NOT_FOUND otherwise).
 */
export const canManagePreferences = (viewer: Viewer | null, user: Pick<UserRow, "id">): boolean =>
  viewer !== null && viewer.id === user.id;
