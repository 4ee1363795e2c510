import { DECISION_OPTION_LABEL_MAX, DECISION_OPTIONS_MAX } from "@pratica/rules";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/Button";
import { Field, FieldError } from "../../ui/Field";
import { LiveAnnouncer } from "../../ui/LiveAnnouncer";
import { MoveButtons, useFocusTargets } from "../../ui/MoveButtons";
import { useAnnouncer } from "../../ui/useAnnouncer";

export interface OptionDraft {
  key: string;
  label: string;
  /** datetime-local values, in the author's time zone (time polls). */
  startsAt: string;
  endsAt: string;
}

let counter = 0;
export function newOption(): OptionDraft {
  counter += 1;
  return { key: `option-${counter}`, label: "", startsAt: "", endsAt: "" };
}

interface OptionsEditorProps {
  options: OptionDraft[];
  onChange: (options: OptionDraft[]) => void;
  times: boolean;
  error?: string | undefined;
}

/** The options of a poll: add, remove, reorder with the keyboard (move up / move down); a time poll's options are times. */
export function OptionsEditor({ options, onChange, times, error }: OptionsEditorProps) {
  const { t } = useTranslation();
  const targets = useFocusTargets();
  const [announcement, announce] = useAnnouncer();
  const set = (index: number, patch: Partial<OptionDraft>) =>
    onChange(options.map((option, i) => (i === index ? { ...option, ...patch } : option)));
  return (
    <fieldset className="options-editor" aria-describedby={error ? "options-error" : undefined}>
      <legend>{times ? t("decisions.form.times") : t("decisions.form.options")}</legend>
      <ol className="options-editor__list">
        {options.map((option, index) => {
          const name = option.label || t("decisions.form.optionNumber", { number: index + 1 });
          return (
            <li key={option.key} className="options-editor__item">
              <Field
                label={
                  times
                    ? t("decisions.form.timeLabel", { number: index + 1 })
                    : t("decisions.form.optionNumber", { number: index + 1 })
                }
                name={`options.${index}.label`}
                value={option.label}
                maxLength={DECISION_OPTION_LABEL_MAX}
                onChange={(event) => set(index, { label: event.target.value })}
              />
              {times ? (
                <div className="options-editor__times">
                  <Field
                    type="datetime-local"
                    label={t("decisions.form.startsAt")}
                    name={`options.${index}.startsAt`}
                    value={option.startsAt}
                    onChange={(event) => set(index, { startsAt: event.target.value })}
                  />
                  <Field
                    type="datetime-local"
                    label={t("decisions.form.endsAt")}
                    name={`options.${index}.endsAt`}
                    value={option.endsAt}
                    onChange={(event) => set(index, { endsAt: event.target.value })}
                  />
                </div>
              ) : null}
              <p className="actions">
                <MoveButtons
                  name={name}
                  index={index}
                  count={options.length}
                  id={option.key}
                  targets={targets}
                  onMove={(to, control) => {
                    const next = [...options];
                    const [moved] = next.splice(index, 1);
                    if (moved) next.splice(to, 0, moved);
                    onChange(next);
                    announce(t("decisions.ballot.moved", { option: name, place: to + 1 }));
                    requestAnimationFrame(() => targets.focus(`${option.key}:${control}`));
                  }}
                />
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => {
                    onChange(options.filter((o) => o.key !== option.key));
                    announce(t("decisions.form.removed", { option: name }));
                  }}
                >
                  {t("decisions.form.remove")}
                  <span className="visually-hidden"> ({name})</span>
                </Button>
              </p>
            </li>
          );
        })}
      </ol>
      {options.length < DECISION_OPTIONS_MAX ? (
        <Button variant="secondary" size="sm" onClick={() => onChange([...options, newOption()])}>
          {times ? t("decisions.form.addTime") : t("decisions.form.addOption")}
        </Button>
      ) : null}
      {error ? <FieldError id="options-error">{error}</FieldError> : null}
      <LiveAnnouncer announcement={announcement} />
    </fieldset>
  );
}
