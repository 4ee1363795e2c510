import { forbidden, unauthenticated } from "../../core/errors.js";
import { isAdmin, type Viewer } from "../../core/viewer.js";

/** Who may do what with funding calls: the one place these rules live. Reading a call is public. */

/** Following a call (and the "followed" filter) needs an account: the reminders go to it. */
export function requireFollower(viewer: Viewer | null): asserts viewer is Viewer {
  if (!viewer) throw unauthenticated("Log in to follow funding calls.");
}

/** The import history (and uploading a file): platform admins, as everything under /admin. */
export const canImportCalls = (viewer: Viewer | null): boolean => isAdmin(viewer);

export function requireImporter(viewer: Viewer | null): asserts viewer is Viewer {
  if (!viewer) throw unauthenticated("Log in as a platform admin to do this.");
  if (!canImportCalls(viewer)) throw forbidden("Only platform admins can import funding calls.");
}
