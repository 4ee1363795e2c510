import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { useViewer } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { Alert } from "../../ui/Alert";
import { ButtonLink } from "../../ui/Button";
import { MessagePage, PageError, PageLoading, PrivatePage } from "../../ui/PageStates";
import { ApplicantApplication } from "./ApplicantApplication";
import "./membership.css";

const applicationQuery = graphql(`
  query ApplicantApplication($id: ID!) {
    membershipApplication(id: $id) {
      ...ApplicationFields
    }
  }
`);

/** /partners/applications/:id: one of the viewer's applications (where the form lands after sending). */
export function ApplicationPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { state } = useLocation();
  const { viewer, loading: viewerLoading } = useViewer();
  const { data, loading, error, refetch } = useQuery(applicationQuery, {
    variables: { id },
    fetchPolicy: "cache-and-network",
    skip: !viewer,
  });
  const application = data?.membershipApplication;
  usePageTitle(application?.name ?? t("joining.mine.title"));

  if (viewerLoading || (viewer && loading && !data)) return <PageLoading />;
  if (!viewer) {
    return <PrivatePage title={t("joining.mine.title")} body={t("joining.mine.anonymous")} memberBody="" />;
  }
  if (error && !data) return <PageError error={error} retry={refetch} />;
  if (!application) {
    return (
      <MessagePage
        title={t("joining.notFound.title")}
        body={t("joining.notFound.body")}
        actions={<ButtonLink to="/partners/applications">{t("joining.mine.title")}</ButtonLink>}
      />
    );
  }
  const submitted = (state as { notice?: string } | null)?.notice === "submitted";

  return (
    <div className="container page page--narrow membership">
      <p>
        <Link to="/partners/applications">{t("joining.mine.title")}</Link>
      </p>
      {submitted ? <Alert tone="success">{t("joining.apply.sent")}</Alert> : null}
      <ApplicantApplication application={application} refetch={refetch} headingLevel={1} />
    </div>
  );
}
