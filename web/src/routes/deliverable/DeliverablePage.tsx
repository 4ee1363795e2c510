import { useQuery } from "@apollo/client/react";
import { type MouseEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { hasCode } from "../../app/errors";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { Avatar } from "../../ui/Avatar";
import { ButtonLink } from "../../ui/Button";
import { accentStyle } from "../../ui/Card";
import { EmptyState } from "../../ui/EmptyState";
import { formatDate } from "../../ui/format";
import { LiveAnnouncer } from "../../ui/LiveAnnouncer";
import { PageHeader } from "../../ui/PageHeader";
import { PageError, PageLoading, PrivatePage } from "../../ui/PageStates";
import { RelativeTime } from "../../ui/RelativeTime";
import { useAnnouncer } from "../../ui/useAnnouncer";
import { DocumentDecisions } from "../decisions/DecisionsOf";
import { NotFoundContent } from "../not-found/NotFoundPage";
import { WatchLevelControl } from "../preferences/WatchLevelControl";
import { DeliverableStatusBadge } from "./DeliverableStatusBadge";
import { type DeliverableView, exportMarkdownUrl, type Person, printUrl } from "./deliverable.fragment";
import { PencilIcon, SectionBlock } from "./SectionBlock";
import { StatusControl } from "./StatusControl";
import { type DeliverableEvent, useDeliverableEvents } from "./useDeliverableEvents";
import { usePresenceHeartbeat, usePresenceList } from "./usePresence";
import "./deliverable.css";

const deliverablePageQuery = graphql(`
  query DeliverablePage($id: ID!) {
    viewer {
      id
      displayName
    }
    deliverable(id: $id) {
      id
      ...DeliverableView
    }
  }
`);

/** The latest few live changes stay on screen; older ones are dropped. */
const NOTICES_KEPT = 3;

export function DeliverablePage() {
  const { id = "" } = useParams();
  // Another document is another page: nothing carries over (editors, presence, notices).
  return <DeliverableLoader key={id} id={id} />;
}

/** The document page's query: shared by the page, its endorsements and its management page. */
export function useDeliverablePage(id: string) {
  return useQuery(deliverablePageQuery, {
    variables: { id },
    // Always asked afresh: what others changed since the last visit must be there.
    fetchPolicy: "network-only",
    nextFetchPolicy: "cache-first",
  });
}

function DeliverableLoader({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useDeliverablePage(id);
  const deliverable = data?.deliverable ?? null;
  usePageTitle(deliverable?.title ?? (data || error ? t("document.notFoundTitle") : null));

  if (loading && !data) return <PageLoading />;
  if (error && !data) {
    if (hasCode(error, "FORBIDDEN") || hasCode(error, "UNAUTHENTICATED")) return <PrivateDocument />;
    if (!hasCode(error, "NOT_FOUND")) return <PageError error={error} retry={refetch} />;
  }
  if (!deliverable) return <NotFoundContent title={t("document.notFoundTitle")} body={t("document.notFoundBody")} />;
  return <DeliverableContent deliverable={deliverable} viewer={data?.viewer ?? null} refetch={() => refetch()} />;
}

interface DeliverableContentProps {
  deliverable: DeliverableView;
  viewer: Person | null;
  refetch: () => Promise<unknown>;
}

function DeliverableContent({ deliverable, viewer, refetch }: DeliverableContentProps) {
  const { t, i18n } = useTranslation();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [notices, setNotices] = useState<{ key: number; text: string }[]>([]);
  const [announcement, sayLive] = useAnnouncer();
  const noticeKey = useRef(0);
  const viewerId = viewer?.id ?? null;
  const community = deliverable.community;
  const sectionsById = new Map(deliverable.sections.map((s) => [s.id, s]));
  const numberOf = new Map(deliverable.sections.map((s, index) => [s.id, index + 1]));

  usePresenceHeartbeat(deliverable.id, editingId, Boolean(viewer));
  const presence = usePresenceList(
    deliverable.presence.filter((p) => p.active),
    viewerId,
  );

  function announce(text: string, visible = false) {
    sayLive(text);
    if (!visible) return;
    noticeKey.current += 1;
    const key = noticeKey.current;
    setNotices((current) => [{ key, text }, ...current].slice(0, NOTICES_KEPT));
  }

  function describe(event: DeliverableEvent): string | null {
    const heading = (sectionId: string, fallback?: string) => sectionsById.get(sectionId)?.heading ?? fallback ?? "";
    switch (event.__typename) {
      case "SectionUpdated": {
        const editor = event.revision.editor;
        if (editor.id === viewerId) return null;
        return event.revision.amendment
          ? t("live.amendmentMerged", { name: editor.displayName, heading: event.section.heading })
          : event.revision.restoredFrom
            ? t("live.sectionRestored", {
                name: editor.displayName,
                heading: event.section.heading,
                version: event.revision.restoredFrom,
              })
            : t("live.sectionUpdated", { name: editor.displayName, heading: event.section.heading });
      }
      case "SectionsReordered":
        return t("live.outlineChanged");
      case "StatusChanged":
        return t("live.statusChanged", { status: t(`documents.status.${event.deliverable.status}`) });
      case "DeliverableUpdated":
        return t("live.detailsChanged");
      case "AmendmentProposed": {
        const a = event.amendment;
        if (a.proposer.id === viewerId) return null;
        return t("live.amendmentProposed", { name: a.proposer.displayName, heading: a.section.heading });
      }
      case "AmendmentDecided": {
        const a = event.amendment;
        if (a.decider?.id === viewerId) return null;
        const name = a.decider?.displayName ?? "";
        if (a.proposer.id === viewerId && a.status !== "WITHDRAWN") {
          return a.status === "ACCEPTED"
            ? t("live.yourAmendmentAccepted", { name, heading: a.section.heading })
            : t("live.yourAmendmentRejected", { name, heading: a.section.heading });
        }
        if (a.status === "ACCEPTED") return t("live.amendmentAccepted", { name, heading: a.section.heading });
        if (a.status === "REJECTED") return t("live.amendmentRejected", { name, heading: a.section.heading });
        return t("live.amendmentWithdrawn", { name, heading: a.section.heading });
      }
      case "CommentAdded": {
        const c = event.comment;
        if (c.author.id === viewerId) return null;
        return t("live.commented", {
          name: c.author.displayName,
          heading: c.section ? heading(c.section.id, c.section.heading) : deliverable.title,
        });
      }
      case "CommentResolved":
        return null;
      case "Endorsed":
        return t("live.endorsed", { organization: event.endorsement.organization.name });
      case "EndorsementWithdrawn":
        return t("live.endorsementWithdrawn", { organization: event.endorsement.organization.name });
      default:
        return null;
    }
  }

  useDeliverableEvents(deliverable.id, deliverable.eventCursor, {
    onEvent: (event) => {
      if (event.__typename === "Presence") {
        if (event.user.id !== viewerId)
          presence.seen({ user: event.user, sectionId: event.sectionId ?? null }, event.active);
        return;
      }
      const text = describe(event);
      if (text) announce(text, true);
    },
  });

  function goTo(event: MouseEvent<HTMLAnchorElement>, sectionId: string) {
    event.preventDefault();
    const target = document.getElementById(`section-${sectionId}`);
    const heading = target?.querySelector<HTMLElement>("h2");
    target?.scrollIntoView({ block: "start" });
    heading?.focus({ preventScroll: true });
    window.history.replaceState(window.history.state, "", `#section-${sectionId}`);
  }

  const editingBy = (sectionId: string) => presence.others.filter((p) => p.sectionId === sectionId).map((p) => p.user);
  const signatories = deliverable.endorsements.length;

  return (
    <article className="document" style={accentStyle(community.color)} aria-labelledby="document-title">
      <PageHeader
        crumbs={[
          { to: "/", label: t("nav.communities") },
          { to: `/c/${community.slug}`, label: community.name },
          { to: `/c/${community.slug}?tab=documents`, label: t("documents.title") },
        ]}
        className="document__header"
        containerClassName="document__container"
      >
        <p className="page__flags">
          <DeliverableStatusBadge status={deliverable.status} />
          {deliverable.publishedAt ? (
            <span className="document__published">
              {t("document.publishedOn", { date: formatDate(deliverable.publishedAt, i18n.language) })}
            </span>
          ) : null}
        </p>
        <h1 id="document-title" className="page__title">
          {deliverable.title}
        </h1>
        {deliverable.summary ? <p className="page__summary">{deliverable.summary}</p> : null}
        <dl className="document__facts">
          {deliverable.organizations.length > 0 ? (
            <div>
              <dt>{t("document.coAuthors")}</dt>
              <dd>{deliverable.organizations.map((o) => o.name).join(" · ")}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t("document.editors")}</dt>
            <dd>{deliverable.editors.map((e) => e.displayName).join(" · ")}</dd>
          </div>
          <div>
            <dt>{t("document.updated")}</dt>
            <dd>
              <RelativeTime value={deliverable.updatedAt} />
            </dd>
          </div>
        </dl>

        <div className="presence" data-testid="presence">
          <span className="presence__label">{t("presence.hereNow")}</span>
          {presence.others.length === 0 ? (
            <span className="presence__none">{t("presence.onlyYou")}</span>
          ) : (
            <ul className="presence__list">
              {presence.others.map(({ user, sectionId }) => {
                const section = sectionId ? sectionsById.get(sectionId) : undefined;
                return (
                  <li key={user.id} className="presence-chip">
                    <Avatar name={user.displayName} size="sm" />
                    <span>{user.displayName}</span>
                    {section ? (
                      <span className="presence-chip__editing">
                        <PencilIcon />
                        <span className="visually-hidden">
                          {t("presence.editingSection", { heading: section.heading })}
                        </span>
                        <span aria-hidden="true">{numberOf.get(section.id)}</span>
                      </span>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </div>

        <p className="actions document__actions">
          <a className="btn btn--secondary btn--sm" href={exportMarkdownUrl(deliverable.id)} download>
            <span>{t("document.exportMarkdown")}</span>
          </a>
          <a className="btn btn--secondary btn--sm" href={printUrl(deliverable.id)} target="_blank" rel="noopener">
            <span>{t("document.print")}</span>
            <span className="visually-hidden"> ({t("common.opensInNewTab")})</span>
          </a>
          <ButtonLink to={`/d/${deliverable.id}/endorsements`} variant="secondary" size="sm">
            {t("document.endorsementsLink", { count: signatories })}
          </ButtonLink>
          {deliverable.viewerIsEditor ? (
            <ButtonLink to={`/d/${deliverable.id}/manage`} variant="ghost" size="sm">
              {t("document.manage")}
            </ButtonLink>
          ) : null}
        </p>
        {deliverable.viewerIsEditor ? (
          <StatusControl
            deliverable={deliverable}
            refetch={refetch}
            onChanged={(status) => announce(t("live.statusChanged", { status: t(`documents.status.${status}`) }))}
          />
        ) : null}
        {viewer ? <WatchLevelControl target={{ deliverableId: deliverable.id }} /> : null}
      </PageHeader>
      {viewer ? (
        <div className="container">
          <DocumentDecisions deliverableId={deliverable.id} canStart={deliverable.viewerCanComment} />
        </div>
      ) : null}

      <div className="container document__container document__layout">
        <nav className="document__toc" aria-labelledby="toc-title">
          <h2 id="toc-title" className="document__toc-title">
            {t("document.contents")}
          </h2>
          {deliverable.sections.length > 0 ? (
            <ol className="toc">
              {deliverable.sections.map((section) => {
                const editors = editingBy(section.id);
                return (
                  <li key={section.id} className="toc__item">
                    <a href={`#section-${section.id}`} onClick={(event) => goTo(event, section.id)}>
                      {section.heading}
                    </a>
                    {editors.length > 0 ? (
                      <span className="toc__editing">
                        <PencilIcon />
                        <span className="visually-hidden">
                          {t("presence.isEditing", { name: editors.map((p) => p.displayName).join(", ") })}
                        </span>
                      </span>
                    ) : null}
                    {section.amendments.length > 0 ? (
                      <span className="toc__count">
                        {t("document.tocAmendments", { count: section.amendments.length })}
                      </span>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          ) : null}
        </nav>

        <div className="document__sections">
          {notices.length > 0 ? (
            <div className="doc-live">
              <ul className="doc-live__list" aria-label={t("live.title")}>
                {notices.map((notice) => (
                  <li key={notice.key}>{notice.text}</li>
                ))}
              </ul>
              <button type="button" className="link-button doc-live__dismiss" onClick={() => setNotices([])}>
                {t("live.dismiss")}
              </button>
            </div>
          ) : null}
          {!deliverable.viewerCanEdit && deliverable.viewerIsEditor ? (
            <p className="notice document__closed">{t("document.textClosed")}</p>
          ) : null}
          {deliverable.sections.length === 0 ? (
            <EmptyState
              title={t("document.noSections")}
              action={
                deliverable.viewerIsEditor ? (
                  <ButtonLink to={`/d/${deliverable.id}/manage`} size="sm">
                    {t("document.addSections")}
                  </ButtonLink>
                ) : null
              }
            >
              <p>{deliverable.viewerIsEditor ? t("document.noSectionsEditor") : t("document.noSectionsBody")}</p>
            </EmptyState>
          ) : (
            deliverable.sections.map((section, index) => (
              <SectionBlock
                key={section.id}
                deliverable={deliverable}
                section={section}
                number={index + 1}
                viewerId={viewerId}
                editing={editingId === section.id}
                onEdit={() => setEditingId(section.id)}
                onEditorClosed={(saved) => {
                  setEditingId(null);
                  if (saved) announce(t("section.saved", { heading: section.heading }));
                }}
                editingBy={editingBy(section.id)}
                onAnnounce={(text) => announce(text)}
              />
            ))
          )}
        </div>
      </div>
      <LiveAnnouncer announcement={announcement} />
    </article>
  );
}

/** A members-only document (a draft, or a members-only community), asked for by someone who is not. */
function PrivateDocument() {
  const { t } = useTranslation();
  return (
    <PrivatePage
      title={t("document.privateTitle")}
      memberBody={t("document.privateMember")}
      body={t("document.privateBody")}
      keepHash
    />
  );
}
