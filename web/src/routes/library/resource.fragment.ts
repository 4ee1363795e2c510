import { graphql } from "../../gql";
import type { ResourceDecision, ResourceKind, ResourceLanguage, ResourceStatus } from "../../gql/graphql";

/** What a card in the library, the curation queue or a search result shows of a resource. */
export const resourceSummaryFragment = graphql(`
  fragment ResourceSummary on Resource {
    id
    title
    summary
    hidden
    moderation {
      hiddenBy
      reason
      caseId
    }
    kind
    language
    tags
    status
    helpfulCount
    url
    host
    publishedAt
    createdAt
    proposer {
      id
      displayName
    }
  }
`);

/** What a curation decision changes on a resource, for the row or page to update in place. */
export const resourceCurationFragment = graphql(`
  fragment ResourceCuration on Resource {
    id
    status
    publishedAt
    updatedAt
    viewerCanEdit
    viewerCanCurate
    decisions {
      id
      decision
      fromStatus
      toStatus
      reason
      createdAt
      actor {
        id
        displayName
      }
    }
  }
`);

export const RESOURCE_KINDS: readonly ResourceKind[] = [
  "GUIDE",
  "CASE_STUDY",
  "TOOLKIT",
  "TEMPLATE",
  "RECORDING",
  "COURSE",
  "ARTICLE",
];
export const RESOURCE_LANGUAGES: readonly ResourceLanguage[] = ["it", "en"];

/**
 * The curation workflow as the api enforces it (api/src/modules/library/resource.workflow.ts):
 * the decisions offered for a resource in each status. Anything else would be refused with
 * CONFLICT, so it is not offered.
 */
const DECISIONS_FROM: Record<ResourceStatus, readonly ResourceDecision[]> = {
  PROPOSED: ["PUBLISH", "FEATURE", "REQUEST_CHANGES", "REJECT"],
  CHANGES_REQUESTED: ["PUBLISH", "FEATURE", "REJECT"],
  PUBLISHED: ["FEATURE", "ARCHIVE"],
  FEATURED: ["UNFEATURE", "ARCHIVE"],
  ARCHIVED: ["PUBLISH"],
  REJECTED: [],
};

export function decisionsFrom(status: ResourceStatus): readonly ResourceDecision[] {
  return DECISIONS_FROM[status];
}

/** The proposer must be told why. */
export function needsReason(decision: ResourceDecision): boolean {
  return decision === "REQUEST_CHANGES" || decision === "REJECT";
}

/** Published material: in the library for every reader. */
export function isPublished(status: ResourceStatus): boolean {
  return status === "PUBLISHED" || status === "FEATURED";
}

/** Only web links become links: the api refuses anything else, and we do not trust that alone. */
export function isWebLink(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}
