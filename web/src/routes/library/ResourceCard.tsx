import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ResourceSummaryFragment } from "../../gql/graphql";
import { Badge } from "../../ui/Badge";
import { Highlighted } from "../../ui/Highlighted";
import { isPublished } from "./resource.fragment";
import "./resource-card.css";
import { HiddenNotice } from "../../ui/HiddenNotice";

interface ResourceCardProps {
  resource: ResourceSummaryFragment;
  /** A search snippet, with the matched words marked. */
  snippet?: string | null;
  activeTag?: string | null;
  /** Filter by this tag; null clears the filter (pressing the active tag again). Without it tags are plain. */
  onTag?: (tag: string | null) => void;
  /** Where it comes from, for lists across communities (what a member saved). */
  community?: { slug: string; name: string };
}

/** One piece of material in the library: what it is, in which language, and why it may help. */
export function ResourceCard({ resource, snippet, activeTag = null, onTag, community }: ResourceCardProps) {
  const { t, i18n } = useTranslation();
  const helpful = new Intl.NumberFormat(i18n.language).format(resource.helpfulCount);

  return (
    <li className={`resource-card${resource.status === "FEATURED" ? " resource-card--featured" : ""}`}>
      <p className="resource-card__flags">
        <Badge tone="neutral">{t(`library.kind.${resource.kind}`)}</Badge>
        {resource.status === "FEATURED" ? (
          <Badge tone="accent">
            <StarIcon /> {t("library.featured")}
          </Badge>
        ) : null}
        {isPublished(resource.status) ? null : <Badge tone="warning">{t(`library.status.${resource.status}`)}</Badge>}
        {community ? (
          <span className="resource-card__community">
            {t("saved.from")} <Link to={`/c/${community.slug}?tab=library`}>{community.name}</Link>
          </span>
        ) : null}
      </p>
      <h3 className="resource-card__title">
        <Link to={`/r/${resource.id}`}>
          {resource.title || (resource.moderation ? t(`hidden.${resource.moderation.hiddenBy}`) : "")}
        </Link>
      </h3>
      {resource.moderation ? <HiddenNotice notice={resource.moderation} /> : null}
      {snippet ? (
        <p className="resource-card__snippet">
          <Highlighted snippet={snippet} />
        </p>
      ) : (
        <p className="resource-card__summary">{resource.summary}</p>
      )}
      <ul className="resource-card__meta">
        <li>
          <span className="visually-hidden">{t("library.languageLabel")}: </span>
          {t(`library.language.${resource.language}`)}
        </li>
        {resource.host ? (
          <li className="resource-card__host">
            <LinkIcon />
            <span className="visually-hidden">{t("library.linkTo")} </span>
            {resource.host}
          </li>
        ) : null}
        <li
          className="resource-card__helpful"
          title={t("library.helpfulCount", { count: resource.helpfulCount, formatted: helpful })}
        >
          <ThumbIcon />
          <span aria-hidden="true">{helpful}</span>
          <span className="visually-hidden">
            {t("library.helpfulCount", { count: resource.helpfulCount, formatted: helpful })}
          </span>
        </li>
      </ul>
      {resource.tags.length > 0 ? (
        <ul className="tag-list resource-card__tags" aria-label={t("threads.tags")}>
          {resource.tags.map((tag) => (
            <li key={tag}>
              {onTag ? (
                <button
                  type="button"
                  className="tag"
                  aria-pressed={tag === activeTag}
                  onClick={() => onTag(tag === activeTag ? null : tag)}
                  title={t("library.filterBy", { tag })}
                >
                  <span className="visually-hidden">{t("threads.tagPrefix")} </span>#{tag}
                </button>
              ) : (
                <span className="tag tag--static">
                  <span className="visually-hidden">{t("threads.tagPrefix")} </span>#{tag}
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function StarIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="m8 1.2 2.1 4.3 4.7.7-3.4 3.3.8 4.7L8 12l-4.2 2.2.8-4.7L1.2 6.2l4.7-.7z" />
    </svg>
  );
}

export function ThumbIcon({ className = "icon" }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M6 7 8.6 1.5c1.2 0 2 .9 1.8 2.1L10 6h3.6c.9 0 1.6.9 1.3 1.8l-1.6 5.6c-.2.6-.7 1.1-1.4 1.1H6zM1 7h3.5v7.5H1z" />
    </svg>
  );
}

export function LinkIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M9 2h5v5h-1.6V4.7L7.6 9.5 6.5 8.4l4.8-4.8H9zM3 4h4v1.6H3.6v6.8h6.8V9H12v5H2V4z" />
    </svg>
  );
}
