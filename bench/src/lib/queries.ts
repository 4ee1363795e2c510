/** The GraphQL documents the benches send (field names from api/schema.graphql). */

/** What one post of the thread page shows: author, the quote it answers, reaction counts. */
const POST_FIELDS = `id body createdAt author { id displayName }
          replyTo { id body author { id displayName } }
          reactions { kind count viewerReacted }`;

/** The thread page: a thread and its first 50 posts. */
export const THREAD_PAGE_QUERY = `query ThreadPage($id: ID!) {
  thread(id: $id) {
    id title body author { id displayName }
    posts(first: 50) {
      edges {
        cursor
        node {
          ${POST_FIELDS}
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

/** A page of a thread's posts after a cursor (the post's seq). */
export const THREAD_POSTS_QUERY = `query ThreadPosts($id: ID!, $first: Int!, $after: String) {
  thread(id: $id) {
    id
    posts(first: $first, after: $after) {
      edges {
        cursor
        node {
          ${POST_FIELDS}
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

/** A page of a community's discussions, as the web's list shows them (ThreadSummary). */
export const COMMUNITY_THREADS_QUERY = `query CommunityThreads($slug: String!, $first: Int!, $after: String) {
  community(slug: $slug) {
    id
    threads(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id title tags pinned locked replyCount createdAt lastActivityAt unreadCount
          author { id displayName }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;
