import type { MembershipApplicationRow } from "@pratica/db";
import { isAdmin, type Viewer } from "../../core/viewer.js";
import { isOpen } from "./membership-application.workflow.js";

/** Who may do what with membership applications: the one place these rules live. */

type Application = Pick<MembershipApplicationRow, "applicantId" | "status">;

/** Any signed-in account applies (the write gate already wants its address confirmed). */
export const canApply = (viewer: Viewer | null): viewer is Viewer => viewer !== null;

export const isApplicant = (viewer: Viewer | null, a: Pick<Application, "applicantId">): boolean =>
  viewer !== null && a.applicantId !== null && viewer.id === a.applicantId;

/** An application tells nothing to anyone but its applicant and the platform admins (NOT_FOUND to others). */
export const canReadApplication = (viewer: Viewer | null, a: Application): boolean =>
  isAdmin(viewer) || isApplicant(viewer, a);

/** The review list: platform admins. */
export const canReview = (viewer: Viewer | null): boolean => isAdmin(viewer);

/**
 * Who decides at all (the state is the workflow's: a CONFLICT, not a permission): a platform
 * admin, but never on an application they sent themselves — another admin reviews it, as a
 * moderator never decides on their own content.
 */
export const mayDecide = (viewer: Viewer | null, a: Pick<Application, "applicantId">): boolean =>
  isAdmin(viewer) && !isApplicant(viewer, a);

/** Platform admins decide an open application (not their own). */
export const canDecide = (viewer: Viewer | null, a: Application): boolean => mayDecide(viewer, a) && isOpen(a);

/** Its applicant edits it (and answers a question) while it is open. */
export const canEdit = (viewer: Viewer | null, a: Application): boolean => isApplicant(viewer, a) && isOpen(a);

/** Its applicant withdraws it while it is open. */
export const canWithdraw = (viewer: Viewer | null, a: Application): boolean => isApplicant(viewer, a) && isOpen(a);
