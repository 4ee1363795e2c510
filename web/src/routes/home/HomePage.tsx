import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { useViewer } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { ButtonLink } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorState } from "../../ui/ErrorState";
import { Loading } from "../../ui/Loading";
import { HomeEvents } from "../events/HomeEvents";
import { CommunityCard } from "./CommunityCard";
import { HeroFacts } from "./HeroFacts";
import { PartnerDirectory } from "./PartnerDirectory";
import "./home.css";

const homeCommunitiesQuery = graphql(`
  query HomeCommunities {
    communities {
      id
      slug
      name
      tagline
      color
      memberCount
      joinPolicy
      visibility
      viewerMembership {
        id
        role
        status
      }
    }
  }
`);

export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(null);
  const { viewer, loading: viewerLoading } = useViewer();
  const { data, loading, error, refetch } = useQuery(homeCommunitiesQuery);

  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div className="container hero__inner">
          <div className="hero__text">
            <p className="hero__eyebrow">{t("home.eyebrow")}</p>
            <h1 id="hero-title" className="hero__title">
              {t("home.title")}
            </h1>
            <p className="hero__lead">{t("home.lead")}</p>
            {viewerLoading || viewer ? null : (
              <p className="actions">
                <ButtonLink to="/register" state={{ from: "/" }}>
                  {t("home.ctaRegister")}
                </ButtonLink>
                <ButtonLink to="/login" state={{ from: "/" }} variant="secondary">
                  {t("home.ctaLogin")}
                </ButtonLink>
              </p>
            )}
          </div>
          <HeroFacts communityCount={data?.communities.length ?? null} />
        </div>
      </section>

      <section className="container section" aria-labelledby="communities-title">
        <div className="section__header">
          <h2 id="communities-title">{t("home.communitiesTitle")}</h2>
          <p className="section__intro">{t("home.communitiesIntro")}</p>
        </div>
        {loading && !data ? <Loading label={t("home.loadingCommunities")} /> : null}
        {error && !data ? <ErrorState error={error} retry={refetch} /> : null}
        {data && data.communities.length === 0 ? (
          <EmptyState title={t("home.noCommunitiesTitle")}>
            <p>{t("home.noCommunitiesBody")}</p>
          </EmptyState>
        ) : null}
        {data && data.communities.length > 0 ? (
          <ul className="community-grid">
            {data.communities.map((community) => (
              <li key={community.id}>
                <CommunityCard community={community} />
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <HomeEvents />

      <PartnerDirectory />
    </>
  );
}
