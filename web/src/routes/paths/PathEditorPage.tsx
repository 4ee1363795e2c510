import { useMutation, useQuery } from "@apollo/client/react";
import { PATH_TEXT_MAX as TEXT_MAX } from "@pratica/rules";
import {
  type DragEvent,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { fieldProblem, hasCode } from "../../app/errors";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { Alert } from "../../ui/Alert";
import { Badge } from "../../ui/Badge";
import { Button, ButtonLink } from "../../ui/Button";
import { ChangeRefusals } from "../../ui/ChangeRefusals";
import { EditorPage } from "../../ui/EditorPage";
import { EmptyState } from "../../ui/EmptyState";
import { ErrorState } from "../../ui/ErrorState";
import { Field, SelectField } from "../../ui/Field";
import { Loading } from "../../ui/Loading";
import { MoveButtons, type MoveControl, useFocusTargets } from "../../ui/MoveButtons";
import { MessagePage, PageError, PageLoading } from "../../ui/PageStates";
import { SavedStatus } from "../../ui/SaveActions";
import { TitleSummaryForm } from "../../ui/TitleSummaryForm";
import { useAnnouncer } from "../../ui/useAnnouncer";
import { useVersionedChanges } from "../../ui/useVersionedChanges";
import { NotFoundContent } from "../not-found/NotFoundPage";
import { canEditPath, type LearningPathView, usePathPage } from "./PathPage";
import { pathRules } from "./path.rules";
import "../library/library.css";
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

const reorderPathStepsMutation = graphql(`
  mutation ReorderPathSteps($input: ReorderPathStepsInput!) {
    reorderPathSteps(input: $input) {
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

type Step = LearningPathView["steps"][number];
type Control = "handle" | MoveControl;

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

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
  if (!canEditPath(data?.viewer ?? null, path)) {
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
  const [reorder] = useMutation(reorderPathStepsMutation);
  const [publish, publishState] = useMutation(publishLearningPathMutation);

  // Local order while a move is on its way; the server's once it has answered.
  const serverIds = path.steps.map((step) => step.id);
  const serverIdsRef = useRef(serverIds);
  serverIdsRef.current = serverIds;
  const [order, setOrder] = useState<string[] | null>(null);
  const pendingOrder = useRef<string[] | null>(null);
  const { run, conflict, dismissConflict, problem } = useVersionedChanges(path.version, {
    refetch,
    onConflict: () => {
      pendingOrder.current = null;
      setOrder(null);
    },
  });
  const shownIds =
    order && order.length === serverIds.length && order.every((id) => serverIds.includes(id)) ? order : serverIds;
  const stepsById = new Map(path.steps.map((step) => [step.id, step]));
  const steps = shownIds.map((id) => stepsById.get(id)).filter((step): step is Step => Boolean(step));

  const targets = useFocusTargets();
  const focusAfter = useRef<{ id: string; control: Control } | null>(null);
  const stepsHeadingRef = useRef<HTMLHeadingElement>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const draggingRef = useRef<string | null>(null);
  const [dropTarget, setDropTarget] = useState<{ id: string; after: boolean } | null>(null);

  useLayoutEffect(() => {
    const target = focusAfter.current;
    if (!target) return;
    focusAfter.current = null;
    targets.focus(`${target.id}:${target.control}`);
  });

  function moveTo(id: string, to: number, control: Control) {
    const ids = [...shownIds];
    const from = ids.indexOf(id);
    if (from < 0 || to < 0 || to >= ids.length || from === to) return;
    ids.splice(from, 1);
    ids.splice(to, 0, id);
    setOrder(ids);
    pendingOrder.current = ids;
    focusAfter.current = { id, control };
    announce(t("pathEditor.movedTo", { position: to + 1, total: ids.length }));
    void run(async (expectedVersion) => {
      const wanted = pendingOrder.current;
      if (!wanted) return null;
      const settle = () => {
        if (pendingOrder.current === wanted) {
          pendingOrder.current = null;
          setOrder(null);
        }
      };
      if (sameOrder(wanted, serverIdsRef.current)) {
        settle();
        return null;
      }
      const result = await reorder({ variables: { input: { pathId: path.id, stepIds: wanted, expectedVersion } } });
      settle();
      return result.data?.reorderPathSteps;
    });
  }

  function onHandleKey(event: KeyboardEvent<HTMLElement>, id: string, control: Control) {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    event.preventDefault();
    const index = shownIds.indexOf(id);
    moveTo(id, index + (event.key === "ArrowUp" ? -1 : 1), control);
  }

  /** Before or after the row under the pointer: whichever half of it the pointer is in. */
  function dropPlace(event: DragEvent<HTMLLIElement>, id: string) {
    const box = event.currentTarget.getBoundingClientRect();
    return { id, after: event.clientY > box.top + box.height / 2 };
  }

  function onDragStart(event: DragEvent<HTMLElement>, id: string) {
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", id);
    const row = (event.currentTarget as HTMLElement).closest("li");
    if (row) event.dataTransfer.setDragImage(row, 24, 24);
    draggingRef.current = id;
    setDragging(id);
  }

  function onDragOver(event: DragEvent<HTMLLIElement>, id: string) {
    if (!draggingRef.current) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    const place = dropPlace(event, id);
    if (dropTarget?.id !== place.id || dropTarget.after !== place.after) setDropTarget(place);
  }

  function onDrop(event: DragEvent<HTMLLIElement>, id: string) {
    const moving = draggingRef.current;
    if (!moving) return;
    event.preventDefault();
    // Where it was dropped, from the drop itself: it may come before the last dragover was drawn.
    const place = dropPlace(event, id);
    const from = shownIds.indexOf(moving);
    let to = shownIds.indexOf(place.id) + (place.after ? 1 : 0);
    if (from < to) to -= 1;
    moveTo(moving, to, "handle");
    endDrag();
  }

  function endDrag() {
    draggingRef.current = null;
    setDragging(null);
    setDropTarget(null);
  }

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

      <section aria-labelledby="path-steps-title" className="path-editor__section">
        <h2 id="path-steps-title" ref={stepsHeadingRef} tabIndex={-1}>
          {t("pathEditor.stepsTitle", { count: steps.length })}
        </h2>
        {steps.length === 0 ? (
          <p className="path-editor__hint">{t("pathEditor.noSteps")}</p>
        ) : (
          <>
            <p className="path-editor__hint" id="reorder-help">
              {t("pathEditor.reorderHelp")}
            </p>
            <ol className="editor-steps">
              {steps.map((step, index) => (
                <li
                  key={step.id}
                  className={[
                    "editor-step",
                    dragging === step.id ? "editor-step--dragging" : "",
                    dropTarget?.id === step.id ? `editor-step--drop-${dropTarget.after ? "after" : "before"}` : "",
                  ]
                    .filter(Boolean)
                    .join(" ")}
                  onDragOver={(event) => onDragOver(event, step.id)}
                  onDrop={(event) => onDrop(event, step.id)}
                >
                  <button
                    type="button"
                    className="editor-step__handle"
                    draggable
                    ref={targets.ref(`${step.id}:handle`)}
                    aria-describedby="reorder-help"
                    onKeyDown={(event) => onHandleKey(event, step.id, "handle")}
                    onDragStart={(event) => onDragStart(event, step.id)}
                    onDragEnd={endDrag}
                  >
                    <GripIcon />
                    <span className="visually-hidden">
                      {t("pathEditor.handle", {
                        title: step.resource.title,
                        position: index + 1,
                        total: steps.length,
                      })}
                    </span>
                  </button>
                  <span className="editor-step__position" aria-hidden="true">
                    {index + 1}
                  </span>
                  <div className="editor-step__main">
                    <p className="editor-step__title">
                      <Link to={`/r/${step.resource.id}`}>{step.resource.title}</Link>{" "}
                      <Badge tone="neutral">{t(`library.kind.${step.resource.kind}`)}</Badge>
                    </p>
                    <StepNote
                      step={step}
                      onSave={(note) =>
                        run(async (expectedVersion) => {
                          const result = await updateStep({
                            variables: { input: { stepId: step.id, note, expectedVersion } },
                          });
                          return result.data?.updatePathStep;
                        })
                      }
                    />
                  </div>
                  <div className="editor-step__actions">
                    <MoveButtons
                      name={step.resource.title}
                      index={index}
                      count={steps.length}
                      id={step.id}
                      targets={targets}
                      onMove={(to, control) => moveTo(step.id, to, control)}
                      onKeyDown={(event, control) => onHandleKey(event, step.id, control)}
                    />
                    <Button size="sm" variant="ghost" onClick={() => void onRemove(step)}>
                      {t("pathEditor.remove")}
                      <span className="visually-hidden"> ({step.resource.title})</span>
                    </Button>
                  </div>
                </li>
              ))}
            </ol>
          </>
        )}
        <p className="visually-hidden" role="status" data-testid="path-announcer">
          {announcement}
        </p>
      </section>

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
        <section aria-labelledby="path-publish-title" className="path-editor__section card">
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

/** A step's note, saved on request; the save button says when there is something to save. */
function StepNote({ step, onSave }: { step: Step; onSave: (note: string) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [base, setBase] = useState(step.note);
  const [note, setNote] = useState(step.note);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  if (base !== step.note) {
    setBase(step.note);
    if (note === base) setNote(step.note);
  }
  const changed = note.trim() !== step.note;

  async function save() {
    setBusy(true);
    setSaved(false);
    const ok = await onSave(note.trim());
    setBusy(false);
    setSaved(ok);
  }

  return (
    <div className="editor-step__note">
      <Field
        multiline
        rows={2}
        label={
          <>
            {t("pathEditor.note")}
            <span className="visually-hidden"> ({step.resource.title})</span>
          </>
        }
        value={note}
        onChange={(event) => {
          setNote(event.target.value);
          setSaved(false);
        }}
        maxLength={TEXT_MAX}
      />
      <p className="actions">
        <Button size="sm" variant="secondary" busy={busy} disabled={!changed} onClick={() => void save()}>
          {t("pathEditor.saveNote")}
          <span className="visually-hidden"> ({step.resource.title})</span>
        </Button>
        {saved && !changed ? <SavedStatus /> : null}
      </p>
    </div>
  );
}

interface AddStepFormProps {
  communitySlug: string;
  /** Resources already in the path. */
  taken: ReadonlySet<string>;
  busy: boolean;
  onAdd: (resourceId: string, note: string, onRefused: (error: unknown) => boolean) => Promise<boolean>;
}

function AddStepForm({ communitySlug, taken, busy, onAdd }: AddStepFormProps) {
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
    <section aria-labelledby={titleId} className="path-editor__section card">
      <h2 id={titleId}>{t("pathEditor.addTitle")}</h2>
      {body}
    </section>
  );
}

function GripIcon() {
  return (
    <svg className="editor-step__grip" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M5 3h2v2H5zm4 0h2v2H9zM5 7h2v2H5zm4 0h2v2H9zm-4 4h2v2H5zm4 0h2v2H9z" />
    </svg>
  );
}
