import { useQuery } from "@apollo/client/react";
import { useCallback, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { ButtonLink } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorState } from "../../ui/ErrorState";
import { Loading } from "../../ui/Loading";
import { LoadMore } from "../../ui/LoadMore";
import { useLoadMore } from "../../ui/useLoadMore";
import { RequestRow } from "./RequestRow";
import { useRepresentedOrganizations } from "./shared";
import "./buy-social.css";

const requestsQuery = graphql(`
  query BuyerRequests($first: Int!, $after: String, $mine: Boolean!, $state: BuyerRequestState) {
    buyerRequests(first: $first, after: $after, mine: $mine, state: $state) {
      totalCount
      edges {
        cursor
        node {
          id
          ...RequestRowFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const matchingQuery = graphql(`
  query MatchingBuyerRequests($organizationId: ID!) {
    matchingBuyerRequests(organizationId: $organizationId) {
      id
      ...RequestRowFields
    }
  }
`);

/** /buy-social/requests: open requests for everyone; "mine" for the buyers' people; matches for suppliers. */
export function RequestsPage() {
  const { t } = useTranslation();
  usePageTitle(t("buySocial.requests.title"));
  const [params, setParams] = useSearchParams();
  const mine = params.get("mine") === "1";
  const { organizations, signedIn } = useRepresentedOrganizations();
  const { data, loading, error, refetch, fetchMore } = useQuery(requestsQuery, {
    variables: { first: 20, mine, state: mine ? null : "OPEN" },
    fetchPolicy: "cache-and-network",
  });
  const connection = data?.buyerRequests;
  const pager = useLoadMore(
    connection?.pageInfo,
    useCallback((after: string) => fetchMore({ variables: { after } }), [fetchMore]),
  );
  const suppliers = organizations.filter((o) => o.isSupplier);

  return (
    <div className="container page buy-social">
      <h1>{t("buySocial.requests.title")}</h1>
      <p className="buy-social__intro">{t("buySocial.requests.intro")}</p>
      <nav className="buy-social__links" aria-label={t("buySocial.directory.elsewhere")}>
        <ul>
          <li>
            <Link to="/buy-social">{t("buySocial.directory.title")}</Link>
          </li>
        </ul>
      </nav>
      {organizations.length > 0 ? (
        <p className="actions">
          <ButtonLink to="/buy-social/requests/new">{t("buySocial.requests.new")}</ButtonLink>
        </p>
      ) : null}
      {signedIn ? (
        <nav aria-label={t("buySocial.requests.tabs")} className="buy-social__tabs">
          <button
            type="button"
            className="buy-social__tab"
            aria-pressed={!mine}
            onClick={() => setParams({}, { replace: true })}
          >
            {t("buySocial.requests.open")}
          </button>
          <button
            type="button"
            className="buy-social__tab"
            aria-pressed={mine}
            onClick={() => setParams({ mine: "1" }, { replace: true })}
          >
            {t("buySocial.requests.mine")}
          </button>
        </nav>
      ) : null}
      {loading && !data ? (
        <Loading />
      ) : error && !data ? (
        <ErrorState error={error} retry={refetch} />
      ) : connection && connection.edges.length === 0 ? (
        <EmptyState title={mine ? t("buySocial.requests.noneMine") : t("buySocial.requests.none")} />
      ) : connection ? (
        <>
          <ul className="request-list" aria-label={mine ? t("buySocial.requests.mine") : t("buySocial.requests.open")}>
            {connection.edges.map(({ node }) => (
              <RequestRow key={node.id} request={node} />
            ))}
          </ul>
          <LoadMore pager={pager} />
        </>
      ) : null}
      {suppliers.length > 0 && !mine ? <MatchingRequests suppliers={suppliers} /> : null}
    </div>
  );
}

/** Open requests that match what one of the viewer's supplier organisations offers. */
function MatchingRequests({ suppliers }: { suppliers: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const id = useId();
  const [chosen, setChosen] = useState(suppliers[0]?.id ?? "");
  const organizationId = suppliers.some((s) => s.id === chosen) ? chosen : (suppliers[0]?.id ?? "");
  const { data, error } = useQuery(matchingQuery, {
    variables: { organizationId },
    skip: !organizationId,
    fetchPolicy: "cache-and-network",
  });
  const requests = data?.matchingBuyerRequests ?? [];
  return (
    <section aria-labelledby={`${id}-title`} className="buy-social__matching">
      <h2 id={`${id}-title`}>{t("buySocial.requests.matching")}</h2>
      {suppliers.length > 1 ? (
        <div className="buy-social__filter">
          <label htmlFor={`${id}-org`}>{t("buySocial.organization")}</label>
          <select
            id={`${id}-org`}
            className="select"
            value={organizationId}
            onChange={(event) => setChosen(event.target.value)}
          >
            {suppliers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {error && !data ? <ErrorState error={error} /> : null}
      {data && requests.length === 0 ? <p>{t("buySocial.requests.noneMatching")}</p> : null}
      {requests.length > 0 ? (
        <ul className="request-list" aria-labelledby={`${id}-title`}>
          {requests.map((r) => (
            <RequestRow key={r.id} request={r} headingLevel={3} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
