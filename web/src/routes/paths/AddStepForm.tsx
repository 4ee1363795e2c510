import { useQuery } from "@apollo/client/react";
import { PATH_TEXT_MAX as TEXT_MAX } from "@pratica/rules";
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldProblem } from "../../app/errors";
import { graphql } from "../../gql";
import { Button, ButtonLink } from "../../ui/Button";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorState } from "../../ui/ErrorState";
import { Field, SelectField } from "../../ui/Field";
import { Loading } from "../../ui/Loading";

/** Published material of the community that can become a step. */
const pathCandidatesQuery = graphql(`
  query PathCandidates($slug: String!) {
    community(slug: $slug) {
      id
      resources(first: 100, sort: NEWEST) {
        edges {
          node {
            id
            title
            kind
          }
        }
      }
    }
  }
`);

interface AddStepFormProps {
  communitySlug: string;
  /** Resources already in the path. */
  taken: ReadonlySet<string>;
  busy: boolean;
  onAdd: (resourceId: string, note: string, onRefused: (error: unknown) => boolean) => Promise<boolean>;
}

/** Choosing published material of the community to add as the path's next step, with a note. */
export function AddStepForm({ communitySlug, taken, busy, onAdd }: AddStepFormProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [resourceId, setResourceId] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | undefined>();
  const selectRef = useRef<HTMLSelectElement>(null);
  const {
    data,
    loading,
    error: loadError,
    refetch,
  } = useQuery(pathCandidatesQuery, {
    variables: { slug: communitySlug },
    fetchPolicy: "cache-and-network",
  });
  const candidates = (data?.community?.resources.edges ?? [])
    .map((edge) => edge.node)
    .filter((resource) => !taken.has(resource.id));

  useEffect(() => {
    if (error) selectRef.current?.focus();
  }, [error]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!resourceId) return setError(t("pathEditor.chooseResource"));
    setError(undefined);
    const ok = await onAdd(resourceId, note.trim(), (refusal) => {
      const message = fieldProblem(refusal, "resourceId");
      if (!message) return false;
      setError(message);
      return true;
    });
    if (ok) {
      setResourceId("");
      setNote("");
      selectRef.current?.focus();
    }
  }

  let body: ReactNode;
  if (loading && !data) body = <Loading />;
  else if (loadError && !data) body = <ErrorState error={loadError} retry={refetch} />;
  else if (candidates.length === 0) {
    body = (
      <EmptyState
        title={t("pathEditor.noCandidatesTitle")}
        action={
          <ButtonLink to={`/c/${communitySlug}?tab=library`} variant="secondary" size="sm">
            {t("pathEditor.toLibrary")}
          </ButtonLink>
        }
      >
        <p>{t("pathEditor.noCandidatesBody")}</p>
      </EmptyState>
    );
  } else {
    body = (
      <form noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby={titleId}>
        <SelectField
          ref={selectRef}
          label={t("pathEditor.resourceLabel")}
          hint={t("pathEditor.resourceHint")}
          value={resourceId}
          onChange={(event) => {
            setResourceId(event.target.value);
            setError(undefined);
          }}
          required
          error={error}
        >
          <option value="">{t("resourceForm.choose")}</option>
          {candidates.map((resource) => (
            <option key={resource.id} value={resource.id}>
              {resource.title} ({t(`library.kind.${resource.kind}`)})
            </option>
          ))}
        </SelectField>
        <Field
          multiline
          rows={2}
          label={t("pathEditor.newNoteLabel")}
          hint={t("pathEditor.newNoteHint")}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          maxLength={TEXT_MAX}
        />
        <p className="actions">
          <Button type="submit" busy={busy}>
            {t("pathEditor.add")}
          </Button>
        </p>
      </form>
    );
  }

  return (
    <section aria-labelledby={titleId} className="editor-page__section card">
      <h2 id={titleId}>{t("pathEditor.addTitle")}</h2>
      {body}
    </section>
  );
}
