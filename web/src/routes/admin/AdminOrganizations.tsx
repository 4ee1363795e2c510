import { useQuery } from "@apollo/client/react";
import { type ReactNode, useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { ErrorState } from "../../ui/ErrorState";
import { formatDate } from "../../ui/format";
import { Loading } from "../../ui/Loading";
import { LoadMore } from "../../ui/LoadMore";
import { useLoadMore } from "../../ui/useLoadMore";
import { OrganizationForm } from "./OrganizationForm";
import { Representatives } from "./Representatives";
import { useAdminEditing } from "./useAdminEditing";

const adminOrganizationsQuery = graphql(`
  query AdminOrganizations($after: String) {
    organizations(first: 50, after: $after, status: ALL) {
      edges {
        node {
          ...AdminOrganizationFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export function AdminOrganizations() {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch, fetchMore } = useQuery(adminOrganizationsQuery, {
    fetchPolicy: "cache-and-network",
  });
  const organizations = useMemo(() => data?.organizations.edges.map((e) => e.node) ?? [], [data]);
  const pager = useLoadMore(
    data?.organizations.pageInfo,
    useCallback((after: string) => fetchMore({ variables: { after } }), [fetchMore]),
  );
  const { open, edited, formOpen, formKey, formProps, status } = useAdminEditing(organizations, refetch);
  const form = formOpen ? (
    <>
      <OrganizationForm key={formKey} organization={edited ?? null} {...formProps} />
      {edited ? <Representatives organization={edited} /> : null}
    </>
  ) : null;

  let list: ReactNode;
  if (loading && !data) list = <Loading />;
  else if (error && !data) list = <ErrorState error={error} retry={refetch} />;
  else if (organizations.length === 0) list = <p>{t("admin.organizations.empty")}</p>;
  else
    list = (
      <ul className="admin__list">
        {organizations.map((o) => (
          <li key={o.id} className="admin__row">
            <div className="admin__row-main">
              <span className="admin__row-title">{o.name}</span>
              <span className="admin__row-meta">
                {t(`organizations.category.${o.category}`)}
                {o.memorandumSignedOn
                  ? ` · ${t("admin.organizations.memorandum", { date: formatDate(o.memorandumSignedOn, i18n.language) })}`
                  : ""}
              </span>
            </div>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => open(o.id)}
              aria-label={t("admin.organizations.editTitle", { name: o.name })}
            >
              {t("admin.edit")}
            </Button>
          </li>
        ))}
      </ul>
    );

  return (
    <section aria-labelledby="admin-organizations-title">
      <h2 id="admin-organizations-title">{t("admin.organizations.title")}</h2>
      <p className="admin__intro">{t("admin.organizations.intro")}</p>
      {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
      {form ?? (
        <p className="actions">
          <Button onClick={() => open("new")}>{t("admin.organizations.new")}</Button>
        </p>
      )}
      {list}
      <LoadMore pager={pager} />
    </section>
  );
}
