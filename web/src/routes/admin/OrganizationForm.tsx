import { useMutation } from "@apollo/client/react";
import {
  ORGANIZATION_ADDRESS_MAX,
  ORGANIZATION_DESCRIPTION_MAX,
  ORGANIZATION_NAME_MAX,
  SLUG_MAX,
  SLUG_PATTERN,
  WEBSITE_MAX,
} from "@pratica/rules";
import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiProblems } from "../../app/errors";
import { type FormProblems, useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import type { OrganizationCategory } from "../../gql/graphql";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field, SelectField } from "../../ui/Field";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
import { adminFieldMessages } from "./problems";

export const adminOrganizationFragment = graphql(`
  fragment AdminOrganizationFields on Organization {
    id
    slug
    name
    nameIt
    nameEn
    descriptionIt
    descriptionEn
    category
    website
    address
    latitude
    longitude
    memorandumSignedOn
    updatedAt
  }
`);

const createOrganizationMutation = graphql(`
  mutation AdminCreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      ...AdminOrganizationFields
    }
  }
`);

const updateOrganizationMutation = graphql(`
  mutation AdminUpdateOrganization($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      ...AdminOrganizationFields
    }
  }
`);

export const CATEGORIES: readonly OrganizationCategory[] = [
  "PUBLIC_SECTOR",
  "FINANCE_AND_PHILANTHROPY",
  "SKILLS_AND_FACILITIES",
  "THIRD_SECTOR_AND_CULTURE",
  "RESEARCH_AND_TECH_TRANSFER",
  "INCUBATORS_AND_ACCELERATORS",
  "PRIVATE_SECTOR",
  "PROFESSIONAL_ORDERS",
];

export interface OrganizationValues {
  id: string;
  slug: string;
  name: string;
  nameIt: string;
  nameEn: string;
  descriptionIt?: string | null;
  descriptionEn?: string | null;
  category: OrganizationCategory;
  website?: string | null;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  memorandumSignedOn?: string | null;
  updatedAt: string;
}

interface OrganizationFormProps {
  organization: OrganizationValues | null;
  onDone: (message: string) => void;
  onCancel: () => void;
  /** On a CONFLICT: the parent reads it again and remounts the form with `notice`. */
  onStale: () => Promise<unknown>;
  notice?: string | null;
}

const coordinate = (text: string): number | null => (text === "" ? null : Number(text.replace(",", ".")));

