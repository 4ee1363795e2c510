import { useApolloClient, useMutation } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { conflictState, hasCode } from "../../app/errors";
import { useViewer } from "../../app/session";
import { useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import type { AppealDecision } from "../../gql/graphql";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { formatDateTime } from "../../ui/format";
import { RelativeTime } from "../../ui/RelativeTime";
import type { CaseDetail } from "./caseDetail.query";
import { NoteAndMessageFields } from "./NoteAndMessageFields";
import type { Outcome } from "./outcome";
import { MODERATION_TEXT_MAX } from "./reasons";

const appealActionMutation = graphql(`
  mutation AppealAction($input: AppealInput!) {
    appealAction(input: $input) {
      id
      state
      case {
        id
        ...CaseDetail
      }
    }
  }
`);

const decideAppealMutation = graphql(`
  mutation DecideAppeal($input: DecideAppealInput!) {
    decideAppeal(input: $input) {
      id
      ...CaseDetail
    }
  }
`);

interface AppealSectionProps {
  moderated: CaseDetail;
  isAuthor: boolean;
  onOutcome: (outcome: Outcome) => void;
}

/**
 * The appeal: the author's statement (once, before the deadline); then another moderator's
 * decision. The moderator who decided the case is told why they cannot decide the appeal.
 */
export function AppealSection({ moderated, isAuthor, onOutcome }: AppealSectionProps) {
  const { t, i18n } = useTranslation();
  const { viewer } = useViewer();
  const appeal = moderated.appeal;
  const decidedIt = Boolean(viewer && moderated.decidedBy?.id === viewer.id);
  const deadline = moderated.appealDeadline ? formatDateTime(moderated.appealDeadline, i18n.language) : null;

  if (!appeal && !moderated.viewerCanAppeal) {
    if (isAuthor && moderated.action && moderated.state === "ACTIONED" && !moderated.appealDeadline) {
      return (
        <section aria-labelledby="case-appeal" className="case-section">
          <h2 id="case-appeal">{t("moderation.appeal.title")}</h2>
          <p>{t("moderation.appeal.closed")}</p>
        </section>
      );
    }
    return null;
  }

  return (
    <section aria-labelledby="case-appeal" className="case-section" data-testid="case-appeal">
      <h2 id="case-appeal">{t("moderation.appeal.title")}</h2>
      {appeal ? (
        <>
          <p className="case-page__meta">
            {t(`moderation.appealState.${appeal.state}`)} · <RelativeTime value={appeal.createdAt} />
          </p>
          <blockquote className="case-target">
            <p className="case-target__text">{appeal.statement}</p>
          </blockquote>
          {moderated.viewerCanDecideAppeal ? (
            <DecideAppealForm moderated={moderated} onOutcome={onOutcome} />
          ) : appeal.state === "OPEN" && decidedIt ? (
            <Alert tone="info">{t("moderation.appeal.notYours")}</Alert>
          ) : appeal.state === "OPEN" && isAuthor ? (
            <p>{t("moderation.appeal.waiting")}</p>
          ) : null}
        </>
      ) : (
        <AppealForm moderated={moderated} deadline={deadline} onOutcome={onOutcome} />
      )}
    </section>
  );
}

function AppealForm({
  moderated,
  deadline,
  onOutcome,
}: {
  moderated: CaseDetail;
  deadline: string | null;
  onOutcome: (outcome: Outcome) => void;
}) {
  const { t } = useTranslation();
  const [statement, setStatement] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const [general, setGeneral] = useState<string | null>(null);
  const [appeal, state] = useMutation(appealActionMutation);
  const formProblems = useFormProblems();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state.loading) return;
    setGeneral(null);
    const text = statement.trim();
    if (!text || text.length > MODERATION_TEXT_MAX) {
      setProblem(t("moderation.appeal.statementRule", { max: MODERATION_TEXT_MAX }));
      return;
    }
    try {
      await appeal({ variables: { input: { caseId: moderated.id, statement: text } } });
      onOutcome({ tone: "success", text: t("moderation.appeal.sent") });
    } catch (error) {
      const split = formProblems(error);
      setProblem(split.fields.statement);
      setGeneral(split.general);
    }
  }

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)}>
      <p>{deadline ? t("moderation.appeal.intro", { deadline }) : t("moderation.appeal.introNoDate")}</p>
      <Field
        multiline
        rows={4}
        label={t("moderation.appeal.statement")}
        hint={t("moderation.appeal.statementHint")}
        value={statement}
        maxLength={MODERATION_TEXT_MAX}
        required
        error={problem}
        onChange={(event) => {
          setStatement(event.target.value);
          setProblem(undefined);
        }}
      />
      {general ? <Alert>{general}</Alert> : null}
      <p className="actions">
        <Button type="submit" busy={state.loading}>
          {t("moderation.appeal.send")}
        </Button>
      </p>
    </form>
  );
}

function DecideAppealForm({ moderated, onOutcome }: { moderated: CaseDetail; onOutcome: (outcome: Outcome) => void }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [decision, setDecision] = useState<AppealDecision | null>(null);
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState("");
  const [problems, setProblems] = useState<Partial<Record<"decision" | "reason" | "message", string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [decide, state] = useMutation(decideAppealMutation);
  const formProblems = useFormProblems();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state.loading) return;
    setGeneral(null);
    const found: typeof problems = {};
    if (!decision) found.decision = t("moderation.appeal.decisionRequired");
    if (!reason.trim() || reason.length > MODERATION_TEXT_MAX)
      found.reason = t("moderation.decide.reasonRule", { max: MODERATION_TEXT_MAX });
    if (!message.trim() || message.length > MODERATION_TEXT_MAX)
      found.message = t("moderation.decide.messageRule", { max: MODERATION_TEXT_MAX });
    setProblems(found);
    if (Object.keys(found).length > 0 || !decision) return;
    try {
      await decide({
        variables: {
          input: {
            caseId: moderated.id,
            decision,
            reason: reason.trim(),
            message: message.trim(),
            expectedState: moderated.state,
          },
        },
      });
      onOutcome({ tone: "success", text: t(`moderation.appeal.done.${decision}`) });
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
        await client.refetchQueries({ include: ["ModerationCase"] });
      } else {
        const split = formProblems(error);
        setProblems(split.fields);
        setGeneral(split.general);
      }
    }
  }

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="appeal-decision">
      <fieldset className="choices" aria-invalid={problems.decision ? true : undefined}>
        <legend>{t("moderation.appeal.decision")}</legend>
        {(["OVERTURN", "UPHOLD"] as const).map((value) => (
          <div key={value} className="choice">
            <input
              type="radio"
              id={`appeal-${value}`}
              name="appeal-decision"
              value={value}
              checked={decision === value}
              aria-describedby={`appeal-${value}-hint`}
              onChange={() => setDecision(value)}
            />
            <label htmlFor={`appeal-${value}`}>{t(`moderation.appeal.decide.${value}`)}</label>
            <p className="choice__hint" id={`appeal-${value}-hint`}>
              {t(`moderation.appeal.decideHint.${value}`)}
            </p>
          </div>
        ))}
        {problems.decision ? <p className="field__error">{problems.decision}</p> : null}
      </fieldset>
      <NoteAndMessageFields
        reason={reason}
        onReason={setReason}
        message={message}
        onMessage={setMessage}
        messageRequired
        problems={problems}
      />
      {general ? <Alert>{general}</Alert> : null}
      <p className="actions">
        <Button type="submit" busy={state.loading}>
          {decision ? t(`moderation.appeal.submit.${decision}`) : t("moderation.appeal.submitAny")}
        </Button>
      </p>
    </form>
  );
}
