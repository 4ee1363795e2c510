import { useMutation } from "@apollo/client/react";
import { COMMUNITY_DESCRIPTION_MAX, COMMUNITY_NAME_MAX, COMMUNITY_TAGLINE_MAX } from "@pratica/rules";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import type { CommunityVisibility, JoinPolicy } from "../../gql/graphql";
import { Field, SelectField } from "../../ui/Field";
import { AdminFormShell, BilingualField, SlugField, useAdminForm } from "./adminForm";
import { ThemeChoices } from "./VocabularyChoices";

export const adminCommunityFragment = graphql(`
  fragment AdminCommunityFields on Community {
    id
    slug
    name
    nameIt
    nameEn
    taglineIt
    taglineEn
    descriptionIt
    descriptionEn
    color
    visibility
    joinPolicy
    archived
    updatedAt
    themes {
      key
    }
  }
`);

const createCommunityMutation = graphql(`
  mutation AdminCreateCommunity($input: CreateCommunityInput!) {
    createCommunity(input: $input) {
      ...AdminCommunityFields
    }
  }
`);

const updateCommunityMutation = graphql(`
  mutation AdminUpdateCommunity($input: UpdateCommunityInput!) {
    updateCommunity(input: $input) {
      ...AdminCommunityFields
    }
  }
`);

export interface CommunityValues {
  id: string;
  slug: string;
  name: string;
  nameIt: string;
  nameEn: string;
  taglineIt: string;
  taglineEn: string;
  descriptionIt: string;
  descriptionEn: string;
  color: string;
  visibility: CommunityVisibility;
  joinPolicy: JoinPolicy;
  updatedAt: string;
  themes?: readonly { key: string }[];
}

interface CommunityFormProps {
  /** The community edited; none for a new one. */
  community: CommunityValues | null;
  onDone: (message: string) => void;
  onCancel: () => void;
  /**
   * Called on a CONFLICT: the parent reads the community again and remounts the form (keyed by
   * its `updatedAt`) with the current version and `notice` saying why.
   */
  onStale: () => Promise<unknown>;
  notice?: string | null;
}

/** Both languages side by side, so an admin sees at once what is missing in one of them. */
export function CommunityForm({ community, onDone, onCancel, onStale, notice = null }: CommunityFormProps) {
  const { t } = useTranslation();
  const form = useAdminForm({ notice, onStale });
  const { problems } = form;
  const [create, creating] = useMutation(createCommunityMutation);
  const [update, updating] = useMutation(updateCommunityMutation);

  const onSubmit = (event: FormEvent<HTMLFormElement>) =>
    form.submit(
      event,
      (value, _fields, _messages, values) => ({
        slug: value("slug"),
        nameIt: value("nameIt"),
        nameEn: value("nameEn"),
        taglineIt: value("taglineIt"),
        taglineEn: value("taglineEn"),
        descriptionIt: value("descriptionIt"),
        descriptionEn: value("descriptionEn"),
        color: value("color"),
        visibility: value("visibility") as CommunityVisibility,
        joinPolicy: value("joinPolicy") as JoinPolicy,
        themes: values("themes"),
      }),
      async (input) => {
        if (community) {
          await update({
            variables: { input: { ...input, id: community.id, expectedUpdatedAt: community.updatedAt } },
          });
          onDone(t("admin.saved"));
        } else {
          await create({ variables: { input } });
          onDone(t("admin.communities.created"));
        }
      },
    );

  return (
    <AdminFormShell
      form={form}
      title={community ? t("admin.communities.editTitle", { name: community.name }) : t("admin.communities.new")}
      submitLabel={community ? t("admin.save") : t("admin.communities.create")}
      busy={creating.loading || updating.loading}
      onSubmit={onSubmit}
      onCancel={onCancel}
    >
      <SlugField defaultValue={community?.slug ?? ""} problems={problems} />
      <div className="admin__pair">
        <BilingualField name="name" values={community} problems={problems} maxLength={COMMUNITY_NAME_MAX} required />
        <BilingualField name="tagline" values={community} problems={problems} maxLength={COMMUNITY_TAGLINE_MAX} />
        <BilingualField
          name="description"
          values={community}
          problems={problems}
          maxLength={COMMUNITY_DESCRIPTION_MAX}
          rows={4}
        />
      </div>
      <div className="admin__pair">
        <Field
          type="color"
          label={t("admin.fields.color")}
          name="color"
          defaultValue={community?.color ?? "#1f6f78"}
          error={problems.fields.color}
        />
        <SelectField
          label={t("admin.fields.visibility")}
          name="visibility"
          defaultValue={community?.visibility ?? "PUBLIC"}
        >
          <option value="PUBLIC">{t("admin.visibility.PUBLIC")}</option>
          <option value="MEMBERS">{t("admin.visibility.MEMBERS")}</option>
        </SelectField>
        <SelectField
          label={t("admin.fields.joinPolicy")}
          name="joinPolicy"
          defaultValue={community?.joinPolicy ?? "OPEN"}
        >
          <option value="OPEN">{t("admin.joinPolicy.OPEN")}</option>
          <option value="APPROVAL">{t("admin.joinPolicy.APPROVAL")}</option>
        </SelectField>
      </div>
      <ThemeChoices chosen={community?.themes?.map((theme) => theme.key) ?? []} error={problems.fields.themes} />
    </AdminFormShell>
  );
}
