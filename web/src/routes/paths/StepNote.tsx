import { PATH_TEXT_MAX as TEXT_MAX } from "@pratica/rules";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { SavedStatus } from "../../ui/SaveActions";
import type { LearningPathView } from "./PathPage";

type Step = LearningPathView["steps"][number];

/** A step's note, saved on request; the save button says when there is something to save. */
export function StepNote({ step, onSave }: { step: Step; onSave: (note: string) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [base, setBase] = useState(step.note);
  const [note, setNote] = useState(step.note);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  if (base !== step.note) {
    setBase(step.note);
    if (note === base) setNote(step.note);
  }
  const changed = note.trim() !== step.note;

  async function save() {
    setBusy(true);
    setSaved(false);
    const ok = await onSave(note.trim());
    setBusy(false);
    setSaved(ok);
  }

  return (
    <div className="editor-step__note">
      <Field
        multiline
        rows={2}
        label={
          <>
            {t("pathEditor.note")}
            <span className="visually-hidden"> ({step.resource.title})</span>
          </>
        }
        value={note}
        onChange={(event) => {
          setNote(event.target.value);
          setSaved(false);
        }}
        maxLength={TEXT_MAX}
      />
      <p className="actions">
        <Button size="sm" variant="secondary" busy={busy} disabled={!changed} onClick={() => void save()}>
          {t("pathEditor.saveNote")}
          <span className="visually-hidden"> ({step.resource.title})</span>
        </Button>
        {saved && !changed ? <SavedStatus /> : null}
      </p>
    </div>
  );
}
