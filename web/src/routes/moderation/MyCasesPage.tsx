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

const myModerationCasesQuery = graphql(`
  query MyModerationCases($first: Int!, $after: String) {
    myModerationCases(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          ...CaseRow
          message
          appealDeadline
          viewerCanAppeal
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** "My moderation notices": what was hidden of the viewer's content or decided about them, and why. */
export function MyCasesPage() {
  const { t } = useTranslation();
  const { viewer, loading: viewerLoading } = useViewer();
  usePageTitle(t("moderation.mine.title"));
  const { data, loading, error, refetch, fetchMore } = useQuery(myModerationCasesQuery, {
    variables: { first: 20 },
    fetchPolicy: "cache-and-network",
    skip: !viewer,
  });
  const cases = data?.myModerationCases;
  const pager = useLoadMore(cases?.pageInfo, (after) => fetchMore({ variables: { after } }));

  if (viewerLoading || (loading && !data)) return <PageLoading />;
  if (!viewer) {
    return (
      <PrivatePage
        title={t("moderation.mine.title")}
        body={t("moderation.mine.anonymous")}
        memberBody={t("moderation.mine.anonymous")}
      />
    );
  }
  if (error && !data) return <PageError error={error} retry={refetch} />;

  return (
    <div className="container page moderation">
      <h1>{t("moderation.mine.title")}</h1>
      <p className="section__intro">{t("moderation.mine.intro")}</p>
      {!cases || cases.edges.length === 0 ? (
        <EmptyState title={t("moderation.mine.emptyTitle")}>
          <p>{t("moderation.mine.emptyBody")}</p>
        </EmptyState>
      ) : (
        <>
          <ul className="case-list">
            {cases.edges.map(({ node }) => (
              <li key={node.id} className="case-row">
                <div className="case-row__head">
                  <h2 className="case-row__title">
                    <Link to={`/moderation/cases/${node.id}`}>
                      {node.action ? t(`moderation.outcome.${node.action}`) : t("moderation.hiddenBySystem")}
                      {" · "}
                      {t(`moderation.kind.${node.targetKind}`)}
                    </Link>
                  </h2>
                  <CaseStateBadge state={node.state} />
                </div>
                {node.targetExcerpt ? <p className="case-row__excerpt">{node.targetExcerpt}</p> : null}
                {node.message ? <p>{node.message}</p> : null}
                <p className="case-row__meta">
                  {node.community ? `${node.community.name} · ` : null}
                  <RelativeTime value={node.updatedAt} />
                  {node.viewerCanAppeal ? ` · ${t("moderation.mine.mayAppeal")}` : null}
                </p>
              </li>
            ))}
          </ul>
          <LoadMore pager={pager} />
        </>
      )}
    </div>
  );
}
