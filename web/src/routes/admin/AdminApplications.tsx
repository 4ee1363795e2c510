import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { graphql } from "../../gql";
import type { ApplicationStatus } from "../../gql/graphql";
import { ErrorState } from "../../ui/ErrorState";
import { SelectField } from "../../ui/Field";
import { formatDate } from "../../ui/format";
import { Loading } from "../../ui/Loading";
import { LoadMore } from "../../ui/LoadMore";
import { useLoadMore } from "../../ui/useLoadMore";
import { StatusBadge } from "../membership/StatusBadge";

const adminApplicationsQuery = graphql(`
  query AdminApplications($first: Int!, $after: String, $status: ApplicationStatus) {
    membershipApplications(first: $first, after: $after, status: $status) {
      totalCount
      edges {
        cursor
        node {
          id
          name
          status
          category
          createdAt
          updatedAt
          applicant {
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

export const STATUSES: readonly ApplicationStatus[] = [
  "SUBMITTED",
  "INFO_REQUESTED",
  "ACCEPTED",
  "DECLINED",
  "WITHDRAWN",
];

/** /admin/applications: applications to join, oldest first, by status (those awaiting a decision first). */
export function AdminApplications() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const chosen = params.get("status");
  const status =
    chosen === "ALL"
      ? null
      : (((STATUSES as readonly string[]).includes(chosen ?? "") ? chosen : "SUBMITTED") as ApplicationStatus | null);
  const { data, loading, error, refetch, fetchMore } = useQuery(adminApplicationsQuery, {
    variables: { first: 20, status },
    fetchPolicy: "cache-and-network",
  });
  const connection = data?.membershipApplications;
  const pager = useLoadMore(connection?.pageInfo, (after) => fetchMore({ variables: { after } }));

  return (
    <section aria-labelledby="admin-applications-title">
      <h2 id="admin-applications-title">{t("admin.applications.title")}</h2>
      <p className="admin__intro">{t("admin.applications.intro")}</p>
      <div className="admin__search">
        <SelectField
          label={t("admin.applications.status")}
          value={status ?? "ALL"}
          onChange={(event) => setParams(event.target.value === "SUBMITTED" ? {} : { status: event.target.value })}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`joining.status.${s}`)}
            </option>
          ))}
          <option value="ALL">{t("admin.applications.all")}</option>
        </SelectField>
      </div>
      {loading && !data ? <Loading /> : null}
      {error && !data ? <ErrorState error={error} retry={refetch} /> : null}
      {connection ? (
        <>
          <p aria-live="polite">{t("admin.applications.count", { count: connection.totalCount })}</p>
          {connection.edges.length === 0 ? (
            <p>{t("admin.applications.empty")}</p>
          ) : (
            <ul className="admin__list">
              {connection.edges.map(({ node }) => (
                <li key={node.id} className="admin__row">
                  <div className="admin__row-main">
                    <Link to={`/admin/applications/${node.id}`} className="admin__row-title">
                      {node.name}
                    </Link>
                    <span className="admin__row-meta">
                      {t(`organizations.category.${node.category}`)}
                      {" · "}
                      {t("joining.submittedOn", { date: formatDate(node.createdAt, i18n.language) })}
                      {node.applicant ? ` · ${node.applicant.displayName}` : null}
                    </span>
                  </div>
                  <StatusBadge status={node.status} />
                </li>
              ))}
            </ul>
          )}
          <LoadMore pager={pager} />
        </>
      ) : null}
    </section>
  );
}
