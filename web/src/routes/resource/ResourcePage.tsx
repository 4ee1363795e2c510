import { useMutation, useQuery } from "@apollo/client/react";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { hasCode } from "../../app/errors";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import type { ResourcePageQuery } from "../../gql/graphql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { accentStyle } from "../../ui/Card";
import { formatDate } from "../../ui/format";
import { Markdown } from "../../ui/Markdown";
import { PageHeader } from "../../ui/PageHeader";
import { PageError, PageLoading, PrivatePage } from "../../ui/PageStates";
import { RelativeTime } from "../../ui/RelativeTime";
import { CurationActions } from "../library/CurationActions";
import { LinkIcon, StarIcon, ThumbIcon } from "../library/ResourceCard";
import { isPublished, isWebLink } from "../library/resource.fragment";
import { StatusBadge } from "../library/StatusBadge";
import { NotFoundContent } from "../not-found/NotFoundPage";
import { EditResourceForm } from "./EditResourceForm";
import "../../ui/history.css";
import "./resource.css";
import { HiddenNotice } from "../../ui/HiddenNotice";
import { ReportButton } from "../moderation/report/ReportButton";

const resourcePageQuery = graphql(`
  query ResourcePage($id: ID!) {
    viewer {
      id
    }
    resource(id: $id) {
      id
      ...ResourceSummary
      ...ResourceCuration
      body
      viewerBookmarked
      viewerFoundHelpful
      viewerCanUse
      community {
        id
        slug
        name
        color
      }
    }
  }
`);

const setResourceBookmarkMutation = graphql(`
  mutation SetResourceBookmark($resourceId: ID!, $bookmarked: Boolean!) {
    setResourceBookmark(resourceId: $resourceId, bookmarked: $bookmarked) {
      id
      viewerBookmarked
    }
  }
`);

const setResourceHelpfulMutation = graphql(`
  mutation SetResourceHelpful($resourceId: ID!, $helpful: Boolean!) {
    setResourceHelpful(resourceId: $resourceId, helpful: $helpful) {
      id
      viewerFoundHelpful
      helpfulCount
    }
  }
`);

type Resource = NonNullable<ResourcePageQuery["resource"]>;

export function ResourcePage() {
  const { id = "" } = useParams();
  return <ResourceView key={id} id={id} />;
}

