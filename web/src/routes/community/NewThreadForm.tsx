import { useMutation } from "@apollo/client/react";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Composer } from "../../ui/composer/Composer";
import { useDraft } from "../../ui/composer/useDraft";
import { DraftFormActions } from "../../ui/DraftFormActions";
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

// The api's rules (api/src/modules/thread/thread.rules.ts), checked here to explain them first.
const TITLE_MIN = 3;
const TITLE_MAX = 200;
const TAGS_MAX = 5;
const TAG = /^[\p{L}\p{N}][\p{L}\p{N}-]{0,29}$/u;

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
  const formId = useId();
  const formProblems = useFormProblems();
  const { draft, update, clear } = useDraft(`newThread.${communityId}`, EMPTY_DRAFT);
  const hasDraft = Boolean(draft.title || draft.body || draft.tags);
  const [open, setOpen] = useState(hasDraft);
  const { formRef, problems, refuse, clearProblems } = useFormRefusals();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const justOpened = useRef(false);
  const [createThread, { loading }] = useMutation(createThreadMutation, {
    refetchQueries: ["CommunityThreads"],
  });

  useEffect(() => {
    if (open && justOpened.current) {
      justOpened.current = false;
      titleRef.current?.focus();
    }
  }, [open]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
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
      setOpen(false);
      if (id) await navigate(`/t/${id}`);
    } catch (error) {
      const found = formProblems(error);
      // "tags.2" is about the tags field.
      const fieldsByName = Object.fromEntries(
        Object.entries(found.fields).map(([name, message]) => [name.split(".")[0] ?? name, message]),
      );
      refuse({ fields: fieldsByName, general: found.general });
    }
  }

  function onCancel() {
    setOpen(false);
    clearProblems();
    toggleRef.current?.focus();
  }

  return (
    <div className="new-thread">
      {open ? null : (
        <Button
          ref={toggleRef}
          aria-expanded={false}
          aria-controls={formId}
          onClick={() => {
            justOpened.current = true;
            setOpen(true);
          }}
        >
          {t("newThread.start")}
        </Button>
      )}
      {open ? (
        <form
          id={formId}
          ref={formRef}
          className="new-thread__form card"
          aria-labelledby={`${formId}-title`}
          noValidate
          onSubmit={(e) => void onSubmit(e)}
        >
          <h3 id={`${formId}-title`}>{t("newThread.title")}</h3>
          {problems.general ? <Alert>{problems.general}</Alert> : null}
          <Field
            ref={titleRef}
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
          <DraftFormActions
            submitLabel={t("newThread.submit")}
            busy={loading}
            hasDraft={hasDraft}
            onCancel={onCancel}
          />
        </form>
      ) : null}
    </div>
  );
}
