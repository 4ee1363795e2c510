import { skipToken, useQuery } from "@apollo/client/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { graphql } from "../../gql";
import type { ResourceStatus, ResourceSummaryFragment } from "../../gql/graphql";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorState } from "../../ui/ErrorState";
import { Loading } from "../../ui/Loading";
import { LoadMore } from "../../ui/LoadMore";
import { RelativeTime } from "../../ui/RelativeTime";
import { useLoadMore } from "../../ui/useLoadMore";
import { CurationActions } from "./CurationActions";
import { LinkIcon } from "./ResourceCard";
import { isWebLink } from "./resource.fragment";
import { StatusBadge } from "./StatusBadge";
import "./library.css";

const PAGE_SIZE = 20;

const curationResourcesQuery = graphql(`
  query CurationResources($slug: String!, $status: ResourceStatus!, $first: Int!, $after: String) {
    community(slug: $slug) {
      id
      resources(first: $first, after: $after, status: $status, sort: NEWEST) {
        totalCount
        edges {
          cursor
          node {
            id
            ...ResourceSummary
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

const curationCountQuery = graphql(`
  query CurationCount($slug: String!) {
    community(slug: $slug) {
      id
      resources(first: 1, status: PROPOSED) {
        totalCount
      }
    }
  }
`);

/** How many proposals wait for a facilitator (null while unknown or for anyone else). */
export function useCurationCount(slug: string, canCurate: boolean): number | null {
  const { data } = useQuery(
    curationCountQuery,
    canCurate ? { variables: { slug }, fetchPolicy: "cache-and-network" } : skipToken,
  );
  return data?.community?.resources.totalCount ?? null;
}

/**
 * The facilitators' queue: new proposals, and those waiting for their proposer's changes.
 * Every row is decided on in place, without leaving the list.
 */
export function CurationQueue({ slug }: { slug: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="curation-title" className="community__section curation">
      <h2 id="curation-title">{t("curation.title")}</h2>
      <p className="section__intro">{t("curation.intro")}</p>
      <CurationList
        slug={slug}
        status="PROPOSED"
        title={t("curation.proposed")}
        emptyTitle={t("curation.proposedEmptyTitle")}
        emptyBody={t("curation.proposedEmptyBody")}
      />
      <CurationList
        slug={slug}
        status="CHANGES_REQUESTED"
        title={t("curation.changesRequested")}
        emptyTitle={t("curation.changesRequestedEmptyTitle")}
        emptyBody={t("curation.changesRequestedEmptyBody")}
      />
    </section>
  );
}

interface CurationListProps {
  slug: string;
  status: ResourceStatus;
  title: string;
  emptyTitle: string;
  emptyBody: string;
}

function CurationList({ slug, status, title, emptyTitle, emptyBody }: CurationListProps) {
  const headingId = `curation-${status.toLowerCase()}`;
  const { data, loading, error, refetch, fetchMore } = useQuery(curationResourcesQuery, {
    variables: { slug, status, first: PAGE_SIZE },
    fetchPolicy: "cache-and-network",
    // Rows stay where they are once decided on: the list is read again only on the next visit.
    nextFetchPolicy: "cache-first",
  });
  const resources = data?.community?.resources;
  const pager = useLoadMore(resources?.pageInfo, (after) => fetchMore({ variables: { after } }));

  let content: ReactNode;
  if (loading && !data) content = <Loading />;
  else if (error && !data) content = <ErrorState error={error} retry={refetch} />;
  else if (!resources || resources.edges.length === 0) {
    content = (
      <EmptyState title={emptyTitle}>
        <p>{emptyBody}</p>
      </EmptyState>
    );
  } else {
    content = (
      <>
        <ul className="curation-list">
          {resources.edges.map(({ node }) => (
            <CurationRow key={node.id} resource={node} />
          ))}
        </ul>
        <LoadMore pager={pager} />
      </>
    );
  }

  return (
    <section aria-labelledby={headingId} className="curation__group">
      <h3 id={headingId}>
        {title}{" "}
        {resources && resources.totalCount > 0 ? <span className="count-pill">{resources.totalCount}</span> : null}
      </h3>
      {content}
    </section>
  );
}

function CurationRow({ resource }: { resource: ResourceSummaryFragment }) {
  const { t } = useTranslation();
  return (
    <li className="curation-row">
      <div className="curation-row__head">
        <h4 className="curation-row__title">
          <Link to={`/r/${resource.id}`}>{resource.title}</Link>
        </h4>
        <StatusBadge status={resource.status} />
      </div>
      <p className="curation-row__meta">
        {t("library.proposedBy", { name: resource.proposer.displayName })} · <RelativeTime value={resource.createdAt} />{" "}
        · {t(`library.kind.${resource.kind}`)} · {t(`library.language.${resource.language}`)}
      </p>
      <p className="curation-row__summary">{resource.summary}</p>
      {isWebLink(resource.url) ? (
        <p className="curation-row__link">
          <a href={resource.url} target="_blank" rel="noopener noreferrer nofollow">
            <LinkIcon /> {resource.host ?? resource.url}
            <span className="visually-hidden"> ({t("common.opensInNewTab")})</span>
          </a>
        </p>
      ) : null}
      {resource.tags.length > 0 ? (
        <ul className="tag-list" aria-label={t("threads.tags")}>
          {resource.tags.map((tag) => (
            <li key={tag}>
              <span className="tag tag--static">
                <span className="visually-hidden">{t("threads.tagPrefix")} </span>#{tag}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <CurationActions resource={resource} nameInLabels />
    </li>
  );
}
