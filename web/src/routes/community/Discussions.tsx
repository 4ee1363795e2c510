import { useQuery } from "@apollo/client/react";
import { type ReactNode, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useSearchParams } from "react-router";
import { onReconnect } from "../../app/apollo/client";
import { hasCode } from "../../app/errors";
import { graphql } from "../../gql";
import type { CommunityVisibility, ThreadSort } from "../../gql/graphql";
import { ButtonLink } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorState } from "../../ui/ErrorState";
import { Loading } from "../../ui/Loading";
import { LoadMore } from "../../ui/LoadMore";
import { useLoadMore } from "../../ui/useLoadMore";
import { NewThreadForm } from "./NewThreadForm";
import { ThreadRow } from "./ThreadRow";
import { useCommunityEvents } from "./useCommunityEvents";

const PAGE_SIZE = 20;
const SORTS: readonly ThreadSort[] = ["LATEST_ACTIVITY", "NEWEST", "MOST_REPLIES"];

const communityThreadsQuery = graphql(`
  query CommunityThreads($slug: String!, $first: Int!, $after: String, $sort: ThreadSort, $tag: String) {
    community(slug: $slug) {
      id
      threads(first: $first, after: $after, sort: $sort, tag: $tag) {
        totalCount
        edges {
          cursor
          node {
            ...ThreadSummary
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

function sortFrom(value: string | null): ThreadSort {
  return SORTS.find((s) => s === value) ?? "LATEST_ACTIVITY";
}

interface DiscussionsProps {
  community: { id: string; slug: string; name: string; visibility: CommunityVisibility };
  signedIn: boolean;
  /** An active member: may start discussions. */
  canStart: boolean;
}

export function Discussions({ community, signedIn, canStart }: DiscussionsProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const sortId = useId();
  const [params, setParams] = useSearchParams();
  const sort = sortFrom(params.get("sort"));
  const tag = params.get("tag") || null;
  const [updates, setUpdates] = useState<ReadonlySet<string>>(new Set());
  // Community events are not replayed: after the connection was lost, offer the latest list.
  const [mayBeStale, setMayBeStale] = useState(false);
  useEffect(() => onReconnect(() => setMayBeStale(true)), []);

  const { data, loading, error, refetch, fetchMore } = useQuery(communityThreadsQuery, {
    variables: { slug: community.slug, first: PAGE_SIZE, sort, tag },
    fetchPolicy: "cache-and-network",
  });
  const threads = data?.community?.threads;
  const pager = useLoadMore(threads?.pageInfo, (after) => fetchMore({ variables: { after } }));
  const shown = new Set(threads?.edges.map((edge) => edge.node.id));
  const readable = !error || Boolean(data);

  useCommunityEvents(readable ? community.id : null, (event) => {
    if (event.kind === "resourcePublished") return;
    const thread = event.thread;
    // On screen, a thread changes in place; anything else waits behind the quiet bar.
    if (event.kind === "threadUpdated" && shown.has(thread.id)) return;
    if (tag && !thread.tags.includes(tag)) return;
    setUpdates((current) => (current.has(thread.id) ? current : new Set(current).add(thread.id)));
  });

  function setParam(name: "sort" | "tag", value: string | null) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { preventScrollReset: true });
    setUpdates(new Set());
    setMayBeStale(false);
  }

  async function showUpdates() {
    setUpdates(new Set());
    setMayBeStale(false);
    await refetch();
  }

  let content: ReactNode;
  if (loading && !data) {
    content = <Loading />;
  } else if (error && !data) {
    content =
      hasCode(error, "FORBIDDEN") || hasCode(error, "UNAUTHENTICATED") ? (
        <EmptyState title={t("threads.hiddenTitle")}>
          <p>{community.visibility === "MEMBERS" ? t("threads.hiddenMembersOnly") : t("threads.hiddenBody")}</p>
        </EmptyState>
      ) : (
        <ErrorState error={error} retry={refetch} />
      );
  } else if (!threads || threads.edges.length === 0) {
    content = tag ? (
      <EmptyState title={t("threads.noneTaggedTitle", { tag })}>
        <p>{t("threads.noneTaggedBody")}</p>
      </EmptyState>
    ) : (
      <EmptyState
        title={t("threads.emptyTitle")}
        action={
          signedIn ? null : (
            <ButtonLink to="/login" state={{ from: location.pathname }} size="sm">
              {t("nav.login")}
            </ButtonLink>
          )
        }
      >
        <p>{canStart ? t("threads.emptyStart") : signedIn ? t("threads.emptyJoin") : t("threads.emptySignIn")}</p>
      </EmptyState>
    );
  } else {
    content = (
      <>
        <ul className="thread-list">
          {threads.edges.map(({ node }) => (
            <ThreadRow
              key={node.id}
              thread={node}
              showUnread={signedIn}
              activeTag={tag}
              onTag={(value) => setParam("tag", value)}
            />
          ))}
        </ul>
        <p className="thread-list__status" role="status">
          {t("threads.shown", { shown: threads.edges.length, count: threads.totalCount })}
        </p>
        <LoadMore pager={pager} />
      </>
    );
  }

  return (
    <section aria-labelledby="discussions-title" className="community__section discussions">
      <div className="section-head">
        <h2 id="discussions-title">{t("threads.title")}</h2>
        {canStart ? <NewThreadForm communityId={community.id} communitySlug={community.slug} /> : null}
      </div>

      {/* Nothing to sort or filter yet: the empty state says what to do instead. */}
      {threads?.edges.length === 0 && !tag ? null : (
        <div className="discussions__controls">
          <div className="discussions__sort">
            <label htmlFor={sortId}>{t("threads.sortLabel")}</label>
            <select
              id={sortId}
              className="select"
              value={sort}
              onChange={(event) =>
                setParam("sort", event.target.value === "LATEST_ACTIVITY" ? null : event.target.value)
              }
            >
              {SORTS.map((value) => (
                <option key={value} value={value}>
                  {t(`threads.sort.${value}`)}
                </option>
              ))}
            </select>
          </div>
          {tag ? (
            <p className="active-filter">
              <span>{t("threads.filteredBy")}</span> <span className="tag tag--static">#{tag}</span>{" "}
              <button type="button" className="link-button" onClick={() => setParam("tag", null)}>
                {t("threads.clearFilter")}
              </button>
            </p>
          ) : null}
        </div>
      )}

      {updates.size > 0 || mayBeStale ? (
        <div className="live-bar live-bar--top">
          <button type="button" className="live-bar__button" onClick={() => void showUpdates()}>
            {updates.size > 0 ? t("threads.updates", { count: updates.size }) : t("threads.reconnected")}
          </button>
        </div>
      ) : null}

      {content}
    </section>
  );
}
