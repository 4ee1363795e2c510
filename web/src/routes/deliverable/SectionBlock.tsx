import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/Button";
import { Markdown } from "../../ui/Markdown";
import { RelativeTime } from "../../ui/RelativeTime";
import { Amendments } from "./Amendments";
import { CommentThreads } from "./Comments";
import type { DeliverableView, Person, SectionView } from "./deliverable.fragment";
import { History } from "./History";
import { quoteFromSelection } from "./quote";
import { hasSectionDraft, SectionEditor } from "./SectionEditor";

const TABS = ["amendments", "comments", "history"] as const;
type Tab = (typeof TABS)[number];

interface SectionBlockProps {
  deliverable: DeliverableView;
  section: SectionView;
  /** 1-based place in the outline, as the reader sees it. */
  number: number;
  viewerId: string | null;
  editing: boolean;
  onEdit: () => void;
  onEditorClosed: (saved: boolean) => void;
  /** Others editing this section right now. */
  editingBy: readonly Person[];
  onAnnounce: (message: string) => void;
}

/**
 * One section: its text (or the editor), and beside it (below on phones) its amendments,
 * comments and history. Text selected in the section can be quoted in a new comment.
 */
export function SectionBlock({
  deliverable,
  section,
  number,
  viewerId,
  editing,
  onEdit,
  onEditorClosed,
  editingBy,
  onAnnounce,
}: SectionBlockProps) {
  const { t } = useTranslation();
  const id = useId();
  const [tab, setTab] = useState<Tab>(() =>
    section.amendments.length === 0 && section.comments.some((c) => !c.resolved) ? "comments" : "amendments",
  );
  const [selection, setSelection] = useState<string | null>(null);
  const [selectionTooLong, setSelectionTooLong] = useState(false);
  const [quote, setQuote] = useState<string | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const composeRef = useRef<HTMLTextAreaElement>(null);
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ amendments: null, comments: null, history: null });
  const focusCompose = useRef(false);
  const canComment = deliverable.viewerCanComment;

  // The selection is followed while it is inside this section's text; moving the focus to the
  // "Comment on selection" button keeps it.
  useEffect(() => {
    if (!canComment) return;
    function onSelectionChange() {
      const body = bodyRef.current;
      const current = window.getSelection();
      if (!body || !current || current.rangeCount === 0) return;
      const range = current.getRangeAt(0);
      const inside = body.contains(range.commonAncestorContainer);
      if (current.isCollapsed) {
        if (inside || body.contains(current.anchorNode)) setSelection(null);
        return;
      }
      if (!inside) {
        setSelection(null);
        return;
      }
      const text = current.toString();
      const found = quoteFromSelection(text, section.body);
      setSelection(found);
      setSelectionTooLong(!found && text.trim().length > 0);
    }
    document.addEventListener("selectionchange", onSelectionChange);
    return () => document.removeEventListener("selectionchange", onSelectionChange);
  }, [canComment, section.body]);

  useEffect(() => {
    if (focusCompose.current && tab === "comments") {
      focusCompose.current = false;
      composeRef.current?.focus();
    }
  });

  function commentOnSelection() {
    if (!selection) return;
    setQuote(selection);
    setTab("comments");
    focusCompose.current = true;
  }

  function onTabKey(event: KeyboardEvent<HTMLButtonElement>) {
    const index = TABS.indexOf(tab);
    let next: Tab | undefined;
    if (event.key === "ArrowRight") next = TABS[(index + 1) % TABS.length];
    else if (event.key === "ArrowLeft") next = TABS[(index - 1 + TABS.length) % TABS.length];
    else if (event.key === "Home") next = TABS[0];
    else if (event.key === "End") next = TABS[TABS.length - 1];
    if (!next) return;
    event.preventDefault();
    setTab(next);
    tabRefs.current[next]?.focus();
  }

  const openComments = section.comments.filter((c) => !c.resolved).length;
  const last = section.lastRevision;
  const draftWaiting = !editing && section.viewerCanEdit && hasSectionDraft(section.id);

  return (
    <section
      id={`section-${section.id}`}
      // While editing, the text takes the whole width (the conflict screen needs it); the panel goes below.
      className={`doc-section${editing ? " doc-section--editing" : ""}`}
      aria-labelledby={`${id}-heading`}
    >
      <div className="doc-section__text">
        <header className="doc-section__head">
          <h2 id={`${id}-heading`} className="doc-section__heading" tabIndex={-1}>
            <span className="doc-section__number" aria-hidden="true">
              {number}.
            </span>{" "}
            {section.heading}
          </h2>
          {editingBy.length > 0 ? (
            <ul className="doc-section__editing" aria-label={t("presence.editingHere")}>
              {editingBy.map((person) => (
                <li key={person.id} className="presence-chip presence-chip--editing">
                  <PencilIcon />
                  {t("presence.isEditing", { name: person.displayName })}
                </li>
              ))}
            </ul>
          ) : null}
          {section.viewerCanEdit && !editing ? (
            <Button ref={editRef} size="sm" variant="secondary" onClick={onEdit}>
              {draftWaiting ? t("section.continueDraft") : t("section.edit")}
              <span className="visually-hidden"> ({section.heading})</span>
            </Button>
          ) : null}
        </header>

        {editing ? (
          <SectionEditor
            deliverableId={deliverable.id}
            communitySlug={deliverable.community.slug}
            section={section}
            viewerId={viewerId}
            onClose={(saved) => {
              onEditorClosed(saved);
              requestAnimationFrame(() => editRef.current?.focus());
            }}
          />
        ) : (
          <>
            <div ref={bodyRef} className="doc-section__body" data-testid="section-body">
              {section.body.trim() ? (
                // Under the section's h2: the text's own headings start at h3.
                <Markdown source={section.body} headingLevel={3} />
              ) : (
                <p className="doc-section__empty">{t("section.empty")}</p>
              )}
            </div>
            <p className="doc-section__meta">
              {last ? (
                <>
                  {t("section.lastChange", { version: section.version, name: last.editor.displayName })}{" "}
                  <RelativeTime value={last.createdAt} />
                </>
              ) : (
                t("section.versionOnly", { version: section.version })
              )}
            </p>
            {canComment && (selection || selectionTooLong) ? (
              <p className="actions doc-section__selection">
                {selection ? (
                  <Button
                    size="sm"
                    variant="secondary"
                    // Keeps the selection highlighted while the button is pressed.
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={commentOnSelection}
                  >
                    {t("comments.onSelection")}
                  </Button>
                ) : (
                  <span className="doc-section__hint">{t("comments.selectionNotQuotable")}</span>
                )}
              </p>
            ) : null}
          </>
        )}
      </div>

      <aside className="doc-section__aside" aria-label={t("section.asideLabel", { heading: section.heading })}>
        <div className="panel-tabs" role="tablist" aria-label={t("section.panelTabs", { heading: section.heading })}>
          {TABS.map((which) => (
            <button
              key={which}
              ref={(element) => {
                tabRefs.current[which] = element;
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${which}`}
              aria-selected={tab === which}
              aria-controls={`${id}-panel`}
              tabIndex={tab === which ? 0 : -1}
              className="panel-tabs__tab"
              onClick={() => setTab(which)}
              onKeyDown={onTabKey}
            >
              {which === "amendments"
                ? t("section.tab.amendments", { count: section.amendments.length })
                : which === "comments"
                  ? t("section.tab.comments", { count: openComments })
                  : t("section.tab.history")}
            </button>
          ))}
        </div>
        <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${tab}`} className="panel-tabs__panel">
          {tab === "amendments" ? (
            <Amendments
              deliverableId={deliverable.id}
              section={section}
              viewerId={viewerId}
              canPropose={deliverable.viewerCanPropose}
              canComment={canComment}
              isEditor={deliverable.viewerIsEditor}
              onAnnounce={onAnnounce}
            />
          ) : null}
          {tab === "comments" ? (
            <CommentThreads
              threads={section.comments}
              target={{ sectionId: section.id }}
              about={section.heading}
              canComment={canComment}
              viewerId={viewerId}
              isEditor={deliverable.viewerIsEditor}
              quote={quote}
              onQuoteDone={() => setQuote(null)}
              composeRef={composeRef}
            />
          ) : null}
          {tab === "history" ? (
            <History deliverableId={deliverable.id} section={section} onAnnounce={onAnnounce} />
          ) : null}
        </div>
      </aside>
    </section>
  );
}

export function PencilIcon() {
  return (
    <svg className="pencil-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M11.7 1.3a1 1 0 0 1 1.4 0l1.6 1.6a1 1 0 0 1 0 1.4L5.4 13.6 1.5 14.5l.9-3.9 9.3-9.3Zm-8 9.9-.4 1.5 1.5-.4 7.6-7.6-1.1-1.1-7.6 7.6Z" />
    </svg>
  );
}
