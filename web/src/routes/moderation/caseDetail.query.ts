import { graphql } from "../../gql";
import type { CaseDetailFragment } from "../../gql/graphql";

/** Everything the case page shows; the api leaves out (null, []) what the viewer may not read. */
export const caseDetailFragment = graphql(`
  fragment CaseDetail on ModerationCase {
    id
    ...CaseRow
    message
    until
    scope
    decidedAt
    decidedBy {
      id
      displayName
    }
    author {
      id
      displayName
    }
    target {
      __typename
      ... on Post {
        id
        body
      }
      ... on Thread {
        id
        title
        body
      }
      ... on Resource {
        id
        title
        summary
      }
      ... on DeliverableComment {
        id
        body
      }
      ... on Amendment {
        id
        body
        rationale
      }
      ... on User {
        id
        displayName
        bio
      }
    }
    reports {
      id
      reason
      note
      createdAt
      reporter {
        id
        displayName
      }
    }
    authorRecord {
      memberSince
      postsCount
      casesActioned
      warnings
      restrictions
      suspensions
      recentCases {
        id
        state
        targetKind
        action
        createdAt
      }
    }
    history {
      id
      from
      to
      step
      note
      message
      until
      at
      actor {
        id
        displayName
      }
    }
    appeal {
      id
      statement
      state
      createdAt
      decidedAt
    }
    appealDeadline
    messages {
      id
      body
      createdAt
      author {
        id
        displayName
      }
    }
    viewerCanDecide
    viewerCanAppeal
    viewerCanDecideAppeal
    viewerCanMessage
  }
`);

export const moderationCaseQuery = graphql(`
  query ModerationCase($id: ID!) {
    moderationCase(id: $id) {
      id
      ...CaseDetail
    }
  }
`);

export type CaseDetail = CaseDetailFragment;
