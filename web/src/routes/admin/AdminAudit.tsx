import { useQuery } from "@apollo/client/react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import { ErrorState } from "../../ui/ErrorState";
import { SelectField } from "../../ui/Field";
import { formatDateTime } from "../../ui/format";
import { Loading } from "../../ui/Loading";
import { LoadMore } from "../../ui/LoadMore";
import { useLoadMore } from "../../ui/useLoadMore";

const PAGE_SIZE = 20;

/** The actions the api records (api/src/modules/admin, community.service.ts setRole). */
const ACTIONS = [
  "community.create",
  "community.update",
  "community.archive",
  "community.unarchive",
  "community.appoint_facilitator",
  "community.step_down_facilitator",
  "community.remove_member",
  "organization.create",
  "organization.update",
  "organization.invite_representative",
  "organization.accept_invitation",
  "organization.remove_representative",
  "user.grant_admin",
  "user.revoke_admin",
  "user.send_password_reset",
  "user.invite_admin",
  "user.accept_admin_invitation",
] as const;

const auditLogQuery = graphql(`
  query AdminAuditLog($first: Int!, $after: String, $action: String) {
    adminAuditLog(first: $first, after: $after, action: $action) {
      totalCount
      edges {
        cursor
        node {
          id
          action
          targetKind
          targetId
          before
          after
          createdAt
          actor {
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

const json = (value: unknown) => JSON.stringify(value, null, 2);

export function AdminAudit() {
  const { t, i18n } = useTranslation();
  const [action, setAction] = useState("");
  const { data, loading, error, refetch, fetchMore } = useQuery(auditLogQuery, {
    variables: { first: PAGE_SIZE, action: action || null },
    fetchPolicy: "cache-and-network",
  });
  const pager = useLoadMore(data?.adminAuditLog.pageInfo, (after) => fetchMore({ variables: { after } }));
  const entries = data?.adminAuditLog.edges.map((e) => e.node) ?? [];

  let list: ReactNode;
  if (loading && !data) list = <Loading />;
  else if (error && !data) list = <ErrorState error={error} retry={refetch} />;
  else if (entries.length === 0) list = <p>{t("admin.audit.empty")}</p>;
  else
    list = (
      <>
        <ol className="admin__list">
          {entries.map((e) => (
            <li key={e.id} className="admin__row">
              <div className="admin__row-main">
                <span className="admin__row-title">
                  <code>{e.action}</code>
                </span>
                <span className="admin__row-meta">
                  <time dateTime={String(e.createdAt)}>{formatDateTime(e.createdAt, i18n.language)}</time> ·{" "}
                  {e.actor?.displayName ?? t("admin.audit.cli")} ·{" "}
                  {t("admin.audit.target", { kind: e.targetKind, id: e.targetId ?? "" })}
                </span>
              </div>
              <div className="admin__diff">
                {e.before ? (
                  <div>
                    <strong>{t("admin.audit.before")}</strong>
                    <pre className="admin__json">{json(e.before)}</pre>
                  </div>
                ) : null}
                {e.after ? (
                  <div>
                    <strong>{t("admin.audit.after")}</strong>
                    <pre className="admin__json">{json(e.after)}</pre>
                  </div>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
        <LoadMore pager={pager} />
      </>
    );

  return (
    <section aria-labelledby="admin-audit-title">
      <h2 id="admin-audit-title">{t("admin.audit.title")}</h2>
      <p className="admin__intro">{t("admin.audit.intro")}</p>
      <div className="admin__search">
        <SelectField label={t("admin.audit.filter")} value={action} onChange={(e) => setAction(e.target.value)}>
          <option value="">{t("admin.audit.all")}</option>
          {ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </SelectField>
      </div>
      {list}
    </section>
  );
}
