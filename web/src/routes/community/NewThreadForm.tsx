import { useMutation } from "@apollo/client/react";
import { TAG, THREAD_TAGS_MAX as TAGS_MAX, TITLE_MAX, TITLE_MIN } from "@pratica/rules";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { byFieldName, useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import { Composer } from "../../ui/composer/Composer";
import { useDraft } from "../../ui/composer/useDraft";
import { DisclosedForm } from "../../ui/DisclosedForm";
import { Field } from "../../ui/Field";
import { useFormRefusals } from "../../ui/useFormRefusals";

const createThreadMutation = graphql(`
  mutation CreateThread($input: CreateThreadInput!) {
    createThread(input: $input) {
      id
      ...ThreadSummary
    }
  }
`);

export function parseTags(text: string): string[] {
  const tags = text
    .split(",")
    .map((tag) => tag.trim().replace(/^#/, "").toLowerCase())
    .filter(Boolean);
  return [...new Set(tags)];
}

const EMPTY_DRAFT = { title: "", body: "", tags: "" };

interface NewThreadFormProps {
  communityId: string;
  communitySlug: string;
}

/** "Start a discussion": a button that opens the form; an unsent draft keeps it open. */
export function NewThreadForm({ communityId, communitySlug }: NewThreadFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const formProblems = useFormProblems();
  const { draft, update, clear } = useDraft(`newThread.${communityId}`, EMPTY_DRAFT);
  const hasDraft = Boolean(draft.title || draft.body || draft.tags);
  const refusals = useFormRefusals();
  const { problems, refuse, clearProblems } = refusals;
  const [createThread, { loading }] = useMutation(createThreadMutation, {
    refetchQueries: ["CommunityThreads"],
  });

  async function onSubmit(close: () => void) {
    if (loading) return;
    const title = draft.title.trim();
    const tags = parseTags(draft.tags);
    const fields: Record<string, string> = {};
    if (title.length < TITLE_MIN || title.length > TITLE_MAX) fields.title = t("newThread.titleRule");
    if (!draft.body.trim()) fields.body = t("post.bodyRequired");
    if (tags.length > TAGS_MAX || tags.some((tag) => !TAG.test(tag))) fields.tags = t("newThread.tagsRule");
    if (Object.keys(fields).length > 0) return refuse({ fields, general: null });

    clearProblems();
    try {
      const result = await createThread({ variables: { input: { communityId, title, body: draft.body, tags } } });
      const id = result.data?.createThread.id;
      clear(draft);
      close();
      if (id) await navigate(`/t/${id}`);
    } catch (error) {
      refuse(byFieldName(formProblems(error)));
    }
  }

  return (
    <div className="new-thread">
      <DisclosedForm
        label={t("newThread.start")}
        title={t("newThread.title")}
        submitLabel={t("newThread.submit")}
        className="new-thread__form card"
        busy={loading}
        refusals={refusals}
        onSubmit={onSubmit}
        hasDraft={hasDraft}
      >
        <Field
          label={t("newThread.titleLabel")}
          name="title"
          value={draft.title}
          onChange={(event) => update({ title: event.target.value })}
          maxLength={TITLE_MAX}
          required
          error={problems.fields.title}
        />
        <Composer
          label={t("newThread.bodyLabel")}
          hint={t("newThread.bodyHint")}
          value={draft.body}
          onChange={(body) => update({ body })}
          communitySlug={communitySlug}
          error={problems.fields.body}
          name="body"
          rows={7}
          required
        />
        <Field
          label={t("newThread.tagsLabel")}
          hint={t("newThread.tagsHint")}
          name="tags"
          value={draft.tags}
          onChange={(event) => update({ tags: event.target.value })}
          autoComplete="off"
          spellCheck={false}
          error={problems.fields.tags}
        />
      </DisclosedForm>
    </div>
  );
}
