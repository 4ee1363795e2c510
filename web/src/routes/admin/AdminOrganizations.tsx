import { useQuery } from "@apollo/client/react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { ErrorState } from "../../ui/ErrorState";
import { formatDate } from "../../ui/format";
import { Loading } from "../../ui/Loading";
import { OrganizationForm } from "./OrganizationForm";
import { Representatives } from "./Representatives";

const adminOrganizationsQuery = graphql(`
  query AdminOrganizations {
    organizations {
      ...AdminOrganizationFields
    }
  }
`);

export function AdminOrganizations() {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch } = useQuery(adminOrganizationsQuery, { fetchPolicy: "cache-and-network" });
  const organizations = data?.organizations ?? [];
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const [stale, setStale] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  function open(which: string | "new" | null) {
    setEditing(which);
    setStale(false);
    setStatus(null);
  }

  const edited = editing && editing !== "new" ? organizations.find((o) => o.id === editing) : undefined;
  const form =
    editing === "new" || edited ? (
      <>
        <OrganizationForm
          key={edited ? `${edited.id}:${String(edited.updatedAt)}` : "new"}
          organization={edited ?? null}
          notice={stale ? t("admin.conflict") : null}
          onStale={async () => {
            await refetch();
            setStale(true);
          }}
          onCancel={() => open(null)}
          onDone={async (message) => {
            if (editing === "new") await refetch();
            open(null);
            setStatus(message);
          }}
        />
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
      {status ? <Alert tone="success">{status}</Alert> : null}
      {form ?? (
        <p className="actions">
          <Button onClick={() => open("new")}>{t("admin.organizations.new")}</Button>
        </p>
      )}
      {list}
    </section>
  );
}
