import { useQuery } from "@apollo/client/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { ButtonLink } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorState } from "../../ui/ErrorState";
import { Loading } from "../../ui/Loading";
import { LoadMore } from "../../ui/LoadMore";
import { MessagePage, PageError, PageLoading } from "../../ui/PageStates";
import { RelativeTime } from "../../ui/RelativeTime";
import { useLoadMore } from "../../ui/useLoadMore";
import "./moderation.css";

const PAGE_SIZE = 30;

const logCommunityQuery = graphql(`
  query ModerationLogCommunity($slug: String!) {
    community(slug: $slug) {
      id
      slug
      name
      viewerCanModerate
    }
  }
`);

const publicLogQuery = graphql(`
  query PublicModerationLog($communityId: ID!, $first: Int!, $after: String) {
    publicModerationLog(communityId: $communityId, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          at
          step
          targetKind
          reason
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const communityLogQuery = graphql(`
  query CommunityModerationLog($communityId: ID!, $first: Int!, $after: String) {
    communityModerationLog(communityId: $communityId, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          at
          step
          targetKind
          reason
          note
          caseId
          actor {
            id
            displayName
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/**
 * A community's moderation log: for every reader, what was hidden (and shown again) and why,
 * never who reported it; for its facilitators and admins, every entry in full.
 */
export function ModerationLogPage() {
  const { slug = "" } = useParams();
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(logCommunityQuery, { variables: { slug } });
  const community = data?.community;
  usePageTitle(community ? t("moderation.log.title", { community: community.name }) : null);

  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} retry={refetch} />;
  if (!community) {
    return (
      <MessagePage
        title={t("moderation.log.notFound")}
        body={t("moderation.log.notFoundBody")}
        actions={
          <ButtonLink to="/" variant="secondary">
            {t("common.backHome")}
          </ButtonLink>
        }
      />
    );
  }

  return (
    <div className="container page moderation">
      <nav aria-label={t("moderation.case.breadcrumb")} className="moderation__back">
        <Link to={`/c/${community.slug}`}>{community.name}</Link>
      </nav>
      <h1>{t("moderation.log.title", { community: community.name })}</h1>
      {community.viewerCanModerate ? <FullLog communityId={community.id} /> : <PublicLog communityId={community.id} />}
    </div>
  );
}

function PublicLog({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch, fetchMore } = useQuery(publicLogQuery, {
    variables: { communityId, first: PAGE_SIZE },
    fetchPolicy: "cache-and-network",
  });
  const log = data?.publicModerationLog;
  const pager = useLoadMore(log?.pageInfo, (after) => fetchMore({ variables: { after } }));
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorState error={error} retry={refetch} />;
  return (
    <LogEntries intro={t("moderation.log.publicIntro")} empty={!log || log.edges.length === 0} pager={pager}>
      {log?.edges.map(({ node }) => (
        <li key={node.id}>
          <RelativeTime value={node.at} /> · {t(`moderation.step.${node.step}`)} ·{" "}
          {t(`moderation.kind.${node.targetKind}`)}
          {node.reason ? ` · ${t(`moderation.reason.${node.reason}`)}` : null}
        </li>
      ))}
    </LogEntries>
  );
}

function FullLog({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch, fetchMore } = useQuery(communityLogQuery, {
    variables: { communityId, first: PAGE_SIZE },
    fetchPolicy: "cache-and-network",
  });
  const log = data?.communityModerationLog;
  const pager = useLoadMore(log?.pageInfo, (after) => fetchMore({ variables: { after } }));
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorState error={error} retry={refetch} />;
  return (
    <LogEntries intro={t("moderation.log.fullIntro")} empty={!log || log.edges.length === 0} pager={pager}>
      {log?.edges.map(({ node }) => (
        <li key={node.id}>
          <p>
            <RelativeTime value={node.at} /> · <strong>{t(`moderation.step.${node.step}`)}</strong> ·{" "}
            {t(`moderation.kind.${node.targetKind}`)}
            {node.reason ? ` · ${t(`moderation.reason.${node.reason}`)}` : null}
            {" · "}
            {node.actor ? node.actor.displayName : t("moderation.case.system")}
            {node.caseId ? (
              <>
                {" · "}
                <Link to={`/moderation/cases/${node.caseId}`}>{t("moderation.log.openCase")}</Link>
              </>
            ) : null}
          </p>
          {node.note ? <p className="muted">{node.note}</p> : null}
        </li>
      ))}
    </LogEntries>
  );
}

/** What both logs show around their entries: the intro, the empty state, the list and Load more. */
function LogEntries({
  intro,
  empty,
  pager,
  children,
}: {
  intro: string;
  empty: boolean;
  pager: Parameters<typeof LoadMore>[0]["pager"];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p className="section__intro">{intro}</p>
      {empty ? (
        <EmptyState title={t("moderation.log.emptyTitle")}>
          <p>{t("moderation.log.emptyBody")}</p>
        </EmptyState>
      ) : (
        <>
          <ol className="moderation-log">{children}</ol>
          <LoadMore pager={pager} />
        </>
      )}
    </>
  );
}
