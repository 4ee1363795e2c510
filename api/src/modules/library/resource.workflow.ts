import type { ResourceRow } from "@pratica/db";

export type ResourceStatus = ResourceRow["status"];
export type CurationDecision = "PUBLISH" | "FEATURE" | "UNFEATURE" | "REQUEST_CHANGES" | "REJECT" | "ARCHIVE";

/**
 * The curation workflow: which decision moves a resource from which status to which. The one
 * place these transitions live; anything not listed is refused with CONFLICT.
 */
export const TRANSITIONS: Record<CurationDecision, Partial<Record<ResourceStatus, ResourceStatus>>> = {
  PUBLISH: { PROPOSED: "PUBLISHED", CHANGES_REQUESTED: "PUBLISHED", ARCHIVED: "PUBLISHED" },
  FEATURE: { PROPOSED: "FEATURED", CHANGES_REQUESTED: "FEATURED", PUBLISHED: "FEATURED" },
  UNFEATURE: { FEATURED: "PUBLISHED" },
  REQUEST_CHANGES: { PROPOSED: "CHANGES_REQUESTED" },
  REJECT: { PROPOSED: "REJECTED", CHANGES_REQUESTED: "REJECTED" },
  ARCHIVE: { PUBLISHED: "ARCHIVED", FEATURED: "ARCHIVED" },
};

/** Decisions the proposer must be told why. */
export const NEEDS_REASON: ReadonlySet<CurationDecision> = new Set(["REQUEST_CHANGES", "REJECT"]);

/** Statuses in which the library shows a resource to every reader of the community. */
export const VISIBLE: readonly ResourceStatus[] = ["PUBLISHED", "FEATURED"];

/** Statuses in which the proposer may still edit. */
export const EDITABLE: readonly ResourceStatus[] = ["PROPOSED", "CHANGES_REQUESTED"];

export const nextStatus = (decision: CurationDecision, from: ResourceStatus): ResourceStatus | undefined =>
  TRANSITIONS[decision][from];
