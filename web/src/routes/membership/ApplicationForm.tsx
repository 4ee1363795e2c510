import {
  APPLICATION_MESSAGE_MAX,
  APPLICATION_MOTIVATION_MAX,
  CONTACT_NAME_MAX,
  CONTACT_PHONE_MAX,
  DISTRICT_MAX,
  ORGANIZATION_ADDRESS_MAX,
  ORGANIZATION_DESCRIPTION_MAX,
  ORGANIZATION_NAME_MAX,
  WEBSITE_MAX,
} from "@pratica/rules";
import { type FormEvent, type ReactNode, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ORGANIZATION_CATEGORIES } from "../../app/organizationCategories";
import type { MembershipApplicationInput } from "../../gql/graphql";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field, SelectField } from "../../ui/Field";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
import { ApplicationChoices } from "./ApplicationChoices";
import type { Application } from "./application.fragment";
import { readApplication } from "./applicationInput";
import { type ApplicationProblems, useApplicationProblems } from "./useApplicationProblems";

interface ApplicationFormProps {
  /** The application being answered; none for a new one. */
  application?: Application | null;
  submitLabel: string;
  busy: boolean;
  /** Sends the input (and the answer, when `withMessage`); throws the api's refusal. */
  onSave: (input: MembershipApplicationInput, message: string | null) => Promise<void>;
  /** Shown at the top (e.g. the admin's question); a field for the answer follows it when set. */
  withMessage?: ReactNode;
  onCancel?: () => void;
}

/**
 * The application: who the organisation is, what it works on, why it joins, who to contact and
 * who will sign. Checked here by the shared rules, judged by the api, whose refusals land at
 * their field.
 */
