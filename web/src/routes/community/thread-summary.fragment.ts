import { graphql } from "../../gql";

/** What a row of the discussions list shows; the list and its live events select the same. */
export const threadSummaryFragment = graphql(`
  fragment ThreadSummary on Thread {
    id
    title
    hidden
    moderation {
      hiddenBy
      reason
    }
    tags
    pinned
    locked
    replyCount
    createdAt
    lastActivityAt
    unreadCount
    author {
      id
      displayName
    }
  }
`);
