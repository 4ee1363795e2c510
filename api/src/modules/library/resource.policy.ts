import type { ResourceRow } from "@pratica/db";
import type { Access } from "../community/community.access.js";
import { canModerate, canRead, canWrite } from "../community/community.policy.js";
import { EDITABLE, VISIBLE } from "./resource.workflow.js";

/** Who may do what in a community's library: the one place these rules live. */
export const canPropose = (a: Access) => canWrite(a);

export const canCurate = (a: Access) => canModerate(a.viewer, a.membership);

/** Published material is for every reader; anything else only for its proposer and the curators. */
export const canSeeResource = (a: Access, r: Pick<ResourceRow, "status" | "proposerId">) =>
  canRead(a.community, a.viewer, a.membership) &&
  (VISIBLE.includes(r.status) || r.proposerId === a.viewer?.id || canCurate(a));

/** The curation history: its proposer and the curators. */
export const canSeeDecisions = (a: Access, r: Pick<ResourceRow, "proposerId">) =>
  (a.viewer !== null && r.proposerId === a.viewer.id) || canCurate(a);

export const canEditResource = (a: Access, r: Pick<ResourceRow, "status" | "proposerId">) =>
  a.viewer !== null && r.proposerId === a.viewer.id && canWrite(a) && EDITABLE.includes(r.status);

/** Bookmarks, votes and progress: active members, on published material. */
export const canUseResource = (a: Access, r: Pick<ResourceRow, "status">) => canWrite(a) && VISIBLE.includes(r.status);

/**
 * A learning-path step counts toward progress while its material is published: for members
 * exactly the steps they are shown; facilitators also see archived steps, which do not count.
 */
export const countsTowardProgress = (r: Pick<ResourceRow, "status">) => VISIBLE.includes(r.status);
