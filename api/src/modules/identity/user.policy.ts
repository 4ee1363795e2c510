import type { UserRow } from "@pratica/db";
import { isAdmin, type Viewer } from "../../core/viewer.js";

/** Who may see what of a person: the one place these rules live. */

/** Their email and memberships: themselves and admins. */
export const canSeePrivateProfile = (viewer: Viewer | null, user: Pick<UserRow, "id">): boolean =>
  viewer?.id === user.id || isAdmin(viewer);
