import { useApolloClient, useMutation } from "@apollo/client/react";
import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { conflictState, hasCode } from "../../app/errors";
import { useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import type { ModerationAction, SanctionScope } from "../../gql/graphql";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field, SelectField } from "../../ui/Field";
import type { CaseDetail } from "./caseDetail.query";
import { actionsFrom, dayString, endOfDay, MAX_SANCTION_DAYS, needsMessage, needsUntil } from "./decisionRules";
import { NoteAndMessageFields } from "./NoteAndMessageFields";
import type { Outcome } from "./outcome";
import { MODERATION_TEXT_MAX } from "./reasons";

const decideCaseMutation = graphql(`
  mutation DecideCase($input: DecideCaseInput!) {
    decideCase(input: $input) {
      id
      ...CaseDetail
    }
  }
`);

type Problems = Partial<Record<"action" | "reason" | "message" | "until" | "scope", string>>;

/**
 * The moderator's decision: only the actions the case's state allows, the internal note, the
 * message to the author (every action but dismissing), until when (restrict, suspend) and, for
 * admins, where. Sent with the state the moderator saw: if another moderator decided first, the
 * api refuses it (CONFLICT) and the page shows what the case is now.
 */
interface DecisionFormProps {
  moderated: CaseDetail;
  isAdmin: boolean;
  /** Said at the top of the page: the form may be gone once the case has moved on. */
  onOutcome: (outcome: Outcome) => void;
}

export function DecisionForm({ moderated, isAdmin, onOutcome }: DecisionFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const available = actionsFrom(moderated.state, moderated.hidden);
  const [action, setAction] = useState<ModerationAction | null>(null);
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState("");
  const [until, setUntil] = useState("");
  const profile = moderated.targetKind === "USER";
  const [scope, setScope] = useState<SanctionScope>(profile ? "PLATFORM" : "COMMUNITY");
  const [problems, setProblems] = useState<Problems>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [decide, state] = useMutation(decideCaseMutation, { refetchQueries: ["ModerationCase"] });
  const formProblems = useFormProblems();
  const firstRadio = useRef<HTMLInputElement>(null);
  const client = useApolloClient();
  const today = new Date();
  const minDay = dayString(new Date(today.getTime() + 24 * 3600 * 1000));
  const maxDay = dayString(new Date(today.getTime() + MAX_SANCTION_DAYS * 24 * 3600 * 1000));

  if (available.length === 0) return null;

  function check(): Problems {
    const found: Problems = {};
    if (!action) found.action = t("moderation.decide.actionRequired");
    if (!reason.trim() || reason.length > MODERATION_TEXT_MAX)
      found.reason = t("moderation.decide.reasonRule", { max: MODERATION_TEXT_MAX });
    if (action && needsMessage(action) && (!message.trim() || message.length > MODERATION_TEXT_MAX)) {
      found.message = t("moderation.decide.messageRule", { max: MODERATION_TEXT_MAX });
    }
    if (action && needsUntil(action) && (!until || until < minDay || until > maxDay)) {
      found.until = t("moderation.decide.untilRule", { max: MAX_SANCTION_DAYS });
    }
    return found;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state.loading) return;
    setGeneral(null);
    const found = check();
    setProblems(found);
    if (Object.keys(found).length > 0 || !action) {
      if (found.action) firstRadio.current?.focus();
      return;
    }
    const sanction = needsUntil(action);
    try {
      await decide({
        variables: {
          input: {
            caseId: moderated.id,
            action,
            reason: reason.trim(),
            message: needsMessage(action) ? message.trim() : message.trim() || null,
            until: sanction ? (endOfDay(until)?.toISOString() ?? null) : null,
            scope: sanction ? scope : null,
            expectedState: moderated.state,
          },
        },
      });
      onOutcome({ tone: "success", text: t(`moderation.decide.done.${action}`) });
      setAction(null);
      setReason("");
      setMessage("");
      setUntil("");
    } catch (error) {
      if (hasCode(error, "CONFLICT")) {
        const current = conflictState(error)?.state;
        onOutcome({
          tone: "error",
          title: t("moderation.decide.conflictTitle"),
          text: t("moderation.decide.conflict", {
            state: typeof current === "string" ? t(`moderation.state.${current}` as "moderation.state.OPEN") : "",
          }),
        });
        // What the case is now, and so what may still be decided.
        await client.refetchQueries({ include: ["ModerationCase"] });
      } else {
        const split = formProblems(error);
        setProblems(split.fields as Problems);
        setGeneral(split.general);
      }
    }
  }

  return (
    <section aria-labelledby="case-decide" className="case-section decision-form">
      <h2 id="case-decide">{t("moderation.decide.title")}</h2>
      {general ? <Alert>{general}</Alert> : null}
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <fieldset
          className="choices"
          aria-invalid={problems.action ? true : undefined}
          aria-describedby={problems.action ? `${id}-action-error` : undefined}
        >
          <legend>{t("moderation.decide.action")}</legend>
          {available.map((value, index) => (
            <div key={value} className="choice">
              <input
                ref={index === 0 ? firstRadio : undefined}
                type="radio"
                id={`${id}-${value}`}
                name={`${id}-action`}
                value={value}
                checked={action === value}
                aria-describedby={`${id}-${value}-hint`}
                onChange={() => {
                  setAction(value);
                  setProblems((p) => ({ ...p, action: undefined }));
                }}
              />
              <label htmlFor={`${id}-${value}`}>{t(`moderation.action.${value}`)}</label>
              <p className="choice__hint" id={`${id}-${value}-hint`}>
                {t(`moderation.actionHint.${value}`)}
              </p>
            </div>
          ))}
          {problems.action ? (
            <p className="field__error" id={`${id}-action-error`}>
              {problems.action}
            </p>
          ) : null}
        </fieldset>
        <NoteAndMessageFields
          reason={reason}
          onReason={setReason}
          message={message}
          onMessage={setMessage}
          messageRequired={!action || needsMessage(action)}
          problems={problems}
        />
        {action && needsUntil(action) ? (
          <>
            <Field
              type="date"
              label={t("moderation.decide.until")}
              hint={t("moderation.decide.untilHint", { max: MAX_SANCTION_DAYS })}
              value={until}
              min={minDay}
              max={maxDay}
              required
              error={problems.until}
              onChange={(event) => setUntil(event.target.value)}
            />
            {isAdmin && !profile ? (
              <SelectField
                label={t("moderation.decide.scope")}
                value={scope}
                error={problems.scope}
                onChange={(event) => setScope(event.target.value as SanctionScope)}
              >
                <option value="COMMUNITY">{t("moderation.scope.COMMUNITY")}</option>
                <option value="PLATFORM">{t("moderation.scope.PLATFORM")}</option>
              </SelectField>
            ) : null}
          </>
        ) : null}
        <p className="actions">
          <Button
            type="submit"
            busy={state.loading}
            variant={action === "DISMISS" || action === "RESTORE" ? "secondary" : "primary"}
          >
            {action ? t(`moderation.decide.submit.${action}`) : t("moderation.decide.submitAny")}
          </Button>
        </p>
      </form>
    </section>
  );
}
