import type { ApolloCache } from "@apollo/client";
import { skipToken, useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import type { TFunction } from "i18next";
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
import { countOneRead, countRead } from "./notification.fragment";
import { groupPath, groupText, type NotificationGroupItem } from "./notificationGroup.fragment";
import { isResourceDecision } from "./notificationText";
import "./notifications.css";

const notificationGroupsQuery = graphql(`
  query NotificationGroups($first: Int!, $after: String, $unreadOnly: Boolean) {
    notificationGroups(first: $first, after: $after, unreadOnly: $unreadOnly) {
      totalCount
      edges {
        cursor
        node {
          ...NotificationGroupItem
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
    notificationGroupsQuery,
    viewer ? { variables: { first: 20, unreadOnly }, fetchPolicy: "cache-and-network" } : skipToken,
  );
  const notifications = data?.notificationGroups;
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
      client.cache.modify({ id: client.cache.identify(edge.node), fields: { unreadCount: () => 0 } });
      client.cache.modify({ id: client.cache.identify(edge.node.latest), fields: { read: () => true } });
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
            <GroupRow key={node.id} group={node} />
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

/** One thread's notifications ("3 new replies in …"), or one notification about anything else. */
function GroupRow({ group }: { group: NotificationGroupItem }) {
  const { t } = useTranslation();
  const [markRead] = useMutation(markNotificationReadMutation);
  const path = groupPath(group);
  const text = groupText(t, group);
  const unread = group.unreadCount > 0;
  const latest = group.latest;

  function onOpen(cache: ApolloCache) {
    if (!unread) return;
    if (group.thread) {
      // The thread page reads its notifications on the server as it opens; the list says so now.
      cache.modify({ id: cache.identify(group), fields: { unreadCount: () => 0 } });
      countRead(cache, group.unreadCount);
      return;
    }
    // The way to the subject does not wait for this.
    void markRead({
      variables: { id: latest.id },
      optimisticResponse: {
        // The cache needs the type name to find the notification; the generated types leave it out.
        markNotificationRead: { __typename: "Notification", id: latest.id, read: true } as {
          id: string;
          read: boolean;
        },
      },
      update: (c) => {
        c.modify({ id: c.identify(group), fields: { unreadCount: () => 0 } });
        countOneRead(c);
      },
    }).catch(() => undefined);
  }

  return <GroupRowView group={group} path={path} text={text} unread={unread} onOpen={onOpen} t={t} />;
}

function GroupRowView({
  group,
  path,
  text,
  unread,
  onOpen,
  t,
}: {
  group: NotificationGroupItem;
  path: string | null;
  text: string;
  unread: boolean;
  onOpen: (cache: ApolloCache) => void;
  t: TFunction;
}) {
  const client = useApolloClient();
  const latest = group.latest;
  return (
    <li className={`notification${unread ? " notification--unread" : ""}`}>
      <span className="notification__dot" aria-hidden="true" />
      <div className="notification__body">
        <p className="notification__text">
          {unread ? <span className="visually-hidden">{t("notifications.unread")}: </span> : null}
          {path ? (
            <Link to={path} onClick={() => onOpen(client.cache)} className="notification__link">
              {text}
            </Link>
          ) : (
            text
          )}
        </p>
        {latest.excerpt && !isResourceDecision(latest) ? (
          <p className="notification__excerpt">“{latest.excerpt}”</p>
        ) : null}
        <p className="notification__time">
          {group.count > 1 && group.latestActor
            ? `${t("notifications.latestBy", { actor: group.latestActor.displayName })} · `
            : null}
          <RelativeTime value={group.latestAt} />
        </p>
      </div>
    </li>
  );
}
