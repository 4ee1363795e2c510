import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { byFieldName, useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import { currentLanguage } from "../../i18n";
import { Alert } from "../../ui/Alert";
import { useDraft } from "../../ui/composer/useDraft";
import { DisclosedForm } from "../../ui/DisclosedForm";
import { useFormRefusals } from "../../ui/useFormRefusals";
import { checkResource, type ResourceDraft, ResourceFields } from "./ResourceFields";

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
  const formProblems = useFormProblems();
  const { draft, update, clear } = useDraft(`proposeResource.${communityId}`, EMPTY_DRAFT);
  const hasDraft = Boolean(draft.title || draft.summary || draft.body || draft.url || draft.tags);
  const [sent, setSent] = useState<{ id: string; title: string } | null>(null);
  const refusals = useFormRefusals();
  const { problems, refuse, clearProblems } = refusals;
  const [propose, { loading }] = useMutation(proposeResourceMutation, {
    // A facilitator proposing sees it in their queue at once.
    refetchQueries: ["CurationResources", "CurationCount"],
  });

  function onOpen() {
    setSent(null);
    // The language the reader uses is the likeliest one of what they propose.
    if (!draft.language) update({ language: currentLanguage() });
  }

  async function onSubmit(close: () => void) {
    if (loading) return;
    const checked = checkResource(draft, t);
    if (!checked.values) return refuse({ fields: checked.fields, general: null });

    clearProblems();
    try {
      const result = await propose({ variables: { input: { communityId, ...checked.values } } });
      const proposed = result.data?.proposeResource;
      clear(draft);
      if (proposed) setSent({ id: proposed.id, title: proposed.title });
      close();
    } catch (error) {
      refuse(byFieldName(formProblems(error)));
    }
  }

  return (
    <div className="propose">
      <DisclosedForm
        label={t("propose.open")}
        title={t("propose.title")}
        intro={<p className="propose__intro">{t("propose.intro")}</p>}
        submitLabel={t("propose.submit")}
        className="propose__form card"
        busy={loading}
        refusals={refusals}
        onSubmit={onSubmit}
        onOpen={onOpen}
        hasDraft={hasDraft}
      >
        <ResourceFields draft={draft} update={update} errors={problems.fields} communitySlug={communitySlug} />
      </DisclosedForm>
      {/* Set as the form closes and cleared as it opens: shown under the button, never beside the form. */}
      {sent ? (
        <div className="propose__sent">
          <Alert tone="success" title={t("propose.sentTitle")}>
            <p>
              {t("propose.sentBody", { title: sent.title })} <Link to={`/r/${sent.id}`}>{t("propose.seeIt")}</Link>
            </p>
          </Alert>
        </div>
      ) : null}
    </div>
  );
}
