import { useMutation } from "@apollo/client/react";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { conflictState, hasCode } from "../../app/errors";
import { ActionProblem } from "../../ui/ActionProblem";
import { Alert } from "../../ui/Alert";
import { Dialog } from "../../ui/Dialog";
import { Field } from "../../ui/Field";
import { FormActions } from "../../ui/FormActions";
import { acceptAmendmentMutation } from "./acceptAmendment.mutation";
import { DiffView, wordDiff } from "./DiffView";
import type { AmendmentView } from "./deliverable.fragment";

interface MergeDialogProps {
  amendment: AmendmentView;
  merging: { expectedVersion: number; currentBody: string } | null;
  onMerging: (next: { expectedVersion: number; currentBody: string } | null) => void;
  onDone: () => void;
}

/**
 * Accepting an amendment written against an older text: the editor confirms the merged text,
 * which starts as the amendment's, against the section's current version.
 */
export function MergeDialog({ amendment, merging, onMerging, onDone }: MergeDialogProps) {
  const { t } = useTranslation();
  const [body, setBody] = useState(amendment.body);
  const [changedAgain, setChangedAgain] = useState(false);
  const [accept, state] = useMutation(acceptAmendmentMutation);
  const opened = merging !== null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset each time the dialog opens, not on every change
  useEffect(() => {
    if (opened) {
      setBody(amendment.body);
      setChangedAgain(false);
      state.reset();
    }
  }, [opened]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!merging || state.loading) return;
    try {
      await accept({
        variables: {
          input: { amendmentId: amendment.id, mergedBody: body, expectedVersion: merging.expectedVersion },
        },
      });
      onMerging(null);
      onDone();
    } catch (error) {
      const current = conflictState(error);
      if (hasCode(error, "CONFLICT") && current && typeof current.version === "number") {
        // The section moved on again while the dialog was open: merge against that.
        setChangedAgain(true);
        onMerging({
          expectedVersion: current.version,
          currentBody: typeof current.body === "string" ? current.body : merging.currentBody,
        });
      }
    }
  }

  return (
    <Dialog open={opened} title={t("amendments.mergeTitle")} onClose={() => onMerging(null)}>
      {merging ? (
        <form className="merge-dialog" noValidate onSubmit={(e) => void onSubmit(e)}>
          <p>{t("amendments.mergeIntro", { base: amendment.baseVersion, version: merging.expectedVersion })}</p>
          {changedAgain ? <Alert tone="info">{t("amendments.mergeChangedAgain")}</Alert> : null}
          <DiffView
            parts={wordDiff(merging.currentBody, body)}
            label={t("amendments.mergeDiff")}
            addedLabel={t("amendments.mergeAdded")}
            removedLabel={t("amendments.mergeRemoved")}
          />
          <Field
            multiline
            rows={10}
            label={t("amendments.mergedLabel")}
            hint={t("amendments.mergedHint")}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
          {state.error && !changedAgain ? <ActionProblem error={state.error} /> : null}
          <FormActions
            submitLabel={t("amendments.acceptMerged")}
            busy={state.loading}
            onCancel={() => onMerging(null)}
          />
        </form>
      ) : null}
    </Dialog>
  );
}
