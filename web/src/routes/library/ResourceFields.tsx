import {
  RESOURCE_BODY_MAX as BODY_MAX,
  RESOURCE_SUMMARY_MAX as SUMMARY_MAX,
  RESOURCE_SUMMARY_MIN as SUMMARY_MIN,
  TAG,
  RESOURCE_TAGS_MAX as TAGS_MAX,
  TITLE_MAX,
  TITLE_MIN,
  URL_MAX,
} from "@pratica/rules";
import type { TFunction } from "i18next";
import type { Ref } from "react";
import { useTranslation } from "react-i18next";
import type { ResourceKind, ResourceLanguage } from "../../gql/graphql";
import { Composer } from "../../ui/composer/Composer";
import { Field, SelectField } from "../../ui/Field";
import { parseTags } from "../community/NewThreadForm";
import { isWebLink, RESOURCE_KINDS, RESOURCE_LANGUAGES } from "./resource.fragment";

/** The form as typed: selects start empty so that nobody proposes a "guide" by accident. */
export interface ResourceDraft {
  title: string;
  summary: string;
  body: string;
  url: string;
  kind: ResourceKind | "";
  language: ResourceLanguage | "";
  tags: string;
}

export interface ResourceValues {
  title: string;
  summary: string;
  body: string;
  url: string | null;
  kind: ResourceKind;
  language: ResourceLanguage;
  tags: string[];
}

/** The values to send, or a message per field that needs attention. */
export function checkResource(
  draft: ResourceDraft,
  t: TFunction,
): { values: ResourceValues; fields: null } | { values: null; fields: Record<string, string> } {
  const title = draft.title.trim();
  const summary = draft.summary.trim();
  const url = draft.url.trim();
  const tags = parseTags(draft.tags);
  const fields: Record<string, string> = {};
  if (title.length < TITLE_MIN || title.length > TITLE_MAX) fields.title = t("resourceForm.titleRule");
  if (summary.length < SUMMARY_MIN || summary.length > SUMMARY_MAX) fields.summary = t("resourceForm.summaryRule");
  if (!draft.kind) fields.kind = t("resourceForm.kindRule");
  if (!draft.language) fields.language = t("resourceForm.languageRule");
  if (url && (url.length > URL_MAX || !isWebLink(url))) fields.url = t("resourceForm.urlRule");
  if (draft.body.length > BODY_MAX) fields.body = t("resourceForm.bodyRule");
  if (tags.length > TAGS_MAX || tags.some((tag) => !TAG.test(tag))) fields.tags = t("resourceForm.tagsRule");
  if (Object.keys(fields).length > 0 || !draft.kind || !draft.language) return { values: null, fields };
  return {
    values: { title, summary, body: draft.body, url: url || null, kind: draft.kind, language: draft.language, tags },
    fields: null,
  };
}

interface ResourceFieldsProps {
  draft: ResourceDraft;
  update: (patch: Partial<ResourceDraft>) => void;
  errors: Record<string, string>;
  communitySlug: string;
  titleRef?: Ref<HTMLInputElement>;
}

/** Title, summary, kind, language, link, text and tags: the same fields to propose and to edit. */
export function ResourceFields({ draft, update, errors, communitySlug, titleRef }: ResourceFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Field
        ref={titleRef}
        label={t("resourceForm.titleLabel")}
        name="title"
        value={draft.title}
        onChange={(event) => update({ title: event.target.value })}
        maxLength={TITLE_MAX}
        required
        error={errors.title}
      />
      <Field
        multiline
        label={t("resourceForm.summaryLabel")}
        hint={t("resourceForm.summaryHint")}
        name="summary"
        rows={3}
        value={draft.summary}
        onChange={(event) => update({ summary: event.target.value })}
        maxLength={SUMMARY_MAX}
        required
        error={errors.summary}
      />
      <div className="resource-form__pair">
        <SelectField
          label={t("resourceForm.kindLabel")}
          name="kind"
          value={draft.kind}
          onChange={(event) => update({ kind: event.target.value as ResourceKind | "" })}
          required
          error={errors.kind}
        >
          <option value="">{t("resourceForm.choose")}</option>
          {RESOURCE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`library.kind.${kind}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("resourceForm.languageLabel")}
          name="language"
          value={draft.language}
          onChange={(event) => update({ language: event.target.value as ResourceLanguage | "" })}
          required
          error={errors.language}
        >
          <option value="">{t("resourceForm.choose")}</option>
          {RESOURCE_LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {t(`library.language.${language}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <Field
        label={t("resourceForm.urlLabel")}
        hint={t("resourceForm.urlHint")}
        name="url"
        type="url"
        inputMode="url"
        autoComplete="url"
        spellCheck={false}
        value={draft.url}
        onChange={(event) => update({ url: event.target.value })}
        maxLength={URL_MAX}
        error={errors.url}
      />
      <Composer
        label={t("resourceForm.bodyLabel")}
        hint={t("resourceForm.bodyHint")}
        value={draft.body}
        onChange={(body) => update({ body })}
        communitySlug={communitySlug}
        error={errors.body}
        name="body"
        rows={6}
      />
      <Field
        label={t("resourceForm.tagsLabel")}
        hint={t("resourceForm.tagsHint")}
        name="tags"
        value={draft.tags}
        onChange={(event) => update({ tags: event.target.value })}
        autoComplete="off"
        spellCheck={false}
        error={errors.tags}
      />
    </>
  );
}
