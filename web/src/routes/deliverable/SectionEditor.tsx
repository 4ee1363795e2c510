import { useApolloClient, useMutation } from "@apollo/client/react";
import { SECTION_BODY_MAX as BODY_MAX, HEADING_MAX } from "@pratica/rules";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { conflictState, fieldProblem, hasCode } from "../../app/errors";
import { graphql } from "../../gql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Button } from "../../ui/Button";
import { Composer } from "../../ui/composer/Composer";
import { hasStoredDraft, useDraft } from "../../ui/composer/useDraft";
import { Field } from "../../ui/Field";
import { useFocusOnMount } from "../../ui/useFocusOnMount";
import { ConflictView, type TheirText } from "./ConflictView";
import type { SectionView } from "./deliverable.fragment";
import "./section-editor.css";

export const editSectionMutation = graphql(`
  mutation EditSection($input: EditSectionInput!) {
    editSection(input: $input) {
      id
      ...SectionView
    }
  }
`);

/** After a CONFLICT: the document's sections as they are now, so "their text" has its author. */
const deliverableSectionsQuery = graphql(`
  query DeliverableSections($id: ID!) {
    deliverable(id: $id) {
      id
      version
      sections {
        id
        ...SectionView
      }
    }
  }
`);

export interface SectionDraft {
  heading: string;
  body: string;
  /** The section version the edit started from: sent back as `expectedVersion`. */
  baseVersion: number;
  /** The heading at that version: a heading left as it was does not undo someone's rename. */
  baseHeading: string;
  /** The text at that version: what both people changed is found against it. */
  baseBody: string;
}

const NO_DRAFT: SectionDraft = { heading: "", body: "", baseVersion: 0, baseHeading: "", baseBody: "" };

/** Each section's unsaved text lives in this tab's sessionStorage until it is saved. */
export function useSectionDraft(sectionId: string) {
  return useDraft<SectionDraft>(`section.${sectionId}`, NO_DRAFT, { storage: "session" });
}

export function hasSectionDraft(sectionId: string): boolean {
  return hasStoredDraft(`section.${sectionId}`, "session");
}

interface SectionEditorProps {
  deliverableId: string;
  communitySlug: string;
  /** The section as it is now (live). */
  section: SectionView;
  viewerId: string | null;
  /** Closes the editor; `saved` when the text was saved. */
  onClose: (saved: boolean) => void;
}

/**
 * Edits one section against the version it started from. A change someone else saves meanwhile
 * is announced but never replaces the reader's draft; saving over it is refused by the api
 * (CONFLICT) and opens the conflict screen, where both texts are shown and merged.
 */
