import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldProblem } from "../../app/errors";
import { graphql } from "../../gql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";

const THRESHOLD_MIN = 1;
const THRESHOLD_MAX = 50;

const autoHideThresholdQuery = graphql(`
  query AutoHideThreshold($slug: String!) {
    community(slug: $slug) {
      id
      autoHideThreshold
    }
  }
`);

const setAutoHideThresholdMutation = graphql(`
  mutation SetAutoHideThreshold($communityId: ID!, $threshold: Float) {
    setAutoHideThreshold(communityId: $communityId, threshold: $threshold) {
      id
      autoHideThreshold
    }
  }
`);

/**
 * A community's automatic hiding: the weight of reports that hides content until reviewed (empty:
 * never). Shown on the queue when one community is chosen.
 */
interface AutoHideThresholdFormProps {
  community: { id: string; slug: string; name: string };
}

export function AutoHideThresholdForm({ community }: AutoHideThresholdFormProps) {
  const communityId = community.id;
  const { t } = useTranslation();
  const { data } = useQuery(autoHideThresholdQuery, { variables: { slug: community.slug } });
  const current = data?.community?.autoHideThreshold;
  const [value, setValue] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const [save, state] = useMutation(setAutoHideThresholdMutation);

  useEffect(() => {
    if (current !== undefined) setValue(current === null ? "" : String(current));
  }, [current]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const text = value.trim();
    const threshold = text === "" ? null : Number(text);
    if (threshold !== null && !(threshold >= THRESHOLD_MIN && threshold <= THRESHOLD_MAX)) {
      setProblem(t("moderation.threshold.rule", { min: THRESHOLD_MIN, max: THRESHOLD_MAX }));
      return;
    }
    try {
      await save({ variables: { communityId, threshold } });
      setSaved(true);
    } catch (error) {
      setProblem(fieldProblem(error, "threshold"));
    }
  }

  return (
    <details className="threshold-form">
      <summary>{t("moderation.threshold.title", { community: community.name })}</summary>
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <Field
          type="number"
          inputMode="decimal"
          min={THRESHOLD_MIN}
          max={THRESHOLD_MAX}
          step="0.5"
          label={t("moderation.threshold.label")}
          hint={t("moderation.threshold.hint")}
          value={value}
          error={problem}
          onChange={(event) => {
            setValue(event.target.value);
            setProblem(undefined);
            setSaved(false);
          }}
        />
        <p className="actions">
          <Button type="submit" size="sm" busy={state.loading}>
            {t("moderation.threshold.save")}
          </Button>
        </p>
        {saved ? (
          <Alert tone="success">
            {current === null
              ? t("moderation.threshold.savedOff")
              : t("moderation.threshold.saved", { threshold: current })}
          </Alert>
        ) : null}
        {state.error && !problem ? <ActionProblem error={state.error} /> : null}
      </form>
    </details>
  );
}
