import { useMutation } from "@apollo/client/react";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { byFieldName, useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import type { ResourceStatus, ResourceSummaryFragment } from "../../gql/graphql";
import { Alert } from "../../ui/Alert";
import { FormActions } from "../../ui/FormActions";
import { useFocusOnMount } from "../../ui/useFocusOnMount";
import { useFormRefusals } from "../../ui/useFormRefusals";
import { checkResource, type ResourceDraft, ResourceFields } from "../library/ResourceFields";

const editResourceMutation = graphql(`
  mutation EditResource($input: EditResourceInput!) {
    editResource(input: $input) {
      id
      body
      ...ResourceSummary
      ...ResourceCuration
    }
  }
`);

interface EditResourceFormProps {
  resource: ResourceSummaryFragment & { body: string };
  communitySlug: string;
  onDone: (saved: { status: ResourceStatus } | null) => void;
}

/** The proposer's changes to their proposal; saving after changes were asked sends it back for review. */
export function EditResourceForm({ resource, communitySlug, onDone }: EditResourceFormProps) {
  const { t } = useTranslation();
  const formId = useId();
  const formProblems = useFormProblems();
  const { formRef, problems, refuse, clearProblems } = useFormRefusals();
  const titleRef = useFocusOnMount<HTMLInputElement>();
  const [draft, setDraft] = useState<ResourceDraft>(() => ({
    title: resource.title,
    summary: resource.summary,
    body: resource.body,
    url: resource.url ?? "",
    kind: resource.kind,
    language: resource.language,
    tags: resource.tags.join(", "),
  }));
  const [edit, { loading }] = useMutation(editResourceMutation, {
    refetchQueries: ["CurationResources", "CurationCount"],
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    const checked = checkResource(draft, t);
    if (!checked.values) return refuse({ fields: checked.fields, general: null });
    clearProblems();
    try {
      // An empty link removes it; the api keeps any field that is left out.
      const { url, ...values } = checked.values;
      const result = await edit({ variables: { input: { resourceId: resource.id, ...values, url: url ?? "" } } });
      onDone(result.data ? { status: result.data.editResource.status } : null);
    } catch (error) {
      refuse(byFieldName(formProblems(error)));
    }
  }

  return (
    <form
      id={formId}
      ref={formRef}
      className="resource-edit card"
      aria-labelledby={`${formId}-title`}
      noValidate
      onSubmit={(e) => void onSubmit(e)}
    >
      <h2 id={`${formId}-title`}>{t("resource.editTitle")}</h2>
      {resource.status === "CHANGES_REQUESTED" ? (
        <p className="resource-edit__intro">{t("resource.editResubmits")}</p>
      ) : null}
      {problems.general ? <Alert>{problems.general}</Alert> : null}
      <ResourceFields
        draft={draft}
        update={(patch) => setDraft((current) => ({ ...current, ...patch }))}
        errors={problems.fields}
        communitySlug={communitySlug}
        titleRef={titleRef}
      />
      <FormActions
        submitLabel={resource.status === "CHANGES_REQUESTED" ? t("resource.saveAndResubmit") : t("resource.save")}
        busy={loading}
        onCancel={() => onDone(null)}
      />
    </form>
  );
}
