import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useSearchParams } from "react-router";
import { useViewer } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { ButtonLink } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorState } from "../../ui/ErrorState";
import { LiveAnnouncer } from "../../ui/LiveAnnouncer";
import { Loading } from "../../ui/Loading";
import { LoadMore } from "../../ui/LoadMore";
import { MessagePage, PageLoading } from "../../ui/PageStates";
import { useAnnouncer } from "../../ui/useAnnouncer";
import { useLoadMore } from "../../ui/useLoadMore";
import { AutoHideThresholdForm } from "./AutoHideThresholdForm";
import { CaseRowItem } from "./CaseRowItem";
import type { CaseRow } from "./case.fragment";
import { QueueEvents } from "./QueueEvents";
import { QueueFiltersForm } from "./QueueFiltersForm";
import { caseMatches, readFilters, writeFilters } from "./queueFilters";
import { type ModeratedCommunity, useModeration } from "./useModeratedCommunities";
import "./moderation.css";

const PAGE_SIZE = 20;

const moderationQueueQuery = graphql(`
  query ModerationQueue(
    $first: Int!
    $after: String
    $communityId: ID
    $reason: ReportReason
    $state: CaseState
    $olderThanHours: Int
    $newestFirst: Boolean
  ) {
    moderationQueue(
      first: $first
      after: $after
      communityId: $communityId
      reason: $reason
      state: $state
      olderThanHours: $olderThanHours
      newestFirst: $newestFirst
    ) {
      totalCount
      edges {
        cursor
        node {
          id
          ...CaseRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const allCommunitiesQuery = graphql(`
  query ModerationAllCommunities {
    communities {
      id
      slug
      name
    }
  }
`);

/**
 * The review queue: what awaits a decision in the communities the viewer moderates (every
 * community and the profiles for an admin). Filters live in the address; cases that open or move
 * while the page is open are put in or taken out of the list, and said politely.
 */
export function QueuePage() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const { viewer } = useViewer();
  const moderation = useModeration();
  usePageTitle(t("moderation.queue.title"));

  if (moderation.loading) return <PageLoading />;
  if (!moderation.isModerator) {
    return (
      <MessagePage
        title={t("moderation.notAllowed.title")}
        body={viewer ? t("moderation.notAllowed.body") : t("moderation.notAllowed.anonymous")}
        actions={
          <>
            {viewer ? null : (
              <ButtonLink to="/login" state={{ from: pathname + search }}>
                {t("nav.login")}
              </ButtonLink>
            )}
            <ButtonLink to="/" variant="secondary">
              {t("common.backHome")}
            </ButtonLink>
          </>
        }
      />
    );
  }
  return <Queue isAdmin={moderation.isAdmin} own={moderation.communities} />;
}

function Queue({ isAdmin, own }: { isAdmin: boolean; own: ModeratedCommunity[] }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const { data: all } = useQuery(allCommunitiesQuery, { skip: !isAdmin });
  const communities: ModeratedCommunity[] = isAdmin ? (all?.communities ?? own) : own;
  const community = communities.find((c) => c.slug === filters.community) ?? null;
  const communityId = community?.id ?? null;
  const variables = {
    first: PAGE_SIZE,
    communityId,
    reason: filters.reason,
    state: filters.state,
    olderThanHours: filters.olderThanHours,
    newestFirst: filters.newestFirst,
  };
  const { data, loading, error, refetch, fetchMore } = useQuery(moderationQueueQuery, {
    variables,
    fetchPolicy: "cache-and-network",
  });
  const queue = data?.moderationQueue;
  const pager = useLoadMore(queue?.pageInfo, (after) => fetchMore({ variables: { after } }));
  // Cases heard of live since the list was read: newest versions, by id.
  const [live, setLive] = useState<Map<string, CaseRow>>(new Map());
  const [announcement, announce] = useAnnouncer();

  function onCase(changed: CaseRow) {
    const listed = queue?.edges.some(({ node }) => node.id === changed.id) || live.has(changed.id);
    const belongs = caseMatches(changed, filters, communityId, { listed: Boolean(listed) });
    setLive((previous) => new Map(previous).set(changed.id, changed));
    if (belongs && !listed) announce(t("moderation.queue.liveNew", { excerpt: changed.targetExcerpt }));
    else if (belongs) announce(t("moderation.queue.liveMoved", { excerpt: changed.targetExcerpt }));
    else if (listed) announce(t("moderation.queue.liveGone", { state: t(`moderation.state.${changed.state}`) }));
  }

  const listedIds = new Set(queue?.edges.map(({ node }) => node.id));
  const arrived = [...live.values()].filter(
    (c) => !listedIds.has(c.id) && caseMatches(c, filters, communityId, { listed: false }),
  );
  const loaded = queue?.edges.map(({ node }) => live.get(node.id) ?? node) ?? [];
  const kept = loaded.filter((c) => !live.has(c.id) || caseMatches(c, filters, communityId, { listed: true }));
  const rows = filters.newestFirst ? [...arrived.reverse(), ...kept] : [...kept, ...arrived];
  const total = queue ? queue.totalCount + arrived.length - (loaded.length - kept.length) : null;

  // One stream per community a facilitator moderates; an admin hears every case on one.
  const streams: (string | null)[] = communityId ? [communityId] : isAdmin ? [null] : own.map((c) => c.id);

  return (
    <div className="container page moderation">
      <h1>{t("moderation.queue.title")}</h1>
      <p className="section__intro">{isAdmin ? t("moderation.queue.introAdmin") : t("moderation.queue.intro")}</p>
      {streams.map((id) => (
        <QueueEvents key={id ?? "all"} communityId={id} onCase={onCase} />
      ))}
      <LiveAnnouncer announcement={announcement} />
      <QueueFiltersForm
        filters={filters}
        communities={communities}
        onChange={(next) => {
          setLive(new Map());
          setParams(writeFilters(next));
        }}
      />
      {community ? <AutoHideThresholdForm community={community} /> : null}
      <section aria-labelledby="queue-cases" className="moderation__cases">
        <h2 id="queue-cases">
          {t("moderation.queue.cases")} {total !== null ? <span className="count-pill">{total}</span> : null}
        </h2>
        {loading && !data ? (
          <Loading />
        ) : error && !data ? (
          <ErrorState error={error} retry={refetch} />
        ) : rows.length === 0 ? (
          <EmptyState title={t("moderation.queue.emptyTitle")}>
            <p>{t("moderation.queue.emptyBody")}</p>
          </EmptyState>
        ) : (
          <>
            <ul className="case-list" data-testid="moderation-queue">
              {rows.map((row) => (
                <CaseRowItem key={row.id} row={row} showCommunity={!communityId} />
              ))}
            </ul>
            <LoadMore pager={pager} />
          </>
        )}
      </section>
    </div>
  );
}
