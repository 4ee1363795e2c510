import { graphql } from "../../gql";
import type { DeliverableStatus, DeliverableViewFragment, SectionViewFragment } from "../../gql/graphql";

export const commentFieldsFragment = graphql(`
  fragment DeliverableCommentFields on DeliverableComment {
    id
    body
    quote
    hidden
    moderation {
      hiddenBy
      reason
      caseId
    }
    createdAt
    parentId
    resolved
    resolvedAt
    author {
      id
      displayName
    }
    resolvedBy {
      id
      displayName
    }
  }
`);

/** A comment thread: its first comment and the replies. */
export const commentThreadFragment = graphql(`
  fragment CommentThread on DeliverableComment {
    ...DeliverableCommentFields
    replies {
      ...DeliverableCommentFields
    }
  }
`);

export const amendmentViewFragment = graphql(`
  fragment AmendmentView on Amendment {
    id
    body
    rationale
    hidden
    moderation {
      hiddenBy
      reason
      caseId
    }
    status
    stale
    baseVersion
    createdAt
    decidedAt
    decisionReason
    proposer {
      id
      displayName
    }
    decider {
      id
      displayName
    }
    diff {
      kind
      text
    }
    currentDiff {
      kind
      text
    }
    viewerCanDecide
    viewerCanWithdraw
    comments {
      ...CommentThread
    }
  }
`);

/** What an amendment's proposal, rejection or withdrawal changes: it, and its section's list. */
export const amendmentChangeFragment = graphql(`
  fragment AmendmentChange on Amendment {
    id
    ...AmendmentView
    section {
      id
      amendments {
        id
        ...AmendmentView
      }
    }
  }
`);

export const sectionViewFragment = graphql(`
  fragment SectionView on Section {
    id
    heading
    body
    version
    position
    updatedAt
    viewerCanEdit
    lastRevision {
      id
      version
      createdAt
      editor {
        id
        displayName
      }
    }
    amendments {
      ...AmendmentView
    }
    comments {
      ...CommentThread
    }
  }
`);

/** What a change to the outline (a section added, removed or moved) changes. */
export const deliverableOutlineFragment = graphql(`
  fragment DeliverableOutline on Deliverable {
    id
    version
    sections {
      id
      ...SectionView
    }
  }
`);

/** What the page shows about the document itself; events bring it again when it changes. */
export const deliverableHeadFragment = graphql(`
  fragment DeliverableHead on Deliverable {
    id
    title
    summary
    status
    version
    createdAt
    updatedAt
    publishedAt
    organizations {
      id
      name
      slug
    }
    editors {
      id
      displayName
      handle
    }
    endorsements {
      id
      createdAt
      statement
      organization {
        id
        name
      }
    }
    viewerIsEditor
    viewerCanEdit
    viewerCanPropose
    viewerCanComment
    viewerNextStatuses
    viewerCanEndorseFor {
      id
      name
    }
    viewerCanWithdrawFor {
      id
      name
    }
  }
`);

export const deliverableViewFragment = graphql(`
  fragment DeliverableView on Deliverable {
    ...DeliverableHead
    eventCursor
    community {
      id
      slug
      name
      color
      viewerMembership {
        id
        role
        status
      }
    }
    presence {
      sectionId
      active
      user {
        id
        displayName
      }
    }
    sections {
      ...SectionView
    }
  }
`);

export type DeliverableView = DeliverableViewFragment;
export type SectionView = SectionViewFragment;
export type AmendmentView = SectionView["amendments"][number];
export type CommentThreadView = SectionView["comments"][number];
export type Person = { id: string; displayName: string };

export const STATUS_TONE = {
  DRAFT: "warning",
  REVIEW: "accent",
  APPROVED: "success",
  PUBLISHED: "success",
  ARCHIVED: "neutral",
} as const satisfies Record<DeliverableStatus, string>;

/** Where the export endpoints of the api live (plain HTTP, not GraphQL). */
export const exportMarkdownUrl = (id: string) => `/deliverables/${encodeURIComponent(id)}/export.md`;
export const printUrl = (id: string) => `/deliverables/${encodeURIComponent(id)}/print`;
