import { useMutation } from "@apollo/client/react";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { resetSession } from "../../app/apollo/client";
import { returnPath } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { type FormProblems, useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
import { isEmail } from "../../ui/validation";
import "../register/auth.css";

const loginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      user {
        id
        displayName
        role
      }
    }
  }
`);

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t("login.title"));
  const navigate = useNavigate();
  const location = useLocation();
  const formProblems = useFormProblems();
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  const [problems, setProblems] = useState<FormProblems>({ fields: {}, general: null });
  const [login, { loading }] = useMutation(loginMutation);
  useFocusFirstInvalid(formRef, attempt);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");

    const fields: Record<string, string> = {};
    if (!isEmail(email)) fields.email = t("validation.email");
    if (!password) fields.password = t("validation.passwordRequired");
    if (Object.keys(fields).length > 0) {
      setProblems({ fields, general: null });
      setAttempt((n) => n + 1);
      return;
    }

    setProblems({ fields: {}, general: null });
    try {
      await login({ variables: { input: { email, password } } });
    } catch (error) {
      setProblems(formProblems(error, { codes: { UNAUTHENTICATED: t("login.invalidCredentials") } }));
      setAttempt((n) => n + 1);
      return;
    }
    await resetSession();
    await navigate(returnPath(location.state), { replace: true });
  }

  return (
    <div className="container page page--narrow auth">
      <h1>{t("login.title")}</h1>
      <p className="auth__intro">{t("login.intro")}</p>
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
        <Field
          label={t("fields.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={problems.fields.password}
        />
        <Button type="submit" busy={loading} className="auth__submit">
          {t("login.submit")}
        </Button>
      </form>
      <p className="auth__switch">
        {t("login.noAccount")}{" "}
        <Link to="/register" state={location.state}>
          {t("login.registerLink")}
        </Link>
      </p>
    </div>
  );
}
