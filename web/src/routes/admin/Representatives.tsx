import { useMutation, useQuery } from "@apollo/client/react";
import { EMAIL_MAX } from "@pratica/rules";
import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type FormProblems, useFormProblems, useProblemMessage } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field, SelectField } from "../../ui/Field";
import { Loading } from "../../ui/Loading";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
import { isEmail } from "../../ui/validation";
import { adminFieldMessages } from "./problems";

const representativesQuery = graphql(`
  query AdminRepresentatives($slug: String!) {
    organization(slug: $slug) {
      id
      representativeMemberships {
        id
        user {
          id
          displayName
          email
        }
      }
    }
  }
`);

const inviteMutation = graphql(`
  mutation AdminInviteRepresentative($input: InviteRepresentativeInput!) {
    inviteRepresentative(input: $input)
  }
`);

const removeMutation = graphql(`
  mutation AdminRemoveRepresentative($organizationId: ID!, $userId: ID!) {
    removeRepresentative(organizationId: $organizationId, userId: $userId)
  }
`);

/** An organisation's representatives, with removal, and the invitation that adds one. */
export function Representatives({ organization }: { organization: { id: string; slug: string; name: string } }) {
  const { t } = useTranslation();
  const headingId = useId();
  const problemMessage = useProblemMessage();
  const formProblems = useFormProblems();
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  const [problems, setProblems] = useState<FormProblems>({ fields: {}, general: null });
  const [status, setStatus] = useState<string | null>(null);
  const { data, loading, refetch } = useQuery(representativesQuery, {
    variables: { slug: organization.slug },
    fetchPolicy: "cache-and-network",
  });
  const [invite, inviting] = useMutation(inviteMutation);
  const [remove] = useMutation(removeMutation);
  useFocusFirstInvalid(formRef, attempt);

  async function onInvite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const email = String(form.get("email") ?? "").trim();
    const locale = String(form.get("locale") ?? "it") as "it" | "en";
    setStatus(null);
    if (!isEmail(email)) {
      setProblems({ fields: { email: t("admin.problems.email") }, general: null });
      setAttempt((n) => n + 1);
      return;
    }
    setProblems({ fields: {}, general: null });
    try {
      await invite({ variables: { input: { organizationId: organization.id, email, locale } } });
      setStatus(t("admin.organizations.invited", { email }));
      formElement.reset();
    } catch (error) {
      setProblems(formProblems(error, { fields: adminFieldMessages(t) }));
      setAttempt((n) => n + 1);
    }
  }

  async function onRemove(userId: string, name: string) {
    setStatus(null);
    try {
      await remove({ variables: { organizationId: organization.id, userId } });
      await refetch();
      setStatus(t("admin.organizations.removed", { name }));
    } catch (error) {
      setProblems({ fields: {}, general: problemMessage(error) });
    }
  }

  const reps = data?.organization?.representativeMemberships ?? [];
  return (
    <section className="admin__form" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t("admin.organizations.representatives")} — {organization.name}
      </h3>
      {status ? <Alert tone="success">{status}</Alert> : null}
      {loading && !data ? (
        <Loading />
      ) : reps.length === 0 ? (
        <p>{t("admin.organizations.noRepresentatives")}</p>
      ) : (
        <ul className="admin__list">
          {reps.map((r) => (
            <li key={r.id} className="admin__row">
              <div className="admin__row-main">
                <span className="admin__row-title">{r.user.displayName}</span>
                <span className="admin__row-meta">{r.user.email}</span>
              </div>
              <Button
                size="sm"
                variant="danger"
                aria-label={t("admin.organizations.removeLabel", { name: r.user.displayName })}
                onClick={() => void onRemove(r.user.id, r.user.displayName)}
              >
                {t("admin.organizations.remove")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form ref={formRef} noValidate onSubmit={(e) => void onInvite(e)}>
        <h4>{t("admin.organizations.invite")}</h4>
        {problems.general ? <Alert>{problems.general}</Alert> : null}
        <div className="admin__pair">
          <Field
            type="email"
            label={t("admin.fields.email")}
            hint={t("admin.organizations.inviteHint")}
            name="email"
            autoComplete="off"
            spellCheck={false}
            maxLength={EMAIL_MAX}
            required
            error={problems.fields.email}
          />
          <SelectField label={t("admin.fields.language")} name="locale" defaultValue="it">
            <option value="it">{t("admin.languages.it")}</option>
            <option value="en">{t("admin.languages.en")}</option>
          </SelectField>
        </div>
        <div className="admin__actions">
          <Button type="submit" busy={inviting.loading}>
            {t("admin.organizations.inviteSubmit")}
          </Button>
        </div>
      </form>
    </section>
  );
}