export function SectionEditor({ deliverableId, communitySlug, section, viewerId, onClose }: SectionEditorProps) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const formId = useId();
  const { draft, update, clear } = useSectionDraft(section.id);
  const [restored] = useState(() => draft.baseVersion > 0);
  const [headingError, setHeadingError] = useState<string | undefined>();
  const [theirs, setTheirs] = useState<TheirText | null>(null);
  const [mine, setMine] = useState<{ heading: string; body: string } | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [edit, { loading }] = useMutation(editSectionMutation);
  const textRef = useFocusOnMount<HTMLTextAreaElement>();

  // Until the reader types, the editor follows the section (a live change is simply taken in).
  const started = draft.baseVersion > 0;
  const value: SectionDraft = started
    ? draft
    : {
        heading: section.heading,
        body: section.body,
        baseVersion: section.version,
        baseHeading: section.heading,
        baseBody: section.body,
      };
  const changedMeanwhile = started && section.version > value.baseVersion;
  const lastEditor =
    section.lastRevision && section.lastRevision.version === section.version ? section.lastRevision.editor : null;

  function change(patch: Partial<SectionDraft>) {
    update({ ...value, ...patch });
  }

  async function save(body: string, heading: string, expectedVersion: number) {
    setProblem(null);
    setHeadingError(undefined);
    const cleanHeading = heading.trim();
    if (!cleanHeading || cleanHeading.length > HEADING_MAX) {
      setHeadingError(t("section.headingRule"));
      return;
    }
    const sent: SectionDraft = { ...value };
    try {
      await edit({
        variables: {
          input: {
            sectionId: section.id,
            body,
            expectedVersion,
            ...(cleanHeading !== value.baseHeading ? { heading: cleanHeading } : {}),
          },
        },
      });
      clear(sent);
      onClose(true);
    } catch (error) {
      const current = conflictState(error);
      if (hasCode(error, "CONFLICT") && current && typeof current.version === "number") {
        const their: TheirText = {
          version: current.version,
          heading: typeof current.heading === "string" ? current.heading : section.heading,
          body: typeof current.body === "string" ? current.body : "",
          removed: current.removed === true,
        };
        setMine((m) => m ?? { heading: value.heading, body: value.body });
        setTheirs(their);
        // The merge starts from the reader's text (kept as their draft); a heading they left
        // alone takes the other person's.
        update({ ...value, heading: value.heading === value.baseHeading ? their.heading : value.heading });
        // Who wrote their text: the section's latest revision, asked afresh.
        void client
          .query({ query: deliverableSectionsQuery, variables: { id: deliverableId }, fetchPolicy: "network-only" })
          .catch(() => undefined);
        return;
      }
      const field = fieldProblem(error, "heading");
      if (field) setHeadingError(field);
      else setProblem(error);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    void save(value.body, value.heading, value.baseVersion);
  }

  if (theirs && mine) {
    const author =
      section.lastRevision && section.lastRevision.version === theirs.version ? section.lastRevision.editor : null;
    return (
      <ConflictView
        base={value.baseBody}
        mine={mine}
        theirs={theirs}
        theirAuthor={author?.id === viewerId ? null : (author?.displayName ?? null)}
        merged={value}
        onChange={change}
        busy={loading}
        problem={problem}
        headingError={headingError}
        onSave={() => void save(value.body, value.heading, theirs.version)}
        onClose={() => onClose(false)}
      />
    );
  }

  return (
    <form id={formId} className="section-editor" noValidate onSubmit={onSubmit} aria-label={t("section.editLabel")}>
      {restored ? (
        <p className="section-editor__note" role="status">
          {t("section.draftRestored", { version: value.baseVersion })}
        </p>
      ) : null}
      {changedMeanwhile ? (
        <div className="notice section-editor__changed" role="status">
          <p className="notice__title">
            {lastEditor && lastEditor.id !== viewerId
              ? t("section.changedWhileEditing", { name: lastEditor.displayName })
              : t("section.changedWhileEditingAnon")}
          </p>
          <p>{t("section.changedWhileEditingBody", { version: section.version })}</p>
        </div>
      ) : null}
      <Field
        label={t("section.headingLabel")}
        value={value.heading}
        onChange={(event) => change({ heading: event.target.value })}
        maxLength={HEADING_MAX}
        required
        error={headingError}
      />
      <Composer
        label={t("section.bodyLabel")}
        hint={t("section.bodyHint", { version: value.baseVersion })}
        value={value.body}
        onChange={(body) => change({ body: body.slice(0, BODY_MAX) })}
        communitySlug={communitySlug}
        textareaRef={textRef}
        rows={12}
      />
      {problem ? <ActionProblem error={problem} /> : null}
      <p className="actions">
        <Button type="submit" busy={loading}>
          {t("section.save")}
        </Button>
        <Button variant="ghost" onClick={() => onClose(false)}>
          {started ? t("section.closeKeepDraft") : t("common.cancel")}
        </Button>
        {started ? (
          <Button
            variant="ghost"
            onClick={() => {
              clear();
              onClose(false);
            }}
          >
            {t("section.discardDraft")}
          </Button>
        ) : null}
      </p>
    </form>
  );
}
