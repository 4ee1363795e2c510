import { useMutation } from "@apollo/client/react";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import { currentLanguage } from "../../i18n";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { useDraft } from "../../ui/composer/useDraft";
import { DraftFormActions } from "../../ui/DraftFormActions";
import { useFormRefusals } from "../../ui/useFormRefusals";
import { byFieldName, checkResource, type ResourceDraft, ResourceFields } from "./ResourceFields";

const proposeResourceMutation = graphql(`
  mutation ProposeResource($input: ProposeResourceInput!) {
    proposeResource(input: $input) {
      id
      ...ResourceSummary
    }
  }
`);

const EMPTY_DRAFT: ResourceDraft = { title: "", summary: "", body: "", url: "", kind: "", language: "", tags: "" };

interface ProposeResourceFormProps {
  communityId: string;
  communitySlug: string;
}

/**
 * "Propose material": a button that opens the form; an unsent draft keeps it open. A proposal
 * waits for a facilitator, so afterwards the form says so and links to it.
 */
export function ProposeResourceForm({ communityId, communitySlug }: ProposeResourceFormProps) {
  const { t } = useTranslation();
  const formId = useId();
  const formProblems = useFormProblems();
  const { draft, update, clear } = useDraft(`proposeResource.${communityId}`, EMPTY_DRAFT);
  const hasDraft = Boolean(draft.title || draft.summary || draft.body || draft.url || draft.tags);
  const [open, setOpen] = useState(hasDraft);
  const [sent, setSent] = useState<{ id: string; title: string } | null>(null);
  const { formRef, problems, refuse, clearProblems } = useFormRefusals();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const justOpened = useRef(false);
  // The toggle comes back when the form closes: the reader goes back to it.
  const backToToggle = useRef(false);
  const [propose, { loading }] = useMutation(proposeResourceMutation, {
    // A facilitator proposing sees it in their queue at once.
    refetchQueries: ["CurationResources", "CurationCount"],
  });

  useEffect(() => {
    if (open && justOpened.current) {
      justOpened.current = false;
      titleRef.current?.focus();
    }
    if (!open && backToToggle.current) {
      backToToggle.current = false;
      toggleRef.current?.focus();
    }
  }, [open]);

  function onOpen() {
    justOpened.current = true;
    setSent(null);
    // The language the reader uses is the likeliest one of what they propose.
    if (!draft.language) update({ language: currentLanguage() });
    setOpen(true);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const checked = checkResource(draft, t);
    if (!checked.values) return refuse({ fields: checked.fields, general: null });

    clearProblems();
    try {
      const result = await propose({ variables: { input: { communityId, ...checked.values } } });
      const proposed = result.data?.proposeResource;
      clear(draft);
      setOpen(false);
      if (proposed) setSent({ id: proposed.id, title: proposed.title });
      backToToggle.current = true;
    } catch (error) {
      const found = formProblems(error);
      refuse({ fields: byFieldName(found.fields), general: found.general });
    }
  }

  function onCancel() {
    setOpen(false);
    clearProblems();
    backToToggle.current = true;
  }

  return (
    <div className="propose">
      {open ? null : (
        <Button ref={toggleRef} aria-expanded={false} aria-controls={formId} onClick={onOpen}>
          {t("propose.open")}
        </Button>
      )}
      {sent && !open ? (
        <div className="propose__sent">
          <Alert tone="success" title={t("propose.sentTitle")}>
            <p>
              {t("propose.sentBody", { title: sent.title })} <Link to={`/r/${sent.id}`}>{t("propose.seeIt")}</Link>
            </p>
          </Alert>
        </div>
      ) : null}
      {open ? (
        <form
          id={formId}
          ref={formRef}
          className="propose__form card"
          aria-labelledby={`${formId}-title`}
          noValidate
          onSubmit={(e) => void onSubmit(e)}
        >
          <h3 id={`${formId}-title`}>{t("propose.title")}</h3>
          <p className="propose__intro">{t("propose.intro")}</p>
          {problems.general ? <Alert>{problems.general}</Alert> : null}
          <ResourceFields
            draft={draft}
            update={update}
            errors={problems.fields}
            communitySlug={communitySlug}
            titleRef={titleRef}
          />
          <DraftFormActions submitLabel={t("propose.submit")} busy={loading} hasDraft={hasDraft} onCancel={onCancel} />
        </form>
      ) : null}
    </div>
  );
}
