import { useLazyQuery, useQuery, useSubscription } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink } from "react-router";
import { graphql } from "../gql";
import { addNotification } from "../routes/notifications/notification.fragment";
import { groupPath, groupText } from "../routes/notifications/notificationGroup.fragment";
import { notificationText } from "../routes/notifications/notificationText";
import { RelativeTime } from "../ui/RelativeTime";
import { useDisclosure } from "../ui/useDisclosure";
import { onReconnect } from "./apollo/client";
import { isOpenThread } from "./openThread";
import "./bell.css";

export const unreadNotificationCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

const bellGroupsQuery = graphql(`
  query BellGroups {
    notificationGroups(first: 6) {
      edges {
        node {
          ...NotificationGroupItem
        }
      }
    }
  }
`);

const notificationAddedSubscription = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      ...NotificationItem
    }
  }
`);

/**
 * The header's bell: how many notifications are unread, live, leading to /notifications; beside
 * it a disclosure with the latest, one entry per thread ("3 new replies in …"). The bell stays a
 * link (its one job, and what every page test signs in by); the panel closes like the account
 * menu: on Escape, on a click outside and on navigation.
 */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const [announcement, setAnnouncement] = useState("");
  const { open, setOpen, panelId, rootRef, toggleRef } = useDisclosure();
  const { data, refetch } = useQuery(unreadNotificationCountQuery);
  const [loadGroups, groups] = useLazyQuery(bellGroupsQuery, { fetchPolicy: "network-only" });
  // Notifications are not replayed over the socket: after it was lost, ask for the count again.
  useEffect(() => onReconnect(() => void refetch().catch(() => undefined)), [refetch]);
  useSubscription(notificationAddedSubscription, {
    ignoreResults: true,
    onData: ({ client, data: result }) => {
      const notification = result.data?.notificationAdded;
      // A reply in the thread the reader has in view is not news: the page marks it read.
      if (!notification || isOpenThread(notification.thread?.id)) return;
      addNotification(client.cache, notification);
      // Groups are counted on the server: the open lists ask again rather than re-count here.
      void client.refetchQueries({ include: ["BellGroups", "NotificationGroups"] }).catch(() => undefined);
      setAnnouncement(notificationText(t, notification));
    },
  });

  function toggle() {
    // Asked afresh on every opening: the count may have moved since (a thread opened elsewhere).
    if (!open) void loadGroups().catch(() => undefined);
    setOpen((value) => !value);
  }

  const count = data?.unreadNotificationCount ?? 0;
  const shown = count > 99 ? "99+" : new Intl.NumberFormat(i18n.language).format(count);
  const entries = groups.data?.notificationGroups.edges.map((edge) => edge.node) ?? [];

  return (
    <div className="bell-wrap" ref={rootRef}>
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
      <button
        ref={toggleRef}
        type="button"
        className="bell-toggle"
        aria-label={t("notifications.panel")}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.8" />
        </svg>
      </button>
      <div className="bell-panel" id={panelId} hidden={!open}>
        <p className="bell-panel__title">{t("notifications.panel")}</p>
        {groups.data && entries.length === 0 ? (
          <p className="bell-panel__empty">{t("notifications.nothingNew")}</p>
        ) : null}
        <ul>
          {entries.map((group) => {
            const path = groupPath(group);
            const text = groupText(t, group);
            return (
              <li
                key={group.id}
                className={group.unreadCount > 0 ? "bell-panel__item bell-panel__item--unread" : "bell-panel__item"}
              >
                {path ? <Link to={path}>{text}</Link> : <span>{text}</span>}
                <span className="bell-panel__meta">
                  {group.count > 1 && group.latestActor
                    ? `${t("notifications.latestBy", { actor: group.latestActor.displayName })} · `
                    : null}
                  <RelativeTime value={group.latestAt} />
                </span>
              </li>
            );
          })}
        </ul>
        <Link to="/notifications" className="bell-panel__all">
          {t("notifications.seeAll")}
        </Link>
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
