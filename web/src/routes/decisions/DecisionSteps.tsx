import { useMutation } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Button } from "../../ui/Button";
import type { Decision } from "./types";

const openMutation = graphql(`
  mutation OpenDecision($input: DecisionStepInput!) {
    openDecision(input: $input) {
      ...DecisionFields
    }
  }
`);
const closeMutation = graphql(`
  mutation CloseDecision($input: DecisionStepInput!) {
    closeDecision(input: $input) {
      ...DecisionFields
    }
  }
`);
const cancelMutation = graphql(`
  mutation CancelDecision($input: DecisionStepInput!) {
    cancelDecision(input: $input) {
      ...DecisionFields
    }
  }
`);

/** Open a draft now, close early, cancel: offered only where the api says the viewer may. */
export function DecisionSteps({ decision, onDone }: { decision: Decision; onDone: () => void }) {
  const { t } = useTranslation();
  const input = { decisionId: decision.id, expectedVersion: decision.version };
  const [open, opening] = useMutation(openMutation, { onCompleted: onDone });
  const [close, closing] = useMutation(closeMutation, { onCompleted: onDone });
  const [cancel, cancelling] = useMutation(cancelMutation, { onCompleted: onDone });
  if (!decision.viewerCanOpen && !decision.viewerCanClose && !decision.viewerCanCancel) return null;
  const swallow = () => undefined; // shown by ActionProblem
  return (
    <section className="decision__steps" aria-label={t("decisions.steps.label")}>
      <p className="actions">
        {decision.viewerCanOpen ? (
          <Button busy={opening.loading} onClick={() => void open({ variables: { input } }).catch(swallow)}>
            {t("decisions.steps.open")}
          </Button>
        ) : null}
        {decision.viewerCanClose ? (
          <Button busy={closing.loading} onClick={() => void close({ variables: { input } }).catch(swallow)}>
            {t("decisions.steps.close")}
          </Button>
        ) : null}
        {decision.viewerCanCancel ? (
          <Button
            variant="secondary"
            busy={cancelling.loading}
            onClick={() => {
              if (window.confirm(t("decisions.steps.cancelConfirm")))
                void cancel({ variables: { input } }).catch(swallow);
            }}
          >
            {t("decisions.steps.cancel")}
          </Button>
        ) : null}
      </p>
      <ActionProblem error={opening.error ?? closing.error ?? cancelling.error} />
    </section>
  );
}
