import { skipToken, useMutation, useQuery } from "@apollo/client/react";
import { type ReactNode, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import { onReconnect } from "../../app/apollo/client";
import { useViewer } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Button, ButtonLink } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorState } from "../../ui/ErrorState";
import { Loading } from "../../ui/Loading";
import { LoadMore } from "../../ui/LoadMore";
import { PageLoading } from "../../ui/PageStates";
import { RelativeTime } from "../../ui/RelativeTime";
import { useLoadMore } from "../../ui/useLoadMore";
import { countOneRead, type NotificationItem } from "./notification.fragment";
import { isResourceDecision, notificationPath, notificationText } from "./notificationText";
import "./notifications.css";

const notificationsQuery = graphql(`
  query Notifications($first: Int!, $after: String, $unreadOnly: Boolean) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      totalCount
      edges {
        cursor
        node {
          ...NotificationItem
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    unreadNotificationCount
  }
`);

const markNotificationReadMutation = graphql(`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      id
      read
    }
  }
`);

const markAllNotificationsReadMutation = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);

export function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t("notifications.title"));
  const { viewer, loading: viewerLoading } = useViewer();
  const unreadId = useId();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const { data, loading, error, refetch, fetchMore, client } = useQuery(
    notificationsQuery,
    viewer ? { variables: { first: 20, unreadOnly }, fetchPolicy: "cache-and-network" } : skipToken,
  );
  const notifications = data?.notifications;
  const pager = useLoadMore(notifications?.pageInfo, (after) => fetchMore({ variables: { after } }));
  const [markAll, markAllState] = useMutation(markAllNotificationsReadMutation);
  // What arrived while the socket was down is not replayed: ask for the list again.
  useEffect(() => onReconnect(() => void refetch().catch(() => undefined)), [refetch]);

  if (viewerLoading) return <PageLoading />;
  if (!viewer) return <Navigate to="/login" state={{ from: "/notifications" }} replace />;

  async function onMarkAll() {
    await markAll();
    // Every notification on screen is read now, and so are the rest.
    for (const edge of notifications?.edges ?? []) {
      client.cache.modify({ id: client.cache.identify(edge.node), fields: { read: () => true } });
    }
    client.cache.modify({ id: "ROOT_QUERY", fields: { unreadNotificationCount: () => 0 } });
    setAnnouncement(t("notifications.allRead"));
  }

  const unread = data?.unreadNotificationCount ?? 0;
  let content: ReactNode;
  if (loading && !data) content = <Loading />;
  else if (error && !data) content = <ErrorState error={error} retry={refetch} />;
  else if (!notifications || notifications.edges.length === 0) {
    content = (
      <EmptyState
        title={unreadOnly ? t("notifications.noneUnreadTitle") : t("notifications.emptyTitle")}
        action={
          <ButtonLink to="/" variant="secondary" size="sm">
            {t("notifications.browse")}
          </ButtonLink>
        }
      >
        <p>{t("notifications.emptyBody")}</p>
      </EmptyState>
    );
  } else {
    content = (
      <>
        <ul className="notification-list">
          {notifications.edges.map(({ node }) => (
            <NotificationRow key={node.id} notification={node} />
          ))}
        </ul>
        <LoadMore pager={pager} />
      </>
    );
  }

  return (
    <div className="container page notifications">
      <div className="notifications__head">
        <h1>{t("notifications.title")}</h1>
        <p className="notifications__summary">{t("notifications.unreadSummary", { count: unread })}</p>
      </div>
      <div className="notifications__controls">
        <p className="notifications__filter">
          <input
            id={unreadId}
            type="checkbox"
            checked={unreadOnly}
            onChange={(event) => setUnreadOnly(event.target.checked)}
          />
          <label htmlFor={unreadId}>{t("notifications.unreadOnly")}</label>
        </p>
        {unread > 0 ? (
          <Button
            variant="secondary"
            size="sm"
            busy={markAllState.loading}
            onClick={() => void onMarkAll().catch(() => undefined)}
          >
            {t("notifications.markAll")}
          </Button>
        ) : null}
      </div>
      <ActionProblem error={markAllState.error} />
      {content}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}

function NotificationRow({ notification }: { notification: NotificationItem }) {
  const { t } = useTranslation();
  const [markRead] = useMutation(markNotificationReadMutation);
  const path = notificationPath(notification);
  const text = notificationText(t, notification);

  function onOpen() {
    if (notification.read) return;
    // The way to the thread does not wait for this.
    void markRead({
      variables: { id: notification.id },
      optimisticResponse: {
        // The cache needs the type name to find the notification; the generated types leave it out.
        markNotificationRead: { __typename: "Notification", id: notification.id, read: true } as {
          id: string;
          read: boolean;
        },
      },
      update: (cache) => countOneRead(cache),
    }).catch(() => undefined);
  }

  return (
    <li className={`notification${notification.read ? "" : " notification--unread"}`}>
      <span className="notification__dot" aria-hidden="true" />
      <div className="notification__body">
        <p className="notification__text">
          {notification.read ? null : <span className="visually-hidden">{t("notifications.unread")}: </span>}
          {path ? (
            <Link to={path} onClick={onOpen} className="notification__link">
              {text}
            </Link>
          ) : (
            text
          )}
        </p>
        {notification.excerpt && !isResourceDecision(notification) ? (
          <p className="notification__excerpt">“{notification.excerpt}”</p>
        ) : null}
        <p className="notification__time">
          <RelativeTime value={notification.createdAt} />
        </p>
      </div>
    </li>
  );
}
