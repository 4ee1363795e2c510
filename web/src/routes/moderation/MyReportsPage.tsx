import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useViewer } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { EmptyState } from "../../ui/EmptyState";
import { LoadMore } from "../../ui/LoadMore";
import { PageError, PageLoading, PrivatePage } from "../../ui/PageStates";
import { RelativeTime } from "../../ui/RelativeTime";
import { useLoadMore } from "../../ui/useLoadMore";
import { CaseStateBadge } from "./CaseStateBadge";
import "./moderation.css";

const myReportsQuery = graphql(`
  query MyReports($first: Int!, $after: String) {
    myReports(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          reason
          note
          createdAt
          case {
            id
            state
            targetKind
            action
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

/** The reporter's own reports, newest first, each with what became of it. */
export function MyReportsPage() {
  const { t } = useTranslation();
  const { viewer, loading: viewerLoading } = useViewer();
  usePageTitle(t("moderation.reports.title"));
  const { data, loading, error, refetch, fetchMore } = useQuery(myReportsQuery, {
    variables: { first: 20 },
    fetchPolicy: "cache-and-network",
    skip: !viewer,
  });
  const reports = data?.myReports;
  const pager = useLoadMore(reports?.pageInfo, (after) => fetchMore({ variables: { after } }));

  if (viewerLoading || (loading && !data)) return <PageLoading />;
  if (!viewer) {
    return (
      <PrivatePage
        title={t("moderation.reports.title")}
        body={t("moderation.reports.anonymous")}
        memberBody={t("moderation.reports.anonymous")}
      />
    );
  }
  if (error && !data) return <PageError error={error} retry={refetch} />;

  return (
    <div className="container page moderation">
      <h1>{t("moderation.reports.title")}</h1>
      <p className="section__intro">{t("moderation.reports.intro")}</p>
      {!reports || reports.edges.length === 0 ? (
        <EmptyState title={t("moderation.reports.emptyTitle")}>
          <p>{t("moderation.reports.emptyBody")}</p>
        </EmptyState>
      ) : (
        <>
          <ul className="case-list">
            {reports.edges.map(({ node }) => (
              <li key={node.id} className="case-row">
                <div className="case-row__head">
                  <h2 className="case-row__title">
                    <Link to={`/moderation/cases/${node.case.id}`}>
                      {t(`moderation.kind.${node.case.targetKind}`)} · {t(`moderation.reason.${node.reason}`)}
                    </Link>
                  </h2>
                  <CaseStateBadge state={node.case.state} />
                </div>
                <p className="case-row__meta">
                  {t("moderation.reports.sent")} <RelativeTime value={node.createdAt} />
                  {" · "}
                  {t(`moderation.reports.outcome.${node.case.state}`)}
                </p>
                {node.note ? <p className="case-row__excerpt">{node.note}</p> : null}
              </li>
            ))}
          </ul>
          <LoadMore pager={pager} />
        </>
      )}
    </div>
  );
}
