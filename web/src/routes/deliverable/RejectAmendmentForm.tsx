import { useMutation } from "@apollo/client/react";
import { RATIONALE_MAX, RATIONALE_MIN as REASON_MIN } from "@pratica/rules";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldProblem } from "../../app/errors";
import { graphql } from "../../gql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Field } from "../../ui/Field";
import { FormActions } from "../../ui/FormActions";
import { useFocusOnMount } from "../../ui/useFocusOnMount";
import type { AmendmentView } from "./deliverable.fragment";

const rejectAmendmentMutation = graphql(`
  mutation RejectAmendment($input: RejectAmendmentInput!) {
    rejectAmendment(input: $input) {
      ...AmendmentChange
    }
  }
`);

/** The reason an editor gives for rejecting an amendment. */
export function RejectAmendmentForm({
  amendment,
  onClose,
  onAnnounce,
}: {
  amendment: AmendmentView;
  onClose: () => void;
  onAnnounce: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [reject, state] = useMutation(rejectAmendmentMutation);
  const reasonRef = useFocusOnMount<HTMLTextAreaElement>();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state.loading) return;
    const why = reason.trim();
    if (why.length < REASON_MIN || why.length > RATIONALE_MAX) {
      setError(t("amendments.reasonRule"));
      reasonRef.current?.focus();
      return;
    }
    try {
      await reject({ variables: { input: { amendmentId: amendment.id, reason: why } } });
      onAnnounce(t("amendments.rejectedNow"));
      onClose();
    } catch (refusal) {
      const field = fieldProblem(refusal, "reason");
      if (field) {
        setError(field);
        reasonRef.current?.focus();
      }
    }
  }

  return (
    <form className="amendment__reason" noValidate onSubmit={(e) => void onSubmit(e)}>
      <Field
        ref={reasonRef}
        multiline
        rows={3}
        label={t("amendments.rejectReason")}
        hint={t("amendments.rejectHint")}
        value={reason}
        onChange={(event) => {
          setReason(event.target.value);
          setError(undefined);
        }}
        maxLength={RATIONALE_MAX}
        required
        error={error}
      />
      {state.error && !error ? <ActionProblem error={state.error} /> : null}
      <FormActions
        submitLabel={t("amendments.confirmReject")}
        busy={state.loading}
        onCancel={onClose}
        variant="danger"
        size="sm"
      />
    </form>
  );
}
