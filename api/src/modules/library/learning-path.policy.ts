import type { LearningPathRow } from "@pratica/db";
import type { Access } from "../community/community.access.js";
import { canRead, canWrite } from "../community/community.policy.js";
import { canCurate } from "./resource.policy.js";

type Status = Pick<LearningPathRow, "status">;

/** Who may do what with learning paths: the one place these rules live. */

/** A published path is for the community's readers; a draft only for its curators. */
export const canSeePath = (a: Access, path: Status) =>
  canRead(a.community, a.viewer, a.membership) && (path.status === "PUBLISHED" || canCurate(a));

/** Drafts are listed to curators only. */
export const seesDraftPaths = (a: Access) => canCurate(a);

/** The community's curators (facilitators, admins) build paths… */
export const canCreatePath = (a: Access) => canCurate(a);

/** …and edit them: title, steps, order, publishing. */
export const canEditPath = (a: Access) => canCurate(a);

/** Active members mark steps of a published path done. */
export const canTrackProgress = (a: Access, path: Status) => canWrite(a) && path.status === "PUBLISHED";
