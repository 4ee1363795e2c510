import { useMutation } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Button, ButtonLink } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import { Field, FieldError } from "../../ui/Field";
import { FormActions } from "../../ui/FormActions";
import type { RequestPageData } from "./AnswersList";
import { noteProblem, parseAmount } from "./request.rules";

const openMutation = graphql(`
  mutation OpenBuyerRequest($id: ID!, $version: Int!) {
    openBuyerRequest(id: $id, version: $version) {
      id
      state
      version
    }
  }
`);

const shortlistingMutation = graphql(`
  mutation StartShortlisting($id: ID!, $version: Int!) {
    startShortlisting(id: $id, version: $version) {
      id
      state
      version
    }
  }
`);

const awardMutation = graphql(`
  mutation AwardBuyerRequest($input: AwardBuyerRequestInput!) {
    awardBuyerRequest(input: $input) {
      id
      state
      version
    }
  }
`);

const closeMutation = graphql(`
  mutation CloseBuyerRequest($input: CloseBuyerRequestInput!) {
    closeBuyerRequest(input: $input) {
      id
      state
      version
    }
  }
`);

/** The buyer's steps: edit, open, start shortlisting, award an answer, or close without an award. */
export function BuyerActions({ request, onDone }: { request: RequestPageData; onDone: () => void }) {
  const { t } = useTranslation();
  const [open, opening] = useMutation(openMutation);
  const [shortlisting, starting] = useMutation(shortlistingMutation);
  const [dialog, setDialog] = useState<"award" | "close" | null>(null);
  const ids = { id: request.id, version: request.version };
  const editable = request.viewerCanEdit && (request.state === "DRAFT" || request.state === "OPEN");
  const deciding = request.viewerCanDecide && (request.state === "OPEN" || request.state === "SHORTLISTING");
  if (!editable && !request.viewerCanDecide) return null;

  return (
    <div className="request__actions">
      {editable ? (
        <p>
          <ButtonLink to={`/buy-social/requests/${request.id}/edit`} variant="secondary" size="sm">
            {t("buySocial.decide.edit")}
          </ButtonLink>
        </p>
      ) : null}
      {/* Opening a draft is an edit of it (the api's canDecide covers OPEN and SHORTLISTING only). */}
      {request.viewerCanEdit && request.state === "DRAFT" ? (
        <p>
          <Button
            size="sm"
            busy={opening.loading}
            onClick={() => void open({ variables: ids }).then(onDone, () => undefined)}
          >
            {t("buySocial.decide.open")}
          </Button>
        </p>
      ) : null}
      {request.viewerCanDecide && request.state === "OPEN" ? (
        <p>
          <Button
            size="sm"
            busy={starting.loading}
            onClick={() => void shortlisting({ variables: ids }).then(onDone, () => undefined)}
          >
            {t("buySocial.decide.startShortlisting")}
          </Button>
        </p>
      ) : null}
      {deciding ? (
        <p className="actions">
          <Button size="sm" onClick={() => setDialog("award")} disabled={request.answers.length === 0}>
            {t("buySocial.decide.award")}
          </Button>
          <Button size="sm" variant="danger" onClick={() => setDialog("close")}>
            {t("buySocial.decide.close")}
          </Button>
        </p>
      ) : null}
      {opening.error ? <ActionProblem error={opening.error} /> : null}
      {starting.error ? <ActionProblem error={starting.error} /> : null}
      {dialog === "award" ? (
        <AwardDialog request={request} onClose={() => setDialog(null)} onDone={onDone} />
      ) : dialog === "close" ? (
        <CloseDialog request={request} onClose={() => setDialog(null)} onDone={onDone} />
      ) : null}
    </div>
  );
}

function AwardDialog({
  request,
  onClose,
  onDone,
}: {
  request: RequestPageData;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const candidates = request.answers.filter((a) => a.status === "SUBMITTED" || a.status === "SHORTLISTED");
  const [answerId, setAnswerId] = useState(candidates[0]?.id ?? "");
  const [amount, setAmount] = useState("");
  const [note, setNote] = useState("");
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [award, { loading, error }] = useMutation(awardMutation);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!answerId) next.answerId = t("buySocial.decide.chooseAnswer");
    // The amount awarded is part of the public outcome (and of the open data): required.
    const parsed = parseAmount(amount);
    if (parsed === null) next.amount = t("buySocial.answer.amountInvalid");
    const noteError = noteProblem(t, note, false);
    if (noteError) next.outcomeNote = noteError;
    setProblems(next);
    if (Object.keys(next).length > 0 || parsed === null) return;
    try {
      await award({
        variables: {
          input: {
            id: request.id,
            version: request.version,
            answerId,
            amount: parsed,
            outcomeNote: note.trim() || null,
          },
        },
      });
      onClose();
      onDone();
    } catch {
      // Shown in the dialog.
    }
  }

  return (
    <Dialog open title={t("buySocial.decide.awardTitle")} onClose={onClose}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <fieldset className="field">
          <legend className="field__label">{t("buySocial.decide.whichAnswer")}</legend>
          {candidates.map((a) => (
            <label key={a.id} className="checkbox">
              <input
                type="radio"
                name="answer"
                value={a.id}
                checked={answerId === a.id}
                onChange={() => setAnswerId(a.id)}
              />{" "}
              {a.supplier.name}
            </label>
          ))}
          {problems.answerId ? <FieldError id="award-answer-error">{problems.answerId}</FieldError> : null}
        </fieldset>
        <Field
          label={t("buySocial.decide.amount")}
          required
          inputMode="numeric"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={problems.amount}
        />
        <Field
          multiline
          label={t("buySocial.decide.note")}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={problems.outcomeNote}
        />
        {error ? <ActionProblem error={error} /> : null}
        <FormActions submitLabel={t("buySocial.decide.awardConfirm")} busy={loading} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

function CloseDialog({
  request,
  onClose,
  onDone,
}: {
  request: RequestPageData;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [close, { loading, error }] = useMutation(closeMutation);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const refused = noteProblem(t, note, true);
    setProblem(refused);
    if (refused) return;
    try {
      await close({ variables: { input: { id: request.id, version: request.version, outcomeNote: note.trim() } } });
      onClose();
      onDone();
    } catch {
      // Shown in the dialog.
    }
  }

  return (
    <Dialog open title={t("buySocial.decide.closeTitle")} onClose={onClose}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Field
          multiline
          label={t("buySocial.decide.closeReason")}
          value={note}
          required
          onChange={(e) => setNote(e.target.value)}
          error={problem ?? undefined}
        />
        {error ? <ActionProblem error={error} /> : null}
        <FormActions
          submitLabel={t("buySocial.decide.closeConfirm")}
          busy={loading}
          onCancel={onClose}
          variant="danger"
        />
      </form>
    </Dialog>
  );
}
