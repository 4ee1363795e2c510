import { useMutation } from "@apollo/client/react";
import { type FormEvent, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type FormProblems, useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import type { EmailDelivery, Locale } from "../../gql/graphql";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";

const updateSettingsMutation = graphql(`
  mutation UpdateNotificationSettings($input: NotificationSettingsInput!) {
    updateNotificationSettings(input: $input) {
      emailDelivery
      timeZone
      digestHour
      locale
    }
  }
`);

const DELIVERIES: EmailDelivery[] = ["IMMEDIATE", "DAILY", "WEEKLY", "NEVER"] as EmailDelivery[];
const LOCALES: Locale[] = ["it", "en"] as Locale[];
const HOURS = Array.from({ length: 24 }, (_, h) => h);

interface DeliveryFormProps {
  settings: { emailDelivery: EmailDelivery; timeZone: string; digestHour: number; locale: Locale };
}

/** The zones this browser knows (the api checks the same IANA names), with the member's own first if it is missing. */
function useTimeZones(current: string): string[] {
  return useMemo(() => {
    const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    return known.includes(current) ? known : [current, ...known];
  }, [current]);
}

export function DeliveryForm({ settings }: DeliveryFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const formProblems = useFormProblems();
  const [problems, setProblems] = useState<FormProblems>({ fields: {}, general: null });
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);
  const [delivery, setDelivery] = useState(settings.emailDelivery);
  const zones = useTimeZones(settings.timeZone);
  const [update, { loading }] = useMutation(updateSettingsMutation);
  useFocusFirstInvalid(formRef, attempt);
  const digest = delivery === "DAILY" || delivery === "WEEKLY";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    setProblems({ fields: {}, general: null });
    try {
      await update({
        variables: {
          input: {
            emailDelivery: delivery,
            timeZone: String(form.get("timeZone") ?? settings.timeZone),
            digestHour: Number(form.get("digestHour") ?? settings.digestHour),
            locale: String(form.get("locale") ?? settings.locale) as Locale,
          },
        },
      });
      setSaved(true);
    } catch (error) {
      setProblems(formProblems(error));
      setAttempt((n) => n + 1);
    }
  }

  const hour = (h: number) => `${String(h).padStart(2, "0")}:00`;
  return (
    <section aria-labelledby={`${id}-title`}>
      <form ref={formRef} noValidate onSubmit={(e) => void onSubmit(e)} onChange={() => setSaved(false)}>
        <h2 id={`${id}-title`} className="visually-hidden">
          {t("notificationSettings.delivery.legend")}
        </h2>
        {problems.general ? <Alert>{problems.general}</Alert> : null}
        <fieldset>
          <legend>{t("notificationSettings.delivery.legend")}</legend>
          {DELIVERIES.map((value) => (
            <label key={value} className="notification-settings__choice">
              <input
                type="radio"
                name="emailDelivery"
                value={value}
                checked={delivery === value}
                onChange={() => setDelivery(value)}
              />
              {t(`notificationSettings.delivery.${value}`)}
            </label>
          ))}
        </fieldset>
        <div className="notification-settings__pair">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-hour`}>
              {t("notificationSettings.digestHour")}
            </label>
            <p className="field__hint" id={`${id}-hour-hint`}>
              {t("notificationSettings.digestHourHint")}
            </p>
            <select
              id={`${id}-hour`}
              name="digestHour"
              className="field__control"
              defaultValue={settings.digestHour}
              aria-describedby={`${id}-hour-hint`}
              disabled={!digest}
            >
              {HOURS.map((h) => (
                <option key={h} value={h}>
                  {hour(h)}
                </option>
              ))}
            </select>
          </div>
          <div className={`field${problems.fields.timeZone ? " field--invalid" : ""}`}>
            <label className="field__label" htmlFor={`${id}-zone`}>
              {t("notificationSettings.timeZone")}
            </label>
            <select
              id={`${id}-zone`}
              name="timeZone"
              className="field__control"
              defaultValue={settings.timeZone}
              aria-invalid={problems.fields.timeZone ? true : undefined}
              aria-describedby={problems.fields.timeZone ? `${id}-zone-error` : undefined}
            >
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replaceAll("_", " ")}
                </option>
              ))}
            </select>
            {problems.fields.timeZone ? (
              <p className="field__error" id={`${id}-zone-error`}>
                {problems.fields.timeZone}
              </p>
            ) : null}
          </div>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-locale`}>
            {t("notificationSettings.locale")}
          </label>
          <select id={`${id}-locale`} name="locale" className="field__control" defaultValue={settings.locale}>
            {LOCALES.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {t(`notificationSettings.language.${locale}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="profile__form-actions">
          <Button type="submit" busy={loading}>
            {t("notificationSettings.save")}
          </Button>
          <p role="status" className="profile__saved">
            {saved ? t("notificationSettings.saved") : ""}
          </p>
        </div>
      </form>
    </section>
  );
}
