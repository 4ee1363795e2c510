import { useQuery } from "@apollo/client/react";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { currentLanguage } from "../../i18n";
import { FilteredResults } from "../../ui/FilteredResults";
import { useLoadMore } from "../../ui/useLoadMore";
import {
  isSupplierFiltered,
  supplierOpenDataQuery,
  supplierQueryVariables,
  useSupplierFilters,
} from "./directoryFilters";
import { SupplierCard } from "./SupplierCard";
import { SupplierFilterControls } from "./SupplierFilterControls";
import "./buy-social.css";

const PAGE_SIZE = 12;

const suppliersQuery = graphql(`
  query BuySocialDirectory(
    $first: Int!
    $after: String
    $cpv: String
    $municipality: String
    $certification: CertificationKind
    $query: String
  ) {
    suppliers(
      first: $first
      after: $after
      cpv: $cpv
      municipality: $municipality
      certification: $certification
      query: $query
    ) {
      totalCount
      edges {
        cursor
        node {
          ...SupplierCardFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** /buy-social: the directory of partners that supply goods and services, filtered from the address. */
export function BuySocialPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("buySocial.directory.title"));
  const { filters, setOne, clear } = useSupplierFilters();
  const { data, loading, error, refetch, fetchMore } = useQuery(suppliersQuery, {
    variables: { first: PAGE_SIZE, ...supplierQueryVariables(filters) },
    fetchPolicy: "cache-and-network",
  });
  const connection = data?.suppliers;
  const pager = useLoadMore(
    connection?.pageInfo,
    useCallback((after: string) => fetchMore({ variables: { after } }), [fetchMore]),
  );
  const number = new Intl.NumberFormat(i18n.language);

  const results = (
    <FilteredResults
      loading={loading}
      error={error}
      retry={refetch}
      count={connection?.edges.length}
      pager={pager}
      filtered={isSupplierFiltered(filters)}
      onClear={clear}
      clearLabel={t("directory.clearFilters")}
      emptyTitle={t("buySocial.directory.emptyTitle")}
      emptyBody={t("buySocial.directory.emptyBody")}
      emptyFilteredBody={t("directory.emptyFiltered")}
    >
      <ul className="supplier-grid">
        {connection?.edges.map(({ node }) => (
          <li key={node.organization.id}>
            <SupplierCard supplier={node} />
          </li>
        ))}
      </ul>
    </FilteredResults>
  );

  return (
    <div className="container page buy-social">
      <h1>{t("buySocial.directory.title")}</h1>
      <p className="buy-social__intro">{t("buySocial.directory.intro")}</p>
      <nav className="buy-social__links" aria-label={t("buySocial.directory.elsewhere")}>
        <ul>
          <li>
            <Link to="/buy-social/requests">{t("buySocial.requests.title")}</Link>
          </li>
          <li>
            <a href={`/suppliers.csv?${supplierOpenDataQuery(filters, currentLanguage())}`} download>
              {t("buySocial.directory.csv")}
            </a>
          </li>
        </ul>
      </nav>
      <SupplierFilterControls filters={filters} setOne={setOne} />
      <p className="buy-social__count" role="status">
        {connection
          ? t("buySocial.directory.count", {
              count: connection.totalCount,
              formatted: number.format(connection.totalCount),
            })
          : null}
      </p>
      {results}
    </div>
  );
}
