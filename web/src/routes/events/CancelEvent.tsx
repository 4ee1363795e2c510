import { useMutation } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import { Field } from "../../ui/Field";
import { FormActions } from "../../ui/FormActions";

const cancelEventMutation = graphql(`
  mutation CancelEvent($input: CancelEventInput!) {
    cancelEvent(input: $input) {
      id
      cancelledAt
      cancellationReason
      version
    }
  }
`);

/** An organiser cancels the event with a reason, which everyone registered is told. */
export function CancelEvent({ eventId, version, onDone }: { eventId: string; version: number; onDone: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [cancelEvent, { loading, error, reset }] = useMutation(cancelEventMutation);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    try {
      await cancelEvent({ variables: { input: { eventId, reason: reason.trim(), expectedVersion: version } } });
      setOpen(false);
      onDone();
    } catch {
      // Shown below the reason.
    }
  }

  return (
    <>
      <p>
        <Button variant="danger" size="sm" onClick={() => setOpen(true)}>
          {t("event.cancelEvent")}
        </Button>
      </p>
      <Dialog
        open={open}
        title={t("event.cancelEventTitle")}
        onClose={() => {
          setOpen(false);
          reset();
        }}
      >
        <form onSubmit={(e) => void onSubmit(e)}>
          <Field
            multiline
            label={t("event.cancelReason")}
            value={reason}
            required
            onChange={(e) => setReason(e.target.value)}
          />
          {error ? <ActionProblem error={error} /> : null}
          <FormActions
            submitLabel={t("event.cancelEventConfirm")}
            busy={loading}
            onCancel={() => setOpen(false)}
            variant="danger"
          />
        </form>
      </Dialog>
    </>
  );
}
