import { useQuery, useSubscription } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { graphql } from "../gql";
import { addNotification } from "../routes/notifications/notification.fragment";
import { notificationText } from "../routes/notifications/notificationText";
import { onReconnect } from "./apollo/client";

export const unreadNotificationCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

const notificationAddedSubscription = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      ...NotificationItem
    }
  }
`);

/** The header's bell: how many notifications are unread, live, and the way to them. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const [announcement, setAnnouncement] = useState("");
  const { data, refetch } = useQuery(unreadNotificationCountQuery);
  // Notifications are not replayed over the socket: after it was lost, ask for the count again.
  useEffect(() => onReconnect(() => void refetch().catch(() => undefined)), [refetch]);
  useSubscription(notificationAddedSubscription, {
    ignoreResults: true,
    onData: ({ client, data: result }) => {
      const notification = result.data?.notificationAdded;
      if (!notification) return;
      addNotification(client.cache, notification);
      setAnnouncement(notificationText(t, notification));
    },
  });
  const count = data?.unreadNotificationCount ?? 0;
  const shown = count > 99 ? "99+" : new Intl.NumberFormat(i18n.language).format(count);

  return (
    <>
      <NavLink to="/notifications" className="bell" aria-label={t("notifications.bell", { count })}>
        <svg className="bell__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 2.5a6 6 0 0 0-6 6v3.6l-1.7 3.2A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.7L18 12.1V8.5a6 6 0 0 0-6-6Zm-2.6 16a2.7 2.7 0 0 0 5.2 0Z" />
        </svg>
        {count > 0 ? (
          <span className="bell__count" aria-hidden="true">
            {shown}
          </span>
        ) : null}
      </NavLink>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </>
  );
}
