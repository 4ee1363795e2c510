import { HEADING_MAX } from "@pratica/rules";
import { useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ActionProblem } from "../../ui/ActionProblem";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { DiffView, wordDiff } from "./DiffView";
import { combineChanges } from "./merge";
import "./section-editor.css";

export interface TheirText {
  version: number;
  heading: string;
  body: string;
  /** The section was removed from the document meanwhile. */
  removed: boolean;
}

interface ConflictViewProps {
  /** The text the reader started from. */
  base: string;
  /** What the reader had when they tried to save. */
  mine: { heading: string; body: string };
  theirs: TheirText;
  /** Who saved their text, when known (and not the reader in another window). */
  theirAuthor: string | null;
  /** The merge being written (the reader's draft). */
  merged: { heading: string; body: string };
  onChange: (patch: { heading?: string; body?: string }) => void;
  onSave: () => void;
  onClose: () => void;
  busy: boolean;
  problem: unknown;
  headingError: string | undefined;
}

/**
 * Someone saved the section after the reader started: nothing was overwritten. Both texts side
 * by side (stacked on phones), the words that differ, and a merge box that starts from the
 * reader's text; saving it goes against their version.
 */
export function ConflictView({
  base,
  mine,
  theirs,
  theirAuthor,
  merged,
  onChange,
  onSave,
  onClose,
  busy,
  problem,
  headingError,
}: ConflictViewProps) {
  const { t } = useTranslation();
  const id = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);

  // The reader is put on the explanation at once; it says what happened and what to do.
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new version of theirs is a new conflict
  useEffect(() => {
    titleRef.current?.focus();
  }, [theirs.version]);

  const combined = combineChanges(base, mine.body, theirs.body);
  const theirLabel = theirAuthor
    ? t("conflict.theirsBy", { version: theirs.version, name: theirAuthor })
    : t("conflict.theirs", { version: theirs.version });

  return (
    <section className="conflict" aria-labelledby={`${id}-title`} data-testid="conflict">
      <div className="conflict__intro" role="alert">
        <h3 id={`${id}-title`} ref={titleRef} tabIndex={-1} className="conflict__title">
          {t("conflict.title")}
        </h3>
        <p>{theirs.removed ? t("conflict.removedBody") : t("conflict.body", { version: theirs.version })}</p>
      </div>

      <div className="conflict__texts">
        <section className="conflict__text" aria-labelledby={`${id}-mine`}>
          <h4 id={`${id}-mine`}>{t("conflict.mine")}</h4>
          {mine.heading !== theirs.heading ? <p className="conflict__heading">{mine.heading}</p> : null}
          <pre className="conflict__source">{mine.body || t("conflict.empty")}</pre>
        </section>
        <section className="conflict__text" aria-labelledby={`${id}-theirs`}>
          <h4 id={`${id}-theirs`}>{theirLabel}</h4>
          {mine.heading !== theirs.heading ? <p className="conflict__heading">{theirs.heading}</p> : null}
          <pre className="conflict__source">{theirs.body || t("conflict.empty")}</pre>
        </section>
      </div>

      <section className="conflict__diff" aria-labelledby={`${id}-diff`}>
        <h4 id={`${id}-diff`}>{t("conflict.diffTitle")}</h4>
        <DiffView
          parts={wordDiff(theirs.body, mine.body)}
          label={t("conflict.diffTitle")}
          addedLabel={t("conflict.onlyMine")}
          removedLabel={t("conflict.onlyTheirs")}
        />
      </section>

      {theirs.removed ? (
        <p className="actions">
          <Button variant="secondary" onClick={onClose}>
            {t("conflict.close")}
          </Button>
        </p>
      ) : (
        <form
          className="conflict__merge"
          noValidate
          aria-labelledby={`${id}-merge`}
          onSubmit={(event) => {
            event.preventDefault();
            if (!busy) onSave();
          }}
        >
          <h4 id={`${id}-merge`}>{t("conflict.mergeTitle")}</h4>
          <p className="actions conflict__shortcuts">
            <Button size="sm" variant="secondary" onClick={() => onChange({ body: theirs.body })}>
              {t("conflict.useTheirs")}
            </Button>
            <Button size="sm" variant="secondary" onClick={() => onChange({ body: mine.body })}>
              {t("conflict.useMine")}
            </Button>
            {combined !== null ? (
              <Button size="sm" variant="secondary" onClick={() => onChange({ body: combined })}>
                {t("conflict.useBoth")}
              </Button>
            ) : null}
          </p>
          {combined === null ? <p className="conflict__overlap">{t("conflict.overlap")}</p> : null}
          {mine.heading !== theirs.heading ? (
            <Field
              label={t("section.headingLabel")}
              value={merged.heading}
              onChange={(event) => onChange({ heading: event.target.value })}
              maxLength={HEADING_MAX}
              required
              error={headingError}
            />
          ) : null}
          <Field
            multiline
            rows={12}
            label={t("conflict.mergedLabel")}
            hint={t("conflict.mergedHint", { version: theirs.version })}
            value={merged.body}
            onChange={(event) => onChange({ body: event.target.value })}
          />
          {problem ? <ActionProblem error={problem} /> : null}
          <p className="actions">
            <Button type="submit" busy={busy}>
              {t("conflict.save")}
            </Button>
            <Button variant="ghost" onClick={onClose}>
              {t("section.closeKeepDraft")}
            </Button>
          </p>
        </form>
      )}
    </section>
  );
}
