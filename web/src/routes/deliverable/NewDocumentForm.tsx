import { useMutation } from "@apollo/client/react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import { DisclosedForm } from "../../ui/DisclosedForm";
import { Field } from "../../ui/Field";
import { useFormRefusals } from "../../ui/useFormRefusals";

const createDeliverableMutation = graphql(`
  mutation CreateDeliverable($input: CreateDeliverableInput!) {
    createDeliverable(input: $input) {
      id
      title
    }
  }
`);

// The api's limits (deliverable.rules.ts), checked here to explain them in the reader's language.
export const TITLE_MIN = 3;
export const TITLE_MAX = 200;
export const SUMMARY_MAX = 2000;
export const HEADING_MAX = 200;
const MAX_SECTIONS = 100;

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
  const formProblems = useFormProblems();
  const [title, setTitle] = useState("");
  const [summary, setSummary] = useState("");
  const [headings, setHeadings] = useState("");
  const { formRef, problems, refuse, clearProblems } = useFormRefusals();
  const titleRef = useRef<HTMLInputElement>(null);
  const [create, { loading }] = useMutation(createDeliverableMutation, {
    refetchQueries: ["CommunityDeliverables"],
  });

  async function onSubmit() {
    if (loading) return;
    const fields: Record<string, string> = {};
    const cleanTitle = title.trim();
    const sections = headingsFrom(headings);
    if (cleanTitle.length < TITLE_MIN || cleanTitle.length > TITLE_MAX) fields.title = t("documents.titleRule");
    if (summary.trim().length > SUMMARY_MAX) fields.summary = t("documents.summaryRule");
    if (sections.length > MAX_SECTIONS || sections.some((h) => h.length > HEADING_MAX)) {
      fields.sections = t("documents.headingsRule");
    }
    if (Object.keys(fields).length > 0) return refuse({ fields, general: null });
    clearProblems();
    try {
      const result = await create({
        variables: {
          input: {
            communityId,
            title: cleanTitle,
            summary: summary.trim(),
            sections: sections.map((heading) => ({ heading, body: "" })),
          },
        },
      });
      const id = result.data?.createDeliverable.id;
      if (id) await navigate(`/d/${id}`);
    } catch (error) {
      refuse(formProblems(error));
    }
  }

  return (
    <DisclosedForm
      label={t("documents.start")}
      submitLabel={t("documents.create")}
      className="new-document card"
      busy={loading}
      formRef={formRef}
      general={problems.general}
      firstFieldRef={titleRef}
      onSubmit={onSubmit}
      onCancel={clearProblems}
    >
      <Field
        ref={titleRef}
        label={t("documents.titleLabel")}
        name="title"
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        maxLength={TITLE_MAX}
        required
        error={problems.fields.title}
      />
      <Field
        multiline
        rows={3}
        label={t("documents.summaryLabel")}
        hint={t("documents.summaryHint")}
        name="summary"
        value={summary}
        onChange={(event) => setSummary(event.target.value)}
        maxLength={SUMMARY_MAX}
        error={problems.fields.summary}
      />
      <Field
        multiline
        rows={4}
        label={t("documents.headingsLabel")}
        hint={t("documents.headingsHint")}
        name="sections"
        value={headings}
        onChange={(event) => setHeadings(event.target.value)}
        error={problems.fields.sections}
      />
    </DisclosedForm>
  );
}
