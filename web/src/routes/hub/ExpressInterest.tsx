import { useMutation } from "@apollo/client/react";
import { PARTNER_INTEREST_MESSAGE_MAX } from "@pratica/rules";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { byFieldName, useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import type { ConsortiumRole } from "../../gql/graphql";
import { Alert } from "../../ui/Alert";
import { Field, SelectField } from "../../ui/Field";
import { FormActions } from "../../ui/FormActions";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
import { CONSORTIUM_ROLES } from "./PublishSearch";

const expressMutation = graphql(`
  mutation ExpressInterest($input: ExpressInterestInput!) {
    expressInterest(input: $input) {
      id
      status
    }
  }
`);

interface Props {
  searchId: string;
  /** The organisations the viewer represents, other than the publisher. */
  organizations: readonly { id: string; name: string }[];
  onDone: () => void;
}

/** "Express interest": for which organisation, in which role, with a message (checked against the limit first). */
export function ExpressInterest({ searchId, organizations, onDone }: Props) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [organizationId, setOrganizationId] = useState(organizations[0]?.id ?? "");
  const [role, setRole] = useState<ConsortiumRole>("PARTNER");
  const [message, setMessage] = useState("");
  const [tooLong, setTooLong] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [express, { loading, error, reset }] = useMutation(expressMutation);
  const formProblems = useFormProblems();
  useFocusFirstInvalid(formRef, attempt);
  const server = error ? byFieldName(formProblems(error)) : { fields: {}, general: null };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const over = message.trim().length > PARTNER_INTEREST_MESSAGE_MAX;
    setTooLong(over);
    setAttempt((n) => n + 1);
    if (over) return;
    try {
      await express({ variables: { input: { searchId, organizationId, role, message: message.trim() || null } } });
      setMessage("");
      onDone();
    } catch {
      setAttempt((n) => n + 1);
    }
  }

  return (
    <form
      ref={formRef}
      className="hub-form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-labelledby="hub-express-title"
    >
      <h2 id="hub-express-title">{t("hub.interest.expressTitle")}</h2>
      <SelectField
        label={t("hub.publish.organization")}
        value={organizationId}
        onChange={(e) => setOrganizationId(e.target.value)}
        error={server.fields.organizationId}
      >
        {organizations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("hub.interest.role")}
        value={role}
        onChange={(e) => setRole(e.target.value as ConsortiumRole)}
        error={server.fields.role}
      >
        {CONSORTIUM_ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`hub.roles.${r}`)}
          </option>
        ))}
      </SelectField>
      <Field
        multiline
        label={t("hub.interest.message")}
        value={message}
        rows={4}
        onChange={(e) => setMessage(e.target.value)}
        error={tooLong ? t("hub.tooLong", { max: PARTNER_INTEREST_MESSAGE_MAX }) : server.fields.message}
      />
      {server.general ? <Alert title={server.general} /> : null}
      <FormActions
        submitLabel={t("hub.interest.express")}
        busy={loading}
        onCancel={() => {
          setMessage("");
          reset();
        }}
      />
    </form>
  );
}