export function ApplicationForm({
  application: a,
  submitLabel,
  busy,
  onSave,
  withMessage,
  onCancel,
}: ApplicationFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  const [problems, setProblems] = useState<ApplicationProblems>({ fields: {}, general: null });
  const problemsOf = useApplicationProblems(!a);
  useFocusFirstInvalid(formRef, attempt);
  const fieldError = (name: string) => problems.fields[name];

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const { input, invalid } = readApplication(form);
    const message = String(form.get("message") ?? "").trim();
    if (withMessage && !message) invalid.push("message");
    if (invalid.length > 0) {
      setProblems(problemsOf.beforeSending(invalid));
      setAttempt((n) => n + 1);
      return;
    }
    setProblems({ fields: {}, general: null });
    try {
      await onSave(input, withMessage ? message : null);
    } catch (error) {
      setProblems(problemsOf.refused(error));
      setAttempt((n) => n + 1);
    }
  }

  return (
    <form
      ref={formRef}
      noValidate
      className="application-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => void onSubmit(e)}
    >
      <h2 id={`${id}-title`} className="visually-hidden">
        {submitLabel}
      </h2>
      {problems.general ? <Alert>{problems.general}</Alert> : null}
      {withMessage ? (
        <fieldset className="application-form__group">
          <legend>{t("joining.answer.legend")}</legend>
          {withMessage}
          <Field
            multiline
            rows={4}
            label={t("joining.answer.message")}
            name="message"
            maxLength={APPLICATION_MESSAGE_MAX}
            required
            error={fieldError("message")}
          />
        </fieldset>
      ) : null}

      <fieldset className="application-form__group">
        <legend>{t("joining.groups.who")}</legend>
        <Field
          lang="en"
          label={t("joining.fields.nameEn")}
          name="nameEn"
          defaultValue={a?.nameEn ?? ""}
          maxLength={ORGANIZATION_NAME_MAX}
          required
          error={fieldError("nameEn")}
        />
        <Field
          lang="it"
          label={t("joining.fields.nameIt")}
          name="nameIt"
          defaultValue={a?.nameIt ?? ""}
          maxLength={ORGANIZATION_NAME_MAX}
          error={fieldError("nameIt")}
        />
        <SelectField
          label={t("joining.fields.category")}
          name="category"
          defaultValue={a?.category ?? "THIRD_SECTOR_AND_CULTURE"}
          error={fieldError("category")}
        >
          {ORGANIZATION_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`organizations.category.${c}`)}
            </option>
          ))}
        </SelectField>
        <Field
          multiline
          rows={4}
          lang="en"
          label={t("joining.fields.descriptionEn")}
          name="descriptionEn"
          defaultValue={a?.descriptionEn ?? ""}
          maxLength={ORGANIZATION_DESCRIPTION_MAX}
          required
          error={fieldError("descriptionEn")}
        />
        <Field
          multiline
          rows={4}
          lang="it"
          label={t("joining.fields.descriptionIt")}
          name="descriptionIt"
          defaultValue={a?.descriptionIt ?? ""}
          maxLength={ORGANIZATION_DESCRIPTION_MAX}
          error={fieldError("descriptionIt")}
        />
        <Field
          type="url"
          label={t("joining.fields.website")}
          name="website"
          defaultValue={a?.website ?? ""}
          maxLength={WEBSITE_MAX}
          placeholder="https://"
          error={fieldError("website")}
        />
      </fieldset>

      <fieldset className="application-form__group">
        <legend>{t("joining.groups.where")}</legend>
        <Field
          label={t("joining.fields.address")}
          name="address"
          defaultValue={a?.address ?? ""}
          maxLength={ORGANIZATION_ADDRESS_MAX}
          autoComplete="street-address"
          error={fieldError("address")}
        />
        <Field
          label={t("joining.fields.district")}
          name="district"
          defaultValue={a?.district ?? ""}
          maxLength={DISTRICT_MAX}
          error={fieldError("district")}
        />
        <p className="field__hint">{t("joining.coordinatesHint")}</p>
        <div className="application-form__pair">
          <Field
            label={t("joining.fields.latitude")}
            name="latitude"
            inputMode="decimal"
            defaultValue={a?.latitude ?? ""}
            error={fieldError("latitude")}
          />
          <Field
            label={t("joining.fields.longitude")}
            name="longitude"
            inputMode="decimal"
            defaultValue={a?.longitude ?? ""}
            error={fieldError("longitude")}
          />
        </div>
      </fieldset>

      <ApplicationChoices application={a} fieldError={fieldError} />

      <fieldset className="application-form__group">
        <legend>{t("joining.groups.why")}</legend>
        <Field
          multiline
          rows={5}
          label={t("joining.fields.motivation")}
          hint={t("joining.motivationHint", { count: 20 })}
          name="motivation"
          defaultValue={a?.motivation ?? ""}
          maxLength={APPLICATION_MOTIVATION_MAX}
          required
          error={fieldError("motivation")}
        />
      </fieldset>

      <fieldset className="application-form__group">
        <legend>{t("joining.groups.contacts")}</legend>
        <p className="field__hint">{t("joining.contactsHint")}</p>
        <Field
          label={t("joining.fields.contactName")}
          name="contactName"
          autoComplete="name"
          defaultValue={a?.contactName ?? ""}
          maxLength={CONTACT_NAME_MAX}
          required
          error={fieldError("contactName")}
        />
        <Field
          type="email"
          label={t("joining.fields.contactEmail")}
          name="contactEmail"
          autoComplete="email"
          defaultValue={a?.contactEmail ?? ""}
          required
          error={fieldError("contactEmail")}
        />
        <Field
          type="tel"
          label={t("joining.fields.contactPhone")}
          name="contactPhone"
          autoComplete="tel"
          defaultValue={a?.contactPhone ?? ""}
          maxLength={CONTACT_PHONE_MAX}
          error={fieldError("contactPhone")}
        />
      </fieldset>

      <fieldset className="application-form__group">
        <legend>{t("joining.groups.representative")}</legend>
        <p className="field__hint">{t("joining.representativeHint")}</p>
        <Field
          label={t("joining.fields.representativeName")}
          name="representativeName"
          defaultValue={a?.representativeName ?? ""}
          maxLength={CONTACT_NAME_MAX}
          required
          error={fieldError("representativeName")}
        />
        <Field
          type="email"
          label={t("joining.fields.representativeEmail")}
          name="representativeEmail"
          defaultValue={a?.representativeEmail ?? ""}
          required
          error={fieldError("representativeEmail")}
        />
      </fieldset>

      <p className="actions">
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
        ) : null}
      </p>
    </form>
  );
}
