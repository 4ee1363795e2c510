import { useMutation } from "@apollo/client/react";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiProblems, fieldProblem } from "../../app/errors";
import { graphql } from "../../gql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Alert } from "../../ui/Alert";
import { Dialog } from "../../ui/Dialog";
import { Field } from "../../ui/Field";
import { FormActions } from "../../ui/FormActions";

const deleteAccountMutation = graphql(`
  mutation DeleteAccount($input: DeleteAccountInput!) {
    deleteAccount(input: $input)
  }
`);

interface DeleteAccountDialogProps {
  open: boolean;
  onClose: () => void;
  /** The account is gone (and its session with it). */
  onDeleted: () => void;
}

/** Asks the password and whether to erase the posts too, after saying exactly what happens. */
export function DeleteAccountDialog({ open, onClose, onDeleted }: DeleteAccountDialogProps) {
  const { t } = useTranslation();
  const eraseId = useId();
  const [password, setPassword] = useState("");
  const [eraseContent, setEraseContent] = useState(false);
  const [deleteAccount, state] = useMutation(deleteAccountMutation);
  const passwordError = fieldProblem(state.error, "password");
  // A refusal about the password is shown on the field; any other (a CONFLICT naming a community) above the buttons.
  const otherProblem =
    state.error && !apiProblems(state.error).some((p) => p.field === "password") ? state.error : null;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      await deleteAccount({ variables: { input: { password, eraseContent } } });
    } catch {
      return; // shown by the field or ActionProblem
    }
    onDeleted();
  }

  return (
    <Dialog open={open} title={t("accountData.dialog.title")} onClose={onClose}>
      <form className="delete-account" onSubmit={(event) => void onSubmit(event)} noValidate>
        <Alert tone="info">
          <p>{t("accountData.dialog.what")}</p>
          <ul>
            <li>{t("accountData.dialog.erased")}</li>
            <li>{t("accountData.dialog.ended")}</li>
            <li>{eraseContent ? t("accountData.dialog.postsErased") : t("accountData.dialog.postsKept")}</li>
            <li>{t("accountData.dialog.documents")}</li>
            <li>{t("accountData.dialog.final")}</li>
          </ul>
        </Alert>
        <p className="delete-account__erase">
          <input
            id={eraseId}
            type="checkbox"
            checked={eraseContent}
            onChange={(event) => setEraseContent(event.target.checked)}
          />
          <label htmlFor={eraseId}>{t("accountData.dialog.eraseContent")}</label>
        </p>
        <Field
          label={t("accountData.dialog.password")}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={passwordError}
          required
        />
        <ActionProblem error={otherProblem} />
        <FormActions
          submitLabel={t("accountData.dialog.confirm")}
          busy={state.loading}
          onCancel={onClose}
          variant="danger"
        />
      </form>
    </Dialog>
  );
}
