import { useMutation } from "@apollo/client/react";
import { RATIONALE_MAX, RATIONALE_MIN } from "@pratica/rules";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldProblem } from "../../app/errors";
import { graphql } from "../../gql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Field } from "../../ui/Field";
import { FormActions } from "../../ui/FormActions";
import { useFocusOnMount } from "../../ui/useFocusOnMount";
import { DiffView, wordDiff } from "./DiffView";
import type { SectionView } from "./deliverable.fragment";

const proposeAmendmentMutation = graphql(`
  mutation ProposeAmendment($input: ProposeAmendmentInput!) {
    proposeAmendment(input: $input) {
      ...AmendmentChange
    }
  }
`);

/** A new text for the section, starting from the current one, and why. */
export function ProposeAmendmentForm({
  section,
  onClose,
}: {
  section: SectionView;
  onClose: (proposed: boolean) => void;
}) {
  const { t } = useTranslation();
  const [baseVersion] = useState(section.version);
  const [body, setBody] = useState(section.body);
  const [rationale, setRationale] = useState("");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [propose, state] = useMutation(proposeAmendmentMutation);
  const bodyRef = useFocusOnMount<HTMLTextAreaElement>();
  const rationaleRef = useRef<HTMLTextAreaElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state.loading) return;
    const why = rationale.trim();
    const found: Record<string, string> = {};
    if (body === section.body && baseVersion === section.version) found.body = t("amendments.sameText");
    if (why.length < RATIONALE_MIN || why.length > RATIONALE_MAX) found.rationale = t("amendments.rationaleRule");
    setErrors(found);
    if (found.body) return bodyRef.current?.focus();
    if (found.rationale) return rationaleRef.current?.focus();
    try {
      await propose({ variables: { input: { sectionId: section.id, body, rationale: why, baseVersion } } });
      onClose(true);
    } catch (refusal) {
      const next = { body: fieldProblem(refusal, "body"), rationale: fieldProblem(refusal, "rationale") };
      setErrors(next);
      if (next.body) bodyRef.current?.focus();
      else if (next.rationale) rationaleRef.current?.focus();
    }
  }

  return (
    <form className="amendment-form card" noValidate onSubmit={(e) => void onSubmit(e)}>
      <h3>{t("amendments.proposeTitle", { heading: section.heading })}</h3>
      <Field
        ref={bodyRef}
        multiline
        rows={8}
        label={t("amendments.bodyLabel")}
        hint={t("amendments.bodyHint", { version: baseVersion })}
        value={body}
        onChange={(event) => {
          setBody(event.target.value);
          setErrors((e) => ({ ...e, body: undefined }));
        }}
        error={errors.body}
      />
      {body !== section.body ? (
        <DiffView parts={wordDiff(section.body, body)} label={t("amendments.yourChanges")} />
      ) : null}
      <Field
        ref={rationaleRef}
        multiline
        rows={3}
        label={t("amendments.rationaleLabel")}
        hint={t("amendments.rationaleHint")}
        value={rationale}
        onChange={(event) => {
          setRationale(event.target.value);
          setErrors((e) => ({ ...e, rationale: undefined }));
        }}
        maxLength={RATIONALE_MAX}
        required
        error={errors.rationale}
      />
      {state.error && !errors.body && !errors.rationale ? <ActionProblem error={state.error} /> : null}
      <FormActions submitLabel={t("amendments.send")} busy={state.loading} onCancel={() => onClose(false)} size="sm" />
    </form>
  );
}
