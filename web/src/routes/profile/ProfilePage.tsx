import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { Avatar } from "../../ui/Avatar";
import { Badge } from "../../ui/Badge";
import { ButtonLink } from "../../ui/Button";
import { accentStyle } from "../../ui/Card";
import { EmptyState } from "../../ui/EmptyState";
import { formatDate } from "../../ui/format";
import { PageError, PageLoading } from "../../ui/PageStates";
import { ProfileForm } from "./ProfileForm";
import "./profile.css";

const profilePageQuery = graphql(`
  query ProfilePage {
    viewer {
      id
      displayName
      email
      bio
      role
      createdAt
      organizations {
        id
        role
        organization {
          id
          slug
          name
          category
        }
      }
      communities {
        id
        role
        status
        community {
          id
          slug
          name
          color
        }
      }
    }
  }
`);

export function ProfilePage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("profile.title"));
  const location = useLocation();
  const { data, loading, error, refetch } = useQuery(profilePageQuery, { fetchPolicy: "cache-and-network" });

  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} retry={refetch} />;
  const viewer = data?.viewer;
  if (!viewer) return <Navigate to="/login" replace state={{ from: location.pathname }} />;

  return (
    <div className="container page profile">
      <header className="profile__header">
        <Avatar name={viewer.displayName} size="lg" />
        <div>
          <h1 className="profile__name">{viewer.displayName}</h1>
          {viewer.email ? <p className="profile__email">{viewer.email}</p> : null}
          <p className="profile__since">
            {t("profile.memberSince", { date: formatDate(viewer.createdAt, i18n.language) })}
            {viewer.role === "ADMIN" ? (
              <>
                {" "}
                <Badge tone="accent">{t("profile.admin")}</Badge>
              </>
            ) : null}
          </p>
        </div>
      </header>

      <div className="profile__layout">
        <section aria-labelledby="about-you-title" className="card profile__card">
          <h2 id="about-you-title">{t("profile.aboutYou")}</h2>
          <ProfileForm displayName={viewer.displayName} bio={viewer.bio ?? ""} />
        </section>

        <div className="profile__side">
          <section aria-labelledby="my-communities-title" className="card profile__card">
            <h2 id="my-communities-title">{t("profile.communities")}</h2>
            {viewer.communities.length === 0 ? (
              <EmptyState
                title={t("profile.noCommunitiesTitle")}
                action={
                  <ButtonLink to="/" variant="secondary" size="sm">
                    {t("profile.browseCommunities")}
                  </ButtonLink>
                }
              >
                <p>{t("profile.noCommunitiesBody")}</p>
              </EmptyState>
            ) : (
              <ul className="profile__list">
                {viewer.communities.map((m) => (
                  <li key={m.id} className="profile__community" style={accentStyle(m.community.color)}>
                    <Link to={`/c/${m.community.slug}`}>{m.community.name}</Link>
                    {m.status === "PENDING" ? (
                      <Badge tone="warning">{t("community.badge.pending")}</Badge>
                    ) : m.role === "FACILITATOR" ? (
                      <Badge tone="accent">{t("community.badge.facilitator")}</Badge>
                    ) : (
                      <Badge tone="success">{t("community.badge.member")}</Badge>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="my-organizations-title" className="card profile__card">
            <h2 id="my-organizations-title">{t("profile.organizations")}</h2>
            {viewer.organizations.length === 0 ? (
              <EmptyState title={t("profile.noOrganizationsTitle")}>
                <p>{t("profile.noOrganizationsBody")}</p>
              </EmptyState>
            ) : (
              <ul className="profile__list">
                {viewer.organizations.map((m) => (
                  <li key={m.id} className="profile__organization">
                    <span>
                      <span className="profile__org-name">{m.organization.name}</span>
                      <span className="profile__org-category">
                        {t(`organizations.category.${m.organization.category}`)}
                      </span>
                    </span>
                    <Badge tone={m.role === "REPRESENTATIVE" ? "accent" : "neutral"}>
                      {t(`organizations.role.${m.role}`)}
                    </Badge>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