export function OrganizationForm({ organization, onDone, onCancel, onStale, notice = null }: OrganizationFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const formProblems = useFormProblems();
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  const [problems, setProblems] = useState<FormProblems>({ fields: {}, general: notice });
  const [create, creating] = useMutation(createOrganizationMutation);
  const [update, updating] = useMutation(updateOrganizationMutation);
  useFocusFirstInvalid(formRef, attempt);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "").trim();
    const input = {
      slug: value("slug"),
      nameIt: value("nameIt"),
      nameEn: value("nameEn"),
      descriptionIt: value("descriptionIt"),
      descriptionEn: value("descriptionEn"),
      category: value("category") as OrganizationCategory,
      website: value("website"),
      address: value("address"),
      latitude: coordinate(value("latitude")),
      longitude: coordinate(value("longitude")),
      memorandumSignedOn: value("memorandumSignedOn") || null,
    };
    const messages = adminFieldMessages(t);
    const fields: Record<string, string> = {};
    if (!SLUG_PATTERN.test(input.slug) || input.slug.length < 3) fields.slug = messages.slug ?? "";
    if (!input.nameIt) fields.nameIt = messages.nameIt ?? "";
    if (!input.nameEn) fields.nameEn = messages.nameEn ?? "";
    if (input.latitude !== null && !(Math.abs(input.latitude) <= 90)) fields.latitude = messages.latitude ?? "";
    if (input.longitude !== null && !(Math.abs(input.longitude) <= 180)) fields.longitude = messages.longitude ?? "";
    if ((input.latitude === null) !== (input.longitude === null)) fields.longitude = messages.longitude ?? "";
    if (Object.keys(fields).length > 0) {
      setProblems({ fields, general: t("admin.invalid") });
      setAttempt((n) => n + 1);
      return;
    }
    setProblems({ fields: {}, general: null });
    try {
      if (organization) {
        await update({
          variables: { input: { ...input, id: organization.id, expectedUpdatedAt: organization.updatedAt } },
        });
        onDone(t("admin.saved"));
      } else {
        await create({ variables: { input } });
        onDone(t("admin.organizations.created"));
      }
    } catch (error) {
      if (apiProblems(error)[0]?.code === "CONFLICT") {
        await onStale();
        return;
      }
      setProblems(formProblems(error, { fields: messages }));
      setAttempt((n) => n + 1);
    }
  }

  const o = organization;
  return (
    <form
      ref={formRef}
      noValidate
      className="admin__form"
      aria-labelledby={headingId}
      onSubmit={(e) => void onSubmit(e)}
    >
      <h2 id={headingId}>{o ? t("admin.organizations.editTitle", { name: o.name }) : t("admin.organizations.new")}</h2>
      {problems.general ? <Alert>{problems.general}</Alert> : null}
      <p className="admin__intro">{t("admin.bothLanguagesHint")}</p>
      <div className="admin__pair">
        <Field
          label={t("admin.fields.slug")}
          hint={t("admin.fields.slugHint")}
          name="slug"
          defaultValue={o?.slug ?? ""}
          maxLength={SLUG_MAX}
          spellCheck={false}
          autoCapitalize="none"
          required
          error={problems.fields.slug}
        />
        <SelectField label={t("admin.fields.category")} name="category" defaultValue={o?.category ?? "PRIVATE_SECTOR"}>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`organizations.category.${c}`)}
            </option>
          ))}
        </SelectField>
        <Field
          lang="it"
          label={t("admin.fields.nameIt")}
          name="nameIt"
          defaultValue={o?.nameIt ?? ""}
          maxLength={ORGANIZATION_NAME_MAX}
          required
          error={problems.fields.nameIt}
        />
        <Field
          lang="en"
          label={t("admin.fields.nameEn")}
          name="nameEn"
          defaultValue={o?.nameEn ?? ""}
          maxLength={ORGANIZATION_NAME_MAX}
          required
          error={problems.fields.nameEn}
        />
        <Field
          multiline
          lang="it"
          rows={3}
          label={t("admin.fields.descriptionIt")}
          name="descriptionIt"
          defaultValue={o?.descriptionIt ?? ""}
          maxLength={ORGANIZATION_DESCRIPTION_MAX}
          error={problems.fields.descriptionIt}
        />
        <Field
          multiline
          lang="en"
          rows={3}
          label={t("admin.fields.descriptionEn")}
          name="descriptionEn"
          defaultValue={o?.descriptionEn ?? ""}
          maxLength={ORGANIZATION_DESCRIPTION_MAX}
          error={problems.fields.descriptionEn}
        />
        <Field
          type="url"
          label={t("admin.fields.website")}
          name="website"
          defaultValue={o?.website ?? ""}
          maxLength={WEBSITE_MAX}
          placeholder="https://"
          error={problems.fields.website}
        />
        <Field
          label={t("admin.fields.address")}
          name="address"
          autoComplete="off"
          defaultValue={o?.address ?? ""}
          maxLength={ORGANIZATION_ADDRESS_MAX}
          error={problems.fields.address}
        />
        <Field
          label={t("admin.fields.latitude")}
          name="latitude"
          inputMode="decimal"
          defaultValue={o?.latitude ?? ""}
          error={problems.fields.latitude}
        />
        <Field
          label={t("admin.fields.longitude")}
          name="longitude"
          inputMode="decimal"
          defaultValue={o?.longitude ?? ""}
          error={problems.fields.longitude}
        />
        <Field
          type="date"
          label={t("admin.fields.memorandumSignedOn")}
          name="memorandumSignedOn"
          defaultValue={o?.memorandumSignedOn ?? ""}
          error={problems.fields.memorandumSignedOn}
        />
      </div>
      <div className="admin__actions">
        <Button type="submit" busy={creating.loading || updating.loading}>
          {o ? t("admin.save") : t("admin.organizations.create")}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t("admin.cancel")}
        </Button>
      </div>
    </form>
  );
}
