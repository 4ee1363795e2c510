import { useMutation } from "@apollo/client/react";
import { DISPLAY_NAME_MAX, PASSWORD_MIN } from "@pratica/rules";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../app/usePageTitle";
import { useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import { Field } from "../../ui/Field";
import { isDisplayName, isEmail } from "../../ui/validation";
import { AuthLayout } from "../auth/AuthLayout";
import { useAuthForm } from "../auth/useAuthForm";

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
  const formProblems = useFormProblems();
  const [register, { loading }] = useMutation(registerMutation);
  const { formRef, problems, onSubmit } = useAuthForm({
    read: (form) => ({
      displayName: String(form.get("displayName") ?? "").trim(),
      email: String(form.get("email") ?? "").trim(),
      password: String(form.get("password") ?? ""),
    }),
    validate: ({ displayName, email, password }) => {
      const fields: Record<string, string> = {};
      if (!isDisplayName(displayName)) fields.displayName = t("validation.displayName");
      if (!isEmail(email)) fields.email = t("validation.email");
      if (password.length < PASSWORD_MIN) fields.password = t("validation.password", { min: PASSWORD_MIN });
      return fields;
    },
    send: (input) => register({ variables: { input } }),
    problemsOf: (error) =>
      formProblems(error, {
        // The address was checked before sending, so a refusal of it means it is taken.
        fields: { email: t("validation.emailTaken") },
        codes: { CONFLICT: t("validation.emailTaken") },
      }),
  });

  return (
    <AuthLayout
      title={t("register.title")}
      intro={t("register.intro")}
      formRef={formRef}
      onSubmit={onSubmit}
      general={problems.general}
      submitLabel={t("register.submit")}
      busy={loading}
      switchQuestion={t("register.haveAccount")}
      switchLabel={t("register.loginLink")}
      switchTo="/login"
    >
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
    </AuthLayout>
  );
}
