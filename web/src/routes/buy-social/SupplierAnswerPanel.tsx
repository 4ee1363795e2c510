import { useMutation } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import type { AnswerFieldsFragment } from "../../gql/graphql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field, SelectField } from "../../ui/Field";
import { FormActions } from "../../ui/FormActions";
import { formatDateTime } from "../../ui/format";
import { useFormRefusals } from "../../ui/useFormRefusals";
import { AnswerStatus, type RequestPageData } from "./AnswersList";
import { answerProblems, parseAmount } from "./request.rules";
import { formatEuro, useRepresentedOrganizations } from "./shared";

const answerMutation = graphql(`
  mutation AnswerBuyerRequest($input: AnswerBuyerRequestInput!) {
    answerBuyerRequest(input: $input) {
      id
      ...AnswerFields
    }
  }
`);

const updateAnswerMutation = graphql(`
  mutation UpdateSupplierAnswer($input: UpdateSupplierAnswerInput!) {
    updateSupplierAnswer(input: $input) {
      id
      ...AnswerFields
    }
  }
`);

const withdrawAnswerMutation = graphql(`
  mutation WithdrawSupplierAnswer($id: ID!, $version: Int!) {
    withdrawSupplierAnswer(id: $id, version: $version) {
      id
      status
      version
    }
  }
`);

/**
 * What a supplier's people see of the answers: their own (to edit or withdraw while the request
 * is open) or the form to answer; anyone else is told the answers are the buyer's to read.
 */
export function SupplierAnswerPanel({ request, onDone }: { request: RequestPageData; onDone: () => void }) {
  const { t } = useTranslation();
  const own = request.viewerAnswer;
  return (
    <section aria-labelledby="request-answer">
      <h2 id="request-answer">{own ? t("buySocial.answer.yours") : t("buySocial.answer.title")}</h2>
      {own ? (
        <OwnAnswer answer={own} open={request.state === "OPEN"} onDone={onDone} />
      ) : request.viewerCanAnswer ? (
        <AnswerForm requestId={request.id} answer={null} onDone={onDone} />
      ) : null}
      <p className="field__hint">{t("buySocial.answer.private")}</p>
    </section>
  );
}

function OwnAnswer({ answer, open, onDone }: { answer: AnswerFieldsFragment; open: boolean; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [withdraw, withdrawing] = useMutation(withdrawAnswerMutation);
  const active = open && (answer.status === "SUBMITTED" || answer.status === "SHORTLISTED");
  if (editing) {
    const done = () => {
      setEditing(false);
      onDone();
    };
    return <AnswerForm requestId={null} answer={answer} onDone={done} />;
  }
  return (
    <article className="answer card" aria-label={t("buySocial.answer.yours")}>
      <p className="answer__meta">
        {answer.supplier.name} · <AnswerStatus status={answer.status} /> ·{" "}
        {answer.amount != null ? formatEuro(answer.amount, i18n.language) : t("buySocial.answer.noAmount")} ·{" "}
        {formatDateTime(answer.updatedAt, i18n.language)}
      </p>
      {answer.body.split(/\n\s*\n/).map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      {active ? (
        <p className="actions">
          <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>
            {t("buySocial.answer.edit")}
          </Button>
          <Button
            size="sm"
            variant="danger"
            busy={withdrawing.loading}
            onClick={() =>
              void withdraw({ variables: { id: answer.id, version: answer.version } }).then(onDone, () => undefined)
            }
          >
            {t("buySocial.answer.withdraw")}
          </Button>
        </p>
      ) : null}
      {withdrawing.error ? <ActionProblem error={withdrawing.error} /> : null}
    </article>
  );
}

function AnswerForm({
  requestId,
  answer,
  onDone,
}: {
  requestId: string | null;
  answer: AnswerFieldsFragment | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { organizations } = useRepresentedOrganizations();
  const suppliers = organizations.filter((o) => o.isSupplier);
  const [organizationId, setOrganizationId] = useState("");
  const chosen = organizationId || suppliers[0]?.id || "";
  const [body, setBody] = useState(answer?.body ?? "");
  const [amount, setAmount] = useState(answer?.amount != null ? String(answer.amount) : "");
  const { formRef, problems, refuse, clearProblems } = useFormRefusals();
  const formProblems = useFormProblems();
  const [create, creating] = useMutation(answerMutation);
  const [update, updating] = useMutation(updateAnswerMutation);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const local = answerProblems(t, body, amount);
    if (Object.keys(local).length > 0) return refuse({ fields: local, general: null });
    clearProblems();
    const fields = { body: body.trim(), amount: amount.trim() ? parseAmount(amount) : null };
    try {
      if (answer) await update({ variables: { input: { id: answer.id, version: answer.version, ...fields } } });
      else if (requestId) await create({ variables: { input: { requestId, organizationId: chosen, ...fields } } });
      onDone();
    } catch (error) {
      refuse(formProblems(error));
    }
  }

  return (
    <form ref={formRef} onSubmit={(e) => void onSubmit(e)} noValidate className="answer-form">
      {problems.general ? <Alert title={problems.general} /> : null}
      {answer ? null : (
        <SelectField
          label={t("buySocial.answer.organization")}
          value={chosen}
          onChange={(e) => setOrganizationId(e.target.value)}
          error={problems.fields.organizationId}
        >
          {suppliers.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
      )}
      <Field
        multiline
        rows={6}
        label={t("buySocial.answer.body")}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        error={problems.fields.body}
        required
      />
      <Field
        label={t("buySocial.answer.amount")}
        hint={t("buySocial.answer.amountHint")}
        inputMode="numeric"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        error={problems.fields.amount}
      />
      <FormActions
        submitLabel={answer ? t("buySocial.answer.save") : t("buySocial.answer.send")}
        busy={creating.loading || updating.loading}
        onCancel={answer ? onDone : () => setBody("")}
      />
    </form>
  );
}
