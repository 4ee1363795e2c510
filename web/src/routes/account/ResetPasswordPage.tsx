import { useMutation } from "@apollo/client/react";
import { PASSWORD_MIN } from "@pratica/rules";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { resetSession } from "../../app/apollo/client";
import { usePageTitle } from "../../app/usePageTitle";
import { useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { useFormRefusals } from "../../ui/useFormRefusals";
import { type LinkRefusal, linkRefusal, useLinkToken } from "./tokenLink";
import "../auth/auth.css";

const resetPasswordMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      user {
        id
        displayName
        role
      }
    }
  }
`);

/** Where the reset email's link leads: a new password, then every device is logged out and this one in. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t("resetPassword.title"));
  const token = useLinkToken();
  const navigate = useNavigate();
  const formProblems = useFormProblems();
  const { formRef, problems, refuse, clearProblems } = useFormRefusals();
  const [reset, { loading }] = useMutation(resetPasswordMutation);
  const [refused, setRefused] = useState<LinkRefusal | null>(token ? null : "UNKNOWN");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    if (password.length < PASSWORD_MIN) {
      return refuse({ fields: { password: t("validation.password", { min: PASSWORD_MIN }) }, general: null });
    }
    clearProblems();
    try {
      await reset({ variables: { input: { token: token ?? "", password } } });
    } catch (error) {
      const refusal = linkRefusal(error);
      if (refusal) return setRefused(refusal);
      return refuse(formProblems(error));
    }
    await resetSession();
    await navigate("/", { replace: true });
  }

  return (
    <div className="container page page--narrow auth">
      <h1>{t("resetPassword.title")}</h1>
      {refused ? (
        <Alert action={<Link to="/forgot-password">{t("resetPassword.askAgain")}</Link>}>
          {t(`tokenLink.${refused}`)}
        </Alert>
      ) : (
        <>
          <p className="auth__intro">{t("resetPassword.intro")}</p>
          <form ref={formRef} className="auth__form card" noValidate onSubmit={(e) => void onSubmit(e)}>
            {problems.general ? <Alert>{problems.general}</Alert> : null}
            <Field
              label={t("resetPassword.newPassword")}
              hint={t("validation.password", { min: PASSWORD_MIN })}
              name="password"
              type="password"
              autoComplete="new-password"
              required
              error={problems.fields.password}
            />
            <Button type="submit" busy={loading} className="auth__submit">
              {t("resetPassword.submit")}
            </Button>
          </form>
        </>
      )}
    </div>
  );
}
