import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { graphql } from "../../gql";
import { Alert } from "../../ui/Alert";
import { ErrorState } from "../../ui/ErrorState";
import { formatDate } from "../../ui/format";
import { Loading } from "../../ui/Loading";
import { ApplicationHistory } from "../membership/ApplicationHistory";
import { ApplicationSummary } from "../membership/ApplicationSummary";
import { StatusBadge } from "../membership/StatusBadge";
import { DecisionForm } from "./DecisionForm";

const adminApplicationQuery = graphql(`
  query AdminApplication($id: ID!) {
    membershipApplication(id: $id) {
      ...ApplicationFields
      applicant {
        id
        displayName
      }
    }
  }
`);

/** /admin/applications/:id: everything the organisation sent, its steps, and the decision. */
export function AdminApplication() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(adminApplicationQuery, {
    variables: { id },
    fetchPolicy: "cache-and-network",
  });
  const a = data?.membershipApplication;

  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorState error={error} retry={refetch} />;
  if (!a) return <p>{t("joining.notFound.body")}</p>;

  return (
    <section aria-labelledby="admin-application-title" className="admin-application">
      <p>
        <Link to="/admin/applications">{t("admin.applications.back")}</Link>
      </p>
      <div className="application__head">
        <h2 id="admin-application-title">{a.name}</h2>
        <StatusBadge status={a.status} />
      </div>
      <p className="admin__row-meta">
        {t("joining.submittedOn", { date: formatDate(a.createdAt, i18n.language) })}
        {a.applicant ? ` · ${t("admin.applications.by", { name: a.applicant.displayName })}` : null}
      </p>
      {a.status === "ACCEPTED" && a.organization ? (
        <Alert tone="success">
          {t("admin.applications.acceptedBody", { date: formatDate(a.signedOn, i18n.language) })}{" "}
          <Link to={`/partners/${a.organization.slug}`}>{a.organization.name}</Link>
        </Alert>
      ) : null}
      {a.viewerCanDecide ? <DecisionForm application={a} refetch={refetch} /> : null}
      <h3>{t("admin.applications.sent")}</h3>
      <ApplicationSummary application={a} />
      <h3>{t("joining.history")}</h3>
      <ApplicationHistory application={a} />
    </section>
  );
}
