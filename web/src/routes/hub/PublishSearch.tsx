import { useMutation } from "@apollo/client/react";
import {
  PARTNER_SEARCH_COUNTRIES_MAX,
  PARTNER_SEARCH_DESCRIPTION_MAX,
  PARTNER_SEARCH_EXPERTISE_MAX,
} from "@pratica/rules";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { byFieldName, useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import type { ConsortiumRole, PartnerSearchKind } from "../../gql/graphql";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field, SelectField } from "../../ui/Field";
import { FormActions } from "../../ui/FormActions";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
import { CountryChoices } from "./CountryChoices";

const publishMutation = graphql(`
  mutation PublishPartnerSearch($input: PublishPartnerSearchInput!) {
    publishPartnerSearch(input: $input) {
      id
    }
  }
`);

export const CONSORTIUM_ROLES = ["LEAD", "PARTNER", "ASSOCIATED"] as const satisfies readonly ConsortiumRole[];
const KINDS = ["SEEKING", "OFFERING"] as const satisfies readonly PartnerSearchKind[];

interface Props {
  callId: string;
  /** The organisations the viewer represents (and that have not withdrawn). */
  organizations: readonly { id: string; name: string }[];
}

/** "Publish a partner search": closed until asked for; checked against the rules' limits before sending. */
export function PublishSearch({ callId, organizations }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [open, setOpen] = useState(false);
  const [organizationId, setOrganizationId] = useState(organizations[0]?.id ?? "");
  const [kind, setKind] = useState<PartnerSearchKind>("SEEKING");
  const [role, setRole] = useState<ConsortiumRole>("PARTNER");
  const [expertise, setExpertise] = useState("");
  const [countries, setCountries] = useState<string[]>([]);
  const [description, setDescription] = useState("");
  const [local, setLocal] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const [publish, { loading, error }] = useMutation(publishMutation);
  const formProblems = useFormProblems();
  useFocusFirstInvalid(formRef, attempt);

  if (!open)
    return (
      <p>
        <Button onClick={() => setOpen(true)}>{t("hub.publish.open")}</Button>
      </p>
    );

  const server = error ? byFieldName(formProblems(error)) : { fields: {}, general: null };
  const fieldError = (name: string) => local[name] ?? server.fields[name];

  function check(): Record<string, string> {
    const problems: Record<string, string> = {};
    if (!expertise.trim()) problems.expertise = t("hub.publish.expertiseRequired");
    else if (expertise.trim().length > PARTNER_SEARCH_EXPERTISE_MAX)
      problems.expertise = t("hub.tooLong", { max: PARTNER_SEARCH_EXPERTISE_MAX });
    if (description.trim().length > PARTNER_SEARCH_DESCRIPTION_MAX)
      problems.description = t("hub.tooLong", { max: PARTNER_SEARCH_DESCRIPTION_MAX });
    if (countries.length > PARTNER_SEARCH_COUNTRIES_MAX)
      problems.countries = t("hub.publish.tooManyCountries", { max: PARTNER_SEARCH_COUNTRIES_MAX });
    return problems;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = check();
    setLocal(problems);
    setAttempt((n) => n + 1);
    if (Object.keys(problems).length > 0) return;
    try {
      const result = await publish({
        variables: {
          input: {
            organizationId,
            callId,
            kind,
            role,
            expertise: expertise.trim(),
            countries,
            description: description.trim() || null,
          },
        },
      });
      const id = result.data?.publishPartnerSearch.id;
      if (id) navigate(`/hub/searches/${id}`);
    } catch {
      // Shown beside the fields or above the buttons.
      setAttempt((n) => n + 1);
    }
  }

  return (
    <form
      ref={formRef}
      className="hub-form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-labelledby="hub-publish-title"
    >
      <h3 id="hub-publish-title">{t("hub.publish.title")}</h3>
      <SelectField
        label={t("hub.publish.organization")}
        value={organizationId}
        onChange={(e) => setOrganizationId(e.target.value)}
        error={fieldError("organizationId")}
      >
        {organizations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <fieldset className="hub-radios">
        <legend className="field__label">{t("hub.publish.kind")}</legend>
        {KINDS.map((k) => (
          <label key={k}>
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {t(`hub.kinds.${k}`)}
          </label>
        ))}
      </fieldset>
      <SelectField
        label={t("hub.publish.role")}
        value={role}
        onChange={(e) => setRole(e.target.value as ConsortiumRole)}
        error={fieldError("role")}
      >
        {CONSORTIUM_ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`hub.roles.${r}`)}
          </option>
        ))}
      </SelectField>
      <Field
        multiline
        label={t("hub.publish.expertise")}
        hint={t("hub.publish.expertiseHint")}
        value={expertise}
        required
        rows={3}
        onChange={(e) => setExpertise(e.target.value)}
        error={fieldError("expertise")}
      />
      <CountryChoices value={countries} onChange={setCountries} error={fieldError("countries")} />
      <Field
        multiline
        label={t("hub.publish.description")}
        value={description}
        rows={5}
        onChange={(e) => setDescription(e.target.value)}
        error={fieldError("description")}
      />
      {server.general ? <Alert title={server.general} /> : null}
      <FormActions submitLabel={t("hub.publish.submit")} busy={loading} onCancel={() => setOpen(false)} />
    </form>
  );
}
