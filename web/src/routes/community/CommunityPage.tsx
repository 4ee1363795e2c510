import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { accentStyle } from "../../ui/Card";
import { PageError, PageLoading } from "../../ui/PageStates";
import { CommunityDecisions } from "../decisions/DecisionsOf";
import { Documents } from "../deliverable/Documents";
import { CommunityEvents } from "../events/CommunityEvents";
import { CurationQueue, useCurationCount } from "../library/CurationQueue";
import { Library } from "../library/Library";
import { NotFoundContent } from "../not-found/NotFoundPage";
import { LearningPaths } from "../paths/LearningPaths";
import { WatchLevelControl } from "../preferences/WatchLevelControl";
import { Discussions } from "./Discussions";
import { MemberList } from "./MemberList";
import { MembershipPanel } from "./MembershipPanel";
import { PendingRequests } from "./PendingRequests";
import "./community.css";
import { SanctionBanner } from "../../ui/SanctionBanner";

const communityPageQuery = graphql(`
  query CommunityPage($slug: String!) {
    viewer {
      id
    }
    community(slug: $slug) {
      id
      slug
      name
      tagline
      description
      color
      visibility
      joinPolicy
      archived
      memberCount
      viewerMembership {
        id
        role
        status
        suspendedUntil
        restrictedUntil
      }
      viewerCanModerate
      viewerCanCurate
      viewerCanCreateThread
      viewerCanRead
      viewerCanProposeResource
      viewerCanCreateDeliverable
      viewerCanCreateLearningPath
    }
  }
`);

/** Plain text in, paragraphs out: user text never reaches the DOM as HTML. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/u)
    .map((p) => p.trim())
    .filter(Boolean);
}

const TABS = ["discussions", "library", "paths", "documents", "about", "members", "curation"] as const;
type Tab = (typeof TABS)[number];

interface SectionNavProps {
  current: Tab;
  tabs: readonly Tab[];
  /** Proposals waiting for a facilitator, shown beside "Curation". */
  waiting: number | null;
}

/** The page's sections as links (`?tab=`), so each has an address and Back works. */
function SectionNav({ current, tabs, waiting }: SectionNavProps) {
  const { t } = useTranslation();
  return (
    <nav className="community-tabs" aria-label={t("community.sections")}>
      <ul className="community-tabs__list">
        {tabs.map((tab) => (
          <li key={tab}>
            <Link
              to={{ search: tab === "discussions" ? "" : `?tab=${tab}` }}
              preventScrollReset
              aria-current={tab === current ? "page" : undefined}
              className="community-tabs__link"
            >
              {t(`community.tab.${tab}`)}
              {tab === "curation" && waiting ? (
                <>
                  {" "}
                  <span className="count-pill" aria-hidden="true">
                    {waiting}
                  </span>
                  <span className="visually-hidden">{t("curation.waiting", { count: waiting })}</span>
                </>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function CommunityPage() {
  const { slug = "" } = useParams();
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const { data, loading, error, refetch } = useQuery(communityPageQuery, { variables: { slug } });
  const community = data?.community;
  usePageTitle(community?.name ?? (data ? t("notFound.title") : null));
  const viewer = data?.viewer ?? null;
  const waiting = useCurationCount(slug, community?.viewerCanCurate ?? false);

  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} retry={refetch} />;
  if (!community) return <NotFoundContent title={t("community.notFoundTitle")} body={t("community.notFoundBody")} />;

  // Curation is the facilitators' own section; anyone else asking for it gets the discussions.
  const tabs = TABS.filter((x) => x !== "curation" || community.viewerCanCurate);
  const tab: Tab = tabs.find((x) => x === params.get("tab")) ?? "discussions";
  const count = new Intl.NumberFormat(i18n.language).format(community.memberCount);

  return (
    <article className="community" style={accentStyle(community.color)}>
      <header className="community__header">
        <div className="container">
          <p className="community__back">
            <Link to="/">
              <span aria-hidden="true">← </span>
              {t("community.back")}
            </Link>
          </p>
          <h1 className="community__name">{community.name}</h1>
          <p className="community__tagline">{community.tagline}</p>
          <ul className="community__facts">
            <li>{t("community.memberCount", { count: community.memberCount, formatted: count })}</li>
            <li>{t(`community.visibility.${community.visibility}`)}</li>
            <li>{t(`community.joinPolicy.${community.joinPolicy}`)}</li>
            {community.archived ? <li className="community__archived">{t("archivedCommunity.fact")}</li> : null}
          </ul>
        </div>
      </header>
      <SanctionBanner
        scope="community"
        suspendedUntil={community.viewerMembership?.suspendedUntil}
        restrictedUntil={community.viewerMembership?.restrictedUntil}
      />

      <div className="container community__layout">
        {/* First in reading order, so on phones joining is not below the member list; wide
            screens place it in the right-hand column. */}
        <aside className="community__aside" aria-labelledby="membership-title">
          <MembershipPanel community={community} signedIn={Boolean(viewer)} />
          {viewer ? <WatchLevelControl target={{ communitySlug: community.slug }} /> : null}
          {community.viewerCanRead ? (
            <CommunityDecisions
              communityId={community.id}
              slug={community.slug}
              canStart={community.viewerCanCreateThread}
            />
          ) : null}
          <CommunityEvents slug={community.slug} />
        </aside>
        <div className="community__main">
          <SectionNav current={tab} tabs={tabs} waiting={waiting} />
          {tab === "discussions" ? (
            <Discussions community={community} signedIn={Boolean(viewer)} canStart={community.viewerCanCreateThread} />
          ) : null}

          {tab === "library" ? (
            <Library community={community} signedIn={Boolean(viewer)} canPropose={community.viewerCanProposeResource} />
          ) : null}

          {tab === "paths" ? (
            <LearningPaths community={community} canCreate={community.viewerCanCreateLearningPath} />
          ) : null}

          {tab === "documents" ? (
            <Documents
              community={community}
              signedIn={Boolean(viewer)}
              canStart={community.viewerCanCreateDeliverable}
            />
          ) : null}

          {tab === "curation" ? <CurationQueue slug={community.slug} /> : null}

          {tab === "about" ? (
            <section aria-labelledby="about-title" className="community__section">
              <h2 id="about-title">{t("community.about")}</h2>
              <div className="prose">
                {paragraphs(community.description).map((p, i) => (
                  // Paragraphs have no identity of their own; their order is their key.
                  // biome-ignore lint/suspicious/noArrayIndexKey: static text split into paragraphs
                  <p key={i}>{p}</p>
                ))}
              </div>
              <p>
                <Link to={`/c/${community.slug}/moderation-log`}>{t("community.moderationLog")}</Link>
              </p>
            </section>
          ) : null}

          {tab === "members" ? (
            <>
              {community.viewerCanModerate ? (
                <PendingRequests slug={community.slug} joinPolicy={community.joinPolicy} />
              ) : null}
              <MemberList slug={community.slug} visibility={community.visibility} />
            </>
          ) : null}
        </div>
      </div>
    </article>
  );
}
