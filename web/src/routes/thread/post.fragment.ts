import type { ApolloCache, Reference } from "@apollo/client";
import { graphql } from "../../gql";
import type { ThreadPostFragment } from "../../gql/graphql";

/** Everything a post shows; the page, the live events and the mutations all select it. */
export const threadPostFragment = graphql(`
  fragment ThreadPost on Post {
    id
    cursor
    body
    deleted
    deletedReason
    hidden
    moderation {
      hiddenBy
      reason
      caseId
    }
    edited
    editedAt
    createdAt
    author {
      id
      displayName
      handle
    }
    replyTo {
      id
      deleted
      hidden
      body
      author {
        id
        displayName
      }
    }
    reactions {
      kind
      count
      viewerReacted
    }
    viewerCanEdit
    viewerCanDelete
  }
`);

export type ThreadPost = ThreadPostFragment;

interface PostEdge {
  __typename: "PostEdge";
  cursor: string;
  node: Reference;
}

interface StoredPosts {
  edges: PostEdge[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/**
 * What became of a post handed to `appendPost`: added to the list, already in it (a replayed
 * event, or our own post echoed back), or after pages that are not loaded yet (it will come
 * with them).
 */
export type AppendResult = "added" | "present" | "later";

/** Adds a post at its place in the thread's cached posts. */
export function appendPost(cache: ApolloCache, threadId: string, post: ThreadPost): AppendResult {
  const id = cache.identify({ __typename: "Thread", id: threadId });
  const node = cache.writeFragment({ fragment: threadPostFragment, data: post });
  if (!id || !node) return "later";
  let result: AppendResult = "later";
  cache.modify<{ posts: StoredPosts; replyCount: number }>({
    id,
    fields: {
      posts(existing) {
        const stored = existing as StoredPosts | undefined;
        if (stored?.edges.some((edge) => edge.cursor === post.cursor)) {
          result = "present";
          return existing;
        }
        if (!stored || stored.pageInfo.hasNextPage) return existing;
        result = "added";
        const edges = [...stored.edges, { __typename: "PostEdge" as const, cursor: post.cursor, node }].sort(
          (a, b) => Number(a.cursor) - Number(b.cursor),
        );
        return {
          ...stored,
          edges,
          totalCount: stored.totalCount + 1,
          pageInfo: { ...stored.pageInfo, endCursor: edges.at(-1)?.cursor ?? null },
        } as unknown as typeof existing;
      },
    },
  });
  // (TypeScript cannot see that the modifier above assigns `result`.)
  if ((result as AppendResult) === "added") {
    cache.modify<{ replyCount: number }>({ id, fields: { replyCount: (count) => (count as number) + 1 } });
  }
  return result;
}
