import { useMutation } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { useFormRefusals } from "../../ui/useFormRefusals";
import { isEmail } from "../../ui/validation";
import "../auth/auth.css";

const requestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

/** "Forgot your password?": the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t("forgotPassword.title"));
  const formProblems = useFormProblems();
  const { formRef, problems, refuse, clearProblems } = useFormRefusals();
  const [request, { loading }] = useMutation(requestPasswordResetMutation);
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    if (!isEmail(email)) return refuse({ fields: { email: t("validation.email") }, general: null });
    clearProblems();
    try {
      await request({ variables: { email } });
      setSentTo(email);
    } catch (error) {
      refuse(formProblems(error));
    }
  }

  return (
    <div className="container page page--narrow auth">
      <h1>{t("forgotPassword.title")}</h1>
      {sentTo ? (
        <Alert tone="success">{t("forgotPassword.sent", { email: sentTo })}</Alert>
      ) : (
        <>
          <p className="auth__intro">{t("forgotPassword.intro")}</p>
          <form ref={formRef} className="auth__form card" noValidate onSubmit={(e) => void onSubmit(e)}>
            {problems.general ? <Alert>{problems.general}</Alert> : null}
            <Field
              label={t("fields.email")}
              name="email"
              type="email"
              autoComplete="email"
              inputMode="email"
              spellCheck={false}
              required
              error={problems.fields.email}
            />
            <Button type="submit" busy={loading} className="auth__submit">
              {t("forgotPassword.submit")}
            </Button>
          </form>
        </>
      )}
      <p className="auth__switch">
        <Link to="/login">{t("forgotPassword.back")}</Link>
      </p>
    </div>
  );
}
