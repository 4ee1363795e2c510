import type { ApolloCache, Reference } from "@apollo/client";
import { graphql } from "../../gql";
import type { NotificationItemFragment } from "../../gql/graphql";

export const notificationItemFragment = graphql(`
  fragment NotificationItem on Notification {
    id
    kind
    excerpt
    createdAt
    read
    caseId
    actor {
      id
      displayName
    }
    thread {
      id
      title
      community {
        id
        slug
      }
    }
    post {
      id
      cursor
    }
    deliverable {
      id
      title
    }
    amendment {
      id
      status
      section {
        id
      }
    }
    application {
      id
      name
      status
      # Selected with the status, so that an application on screen (shared by id in the cache)
      # never shows a new status with the old abilities; its version stays the one read, so an
      # action on what is shown is still refused as stale (CONFLICT) and reloads it.
      viewerCanEdit
      viewerCanWithdraw
      viewerCanDecide
    }
    organization {
      id
      slug
      name
    }
    decision {
      id
      title
    }
    event {
      id
      title
    }
    fundingCall {
      id
      title
    }
    partnerSearch {
      id
      call {
        id
        title
      }
    }
    buyerRequest {
      id
      title
    }
  }
`);

export type NotificationItem = NotificationItemFragment;

interface StoredNotifications {
  edges: { __typename: "NotificationEdge"; cursor: string; node: Reference }[];
  totalCount: number;
}

/** A live notification: counted as unread and put first in every cached list of them. */
export function addNotification(cache: ApolloCache, notification: NotificationItem): void {
  const node = cache.writeFragment({ fragment: notificationItemFragment, data: notification });
  if (!node) return;
  cache.modify({
    id: "ROOT_QUERY",
    fields: {
      notifications(existing, { readField }) {
        const stored = existing as StoredNotifications | undefined;
        if (!stored || stored.edges.some((edge) => readField("id", edge.node) === notification.id)) return existing;
        const edge = { __typename: "NotificationEdge" as const, cursor: notification.id, node };
        return { ...stored, edges: [edge, ...stored.edges], totalCount: stored.totalCount + 1 } as typeof existing;
      },
      unreadNotificationCount: (count) => (notification.read ? count : (count as number) + 1),
    },
  });
}

/** One fewer unread, never below zero. */
export function countOneRead(cache: ApolloCache): void {
  countRead(cache, 1);
}

/** `n` fewer unread (a thread's group opened), never below zero. */
export function countRead(cache: ApolloCache, n: number): void {
  cache.modify({
    id: "ROOT_QUERY",
    fields: { unreadNotificationCount: (count) => Math.max(0, (count as number) - n) },
  });
}
