import { useMutation } from "@apollo/client/react";
import { WITHDRAWAL_REASON_MAX } from "@pratica/rules";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiProblems, fieldProblem } from "../../app/errors";
import { graphql } from "../../gql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Alert } from "../../ui/Alert";
import { Dialog } from "../../ui/Dialog";
import { Field } from "../../ui/Field";
import { FormActions } from "../../ui/FormActions";

const withdrawMutation = graphql(`
  mutation WithdrawOrganization($input: WithdrawOrganizationInput!) {
    withdrawOrganization(input: $input) {
      id
      ...OrganizationPageFields
    }
  }
`);

interface Props {
  open: boolean;
  onClose: () => void;
  organization: { id: string; name: string; updatedAt: string };
  onWithdrawn: () => void;
  /** After a CONFLICT: the page reads the organisation again (someone else changed it). */
  onStale: () => unknown;
}

/** "Withdraw from the memorandum": says what it means, asks the reason. */
export function WithdrawDialog({ open, onClose, organization, onWithdrawn, onStale }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [withdraw, state] = useMutation(withdrawMutation);
  const reasonError = fieldProblem(state.error, "reason");
  const other = state.error && !apiProblems(state.error).some((p) => p.field === "reason") ? state.error : null;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      await withdraw({
        variables: {
          input: { organizationId: organization.id, reason: reason.trim(), expectedUpdatedAt: organization.updatedAt },
        },
      });
    } catch (error) {
      if (apiProblems(error).some((p) => p.code === "CONFLICT")) void onStale();
      return; // shown in the dialog
    }
    onWithdrawn();
  }

  return (
    <Dialog open={open} title={t("organization.withdraw.title", { name: organization.name })} onClose={onClose}>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <Alert tone="info">
          <p>{t("organization.withdraw.what")}</p>
        </Alert>
        <Field
          multiline
          rows={4}
          label={t("organization.withdraw.reason")}
          hint={t("organization.withdraw.reasonHint")}
          value={reason}
          maxLength={WITHDRAWAL_REASON_MAX}
          onChange={(event) => setReason(event.target.value)}
          error={reasonError}
          required
        />
        <ActionProblem error={other} />
        <FormActions
          submitLabel={t("organization.withdraw.confirm")}
          busy={state.loading}
          onCancel={onClose}
          variant="danger"
        />
      </form>
    </Dialog>
  );
}
