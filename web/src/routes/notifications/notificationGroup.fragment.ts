import type { TFunction } from "i18next";
import { graphql } from "../../gql";
import type { NotificationGroupItemFragment } from "../../gql/graphql";
import { notificationPath, notificationText } from "./notificationText";

export const notificationGroupItemFragment = graphql(`
  fragment NotificationGroupItem on NotificationGroup {
    id
    count
    unreadCount
    latestAt
    latestActor {
      id
      displayName
    }
    thread {
      id
      title
    }
    firstUnreadPost {
      id
    }
    latest {
      ...NotificationItem
    }
  }
`);

export type NotificationGroupItem = NotificationGroupItemFragment;

/** “3 new replies in T”, or the single notification's own sentence. */
export function groupText(t: TFunction, group: NotificationGroupItem): string {
  if (group.thread && group.count > 1) {
    return group.unreadCount > 0
      ? t("notifications.newReplies", { count: group.unreadCount, thread: group.thread.title })
      : t("notifications.replies", { count: group.count, thread: group.thread.title });
  }
  return notificationText(t, group.latest);
}

/** A thread's group opens the thread at its first unread post; any other, where its notification leads. */
export function groupPath(group: NotificationGroupItem): string | null {
  if (group.thread) {
    return `/t/${group.thread.id}${group.firstUnreadPost ? `#post-${group.firstUnreadPost.id}` : ""}`;
  }
  return notificationPath(group.latest);
}
