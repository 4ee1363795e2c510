import { useMutation } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldProblem } from "../../app/errors";
import { graphql } from "../../gql";
import type { Locale } from "../../gql/graphql";
import { currentLanguage } from "../../i18n";
import { ActionProblem } from "../../ui/ActionProblem";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field, SelectField } from "../../ui/Field";

const inviteMutation = graphql(`
  mutation InviteOrganizationMember($input: InviteOrganizationMemberInput!) {
    inviteOrganizationMember(input: $input)
  }
`);

/** A representative invites a colleague as a member of the organisation; the email is in the language chosen. */
export function InviteColleague({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [locale, setLocale] = useState<Locale>(currentLanguage());
  const [sent, setSent] = useState<string | null>(null);
  const [invite, state] = useMutation(inviteMutation);
  const emailError = fieldProblem(state.error, "email");

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSent(null);
    try {
      await invite({ variables: { input: { organizationId, email: email.trim(), locale } } });
    } catch {
      return; // shown below
    }
    setSent(email.trim());
    setEmail("");
  }

  return (
    <section aria-labelledby="invite-title">
      <h2 id="invite-title">{t("organization.invite.title")}</h2>
      <p>{t("organization.invite.intro")}</p>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <Field
          type="email"
          autoComplete="off"
          label={t("organization.invite.email")}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={emailError}
          required
        />
        <SelectField
          label={t("organization.invite.language")}
          value={locale}
          onChange={(event) => setLocale(event.target.value as Locale)}
        >
          <option value="it">Italiano</option>
          <option value="en">English</option>
        </SelectField>
        {emailError ? null : <ActionProblem error={state.error} />}
        <p className="actions">
          <Button type="submit" busy={state.loading}>
            {t("organization.invite.submit")}
          </Button>
        </p>
        {sent ? <Alert tone="success">{t("organization.invite.sent", { email: sent })}</Alert> : null}
      </form>
    </section>
  );
}
