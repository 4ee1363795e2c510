import { useApolloClient, useMutation } from "@apollo/client/react";
import { DECISION_REASON_MAX as REASON_MAX } from "@pratica/rules";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldProblem, hasCode } from "../../app/errors";
import { graphql } from "../../gql";
import type { ResourceDecision, ResourceStatus } from "../../gql/graphql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Alert } from "../../ui/Alert";
import { Button, type ButtonVariant } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { decisionsFrom, needsReason } from "./resource.fragment";

const decideResourceMutation = graphql(`
  mutation DecideResource($input: DecideResourceInput!) {
    decideResource(input: $input) {
      id
      helpfulCount
      ...ResourceCuration
    }
  }
`);

/** After a CONFLICT: what the resource's status is now, so the buttons offered are right again. */
const resourceCurationStateQuery = graphql(`
  query ResourceCurationState($id: ID!) {
    resource(id: $id) {
      id
      ...ResourceCuration
    }
  }
`);

const VARIANT: Record<ResourceDecision, ButtonVariant> = {
  PUBLISH: "primary",
  FEATURE: "secondary",
  UNFEATURE: "secondary",
  REQUEST_CHANGES: "secondary",
  REJECT: "secondary",
  ARCHIVE: "secondary",
};

interface CurationActionsProps {
  resource: { id: string; title: string; status: ResourceStatus };
  /** In a list of many, each button's accessible name also says which resource it acts on. */
  nameInLabels?: boolean;
}

/**
 * A facilitator's decisions on one resource: only those the workflow allows from its status.
 * Asking for changes and rejecting need a reason, written inline. The outcome and any refusal
 * are shown right here, and the resource updates in place through the cache.
 */
export function CurationActions({ resource, nameInLabels = false }: CurationActionsProps) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const formId = useId();
  const [asking, setAsking] = useState<ResourceDecision | null>(null);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [done, setDone] = useState<ResourceDecision | null>(null);
  const [conflict, setConflict] = useState(false);
  const [pending, setPending] = useState<ResourceDecision | null>(null);
  // The tab's count of waiting proposals follows; the lists keep their rows in place.
  const [decide, state] = useMutation(decideResourceMutation, { refetchQueries: ["CurationCount"] });
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  const openerRefs = useRef<Partial<Record<ResourceDecision, HTMLButtonElement | null>>>({});
  const focusNext = useRef<"reason" | "outcome" | ResourceDecision | null>(null);
  const available = decisionsFrom(resource.status);

  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    if (target === "reason") reasonRef.current?.focus();
    else if (target === "outcome") outcomeRef.current?.focus();
    else openerRefs.current[target]?.focus();
  });

  const label = (text: string) =>
    nameInLabels ? (
      <>
        {text}
        <span className="visually-hidden"> ({resource.title})</span>
      </>
    ) : (
      text
    );

  async function send(decision: ResourceDecision, why: string | null) {
    setConflict(false);
    setDone(null);
    setPending(decision);
    try {
      await decide({ variables: { input: { resourceId: resource.id, decision, reason: why } } });
      setAsking(null);
      setReason("");
      setReasonError(undefined);
      setDone(decision);
      focusNext.current = "outcome";
    } catch (error) {
      if (hasCode(error, "CONFLICT")) {
        // Someone else decided first: show what it is now, and the decisions that still apply.
        setConflict(true);
        setAsking(null);
        state.reset();
        await client
          .query({ query: resourceCurationStateQuery, variables: { id: resource.id }, fetchPolicy: "network-only" })
          .catch(() => undefined);
        focusNext.current = "outcome";
      } else {
        const field = fieldProblem(error, "reason");
        if (field && asking) {
          setReasonError(field);
          focusNext.current = "reason";
        }
      }
    } finally {
      setPending(null);
    }
  }

  function onClick(decision: ResourceDecision) {
    state.reset();
    if (needsReason(decision)) {
      setAsking(decision);
      setReasonError(undefined);
      focusNext.current = "reason";
      return;
    }
    void send(decision, null);
  }

  function onSubmitReason(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!asking || state.loading) return;
    const why = reason.trim();
    if (!why || why.length > REASON_MAX) {
      setReasonError(t("curation.reasonRule"));
      focusNext.current = "reason";
      return;
    }
    void send(asking, why);
  }

  function onCancel() {
    const opener = asking;
    setAsking(null);
    setReasonError(undefined);
    state.reset();
    focusNext.current = opener;
  }

  const fieldError = state.error && fieldProblem(state.error, "reason");

  return (
    <div className="curation-actions">
      {asking ? (
        <form id={formId} className="curation-actions__reason" noValidate onSubmit={onSubmitReason}>
          <Field
            ref={reasonRef}
            multiline
            rows={3}
            label={label(asking === "REJECT" ? t("curation.rejectReason") : t("curation.changesReason"))}
            hint={t("curation.reasonHint")}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              if (reasonError) setReasonError(undefined);
            }}
            maxLength={REASON_MAX}
            required
            error={reasonError}
          />
          <p className="actions">
            <Button type="submit" size="sm" variant={asking === "REJECT" ? "danger" : "primary"} busy={state.loading}>
              {label(t(`curation.confirm.${asking}`))}
            </Button>
            <Button size="sm" variant="ghost" onClick={onCancel}>
              {t("common.cancel")}
            </Button>
          </p>
        </form>
      ) : available.length > 0 ? (
        <p className="actions">
          {available.map((decision) => (
            <Button
              key={decision}
              ref={(element) => {
                openerRefs.current[decision] = element;
              }}
              size="sm"
              variant={VARIANT[decision]}
              busy={pending === decision}
              disabled={state.loading}
              onClick={() => onClick(decision)}
            >
              {label(t(`curation.decision.${decision}`))}
            </Button>
          ))}
        </p>
      ) : null}
      {done || conflict ? (
        <p className="curation-actions__outcome" role="status" tabIndex={-1} ref={outcomeRef}>
          {conflict
            ? t("curation.conflict", { status: t(`library.status.${resource.status}`) })
            : done
              ? t(`curation.done.${done}`)
              : null}
        </p>
      ) : null}
      {state.error && !fieldError ? <ActionProblem error={state.error} /> : null}
      {state.error && fieldError && !asking ? <Alert>{fieldError}</Alert> : null}
    </div>
  );
}
