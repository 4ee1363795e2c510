import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { useViewer } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { ButtonLink } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { PageError, PageLoading, PrivatePage } from "../../ui/PageStates";
import { ApplicantApplication } from "./ApplicantApplication";
import "./membership.css";

const myApplicationsQuery = graphql(`
  query MyMembershipApplications {
    myMembershipApplications {
      ...ApplicationFields
    }
  }
`);

/** /partners/applications: the viewer's applications to join, newest first as the api gives them. */
export function MyApplicationsPage() {
  const { t } = useTranslation();
  const { viewer, loading: viewerLoading } = useViewer();
  usePageTitle(t("joining.mine.title"));
  const { data, loading, error, refetch } = useQuery(myApplicationsQuery, {
    fetchPolicy: "cache-and-network",
    skip: !viewer,
  });

  if (viewerLoading || (viewer && loading && !data)) return <PageLoading />;
  if (!viewer) {
    return <PrivatePage title={t("joining.mine.title")} body={t("joining.mine.anonymous")} memberBody="" />;
  }
  if (error && !data) return <PageError error={error} retry={refetch} />;
  const applications = data?.myMembershipApplications ?? [];

  return (
    <div className="container page page--narrow membership">
      <h1>{t("joining.mine.title")}</h1>
      <p className="section__intro">{t("joining.mine.intro")}</p>
      {applications.length === 0 ? (
        <EmptyState title={t("joining.mine.emptyTitle")}>
          <p>{t("joining.mine.emptyBody")}</p>
          <p>
            <ButtonLink to="/partners/apply">{t("joining.apply.title")}</ButtonLink>
          </p>
        </EmptyState>
      ) : (
        <div className="application-list">
          {applications.map((application) => (
            <ApplicantApplication key={application.id} application={application} refetch={refetch} />
          ))}
          <p>
            <ButtonLink to="/partners/apply" variant="secondary">
              {t("joining.apply.another")}
            </ButtonLink>
          </p>
        </div>
      )}
    </div>
  );
}