function ResourceView({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(resourcePageQuery, {
    variables: { id },
    fetchPolicy: "cache-and-network",
  });
  const resource = data?.resource ?? null;
  usePageTitle(resource?.title ?? (data || error ? t("resource.notFoundTitle") : null));

  if (loading && !data) return <PageLoading />;
  if (error && !data) {
    if (hasCode(error, "FORBIDDEN") || hasCode(error, "UNAUTHENTICATED")) return <PrivateResource />;
    if (!hasCode(error, "NOT_FOUND")) return <PageError error={error} retry={refetch} />;
  }
  if (!resource) return <NotFoundContent title={t("resource.notFoundTitle")} body={t("resource.notFoundBody")} />;
  return <ResourceContent resource={resource} viewerId={data?.viewer?.id ?? null} />;
}

function ResourceContent({ resource, viewerId }: { resource: Resource; viewerId: string | null }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const backToEdit = useRef(false);
  const community = resource.community;
  const mine = resource.proposer.id === viewerId;
  const published = isPublished(resource.status);
  const decisions = [...resource.decisions].sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
  const latestReason = [...decisions].reverse().find((d) => d.toStatus === resource.status)?.reason ?? null;

  useEffect(() => {
    if (!editing && backToEdit.current) {
      backToEdit.current = false;
      editRef.current?.focus();
    }
  }, [editing]);

  let use: ReactNode;
  if (!published) use = null;
  else if (!viewerId) {
    use = (
      <p className="resource-use__hint">
        <Link to="/login" state={{ from: location.pathname }}>
          {t("nav.login")}
        </Link>{" "}
        {t("resource.signInToUse")}
      </p>
    );
  } else if (!resource.viewerCanUse) {
    use = <p className="resource-use__hint">{t("resource.joinToUse", { name: community.name })}</p>;
  } else {
    use = <UseButtons resource={resource} />;
  }

  return (
    <article className="resource-page" style={accentStyle(community.color)} aria-labelledby="resource-title">
      <PageHeader
        crumbs={[
          { to: "/", label: t("nav.communities") },
          { to: `/c/${community.slug}`, label: community.name },
          { to: `/c/${community.slug}?tab=library`, label: t("library.title") },
        ]}
      >
        <p className="page__flags">
          <Badge tone="neutral">{t(`library.kind.${resource.kind}`)}</Badge>
          {resource.status === "FEATURED" ? (
            <Badge tone="accent">
              <StarIcon /> {t("library.featured")}
            </Badge>
          ) : null}
          {published ? null : <StatusBadge status={resource.status} />}
        </p>
        <h1 id="resource-title" className="page__title">
          {resource.title || (resource.moderation ? t(`hidden.${resource.moderation.hiddenBy}`) : "")}
        </h1>
        {resource.moderation ? <HiddenNotice notice={resource.moderation} /> : null}
        <p className="page__summary">{resource.summary}</p>
        <ReportButton target={{ resourceId: resource.id }} authorId={resource.proposer.id} what={resource.title} />
        <p className="page__meta">
          {t("library.proposedBy", { name: resource.proposer.displayName })} ·{" "}
          {resource.publishedAt ? (
            <>{t("resource.publishedOn", { date: formatDate(resource.publishedAt, i18n.language) })} · </>
          ) : null}
          <span>
            <span className="visually-hidden">{t("library.languageLabel")}: </span>
            {t(`library.language.${resource.language}`)}
          </span>
        </p>
        {resource.tags.length > 0 ? (
          <ul className="tag-list" aria-label={t("threads.tags")}>
            {resource.tags.map((tag) => (
              <li key={tag}>
                <Link className="tag" to={`/c/${community.slug}?tab=library&tag=${encodeURIComponent(tag)}`}>
                  <span className="visually-hidden">{t("threads.tagPrefix")} </span>#{tag}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
      </PageHeader>

      <div className="container page__layout">
        <div className="page__main">
          {published ? null : (
            <div className={`notice resource-page__notice resource-page__notice--${resource.status.toLowerCase()}`}>
              <p className="notice__title">{t(`resource.notice.${resource.status}.title`)}</p>
              {latestReason && (resource.status === "CHANGES_REQUESTED" || resource.status === "REJECTED") ? (
                <blockquote className="resource-page__reason">{latestReason}</blockquote>
              ) : null}
              <p>
                {mine
                  ? t(`resource.notice.${resource.status}.proposer`)
                  : t(`resource.notice.${resource.status}.other`)}
              </p>
            </div>
          )}
          {saved ? (
            <p className="resource-page__saved" role="status">
              {saved}
            </p>
          ) : null}

          {editing ? (
            <EditResourceForm
              resource={resource}
              communitySlug={community.slug}
              onDone={(result) => {
                setEditing(false);
                backToEdit.current = true;
                if (result)
                  setSaved(result.status === "PROPOSED" ? t("resource.savedForReview") : t("resource.savedNow"));
              }}
            />
          ) : (
            <>
              {resource.viewerCanEdit ? (
                <p className="actions resource-page__edit">
                  <Button
                    ref={editRef}
                    variant="secondary"
                    onClick={() => {
                      setSaved(null);
                      setEditing(true);
                    }}
                  >
                    {t("resource.edit")}
                  </Button>
                </p>
              ) : null}
              {isWebLink(resource.url) ? (
                <p className="resource-link">
                  <a href={resource.url} target="_blank" rel="noopener noreferrer nofollow">
                    <span className="resource-link__label">{t("resource.openLink")}</span>
                    <span className="resource-link__host">
                      <LinkIcon /> {resource.host ?? resource.url}
                    </span>
                    <span className="visually-hidden"> ({t("common.opensInNewTab")})</span>
                  </a>
                </p>
              ) : null}
              {resource.body.trim() ? (
                <div className="resource-page__body">
                  {/* Under the material's h1, before the aside's h2s. */}
                  <Markdown source={resource.body} headingLevel={2} />
                </div>
              ) : null}
            </>
          )}
        </div>

        <aside className="page__aside" aria-label={t("resource.aside")}>
          {published ? (
            <section className="card resource-use" aria-labelledby="resource-use-title">
              <h2 id="resource-use-title" className="resource-aside__title">
                {t("resource.useTitle")}
              </h2>
              <p className="resource-use__count">
                {t("library.helpfulCount", {
                  count: resource.helpfulCount,
                  formatted: new Intl.NumberFormat(i18n.language).format(resource.helpfulCount),
                })}
              </p>
              {use}
            </section>
          ) : null}
          {resource.viewerCanCurate ? (
            <section className="card resource-curation" aria-labelledby="resource-curation-title">
              <h2 id="resource-curation-title" className="resource-aside__title">
                {t("curation.title")}
              </h2>
              <p className="resource-curation__status">
                {t("resource.statusNow")} <StatusBadge status={resource.status} />
              </p>
              <CurationActions resource={resource} />
            </section>
          ) : null}
          {decisions.length > 0 ? (
            <section className="card resource-history" aria-labelledby="resource-history-title">
              <h2 id="resource-history-title" className="resource-aside__title">
                {t("resource.historyTitle")}
              </h2>
              <ol className="history">
                {decisions.map((decision) => (
                  <li key={decision.id} className="history__item">
                    <p className="history__what">
                      <strong>{t(`resource.history.${decision.decision}`)}</strong>
                      {decision.reason ? `: ${decision.reason}` : null}
                    </p>
                    <p className="history__when">
                      {t("resource.byActor", { name: decision.actor.displayName })} ·{" "}
                      <RelativeTime value={decision.createdAt} />
                    </p>
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
        </aside>
      </div>
    </article>
  );
}

/** "Helpful" and "Save for later": toggles with their state in aria-pressed, answered at once. */
function UseButtons({ resource }: { resource: Resource }) {
  const { t } = useTranslation();
  const [setBookmark, bookmarkState] = useMutation(setResourceBookmarkMutation);
  const [setHelpful, helpfulState] = useMutation(setResourceHelpfulMutation);
  const [announcement, setAnnouncement] = useState("");

  function toggleHelpful() {
    bookmarkState.reset();
    const helpful = !resource.viewerFoundHelpful;
    const helpfulCount = Math.max(0, resource.helpfulCount + (helpful ? 1 : -1));
    void setHelpful({
      variables: { resourceId: resource.id, helpful },
      optimisticResponse: {
        // The cache needs the type name to find the resource; the generated types leave it out.
        setResourceHelpful: { __typename: "Resource", id: resource.id, viewerFoundHelpful: helpful, helpfulCount } as {
          id: string;
          viewerFoundHelpful: boolean;
          helpfulCount: number;
        },
      },
    })
      .then(() => setAnnouncement(helpful ? t("resource.markedHelpful") : t("resource.unmarkedHelpful")))
      .catch(() => undefined);
  }

  function toggleBookmark() {
    helpfulState.reset();
    const bookmarked = !resource.viewerBookmarked;
    void setBookmark({
      variables: { resourceId: resource.id, bookmarked },
      optimisticResponse: {
        setResourceBookmark: { __typename: "Resource", id: resource.id, viewerBookmarked: bookmarked } as {
          id: string;
          viewerBookmarked: boolean;
        },
      },
    })
      .then(() => setAnnouncement(bookmarked ? t("resource.bookmarked") : t("resource.unbookmarked")))
      .catch(() => undefined);
  }

  return (
    <>
      <p className="resource-use__buttons">
        <button type="button" className="toggle" aria-pressed={resource.viewerFoundHelpful} onClick={toggleHelpful}>
          <ThumbIcon className="icon toggle__icon" /> {t("resource.helpful")}
        </button>
        <button type="button" className="toggle" aria-pressed={resource.viewerBookmarked} onClick={toggleBookmark}>
          <BookmarkIcon /> {t("resource.bookmark")}
        </button>
      </p>
      <ActionProblem error={helpfulState.error ?? bookmarkState.error} />
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </>
  );
}

function BookmarkIcon() {
  return (
    <svg className="icon toggle__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M3.5 1.5h9v13L8 11.3l-4.5 3.2z" />
    </svg>
  );
}

/** Material of a members-only community, asked for by someone who is not (yet) a member. */
function PrivateResource() {
  const { t } = useTranslation();
  return (
    <PrivatePage
      title={t("resource.privateTitle")}
      memberBody={t("resource.privateMember")}
      body={t("resource.privateBody")}
    />
  );
}
