import { useMutation } from "@apollo/client/react";
import { PASSWORD_MIN } from "@pratica/rules";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { useFormRefusals } from "../../ui/useFormRefusals";

const changePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

export function PasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const formProblems = useFormProblems();
  const { formRef, problems, refuse, clearProblems } = useFormRefusals();
  const [change, { loading }] = useMutation(changePasswordMutation);
  const [done, setDone] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    const form = event.currentTarget;
    const data = new FormData(form);
    const currentPassword = String(data.get("currentPassword") ?? "");
    const newPassword = String(data.get("newPassword") ?? "");
    const fields: Record<string, string> = {};
    if (!currentPassword) fields.currentPassword = t("validation.passwordRequired");
    if (newPassword.length < PASSWORD_MIN) fields.newPassword = t("validation.password", { min: PASSWORD_MIN });
    if (Object.keys(fields).length > 0) return refuse({ fields, general: null });
    clearProblems();
    try {
      await change({ variables: { input: { currentPassword, newPassword } } });
    } catch (error) {
      return refuse(
        formProblems(error, {
          fields: {
            currentPassword: t("security.wrongPassword"),
            newPassword: t("validation.password", { min: PASSWORD_MIN }),
          },
        }),
      );
    }
    form.reset();
    setDone(true);
    onChanged();
  }

  return (
    <section className="card security__card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("security.passwordHeading")}</h2>
      <p className="security__intro">{t("security.passwordIntro")}</p>
      <form ref={formRef} noValidate onSubmit={(e) => void onSubmit(e)}>
        {problems.general ? <Alert>{problems.general}</Alert> : null}
        <Field
          label={t("security.currentPassword")}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={problems.fields.currentPassword}
        />
        <Field
          label={t("security.newPassword")}
          hint={t("validation.password", { min: PASSWORD_MIN })}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          error={problems.fields.newPassword}
        />
        <div className="security__actions">
          <Button type="submit" busy={loading}>
            {t("security.changePassword")}
          </Button>
          <p role="status" className="security__status">
            {done ? t("security.passwordChanged") : ""}
          </p>
        </div>
      </form>
    </section>
  );
}
