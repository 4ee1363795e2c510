import type {
  AmendmentRow,
  DeliverableCommentRow,
  DeliverableRow,
  OrganizationMemberRow,
  OrganizationRow,
} from "@pratica/db";
import { isAdmin } from "../../core/viewer.js";
import type { Access } from "../community/community.access.js";
import { canRead, canWrite, isActiveMember } from "../community/community.policy.js";
import { COMMENTABLE, ENDORSABLE, PUBLIC_STATUSES, TEXT_OPEN } from "./deliverable.workflow.js";

/** The viewer's standing towards one deliverable: their community access, and whether they edit it. */
export type DeliverableAccess = Access & { editor: boolean };

type Status = Pick<DeliverableRow, "status">;

/** Who may do what with deliverables: the one place these rules live. */
export const canSeeDeliverable = (a: DeliverableAccess, d: Status) =>
  canRead(a.community, a.viewer, a.membership) &&
  (PUBLIC_STATUSES.includes(d.status) || isActiveMember(a.membership) || a.editor || isAdmin(a.viewer));

export const canCreateDeliverable = (a: Access) => canWrite(a);

/** Editors who are still active members manage the document: status, editors, co-authors. */
export const canManage = (a: DeliverableAccess) => a.editor && canWrite(a);

/** …and change its text while it is open. */
export const canEditText = (a: DeliverableAccess, d: Status) => canManage(a) && TEXT_OPEN.includes(d.status);

export const canProposeAmendment = (a: DeliverableAccess, d: Status) => canWrite(a) && TEXT_OPEN.includes(d.status);

export const canWithdrawAmendment = (a: DeliverableAccess, amendment: Pick<AmendmentRow, "proposerId">) =>
  a.viewer !== null && amendment.proposerId === a.viewer.id;

/** Editors decide on an amendment while it is open and the text is open. */
export const canDecideAmendment = (
  a: DeliverableAccess,
  d: Status,
  amendment: Pick<AmendmentRow, "status" | "proposerId">,
) => amendment.status === "OPEN" && canEditText(a, d);

/** Its proposer withdraws an amendment while it is open. */
export const canWithdrawOpenAmendment = (
  a: DeliverableAccess,
  amendment: Pick<AmendmentRow, "status" | "proposerId">,
) => amendment.status === "OPEN" && canWithdrawAmendment(a, amendment);

export const canComment = (a: DeliverableAccess, d: Status) => canWrite(a) && COMMENTABLE.includes(d.status);

/** A comment thread is resolved by whoever opened it or by an editor. */
export const canResolveComment = (a: DeliverableAccess, comment: Pick<DeliverableCommentRow, "authorId">) =>
  canWrite(a) && ((a.viewer !== null && comment.authorId === a.viewer.id) || a.editor);

/** Only a representative speaks for an organisation… */
export const canActFor = (m: Pick<OrganizationMemberRow, "role"> | null | undefined) => m?.role === "REPRESENTATIVE";

/**
 * Only a partner today speaks as one: a former partner (withdrawn from the memorandum) keeps its
 * past endorsements and co-authorships as history, but neither endorses nor joins a document anew.
 */
export const actsAsPartner = (o: Pick<OrganizationRow, "withdrawnOn">) => o.withdrawnOn === null;

/** …and endorses a document once it is published. */
export const canBeEndorsed = (d: Status) => ENDORSABLE.includes(d.status);
