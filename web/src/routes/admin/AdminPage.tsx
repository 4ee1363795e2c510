import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { NavLink, useLocation } from "react-router";
import { useViewer } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { ButtonLink } from "../../ui/Button";
import { MessagePage, PageLoading } from "../../ui/PageStates";
import { AdminCertifications } from "../buy-social/AdminCertifications";
import { AdminApplication } from "./AdminApplication";
import { AdminApplications } from "./AdminApplications";
import { AdminAudit } from "./AdminAudit";
import { AdminCommunities } from "./AdminCommunities";
import { AdminFundingCalls } from "./AdminFundingCalls";
import { AdminMembers } from "./AdminMembers";
import { AdminOrganizations } from "./AdminOrganizations";
import "./admin.css";
import "../membership/membership.css";

const pendingApplicationsQuery = graphql(`
  query PendingApplications {
    membershipApplications(first: 1, status: SUBMITTED) {
      totalCount
    }
  }
`);

/**
 * The admin area: five sections under /admin. Only platform admins see it; everyone else gets a
 * "not allowed" page (the api refuses each of its queries and mutations anyway, admin.policy.ts).
 */
export function AdminPage() {
  const { t } = useTranslation();
  const { viewer, loading } = useViewer();
  const { pathname } = useLocation();
  usePageTitle(t("admin.title"));
  const isAdmin = viewer?.role === "ADMIN";
  // Applications awaiting a decision, beside the tab: read again on each visit to the area.
  const pending = useQuery(pendingApplicationsQuery, { skip: !isAdmin, fetchPolicy: "cache-and-network" });
  const pendingCount = pending.data?.membershipApplications.totalCount ?? 0;

  if (loading) return <PageLoading />;
  if (viewer?.role !== "ADMIN") {
    return (
      <MessagePage
        title={t("admin.notAllowed.title")}
        body={viewer ? t("admin.notAllowed.body") : t("admin.notAllowed.anonymous")}
        actions={
          <>
            {viewer ? null : (
              <ButtonLink to="/login" state={{ from: pathname }}>
                {t("nav.login")}
              </ButtonLink>
            )}
            <ButtonLink to="/" variant="secondary">
              {t("common.backHome")}
            </ButtonLink>
          </>
        }
      />
    );
  }

  const section = /^\/admin\/applications\/[^/]+/.test(pathname) ? (
    <AdminApplication />
  ) : pathname.startsWith("/admin/applications") ? (
    <AdminApplications />
  ) : pathname.startsWith("/admin/organizations") ? (
    <AdminOrganizations />
  ) : pathname.startsWith("/admin/members") ? (
    <AdminMembers />
  ) : pathname.startsWith("/admin/certifications") ? (
    <AdminCertifications />
  ) : pathname.startsWith("/admin/audit") ? (
    <AdminAudit />
  ) : pathname.startsWith("/admin/funding-calls") ? (
    <AdminFundingCalls />
  ) : (
    <AdminCommunities />
  );

  return (
    <div className="container page admin">
      <h1>{t("admin.title")}</h1>
      <nav aria-label={t("admin.nav.label")} className="admin__nav">
        <NavLink end to="/admin">
          {t("admin.nav.communities")}
        </NavLink>
        <NavLink to="/admin/organizations">{t("admin.nav.organizations")}</NavLink>
        <NavLink to="/admin/applications">
          {t("admin.nav.applications")}
          {pendingCount > 0 ? (
            <span className="admin__count">
              {" "}
              <span aria-hidden="true">{pendingCount}</span>
              <span className="visually-hidden">{t("admin.nav.pending", { count: pendingCount })}</span>
            </span>
          ) : null}
        </NavLink>
        <NavLink to="/admin/members">{t("admin.nav.members")}</NavLink>
        <NavLink to="/admin/certifications">{t("buySocial.admin.nav")}</NavLink>
        <NavLink to="/admin/audit">{t("admin.nav.audit")}</NavLink>
        <NavLink to="/admin/funding-calls">{t("hub.import.nav")}</NavLink>
      </nav>
      {section}
    </div>
  );
}
