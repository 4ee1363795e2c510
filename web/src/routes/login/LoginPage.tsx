import { useMutation } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import { Field } from "../../ui/Field";
import { isEmail } from "../../ui/validation";
import { AuthLayout } from "../auth/AuthLayout";
import { useAuthForm } from "../auth/useAuthForm";

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
  const formProblems = useFormProblems();
  const [login, { loading }] = useMutation(loginMutation);
  const { formRef, problems, onSubmit } = useAuthForm({
    read: (form) => ({
      email: String(form.get("email") ?? "").trim(),
      password: String(form.get("password") ?? ""),
    }),
    validate: ({ email, password }) => {
      const fields: Record<string, string> = {};
      if (!isEmail(email)) fields.email = t("validation.email");
      if (!password) fields.password = t("validation.passwordRequired");
      return fields;
    },
    send: (input) => login({ variables: { input } }),
    problemsOf: (error) => formProblems(error, { codes: { UNAUTHENTICATED: t("login.invalidCredentials") } }),
  });

  return (
    <AuthLayout
      title={t("login.title")}
      intro={t("login.intro")}
      formRef={formRef}
      onSubmit={onSubmit}
      general={problems.general}
      submitLabel={t("login.submit")}
      busy={loading}
      switchQuestion={t("login.noAccount")}
      switchLabel={t("login.registerLink")}
      switchTo="/register"
    >
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
      <p className="auth__forgot">
        <Link to="/forgot-password">{t("forgotPassword.link")}</Link>
      </p>
    </AuthLayout>
  );
}
