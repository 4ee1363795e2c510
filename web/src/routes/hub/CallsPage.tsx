import { useQuery } from "@apollo/client/react";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { ButtonLink } from "../../ui/Button";
import { FilteredResults } from "../../ui/FilteredResults";
import { useLoadMore } from "../../ui/useLoadMore";
import { CallCard } from "./CallCard";
import { CallFilterControls } from "./CallFilterControls";
import { callQueryVariables, isCallFiltered, useCallFilters } from "./filters";
import "./hub.css";

const PAGE_SIZE = 20;

const callsQuery = graphql(`
  query HubCalls(
    $first: Int!
    $after: String
    $programme: String
    $status: FundingCallStatus
    $deadlineFrom: DateTimeISO
    $deadlineTo: DateTimeISO
    $theme: String
    $query: String
    $followed: Boolean
  ) {
    viewer {
      id
      organizations {
        id
      }
    }
    themes {
      key
      name
    }
    fundingCalls(
      first: $first
      after: $after
      programme: $programme
      status: $status
      deadlineFrom: $deadlineFrom
      deadlineTo: $deadlineTo
      theme: $theme
      query: $query
      followed: $followed
    ) {
      totalCount
      edges {
        cursor
        node {
          id
          ...FundingCallSummary
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** /hub: the funding calls, filtered from the address, soonest deadline first, a page at a time. */
export function CallsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("hub.calls.title"));
  const { filters, setOne, clear } = useCallFilters();
  const { data, loading, error, refetch, fetchMore } = useQuery(callsQuery, {
    variables: { first: PAGE_SIZE, ...callQueryVariables(filters) },
    // Asked again on each visit (the cached page shows meanwhile): imports change calls.
    fetchPolicy: "cache-and-network",
  });
  const connection = data?.fundingCalls;
  const pager = useLoadMore(
    connection?.pageInfo,
    useCallback((after: string) => fetchMore({ variables: { after } }), [fetchMore]),
  );
  const viewer = data?.viewer ?? null;
  const number = new Intl.NumberFormat(i18n.language);

  const results = (
    <FilteredResults
      loading={loading}
      error={error}
      retry={refetch}
      count={connection?.edges.length}
      pager={pager}
      filtered={isCallFiltered(filters)}
      onClear={clear}
      clearLabel={t("hub.calls.clearFilters")}
      emptyTitle={t("hub.calls.emptyTitle")}
      emptyBody={t("hub.calls.emptyBody")}
      emptyFilteredBody={t("hub.calls.emptyFiltered")}
    >
      <ul className="hub-list" aria-label={t("hub.calls.listLabel")}>
        {connection?.edges.map(({ node }) => (
          <li key={node.id}>
            <CallCard call={node} canFollow={Boolean(viewer)} />
          </li>
        ))}
      </ul>
    </FilteredResults>
  );

  return (
    <div className="container page hub">
      <div className="hub__head">
        <div>
          <h1>{t("hub.calls.title")}</h1>
          <p className="hub__intro">{t("hub.calls.intro")}</p>
        </div>
        {viewer && viewer.organizations.length > 0 ? (
          <p className="actions">
            <ButtonLink to="/hub/mine" variant="secondary">
              {t("hub.mine.title")}
            </ButtonLink>
          </p>
        ) : null}
      </div>
      <CallFilterControls filters={filters} themes={data?.themes ?? []} setOne={setOne} signedIn={Boolean(viewer)} />
      <p className="hub__count" role="status">
        {connection
          ? t("hub.calls.count", { count: connection.totalCount, formatted: number.format(connection.totalCount) })
          : null}
      </p>
      {results}
    </div>
  );
}
