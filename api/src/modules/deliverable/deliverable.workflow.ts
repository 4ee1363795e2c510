import type { AmendmentRow, DeliverableRow } from "@pratica/db";

export type DeliverableStatus = DeliverableRow["status"];
export type AmendmentStatus = AmendmentRow["status"];

/**
 * The lifecycle of a deliverable: which status an editor may move it to from which. The one
 * place these transitions live; anything else is refused with CONFLICT. Going back one step
 * (REVIEW → DRAFT, APPROVED → REVIEW) reopens the text; PUBLISHED is final but for archiving.
 */
export const STATUS_TRANSITIONS: Record<DeliverableStatus, readonly DeliverableStatus[]> = {
  DRAFT: ["REVIEW"],
  REVIEW: ["DRAFT", "APPROVED"],
  APPROVED: ["REVIEW", "PUBLISHED"],
  PUBLISHED: ["ARCHIVED"],
  ARCHIVED: [],
};

export const canMove = (from: DeliverableStatus, to: DeliverableStatus) => STATUS_TRANSITIONS[from].includes(to);

/** The text changes (edits, outline, amendments) only before approval. */
export const TEXT_OPEN: readonly DeliverableStatus[] = ["DRAFT", "REVIEW"];

/** Every reader of the community sees these; the others only its active members. */
export const PUBLIC_STATUSES: readonly DeliverableStatus[] = ["PUBLISHED", "ARCHIVED"];

/** Endorsements are given (and withdrawn) while the document is published. */
export const ENDORSABLE: readonly DeliverableStatus[] = ["PUBLISHED"];

/** Comments are welcome until the document is archived. */
export const COMMENTABLE: readonly DeliverableStatus[] = ["DRAFT", "REVIEW", "APPROVED", "PUBLISHED"];
