import { useMutation } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { useViewer } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { ButtonLink } from "../../ui/Button";
import { MessagePage, PageLoading } from "../../ui/PageStates";
import { ApplicationForm } from "./ApplicationForm";
import "./membership.css";

const applyMutation = graphql(`
  mutation ApplyForMembership($input: MembershipApplicationInput!) {
    applyForMembership(input: $input) {
      ...ApplicationFields
    }
  }
`);

/** /partners/apply: an organisation asks to join the alliance by signing the memorandum. */
export function ApplyPage() {
  const { t } = useTranslation();
  const { viewer, loading } = useViewer();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const [apply, applying] = useMutation(applyMutation, {
    refetchQueries: ["MyMembershipApplications", "HasMembershipApplications"],
  });
  usePageTitle(t("joining.apply.title"));

  if (loading) return <PageLoading />;
  if (!viewer) {
    return (
      <MessagePage
        title={t("joining.apply.title")}
        body={t("joining.apply.anonymous")}
        actions={
          <>
            <ButtonLink to="/login" state={{ from: pathname }}>
              {t("nav.login")}
            </ButtonLink>
            <ButtonLink to="/register" variant="secondary" state={{ from: pathname }}>
              {t("nav.register")}
            </ButtonLink>
          </>
        }
      />
    );
  }
  if (!viewer.emailVerified) {
    return (
      <MessagePage
        title={t("joining.apply.title")}
        body={t("joining.apply.unconfirmed", { email: viewer.email })}
        actions={
          <ButtonLink to="/account/security" variant="secondary">
            {t("joining.apply.confirmLink")}
          </ButtonLink>
        }
      />
    );
  }

  return (
    <div className="container page page--narrow membership">
      <h1>{t("joining.apply.title")}</h1>
      <p className="section__intro">{t("joining.apply.intro")}</p>
      <p>
        <Link to="/partners/applications">{t("joining.apply.yours")}</Link>
      </p>
      <ApplicationForm
        submitLabel={t("joining.apply.submit")}
        busy={applying.loading}
        onSave={async (input) => {
          const result = await apply({ variables: { input } });
          const id = result.data?.applyForMembership.id;
          await navigate(id ? `/partners/applications/${id}` : "/partners/applications", {
            state: { notice: "submitted" },
          });
        }}
      />
    </div>
  );
}
