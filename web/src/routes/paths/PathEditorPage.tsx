import { useMutation } from "@apollo/client/react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { hasCode } from "../../app/errors";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { Alert } from "../../ui/Alert";
import { Badge } from "../../ui/Badge";
import { Button, ButtonLink } from "../../ui/Button";
import { ChangeRefusals } from "../../ui/ChangeRefusals";
import { EditorPage } from "../../ui/EditorPage";
import { MessagePage, PageError, PageLoading } from "../../ui/PageStates";
import { TitleSummaryForm } from "../../ui/TitleSummaryForm";
import { useAnnouncer } from "../../ui/useAnnouncer";
import { NotFoundContent } from "../not-found/NotFoundPage";
import { AddStepForm } from "./AddStepForm";
import { type LearningPathView, usePathPage } from "./PathPage";
import { PathStepList } from "./PathStepList";
import { pathRules } from "./path.rules";
import { usePathChanges } from "./usePathChanges";
import "./paths.css";

const updateLearningPathMutation = graphql(`
  mutation UpdateLearningPath($input: UpdateLearningPathInput!) {
    updateLearningPath(input: $input) {
      id
      ...LearningPathDetail
    }
  }
`);

const addPathStepMutation = graphql(`
  mutation AddPathStep($input: AddPathStepInput!) {
    addPathStep(input: $input) {
      id
      ...LearningPathDetail
    }
  }
`);

const updatePathStepMutation = graphql(`
  mutation UpdatePathStep($input: UpdatePathStepInput!) {
    updatePathStep(input: $input) {
      id
      ...LearningPathDetail
    }
  }
`);

const removePathStepMutation = graphql(`
  mutation RemovePathStep($input: RemovePathStepInput!) {
    removePathStep(input: $input) {
      id
      ...LearningPathDetail
    }
  }
`);

const publishLearningPathMutation = graphql(`
  mutation PublishLearningPath($input: PublishLearningPathInput!) {
    publishLearningPath(input: $input) {
      id
      ...LearningPathDetail
    }
  }
`);

type Step = LearningPathView["steps"][number];

export function PathEditorPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { data, loading, error, refetch } = usePathPage(id);
  const path = data?.learningPath ?? null;
  usePageTitle(
    path ? t("pathEditor.pageTitle", { title: path.title }) : data || error ? t("paths.notFoundTitle") : null,
  );

  if (loading && !data) return <PageLoading />;
  if (error && !data && !hasCode(error, "NOT_FOUND")) return <PageError error={error} retry={refetch} />;
  if (!path) return <NotFoundContent title={t("paths.notFoundTitle")} body={t("paths.notFoundBody")} />;
  if (!path.viewerCanEdit) {
    return (
      <MessagePage
        title={t("pathEditor.forbiddenTitle")}
        body={t("pathEditor.forbiddenBody")}
        actions={<ButtonLink to={`/p/${path.id}`}>{t("pathEditor.view")}</ButtonLink>}
      />
    );
  }
  return <PathEditor key={path.id} path={path} refetch={() => refetch()} />;
}

interface PathEditorProps {
  path: LearningPathView;
  refetch: () => Promise<unknown>;
}

/**
 * The facilitators' editor. Changes go one at a time, each with the version of the path it was
 * made against; a change refused because someone else changed the path first (CONFLICT) brings
 * the latest version and says so, and nothing is overwritten.
 */
