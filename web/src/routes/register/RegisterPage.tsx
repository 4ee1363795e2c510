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
import { DISPLAY_NAME_MAX, isDisplayName, isEmail, PASSWORD_MIN } from "../../ui/validation";
import "./auth.css";

const registerMutation = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      user {
        id
        displayName
        role
      }
    }
  }
`);

export function RegisterPage() {
  const { t } = useTranslation();
  usePageTitle(t("register.title"));
  const navigate = useNavigate();
  const location = useLocation();
  const formProblems = useFormProblems();
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  const [problems, setProblems] = useState<FormProblems>({ fields: {}, general: null });
  const [register, { loading }] = useMutation(registerMutation);
  useFocusFirstInvalid(formRef, attempt);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const displayName = String(form.get("displayName") ?? "").trim();
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");

    const fields: Record<string, string> = {};
    if (!isDisplayName(displayName)) fields.displayName = t("validation.displayName");
    if (!isEmail(email)) fields.email = t("validation.email");
    if (password.length < PASSWORD_MIN) fields.password = t("validation.password", { min: PASSWORD_MIN });
    if (Object.keys(fields).length > 0) {
      setProblems({ fields, general: null });
      setAttempt((n) => n + 1);
      return;
    }

    setProblems({ fields: {}, general: null });
    try {
      await register({ variables: { input: { displayName, email, password } } });
    } catch (error) {
      setProblems(
        formProblems(error, {
          // The address was checked before sending, so a refusal of it means it is taken.
          fields: { email: t("validation.emailTaken") },
          codes: { CONFLICT: t("validation.emailTaken") },
        }),
      );
      setAttempt((n) => n + 1);
      return;
    }
    await resetSession();
    await navigate(returnPath(location.state), { replace: true });
  }

  return (
    <div className="container page page--narrow auth">
      <h1>{t("register.title")}</h1>
      <p className="auth__intro">{t("register.intro")}</p>
      <form ref={formRef} className="auth__form card" noValidate onSubmit={(e) => void onSubmit(e)}>
        {problems.general ? <Alert>{problems.general}</Alert> : null}
        <Field
          label={t("fields.displayName")}
          hint={t("register.displayNameHint")}
          name="displayName"
          autoComplete="name"
          maxLength={DISPLAY_NAME_MAX}
          required
          error={problems.fields.displayName}
        />
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
          hint={t("register.passwordHint", { min: PASSWORD_MIN })}
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={PASSWORD_MIN}
          required
          error={problems.fields.password}
        />
        <Button type="submit" busy={loading} className="auth__submit">
          {t("register.submit")}
        </Button>
      </form>
      <p className="auth__switch">
        {t("register.haveAccount")}{" "}
        <Link to="/login" state={location.state}>
          {t("register.loginLink")}
        </Link>
      </p>
    </div>
  );
}
