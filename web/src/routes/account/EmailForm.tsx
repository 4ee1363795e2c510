import { useMutation } from "@apollo/client/react";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiProblems } from "../../app/errors";
import { useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { useFormRefusals } from "../../ui/useFormRefusals";
import { isEmail } from "../../ui/validation";

const changeEmailMutation = graphql(`
  mutation ChangeEmail($input: ChangeEmailInput!) {
    changeEmail(input: $input)
  }
`);

export function EmailForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const formProblems = useFormProblems();
  const { formRef, problems, refuse, clearProblems } = useFormRefusals();
  const [change, { loading }] = useMutation(changeEmailMutation);
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSentTo(null);
    const form = event.currentTarget;
    const data = new FormData(form);
    const newEmail = String(data.get("newEmail") ?? "").trim();
    const password = String(data.get("password") ?? "");
    const fields: Record<string, string> = {};
    if (!isEmail(newEmail)) fields.newEmail = t("validation.email");
    else if (newEmail.toLowerCase() === email.toLowerCase()) fields.newEmail = t("security.sameEmail");
    if (!password) fields.password = t("validation.passwordRequired");
    if (Object.keys(fields).length > 0) return refuse({ fields, general: null });
    clearProblems();
    try {
      await change({ variables: { input: { newEmail, password } } });
    } catch (error) {
      // The address was checked before sending: the api refusing it means another account has it.
      const sameAddress = apiProblems(error).some((p) => p.field === "newEmail" && /already your/i.test(p.message));
      return refuse(
        formProblems(error, {
          fields: {
            newEmail: sameAddress ? t("security.sameEmail") : t("security.emailTaken"),
            password: t("security.wrongPassword"),
          },
        }),
      );
    }
    form.reset();
    setSentTo(newEmail);
  }

  return (
    <section className="card security__card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("security.emailHeading")}</h2>
      <p className="security__intro">{t("security.emailIntro", { email })}</p>
      <form ref={formRef} noValidate onSubmit={(e) => void onSubmit(e)}>
        {problems.general ? <Alert>{problems.general}</Alert> : null}
        <Field
          label={t("security.newEmail")}
          name="newEmail"
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          required
          error={problems.fields.newEmail}
        />
        <Field
          label={t("security.currentPassword")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={problems.fields.password}
        />
        <div className="security__actions">
          <Button type="submit" busy={loading}>
            {t("security.changeEmail")}
          </Button>
          <p role="status" className="security__status">
            {sentTo ? t("security.emailSent", { email: sentTo }) : ""}
          </p>
        </div>
      </form>
    </section>
  );
}
