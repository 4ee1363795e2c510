import { useMutation } from "@apollo/client/react";
import {
  DISTRICT_MAX,
  ORGANIZATION_ADDRESS_MAX,
  ORGANIZATION_DESCRIPTION_MAX,
  ORGANIZATION_NAME_MAX,
  WEBSITE_MAX,
} from "@pratica/rules";
import { type FormEvent, lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { ORGANIZATION_CATEGORIES } from "../../app/organizationCategories";
import { graphql } from "../../gql";
import type { OrganizationCategory } from "../../gql/graphql";
import { Button } from "../../ui/Button";
import { Field, SelectField } from "../../ui/Field";
import { Loading } from "../../ui/Loading";
import { AdminFormShell, BilingualField, SlugField, useAdminForm } from "./adminForm";
import { SdgChoices, ThemeChoices } from "./VocabularyChoices";

// Leaflet loads with the form that needs it, not with the admin area.
const PointPicker = lazy(() => import("./PointPicker"));

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
    district
    themes {
      key
    }
    sdgs {
      number
    }
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
  district?: string | null;
  themes?: readonly { key: string }[];
  sdgs?: readonly { number: number }[];
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
  const form = useAdminForm({ notice, onStale });
  const { problems } = form;
  const [create, creating] = useMutation(createOrganizationMutation);
  const [update, updating] = useMutation(updateOrganizationMutation);
  // Controlled, so that a click on the map fills them; typing stays the keyboard's way in.
  const [latitude, setLatitude] = useState(organization?.latitude != null ? String(organization.latitude) : "");
  const [longitude, setLongitude] = useState(organization?.longitude != null ? String(organization.longitude) : "");
  const pickedLatitude = coordinate(latitude);
  const pickedLongitude = coordinate(longitude);
  const validPoint =
    pickedLatitude !== null &&
    pickedLongitude !== null &&
    Math.abs(pickedLatitude) <= 90 &&
    Math.abs(pickedLongitude) <= 180;

  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(
      event,
      (value, fields, messages, values) => {
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
          district: value("district") || null,
          themes: values("themes"),
          sdgs: values("sdgs").map(Number),
        };
        if (input.latitude !== null && !(Math.abs(input.latitude) <= 90)) fields.latitude = messages.latitude ?? "";
        if (input.longitude !== null && !(Math.abs(input.longitude) <= 180))
          fields.longitude = messages.longitude ?? "";
        if ((input.latitude === null) !== (input.longitude === null)) fields.longitude = messages.longitude ?? "";
        return input;
      },
      async (input) => {
        if (organization) {
          await update({
            variables: { input: { ...input, id: organization.id, expectedUpdatedAt: organization.updatedAt } },
          });
          onDone(t("admin.saved"));
        } else {
          await create({ variables: { input } });
          onDone(t("admin.organizations.created"));
        }
      },
    );

  const o = organization;
  return (
    <AdminFormShell
      form={form}
      title={o ? t("admin.organizations.editTitle", { name: o.name }) : t("admin.organizations.new")}
      submitLabel={o ? t("admin.save") : t("admin.organizations.create")}
      busy={creating.loading || updating.loading}
      onSubmit={onSubmit}
      onCancel={onCancel}
    >
      <div className="admin__pair">
        <SlugField defaultValue={o?.slug ?? ""} problems={problems} />
        <SelectField label={t("admin.fields.category")} name="category" defaultValue={o?.category ?? "PRIVATE_SECTOR"}>
          {ORGANIZATION_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`organizations.category.${c}`)}
            </option>
          ))}
        </SelectField>
        <BilingualField name="name" values={o} problems={problems} maxLength={ORGANIZATION_NAME_MAX} required />
        <BilingualField
          name="description"
          values={o}
          problems={problems}
          maxLength={ORGANIZATION_DESCRIPTION_MAX}
          rows={3}
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
          label={t("admin.fields.district")}
          name="district"
          autoComplete="off"
          defaultValue={o?.district ?? ""}
          maxLength={DISTRICT_MAX}
          error={problems.fields.district}
        />
        <Field
          label={t("admin.fields.latitude")}
          name="latitude"
          inputMode="decimal"
          value={latitude}
          onChange={(event) => setLatitude(event.target.value)}
          error={problems.fields.latitude}
        />
        <Field
          label={t("admin.fields.longitude")}
          name="longitude"
          inputMode="decimal"
          value={longitude}
          onChange={(event) => setLongitude(event.target.value)}
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
      <div className="admin__point">
        <p className="admin__intro">{t("map.pickerHint")}</p>
        <Suspense fallback={<Loading />}>
          <PointPicker
            latitude={validPoint ? pickedLatitude : null}
            longitude={validPoint ? pickedLongitude : null}
            onPick={(lat, lng) => {
              setLatitude(String(lat));
              setLongitude(String(lng));
            }}
          />
        </Suspense>
        {latitude || longitude ? (
          <p>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => {
                setLatitude("");
                setLongitude("");
              }}
            >
              {t("map.clearPoint")}
            </Button>
          </p>
        ) : null}
      </div>
      <ThemeChoices chosen={o?.themes?.map((theme) => theme.key) ?? []} error={problems.fields.themes} />
      <SdgChoices chosen={o?.sdgs?.map((sdg) => sdg.number) ?? []} error={problems.fields.sdgs} />
    </AdminFormShell>
  );
}
