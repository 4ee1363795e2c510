import { useQuery } from "@apollo/client/react";
import { SDGS, THEMES } from "@pratica/rules";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import { FieldError } from "../../ui/Field";
import type { Application } from "./application.fragment";

const applicationCommunitiesQuery = graphql(`
  query ApplicationCommunities {
    communities {
      id
      name
    }
  }
`);

interface ChoiceGroupProps {
  legend: string;
  name: string;
  options: { value: string; label: string; checked: boolean }[];
  error?: string | undefined;
}

/** Checkboxes under one legend, sent as repeated `name` values; the api's refusal of the list below them. */
function ChoiceGroup({ legend, name, options, error }: ChoiceGroupProps) {
  const errorId = `${useId()}-error`;
  return (
    <fieldset
      className="application-form__group application-form__choices"
      aria-describedby={error ? errorId : undefined}
    >
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value}>
          <input type="checkbox" name={name} value={option.value} defaultChecked={option.checked} />
          <span>{option.label}</span>
        </label>
      ))}
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
    </fieldset>
  );
}

interface ApplicationChoicesProps {
  application: Application | null | undefined;
  fieldError: (name: string) => string | undefined;
}

/** What the organisation works on (themes, 2030 Agenda goals) and the communities that interest it. */
export function ApplicationChoices({ application: a, fieldError }: ApplicationChoicesProps) {
  const { t, i18n } = useTranslation();
  const communities = useQuery(applicationCommunitiesQuery);
  const language = i18n.language.startsWith("it") ? "it" : "en";
  return (
    <>
      <ChoiceGroup
        legend={t("joining.fields.themes")}
        name="themes"
        options={THEMES.map((theme) => ({
          value: theme.key,
          label: theme[language],
          checked: a?.themes.some((chosen) => chosen.key === theme.key) ?? false,
        }))}
        error={fieldError("themes")}
      />
      <ChoiceGroup
        legend={t("joining.fields.sdgs")}
        name="sdgs"
        options={SDGS.map((sdg) => ({
          value: String(sdg.n),
          label: `${sdg.n}. ${sdg[language]}`,
          checked: a?.sdgs.some((chosen) => chosen.number === sdg.n) ?? false,
        }))}
        error={fieldError("sdgs")}
      />
      <ChoiceGroup
        legend={t("joining.fields.communities")}
        name="communityIds"
        options={(communities.data?.communities ?? []).map((community) => ({
          value: community.id,
          label: community.name,
          checked: a?.communities.some((chosen) => chosen.id === community.id) ?? false,
        }))}
        error={fieldError("communityIds")}
      />
    </>
  );
}
