import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import type { CommunityVisibility, LibrarySearchQuery } from "../../gql/graphql";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorState } from "../../ui/ErrorState";
import { Loading } from "../../ui/Loading";
import { LoadMore } from "../../ui/LoadMore";
import { useLoadMore } from "../../ui/useLoadMore";
import { HiddenLibrary, isRefusal } from "./HiddenLibrary";
import { type Filters, matches } from "./libraryFilters";
import { ResourceCard } from "./ResourceCard";

/** Search covers threads and posts too; a larger page leaves more library results after filtering. */
const SEARCH_PAGE_SIZE = 50;

const librarySearchQuery = graphql(`
  query LibrarySearch($query: String!, $communityId: ID!, $first: Int!, $after: String) {
    search(query: $query, communityId: $communityId, kinds: [RESOURCE], first: $first, after: $after) {
      edges {
        cursor
        snippet
        node {
          __typename
          ... on Resource {
            id
            ...ResourceSummary
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

type SearchEdge = LibrarySearchQuery["search"]["edges"][number];
type ResourceHit = SearchEdge & { node: Extract<SearchEdge["node"], { __typename: "Resource" }> };

interface LibrarySearchResultsProps {
  community: { id: string; visibility: CommunityVisibility };
  query: string;
  filters: Filters;
  onTag: (tag: string | null) => void;
}

/** This community's material matching the search, best match first (the api narrows the search). */
export function LibrarySearchResults({ community, query, filters, onTag }: LibrarySearchResultsProps) {
  const { t } = useTranslation();
  const { data, loading, error, refetch, fetchMore } = useQuery(librarySearchQuery, {
    variables: { query, communityId: community.id, first: SEARCH_PAGE_SIZE },
    fetchPolicy: "cache-and-network",
  });
  const search = data?.search;
  const pager = useLoadMore(search?.pageInfo, (after) => fetchMore({ variables: { after } }));

  if (loading && !data) return <Loading />;
  if (error && !data) {
    return isRefusal(error) ? (
      <HiddenLibrary visibility={community.visibility} />
    ) : (
      <ErrorState error={error} retry={refetch} />
    );
  }
  // Kind, language and tag still narrow what a page of results shows.
  const hits = (search?.edges ?? []).filter(
    (edge): edge is ResourceHit => edge.node.__typename === "Resource" && matches(edge.node, filters),
  );

  return (
    <>
      <p className="library__status" role="status">
        {t("library.searchCount", { count: hits.length, query })}
      </p>
      {hits.length === 0 && !pager.hasMore ? (
        <EmptyState title={t("library.searchNoneTitle", { query })}>
          <p>{t("library.searchNoneBody")}</p>
        </EmptyState>
      ) : (
        <ul className="resource-grid">
          {hits.map(({ node, snippet }) => (
            <ResourceCard key={node.id} resource={node} snippet={snippet} activeTag={filters.tag} onTag={onTag} />
          ))}
        </ul>
      )}
      <LoadMore pager={pager} label={t("search.more")} />
    </>
  );
}
