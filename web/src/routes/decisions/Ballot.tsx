import { useMutation } from "@apollo/client/react";
import { VOTE_REASON_MAX } from "@pratica/rules";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldProblem } from "../../app/errors";
import { graphql } from "../../gql";
import type { CastVoteInput } from "../../gql/graphql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field, SelectField } from "../../ui/Field";
import { BallotChoices, type Choice, emptyChoice, toChoice } from "./BallotChoices";
import { choiceProblem } from "./ballot.rules";
import type { Decision } from "./types";

const castVoteMutation = graphql(`
  mutation CastVote($input: CastVoteInput!) {
    castVote(input: $input) {
      ...VoteFields
    }
  }
`);

/**
 * The ballot for the decision's kind, filled with the viewer's vote when there is one (a vote can
 * be changed while the decision is open). For one vote per organisation, the viewer picks the
 * organisation they vote for and sees its current vote and who cast it.
 */
export function Ballot({ decision, onVoted }: { decision: Decision; onVoted: () => void }) {
  const { t } = useTranslation();
  const organizations = decision.viewerVotesFor;
  const [organizationId, setOrganizationId] = useState(organizations[0]?.id ?? "");
  const vote = decision.viewerVote;
  const [choice, setChoice] = useState<Choice>(() => (vote ? toChoice(vote) : emptyChoice(decision)));
  const [reason, setReason] = useState(vote?.reason ?? "");
  const [problems, setProblems] = useState<{ choice?: string; reason?: string }>({});
  const [saved, setSaved] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [cast, { loading, error }] = useMutation(castVoteMutation, {
    onCompleted: () => {
      setSaved(true);
      onVoted();
    },
  });
  if (decision.state !== "OPEN" || (!decision.viewerCanVote && !vote)) return null;

  const reasonNeeded = decision.reasonRequired || choice.consent === "BLOCK";
  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const choiceError = choiceProblem(decision, choice, t);
    const reasonError =
      reasonNeeded && !reason.trim()
        ? t(choice.consent === "BLOCK" ? "decisions.ballot.blockReason" : "decisions.ballot.reasonRequired")
        : undefined;
    setProblems({ choice: choiceError ?? undefined, reason: reasonError });
    if (choiceError || reasonError) {
      if (choiceError) document.getElementById("ballot-choices")?.focus();
      else reasonRef.current?.focus();
      return;
    }
    const input: CastVoteInput = { decisionId: decision.id, reason: reason.trim() || null };
    if (decision.electorate === "ORGANIZATIONS") input.organizationId = organizationId;
    switch (decision.kind) {
      case "CONSENT":
        input.consent = choice.consent;
        break;
      case "SENSE_CHECK":
        input.senseCheck = choice.senseCheck;
        break;
      case "RANKED_CHOICE":
        input.ranking = choice.ranking;
        break;
      case "SCORE":
        input.scores = Object.entries(choice.scores).map(([optionId, score]) => ({ optionId, score }));
        break;
      case "DOT_VOTE":
        input.dots = Object.entries(choice.dots)
          .filter(([, dots]) => dots > 0)
          .map(([optionId, dots]) => ({ optionId, dots }));
        break;
      default:
        input.optionIds = choice.optionIds;
    }
    void cast({ variables: { input } }).catch(() => undefined);
  }

  const apiReason = fieldProblem(error, "reason");
  return (
    <section className="decision__ballot card" aria-labelledby="ballot-title">
      <h2 id="ballot-title">{vote ? t("decisions.ballot.change") : t("decisions.ballot.title")}</h2>
      {decision.electorate === "ORGANIZATIONS" ? (
        <>
          {organizations.length > 1 ? (
            <SelectField
              label={t("decisions.ballot.organization")}
              value={organizationId}
              onChange={(event) => setOrganizationId(event.target.value)}
            >
              {organizations.map((organization) => (
                <option key={organization.id} value={organization.id}>
                  {organization.name}
                </option>
              ))}
            </SelectField>
          ) : organizations[0] ? (
            <p>{t("decisions.ballot.votingFor", { organization: organizations[0].name })}</p>
          ) : null}
          {vote ? (
            <p data-testid="organization-vote">
              {t("decisions.ballot.organizationVote", {
                organization: vote.organization?.name ?? "",
                voter: vote.voter?.displayName ?? t("decisions.votes.someone"),
              })}
            </p>
          ) : null}
        </>
      ) : vote ? (
        <p>{t("decisions.ballot.yourVote")}</p>
      ) : null}
      <form onSubmit={submit} noValidate>
        <BallotChoices decision={decision} choice={choice} onChange={setChoice} error={problems.choice} />
        <Field
          ref={reasonRef}
          multiline
          rows={3}
          label={reasonNeeded ? t("decisions.ballot.reason") : t("decisions.ballot.reasonOptional")}
          hint={choice.consent === "BLOCK" ? t("decisions.ballot.blockHint") : undefined}
          maxLength={VOTE_REASON_MAX}
          value={reason}
          error={problems.reason ?? apiReason}
          onChange={(event) => setReason(event.target.value)}
        />
        <Button type="submit" busy={loading}>
          {vote ? t("decisions.ballot.submitChange") : t("decisions.ballot.submit")}
        </Button>
        {saved ? (
          <Alert tone="success">
            <p>{t("decisions.ballot.saved")}</p>
          </Alert>
        ) : null}
        {apiReason ? null : <ActionProblem error={error} />}
      </form>
    </section>
  );
}
