import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { PageError, PageLoading } from "../../ui/PageStates";
import { EmailForm } from "./EmailForm";
import { PasswordForm } from "./PasswordForm";
import { SessionsList } from "./SessionsList";
import "./account.css";

export const securityPageQuery = graphql(`
  query SecurityPage {
    viewer {
      id
      email
      emailVerified
      sessions {
        id
        device
        current
        createdAt
        lastUsedAt
      }
    }
  }
`);

/** The account's security: its password, its address and where it is logged in. */
export function SecurityPage() {
  const { t } = useTranslation();
  usePageTitle(t("security.title"));
  const location = useLocation();
  const { data, loading, error, refetch } = useQuery(securityPageQuery, { fetchPolicy: "cache-and-network" });

  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} retry={refetch} />;
  const viewer = data?.viewer;
  if (!viewer) return <Navigate to="/login" replace state={{ from: location.pathname }} />;

  return (
    <div className="container page page--narrow security">
      <h1>{t("security.title")}</h1>
      <p className="security__intro">{t("security.intro")}</p>
      <div className="security__sections">
        <PasswordForm onChanged={() => void refetch()} />
        <EmailForm email={viewer.email ?? ""} />
        <SessionsList sessions={viewer.sessions ?? []} onRevoked={() => void refetch()} />
      </div>
    </div>
  );
}
