import { useTranslation } from "react-i18next";
import { NavLink, useLocation } from "react-router";
import { useViewer } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { ButtonLink } from "../../ui/Button";
import { MessagePage, PageLoading } from "../../ui/PageStates";
import { AdminAudit } from "./AdminAudit";
import { AdminCommunities } from "./AdminCommunities";
import { AdminMembers } from "./AdminMembers";
import { AdminOrganizations } from "./AdminOrganizations";
import "./admin.css";

/**
 * The admin area: four sections under /admin. Only platform admins see it; everyone else gets a
 * "not allowed" page (the api refuses each of its queries and mutations anyway, admin.policy.ts).
 */
export function AdminPage() {
  const { t } = useTranslation();
  const { viewer, loading } = useViewer();
  const { pathname } = useLocation();
  usePageTitle(t("admin.title"));

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

  const section = pathname.startsWith("/admin/organizations") ? (
    <AdminOrganizations />
  ) : pathname.startsWith("/admin/members") ? (
    <AdminMembers />
  ) : pathname.startsWith("/admin/audit") ? (
    <AdminAudit />
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
        <NavLink to="/admin/members">{t("admin.nav.members")}</NavLink>
        <NavLink to="/admin/audit">{t("admin.nav.audit")}</NavLink>
      </nav>
      {section}
    </div>
  );
}