function PathEditor({ path, refetch }: PathEditorProps) {
  const { t } = useTranslation();
  const community = path.community;
  const [announcement, announce] = useAnnouncer();
  const [published, setPublished] = useState(false);

  const [updatePath, updateState] = useMutation(updateLearningPathMutation);
  const [addStep, addState] = useMutation(addPathStepMutation);
  const [updateStep] = useMutation(updatePathStepMutation);
  const [removeStep] = useMutation(removePathStepMutation);
  const [publish, publishState] = useMutation(publishLearningPathMutation);

  const { run, conflict, dismissConflict, problem, steps, shownIds, targets, moveTo, saving } = usePathChanges(
    path,
    refetch,
    announce,
  );
  const stepsHeadingRef = useRef<HTMLHeadingElement>(null);

  async function onRemove(step: Step) {
    const ok = await run(async (expectedVersion) => {
      const result = await removeStep({ variables: { input: { stepId: step.id, expectedVersion } } });
      return result.data?.removePathStep;
    });
    if (ok) {
      announce(t("pathEditor.removed", { title: step.resource.title }));
      stepsHeadingRef.current?.focus();
    }
  }

  async function onPublish() {
    const ok = await run(async (expectedVersion) => {
      const result = await publish({ variables: { input: { pathId: path.id, expectedVersion } } });
      return result.data?.publishLearningPath;
    });
    if (ok) setPublished(true);
  }

  return (
    <EditorPage
      titleId="path-editor-title"
      title={t("pathEditor.title")}
      color={community.color}
      crumbs={[
        { to: `/c/${community.slug}`, label: community.name },
        { to: `/c/${community.slug}?tab=paths`, label: t("paths.title") },
        { to: `/p/${path.id}`, label: path.title },
      ]}
      flags={
        path.status === "DRAFT" ? (
          <Badge tone="warning">{t("paths.draft")}</Badge>
        ) : (
          <Badge tone="success">{t("paths.published")}</Badge>
        )
      }
      back={{ to: `/p/${path.id}`, label: t("pathEditor.view") }}
    >
      <ChangeRefusals
        conflict={conflict}
        problem={problem}
        onDismiss={dismissConflict}
        conflictTitle={t("pathEditor.conflictTitle")}
        conflictBody={t("pathEditor.conflictBody")}
      />
      {published ? (
        <Alert tone="success" title={t("pathEditor.publishedTitle")}>
          <p>
            {t("pathEditor.publishedBody")} <Link to={`/p/${path.id}`}>{t("pathEditor.view")}</Link>
          </p>
        </Alert>
      ) : null}

      <TitleSummaryForm
        current={{ title: path.title, summary: path.summary }}
        headingId="path-details-title"
        heading={t("pathEditor.detailsTitle")}
        submitLabel={t("pathEditor.saveDetails")}
        rules={pathRules(t)}
        summaryHint={t("paths.summaryHint")}
        busy={updateState.loading}
        onSave={(values, onRefused) =>
          run(async (expectedVersion) => {
            const result = await updatePath({
              variables: { input: { pathId: path.id, expectedVersion, ...values } },
            });
            return result.data?.updateLearningPath;
          }, onRefused)
        }
      />

      <PathStepList
        steps={steps}
        shownIds={shownIds}
        targets={targets}
        headingRef={stepsHeadingRef}
        announcement={announcement}
        saving={saving}
        onMove={moveTo}
        onRemove={onRemove}
        onSaveNote={(step, note) =>
          run(async (expectedVersion) => {
            const result = await updateStep({
              variables: { input: { stepId: step.id, note, expectedVersion } },
            });
            return result.data?.updatePathStep;
          })
        }
      />

      <AddStepForm
        communitySlug={community.slug}
        taken={new Set(path.steps.map((step) => step.resource.id))}
        busy={addState.loading}
        onAdd={(resourceId, note, onRefused) =>
          run(async (expectedVersion) => {
            const result = await addStep({
              variables: { input: { pathId: path.id, resourceId, note, expectedVersion } },
            });
            const added = result.data?.addPathStep;
            if (added) announce(t("pathEditor.added", { position: added.steps.length }));
            return added;
          }, onRefused)
        }
      />

      {path.status === "DRAFT" ? (
        <section aria-labelledby="path-publish-title" className="editor-page__section card">
          <h2 id="path-publish-title">{t("pathEditor.publishTitle")}</h2>
          <p>{steps.length > 0 ? t("pathEditor.publishBody") : t("pathEditor.publishNeedsSteps")}</p>
          <p className="actions">
            <Button busy={publishState.loading} disabled={steps.length === 0} onClick={() => void onPublish()}>
              {t("pathEditor.publish")}
            </Button>
          </p>
        </section>
      ) : null}
    </EditorPage>
  );
}
