import { DECISION_CONTEXT_MAX, DECISION_TITLE_MAX, DOTS_PER_VOTER_MAX } from "@pratica/rules";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DeliverableStatus, QuorumMiss, ResultsVisibility } from "../../gql/graphql";
import { Button } from "../../ui/Button";
import { Field, SelectField } from "../../ui/Field";
import type { FormRefusals } from "../../ui/useFormRefusals";
import { type DecisionDraft, emptyDraft, hasOptions, KINDS } from "./decisionDraft";
import { OptionsEditor } from "./OptionsEditor";

interface DecisionFormProps {
  refusals: FormRefusals;
  busy: boolean;
  /** About a document: a consent decision may move it on when its outcome is published. */
  onDocument: boolean;
  onSubmit: (draft: DecisionDraft, open: boolean) => void;
}

const VISIBILITIES: ResultsVisibility[] = ["ALWAYS", "AFTER_VOTE", "AFTER_CLOSE"];
const MISSES: QuorumMiss[] = ["FAIL", "EXTEND_ONCE"];
const MOVES: DeliverableStatus[] = ["REVIEW", "APPROVED", "PUBLISHED", "ARCHIVED"];

/** Everything a decision is made of; "Save as draft" or "Open now". */
export function DecisionForm({ refusals, busy, onDocument, onSubmit }: DecisionFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<DecisionDraft>(emptyDraft);
  const [openNow, setOpenNow] = useState(true);
  const update = (patch: Partial<DecisionDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const { fields } = refusals.problems;
  function submit(event: FormEvent) {
    event.preventDefault();
    // Which button sent the form (Enter in a field sends it as the first one: open).
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const open = submitter?.dataset.open !== "false";
    setOpenNow(open);
    onSubmit(draft, open);
  }
  return (
    <form ref={refusals.formRef} onSubmit={submit} noValidate className="decision-form__form">
      <Field
        label={t("decisions.form.titleLabel")}
        name="title"
        value={draft.title}
        maxLength={DECISION_TITLE_MAX}
        required
        error={fields.title}
        onChange={(event) => update({ title: event.target.value })}
      />
      <Field
        multiline
        rows={6}
        label={t("decisions.form.contextLabel")}
        hint={t("decisions.form.contextHint")}
        name="context"
        value={draft.context}
        maxLength={DECISION_CONTEXT_MAX}
        error={fields.context}
        onChange={(event) => update({ context: event.target.value })}
      />
      <fieldset className="choice-group">
        <legend>{t("decisions.form.kind")}</legend>
        {KINDS.map((kind) => (
          <label key={kind} className="choice-group__option">
            <input
              type="radio"
              name="kind"
              value={kind}
              checked={draft.kind === kind}
              onChange={() => update({ kind })}
            />
            <span>
              <strong>{t(`decisions.kind.${kind}.name`)}</strong>
              <span className="choice-group__hint">{t(`decisions.kind.${kind}.explain`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {hasOptions(draft.kind) ? (
        <OptionsEditor
          options={draft.options}
          times={draft.kind === "TIME_POLL"}
          error={fields.options}
          onChange={(options) => update({ options })}
        />
      ) : null}
      {draft.kind === "MULTIPLE_CHOICE" ? (
        <Field
          type="number"
          min={1}
          label={t("decisions.form.maxChoices")}
          hint={t("decisions.form.maxChoicesHint")}
          name="maxChoices"
          value={draft.maxChoices}
          error={fields.maxChoices}
          onChange={(event) => update({ maxChoices: event.target.value })}
        />
      ) : null}
      {draft.kind === "DOT_VOTE" ? (
        <Field
          type="number"
          min={1}
          max={DOTS_PER_VOTER_MAX}
          label={t("decisions.form.dotsPerVoter")}
          name="dotsPerVoter"
          value={draft.dotsPerVoter}
          error={fields.dotsPerVoter}
          onChange={(event) => update({ dotsPerVoter: event.target.value })}
        />
      ) : null}
      <fieldset className="choice-group">
        <legend>{t("decisions.form.electorate")}</legend>
        {(["MEMBERS", "ORGANIZATIONS"] as const).map((electorate) => (
          <label key={electorate} className="choice-group__option">
            <input
              type="radio"
              name="electorate"
              value={electorate}
              checked={draft.electorate === electorate}
              onChange={() => update({ electorate })}
            />
            <span>
              <strong>{t(`decisions.electorate.${electorate}`)}</strong>
              <span className="choice-group__hint">{t(`decisions.form.electorateHint.${electorate}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="choice-group">
        <legend>{t("decisions.form.when")}</legend>
        <label className="choice-group__option">
          <input type="radio" name="opens" checked={!draft.opensLater} onChange={() => update({ opensLater: false })} />
          <span>{t("decisions.form.opensNow")}</span>
        </label>
        <label className="choice-group__option">
          <input type="radio" name="opens" checked={draft.opensLater} onChange={() => update({ opensLater: true })} />
          <span>{t("decisions.form.opensLater")}</span>
        </label>
        {draft.opensLater ? (
          <Field
            type="datetime-local"
            label={t("decisions.form.opensAt")}
            name="opensAt"
            value={draft.opensAt}
            error={fields.opensAt}
            onChange={(event) => update({ opensAt: event.target.value })}
          />
        ) : null}
        <Field
          type="datetime-local"
          label={t("decisions.form.closesAt")}
          hint={t("decisions.form.zoneHint", { zone: Intl.DateTimeFormat().resolvedOptions().timeZone })}
          name="closesAt"
          value={draft.closesAt}
          required
          error={fields.closesAt}
          onChange={(event) => update({ closesAt: event.target.value })}
        />
      </fieldset>
      <Field
        type="number"
        min={1}
        max={100}
        label={t("decisions.form.quorum")}
        hint={t("decisions.form.quorumHint")}
        name="quorumPercent"
        value={draft.quorumPercent}
        error={fields.quorumPercent}
        onChange={(event) => update({ quorumPercent: event.target.value })}
      />
      {draft.quorumPercent ? (
        <SelectField
          label={t("decisions.form.quorumMiss")}
          name="quorumMiss"
          value={draft.quorumMiss}
          onChange={(event) => update({ quorumMiss: event.target.value as QuorumMiss })}
        >
          {MISSES.map((miss) => (
            <option key={miss} value={miss}>
              {t(`decisions.quorumMiss.${miss}`)}
            </option>
          ))}
        </SelectField>
      ) : null}
      <SelectField
        label={t("decisions.form.visibility")}
        name="resultsVisibility"
        value={draft.resultsVisibility}
        onChange={(event) => update({ resultsVisibility: event.target.value as ResultsVisibility })}
      >
        {VISIBILITIES.map((visibility) => (
          <option key={visibility} value={visibility}>
            {t(`decisions.visibility.${visibility}`)}
          </option>
        ))}
      </SelectField>
      <div className="check-field">
        <label>
          <input
            type="checkbox"
            checked={draft.anonymous}
            onChange={(event) => update({ anonymous: event.target.checked })}
          />{" "}
          {t("decisions.form.anonymous")}
        </label>
        <p className="field__hint">{t("decisions.form.anonymousWarning")}</p>
      </div>
      <div className="check-field">
        <label>
          <input
            type="checkbox"
            checked={draft.reasonRequired}
            onChange={(event) => update({ reasonRequired: event.target.checked })}
          />{" "}
          {t("decisions.form.reasonRequired")}
        </label>
      </div>
      {onDocument && draft.kind === "CONSENT" ? (
        <SelectField
          label={t("decisions.form.move")}
          hint={t("decisions.form.moveHint")}
          name="moveDeliverableTo"
          value={draft.moveDeliverableTo}
          error={fields.moveDeliverableTo}
          onChange={(event) => update({ moveDeliverableTo: event.target.value as DeliverableStatus | "" })}
        >
          <option value="">{t("decisions.form.moveNone")}</option>
          {MOVES.map((status) => (
            <option key={status} value={status}>
              {t(`documents.status.${status}`)}
            </option>
          ))}
        </SelectField>
      ) : null}
      <p className="actions">
        <Button type="submit" busy={busy && openNow} data-open="true">
          {draft.opensLater ? t("decisions.form.schedule") : t("decisions.form.openNow")}
        </Button>
        <Button type="submit" variant="secondary" busy={busy && !openNow} data-open="false">
          {t("decisions.form.saveDraft")}
        </Button>
      </p>
    </form>
  );
}
