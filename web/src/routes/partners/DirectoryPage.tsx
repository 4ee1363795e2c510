import { useQuery } from "@apollo/client/react";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { currentLanguage } from "../../i18n";
import { ButtonLink } from "../../ui/Button";
import { FilteredResults } from "../../ui/FilteredResults";
import { useLoadMore } from "../../ui/useLoadMore";
import { isFiltered, openDataQuery, queryVariables, usePartnerFilters } from "./filters";
import { OrganizationCard } from "./OrganizationCard";
import { PartnerFilterControls } from "./PartnerFilterControls";
import { usePartnerVocabulary } from "./vocabulary";
import "./partners.css";

const PAGE_SIZE = 12;

const directoryQuery = graphql(`
  query PartnerDirectory(
    $first: Int!
    $after: String
    $category: OrganizationCategory
    $theme: String
    $sdg: Int
    $communityId: ID
    $signedYear: Int
    $status: PartnerStatus
    $sort: OrganizationSort
    $query: String
  ) {
    organizations(
      first: $first
      after: $after
      category: $category
      theme: $theme
      sdg: $sdg
      communityId: $communityId
      signedYear: $signedYear
      status: $status
      sort: $sort
      query: $query
    ) {
      totalCount
      edges {
        cursor
        node {
          id
          ...DirectoryOrganization
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** /partners: every partner, filtered and sorted from the address, a page at a time. */
export function DirectoryPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("directory.title"));
  const { filters, setOne, clear } = usePartnerFilters();
  const location = useLocation();
  const vocabulary = usePartnerVocabulary();
  // A community named in the address waits for the list that turns its slug into an id.
  const community = filters.community
    ? vocabulary.data?.communities.find((c) => c.slug === filters.community)
    : undefined;
  const waitingForCommunity = Boolean(filters.community && !vocabulary.data);
  const unknownCommunity = Boolean(filters.community && vocabulary.data && !community);

  const { data, loading, error, refetch, fetchMore } = useQuery(directoryQuery, {
    variables: { first: PAGE_SIZE, ...queryVariables(filters, community?.id ?? null) },
    skip: waitingForCommunity || unknownCommunity,
    // Asked again on each visit (the cached page shows meanwhile): partners join and withdraw elsewhere.
    fetchPolicy: "cache-and-network",
  });
  const connection = data?.organizations;
  const pager = useLoadMore(
    connection?.pageInfo,
    useCallback((after: string) => fetchMore({ variables: { after } }), [fetchMore]),
  );
  const openData = openDataQuery(filters, currentLanguage());
  const number = new Intl.NumberFormat(i18n.language);

  const results = (
    <FilteredResults
      loading={loading || waitingForCommunity}
      error={error}
      retry={refetch}
      count={connection?.edges.length}
      pager={pager}
      filtered={isFiltered(filters)}
      onClear={clear}
      clearLabel={t("directory.clearFilters")}
      emptyTitle={t("directory.emptyTitle")}
      emptyBody={t("directory.emptyBody")}
      emptyFilteredBody={t("directory.emptyFiltered")}
      emptyAction={
        <ButtonLink to="/partners/apply" variant="secondary" size="sm">
          {t("directory.apply")}
        </ButtonLink>
      }
    >
      <ul className="partner-grid">
        {connection?.edges.map(({ node }) => (
          <li key={node.id}>
            <OrganizationCard organization={node} />
          </li>
        ))}
      </ul>
    </FilteredResults>
  );

  return (
    <div className="container page partners">
      <div className="partners__head">
        <div>
          <h1>{t("directory.title")}</h1>
          <p className="partners__intro">{t("directory.intro")}</p>
        </div>
        <p className="actions partners__actions">
          <ButtonLink to="/partners/apply">{t("directory.apply")}</ButtonLink>
        </p>
      </div>
      <nav className="partners__links" aria-label={t("directory.elsewhere")}>
        <ul>
          <li>
            <Link to={{ pathname: "/partners/map", search: searchWithout(location.search) }}>{t("directory.map")}</Link>
          </li>
          <li>
            <Link to="/observatory">{t("directory.observatory")}</Link>
          </li>
          <li>
            <a href={`/partners.csv?${openData}`} download>
              {t("directory.csv")}
            </a>
          </li>
          <li>
            <a href={`/partners.geojson?${openData}`} download>
              {t("directory.geojson")}
            </a>
          </li>
        </ul>
      </nav>
      <PartnerFilterControls filters={filters} vocabulary={vocabulary.data} setOne={setOne} />
      <p className="partners__count" role="status">
        {unknownCommunity
          ? t("directory.unknownCommunity")
          : connection
            ? t("directory.count", { count: connection.totalCount, formatted: number.format(connection.totalCount) })
            : null}
      </p>
      {results}
    </div>
  );
}

/** The map has no order: the directory's sort is left behind when going there. */
function searchWithout(search: string): string {
  const params = new URLSearchParams(search);
  params.delete("sort");
  const text = params.toString();
  return text ? `?${text}` : "";
}
