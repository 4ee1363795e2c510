import { useMutation } from "@apollo/client/react";
import {
  COMMUNITY_DESCRIPTION_MAX,
  COMMUNITY_NAME_MAX,
  COMMUNITY_TAGLINE_MAX,
  SLUG_MAX,
  SLUG_PATTERN,
} from "@pratica/rules";
import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiProblems } from "../../app/errors";
import { type FormProblems, useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import type { CommunityVisibility, JoinPolicy } from "../../gql/graphql";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field, SelectField } from "../../ui/Field";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
import { adminFieldMessages } from "./problems";

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
  const headingId = useId();
  const formProblems = useFormProblems();
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  const [problems, setProblems] = useState<FormProblems>({ fields: {}, general: notice });
  const [create, creating] = useMutation(createCommunityMutation);
  const [update, updating] = useMutation(updateCommunityMutation);
  useFocusFirstInvalid(formRef, attempt);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "").trim();
    const input = {
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
    };
    const fields: Record<string, string> = {};
    const messages = adminFieldMessages(t);
    if (!SLUG_PATTERN.test(input.slug) || input.slug.length < 3) fields.slug = messages.slug ?? "";
    if (!input.nameIt) fields.nameIt = messages.nameIt ?? "";
    if (!input.nameEn) fields.nameEn = messages.nameEn ?? "";
    if (Object.keys(fields).length > 0) {
      setProblems({ fields, general: t("admin.invalid") });
      setAttempt((n) => n + 1);
      return;
    }
    setProblems({ fields: {}, general: null });
    try {
      if (community) {
        await update({ variables: { input: { ...input, id: community.id, expectedUpdatedAt: community.updatedAt } } });
        onDone(t("admin.saved"));
      } else {
        await create({ variables: { input } });
        onDone(t("admin.communities.created"));
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

  const title = community ? t("admin.communities.editTitle", { name: community.name }) : t("admin.communities.new");
  return (
    <form
      ref={formRef}
      noValidate
      className="admin__form"
      aria-labelledby={headingId}
      onSubmit={(e) => void onSubmit(e)}
    >
      <h2 id={headingId}>{title}</h2>
      {problems.general ? <Alert>{problems.general}</Alert> : null}
      <p className="admin__intro">{t("admin.bothLanguagesHint")}</p>
      <Field
        label={t("admin.fields.slug")}
        hint={t("admin.fields.slugHint")}
        name="slug"
        defaultValue={community?.slug ?? ""}
        maxLength={SLUG_MAX}
        spellCheck={false}
        autoCapitalize="none"
        required
        error={problems.fields.slug}
      />
      <div className="admin__pair">
        <Field
          lang="it"
          label={t("admin.fields.nameIt")}
          name="nameIt"
          defaultValue={community?.nameIt ?? ""}
          maxLength={COMMUNITY_NAME_MAX}
          required
          error={problems.fields.nameIt}
        />
        <Field
          lang="en"
          label={t("admin.fields.nameEn")}
          name="nameEn"
          defaultValue={community?.nameEn ?? ""}
          maxLength={COMMUNITY_NAME_MAX}
          required
          error={problems.fields.nameEn}
        />
        <Field
          lang="it"
          label={t("admin.fields.taglineIt")}
          name="taglineIt"
          defaultValue={community?.taglineIt ?? ""}
          maxLength={COMMUNITY_TAGLINE_MAX}
          error={problems.fields.taglineIt}
        />
        <Field
          lang="en"
          label={t("admin.fields.taglineEn")}
          name="taglineEn"
          defaultValue={community?.taglineEn ?? ""}
          maxLength={COMMUNITY_TAGLINE_MAX}
          error={problems.fields.taglineEn}
        />
        <Field
          multiline
          lang="it"
          rows={4}
          label={t("admin.fields.descriptionIt")}
          name="descriptionIt"
          defaultValue={community?.descriptionIt ?? ""}
          maxLength={COMMUNITY_DESCRIPTION_MAX}
          error={problems.fields.descriptionIt}
        />
        <Field
          multiline
          lang="en"
          rows={4}
          label={t("admin.fields.descriptionEn")}
          name="descriptionEn"
          defaultValue={community?.descriptionEn ?? ""}
          maxLength={COMMUNITY_DESCRIPTION_MAX}
          error={problems.fields.descriptionEn}
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
      <div className="admin__actions">
        <Button type="submit" busy={creating.loading || updating.loading}>
          {community ? t("admin.save") : t("admin.communities.create")}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t("admin.cancel")}
        </Button>
      </div>
    </form>
  );
}
