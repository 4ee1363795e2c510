import { skipToken, useQuery } from "@apollo/client/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { useViewer } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { ButtonLink } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorState } from "../../ui/ErrorState";
import { Loading } from "../../ui/Loading";
import { LoadMore } from "../../ui/LoadMore";
import { PageLoading } from "../../ui/PageStates";
import { useLoadMore } from "../../ui/useLoadMore";
import { ResourceCard } from "../library/ResourceCard";

const PAGE_SIZE = 20;

const savedResourcesQuery = graphql(`
  query SavedResources($first: Int!, $after: String) {
    savedResources(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          ...ResourceSummary
          community {
            id
            slug
            name
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

/** What the viewer saved for later from any community's library, most recently saved first. */
export function SavedPage() {
  const { t } = useTranslation();
  usePageTitle(t("saved.title"));
  const { viewer, loading: viewerLoading } = useViewer();
  // Always asked afresh: saves and unsaves happen on other pages.
  const { data, loading, error, refetch, fetchMore } = useQuery(
    savedResourcesQuery,
    viewer ? { variables: { first: PAGE_SIZE }, fetchPolicy: "cache-and-network" } : skipToken,
  );
  const saved = data?.savedResources;
  const pager = useLoadMore(saved?.pageInfo, (after) => fetchMore({ variables: { after } }));

  if (viewerLoading) return <PageLoading />;
  if (!viewer) return <Navigate to="/login" state={{ from: "/saved" }} replace />;

  let content: ReactNode;
  if (loading && !data) content = <Loading />;
  else if (error && !data) content = <ErrorState error={error} retry={refetch} />;
  else if (!saved || saved.edges.length === 0) {
    content = (
      <EmptyState
        title={t("saved.emptyTitle")}
        action={
          <ButtonLink to="/" variant="secondary" size="sm">
            {t("saved.browse")}
          </ButtonLink>
        }
      >
        <p>{t("saved.emptyBody")}</p>
      </EmptyState>
    );
  } else {
    content = (
      <>
        <ul className="resource-grid">
          {saved.edges.map(({ node }) => (
            <ResourceCard key={node.id} resource={node} community={node.community} />
          ))}
        </ul>
        <LoadMore pager={pager} />
      </>
    );
  }

  return (
    <div className="container page">
      <h1>{t("saved.title")}</h1>
      <p role="status">{saved ? t("saved.count", { count: saved.totalCount }) : null}</p>
      {content}
    </div>
  );
}
