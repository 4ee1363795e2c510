import { useMutation } from "@apollo/client/react";
import { HEADING_MAX, MAX_SECTIONS } from "@pratica/rules";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { graphql } from "../../gql";
import { Field } from "../../ui/Field";
import { NewTitleSummaryForm } from "../../ui/NewTitleSummaryForm";
import { documentRules } from "./deliverable.rules";

const createDeliverableMutation = graphql(`
  mutation CreateDeliverable($input: CreateDeliverableInput!) {
    createDeliverable(input: $input) {
      id
      title
    }
  }
`);

/** One heading per line; blank lines are ignored. */
function headingsFrom(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

/** "Start a document": a title, a summary and the headings of its first sections. */
export function NewDocumentForm({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [headings, setHeadings] = useState("");
  const sections = headingsFrom(headings);
  const [create, { loading }] = useMutation(createDeliverableMutation, {
    refetchQueries: ["CommunityDeliverables"],
  });

  return (
    <NewTitleSummaryForm
      label={t("documents.start")}
      submitLabel={t("documents.create")}
      className="new-document card"
      rules={documentRules(t)}
      summaryHint={t("documents.summaryHint")}
      busy={loading}
      check={(): Record<string, string> =>
        sections.length > MAX_SECTIONS || sections.some((h) => h.length > HEADING_MAX)
          ? { sections: t("documents.headingsRule") }
          : {}
      }
      onCreate={async ({ title, summary }) => {
        const result = await create({
          variables: {
            input: { communityId, title, summary, sections: sections.map((heading) => ({ heading, body: "" })) },
          },
        });
        const id = result.data?.createDeliverable.id;
        if (id) await navigate(`/d/${id}`);
      }}
    >
      {(errors) => (
        <Field
          multiline
          rows={4}
          label={t("documents.headingsLabel")}
          hint={t("documents.headingsHint")}
          name="sections"
          value={headings}
          onChange={(event) => setHeadings(event.target.value)}
          error={errors.sections}
        />
      )}
    </NewTitleSummaryForm>
  );
}
