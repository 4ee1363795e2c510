import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { hasCode } from "../../app/errors";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Alert } from "../../ui/Alert";
import { Button, ButtonLink } from "../../ui/Button";
import { accentStyle } from "../../ui/Card";
import { useMentionSuggestions } from "../../ui/composer/useMentionSuggestions";
import { ErrorState } from "../../ui/ErrorState";
import { Field } from "../../ui/Field";
import { Loading } from "../../ui/Loading";
import { NotFoundContent } from "../not-found/NotFoundPage";
import { useDeliverablePage } from "./DeliverablePage";
import { DeliverableStatusBadge } from "./DeliverableStatusBadge";
import type { DeliverableView } from "./deliverable.fragment";
import { HEADING_MAX, SUMMARY_MAX, TITLE_MAX, TITLE_MIN } from "./NewDocumentForm";
import "../library/library.css";
import "../paths/paths.css";
import "./deliverable.css";

const updateDeliverableMutation = graphql(`
  mutation UpdateDeliverable($input: UpdateDeliverableInput!) {
    updateDeliverable(input: $input) {
      id
      ...DeliverableHead
    }
  }
`);

const addDeliverableEditorMutation = graphql(`
  mutation AddDeliverableEditor($input: DeliverableEditorInput!) {
    addDeliverableEditor(input: $input) {
      id
      ...DeliverableHead
    }
  }
`);

const removeDeliverableEditorMutation = graphql(`
  mutation RemoveDeliverableEditor($input: DeliverableEditorInput!) {
    removeDeliverableEditor(input: $input) {
      id
      ...DeliverableHead
    }
  }
`);

const setDeliverableOrganizationsMutation = graphql(`
  mutation SetDeliverableOrganizations($input: SetDeliverableOrganizationsInput!) {
    setDeliverableOrganizations(input: $input) {
      id
      ...DeliverableHead
    }
  }
`);

const addSectionMutation = graphql(`
  mutation AddSection($input: AddSectionInput!) {
    addSection(input: $input) {
      id
      version
      sections {
        id
        ...SectionView
      }
    }
  }
`);

const removeSectionMutation = graphql(`
  mutation RemoveSection($input: RemoveSectionInput!) {
    removeSection(input: $input) {
      id
      version
      sections {
        id
        ...SectionView
      }
    }
  }
`);

const reorderSectionsMutation = graphql(`
  mutation ReorderSections($input: ReorderSectionsInput!) {
    reorderSections(input: $input) {
      id
      version
      sections {
        id
        ...SectionView
      }
    }
  }
`);

const partnerOrganizationsQuery = graphql(`
  query CoAuthorCandidates {
    organizations {
      id
      name
      category
    }
  }
`);

/** `/d/:id/manage`: the editors' page for who edits, who co-authors, and the outline. */
export function ManageDocumentPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useDeliverablePage(id);
  const deliverable = data?.deliverable ?? null;
  usePageTitle(deliverable ? t("manage.pageTitle", { title: deliverable.title }) : null);

  if (loading && !data) {
    return (
      <div className="container page">
        <Loading />
      </div>
    );
  }
  if (error && !data && !hasCode(error, "NOT_FOUND")) {
    return (
      <div className="container page">
        <ErrorState error={error} retry={refetch} />
      </div>
    );
  }
  if (!deliverable) return <NotFoundContent title={t("document.notFoundTitle")} body={t("document.notFoundBody")} />;
  if (!deliverable.viewerIsEditor) {
    return (
      <div className="container page page--narrow">
        <h1>{t("manage.forbiddenTitle")}</h1>
        <p>{t("manage.forbiddenBody")}</p>
        <p className="actions">
          <ButtonLink to={`/d/${deliverable.id}`}>{t("manage.back")}</ButtonLink>
        </p>
      </div>
    );
  }
  return <Manage key={deliverable.id} deliverable={deliverable} refetch={() => refetch()} />;
}

function Manage({ deliverable, refetch }: { deliverable: DeliverableView; refetch: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const community = deliverable.community;
  const [conflict, setConflict] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState("");
  const versionRef = useRef(deliverable.version);
  if (deliverable.version > versionRef.current) versionRef.current = deliverable.version;
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const [addSection, addState] = useMutation(addSectionMutation);
  const [removeSection] = useMutation(removeSectionMutation);
  const [reorder] = useMutation(reorderSectionsMutation);
  const [updateDeliverable, updateState] = useMutation(updateDeliverableMutation);
  const controls = useRef(new Map<string, HTMLButtonElement>());
  const sectionsHeadingRef = useRef<HTMLHeadingElement>(null);

  /**
   * One outline change at a time, each against the latest version known; refused because someone
   * changed the document first (CONFLICT), it brings the latest outline and says so.
   */
  function run(task: (expectedVersion: number) => Promise<{ version: number } | null | undefined>) {
    const next = queue.current.then(async () => {
      try {
        const result = await task(versionRef.current);
        if (result) versionRef.current = Math.max(versionRef.current, result.version);
        setProblem(null);
        setConflict(false);
        return true;
      } catch (error) {
        if (hasCode(error, "CONFLICT")) {
          setConflict(true);
          await refetch().catch(() => undefined);
        } else setProblem(error);
        return false;
      }
    });
    queue.current = next;
    return next;
  }

  function move(index: number, to: number, control: "up" | "down") {
    const ids = deliverable.sections.map((s) => s.id);
    const [id] = ids.splice(index, 1);
    if (!id || to < 0 || to > ids.length) return;
    ids.splice(to, 0, id);
    void run(async (expectedVersion) => {
      const result = await reorder({
        variables: { input: { deliverableId: deliverable.id, sectionIds: ids, expectedVersion } },
      });
      setAnnouncement(t("manage.movedTo", { position: to + 1, total: ids.length }));
      requestAnimationFrame(() => {
        const target = controls.current.get(`${id}:${to === 0 ? "down" : to === ids.length - 1 ? "up" : control}`);
        target?.focus();
      });
      return result.data?.reorderSections;
    });
  }

  return (
    <article className="path-editor" style={accentStyle(community.color)} aria-labelledby="manage-title">
      <header className="resource-page__header">
        <div className="container">
          <nav aria-label={t("thread.breadcrumb")}>
            <ol className="breadcrumb">
              <li>
                <Link to={`/c/${community.slug}`}>{community.name}</Link>
              </li>
              <li>
                <Link to={`/c/${community.slug}?tab=documents`}>{t("documents.title")}</Link>
              </li>
              <li>
                <Link to={`/d/${deliverable.id}`}>{deliverable.title}</Link>
              </li>
            </ol>
          </nav>
          <p className="resource-page__flags">
            <DeliverableStatusBadge status={deliverable.status} />
          </p>
          <h1 id="manage-title" className="resource-page__title">
            {t("manage.title")}
          </h1>
          <p className="actions">
            <ButtonLink to={`/d/${deliverable.id}`} variant="secondary" size="sm">
              {t("manage.back")}
            </ButtonLink>
          </p>
        </div>
      </header>

      <div className="container path-editor__layout">
        {conflict ? (
          <Alert
            title={t("manage.conflictTitle")}
            action={
              <Button variant="secondary" size="sm" onClick={() => setConflict(false)}>
                {t("pathEditor.dismiss")}
              </Button>
            }
          >
            <p>{t("manage.conflictBody")}</p>
          </Alert>
        ) : null}
        {problem ? <ActionProblem error={problem} /> : null}

        {deliverable.viewerCanEdit ? (
          <DetailsForm
            deliverable={deliverable}
            busy={updateState.loading}
            onSave={(values) =>
              run(async (expectedVersion) => {
                const result = await updateDeliverable({
                  variables: { input: { deliverableId: deliverable.id, expectedVersion, ...values } },
                });
                return result.data?.updateDeliverable;
              })
            }
          />
        ) : null}

        <Editors deliverable={deliverable} />
        <Organizations deliverable={deliverable} />

        <section aria-labelledby="manage-sections-title" className="path-editor__section card">
          <h2 id="manage-sections-title" ref={sectionsHeadingRef} tabIndex={-1}>
            {t("manage.sectionsTitle", { count: deliverable.sections.length })}
          </h2>
          {!deliverable.viewerCanEdit ? <p>{t("document.textClosed")}</p> : null}
          <ol className="manage-list">
            {deliverable.sections.map((section, index) => (
              <li key={section.id} className="manage-row">
                <span className="manage-row__name">
                  {index + 1}. {section.heading}
                </span>
                {deliverable.viewerCanEdit ? (
                  <span className="actions">
                    <Button
                      size="sm"
                      variant="ghost"
                      ref={(element) => {
                        if (element) controls.current.set(`${section.id}:up`, element);
                        else controls.current.delete(`${section.id}:up`);
                      }}
                      disabled={index === 0}
                      onClick={() => move(index, index - 1, "up")}
                    >
                      <span aria-hidden="true">↑ </span>
                      {t("pathEditor.moveUp")}
                      <span className="visually-hidden"> ({section.heading})</span>
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      ref={(element) => {
                        if (element) controls.current.set(`${section.id}:down`, element);
                        else controls.current.delete(`${section.id}:down`);
                      }}
                      disabled={index === deliverable.sections.length - 1}
                      onClick={() => move(index, index + 1, "down")}
                    >
                      <span aria-hidden="true">↓ </span>
                      {t("pathEditor.moveDown")}
                      <span className="visually-hidden"> ({section.heading})</span>
                    </Button>
                    <RemoveSection
                      heading={section.heading}
                      onRemove={() =>
                        run(async (expectedVersion) => {
                          const result = await removeSection({
                            variables: { input: { sectionId: section.id, expectedVersion } },
                          });
                          setAnnouncement(t("manage.removed", { heading: section.heading }));
                          sectionsHeadingRef.current?.focus();
                          return result.data?.removeSection;
                        })
                      }
                    />
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
          {deliverable.viewerCanEdit ? (
            <AddSectionForm
              busy={addState.loading}
              onAdd={(heading) =>
                run(async (expectedVersion) => {
                  const result = await addSection({
                    variables: { input: { deliverableId: deliverable.id, heading, expectedVersion } },
                  });
                  setAnnouncement(t("manage.added", { heading }));
                  return result.data?.addSection;
                })
              }
            />
          ) : null}
          <p className="visually-hidden" role="status">
            {announcement}
          </p>
        </section>
      </div>
    </article>
  );
}

function DetailsForm({
  deliverable,
  busy,
  onSave,
}: {
  deliverable: DeliverableView;
  busy: boolean;
  onSave: (values: { title: string; summary: string }) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(deliverable.title);
  const [summary, setSummary] = useState(deliverable.summary);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const clean = { title: title.trim(), summary: summary.trim() };
    const found: Record<string, string> = {};
    if (clean.title.length < TITLE_MIN || clean.title.length > TITLE_MAX) found.title = t("documents.titleRule");
    if (clean.summary.length > SUMMARY_MAX) found.summary = t("documents.summaryRule");
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaved(await onSave(clean));
  }

  return (
    <form className="path-editor__section card" aria-labelledby="manage-details-title" noValidate onSubmit={onSubmit}>
      <h2 id="manage-details-title">{t("manage.detailsTitle")}</h2>
      <Field
        label={t("documents.titleLabel")}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        maxLength={TITLE_MAX}
        required
        error={errors.title}
      />
      <Field
        multiline
        rows={3}
        label={t("documents.summaryLabel")}
        value={summary}
        onChange={(event) => setSummary(event.target.value)}
        maxLength={SUMMARY_MAX}
        error={errors.summary}
      />
      <p className="actions">
        <Button type="submit" variant="secondary" busy={busy}>
          {t("manage.saveDetails")}
        </Button>
        {saved ? (
          <span className="path-editor__saved" role="status">
            {t("pathEditor.saved")}
          </span>
        ) : null}
      </p>
    </form>
  );
}

function RemoveSection({ heading, onRemove }: { heading: string; onRemove: () => Promise<boolean> }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!confirming) {
    return (
      <Button size="sm" variant="ghost" onClick={() => setConfirming(true)}>
        {t("manage.removeSection")}
        <span className="visually-hidden"> ({heading})</span>
      </Button>
    );
  }
  return (
    <>
      <Button
        size="sm"
        variant="danger"
        busy={busy}
        onClick={async () => {
          setBusy(true);
          await onRemove();
          setBusy(false);
          setConfirming(false);
        }}
      >
        {t("manage.confirmRemove", { heading })}
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
        {t("common.cancel")}
      </Button>
    </>
  );
}

function AddSectionForm({ busy, onAdd }: { busy: boolean; onAdd: (heading: string) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [heading, setHeading] = useState("");
  const [error, setError] = useState<string | undefined>();
  const inputRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const clean = heading.trim();
    if (!clean || clean.length > HEADING_MAX) {
      setError(t("section.headingRule"));
      return inputRef.current?.focus();
    }
    setError(undefined);
    if (await onAdd(clean)) {
      setHeading("");
      inputRef.current?.focus();
    }
  }

  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)} aria-label={t("manage.addSection")}>
      <Field
        ref={inputRef}
        label={t("manage.newHeading")}
        hint={t("manage.newHeadingHint")}
        value={heading}
        onChange={(event) => setHeading(event.target.value)}
        maxLength={HEADING_MAX}
        error={error}
      />
      <p className="actions">
        <Button type="submit" size="sm" busy={busy}>
          {t("manage.addSection")}
        </Button>
      </p>
    </form>
  );
}

/** The editors, and inviting an active member of the community to join them. */
function Editors({ deliverable }: { deliverable: DeliverableView }) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const prefix = name.trim().replace(/^@/u, "");
  const suggestions = useMentionSuggestions(deliverable.community.slug, prefix.length > 0 ? prefix : null);
  const editorIds = new Set(deliverable.editors.map((e) => e.id));
  const [addEditor, addState] = useMutation(addDeliverableEditorMutation);
  const [removeEditor, removeState] = useMutation(removeDeliverableEditorMutation);

  async function onAdd(user: { id: string; displayName: string }) {
    try {
      await addEditor({ variables: { input: { deliverableId: deliverable.id, userId: user.id } } });
      setName("");
      setAnnouncement(t("manage.editorAdded", { name: user.displayName }));
    } catch {
      // shown below
    }
  }

  async function onRemove(user: { id: string; displayName: string }) {
    try {
      await removeEditor({ variables: { input: { deliverableId: deliverable.id, userId: user.id } } });
      setAnnouncement(t("manage.editorRemoved", { name: user.displayName }));
    } catch {
      // shown below
    }
  }

  return (
    <section aria-labelledby={`${id}-title`} className="path-editor__section card">
      <h2 id={`${id}-title`}>{t("manage.editorsTitle")}</h2>
      <ul className="manage-list">
        {deliverable.editors.map((editor) => (
          <li key={editor.id} className="manage-row">
            <span className="manage-row__name">{editor.displayName}</span>
            {deliverable.editors.length > 1 ? (
              <Button size="sm" variant="ghost" onClick={() => void onRemove(editor)}>
                {t("manage.removeEditor")}
                <span className="visually-hidden"> ({editor.displayName})</span>
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <Field
        label={t("manage.inviteLabel")}
        hint={t("manage.inviteHint")}
        value={name}
        onChange={(event) => setName(event.target.value)}
        autoComplete="off"
      />
      {prefix ? (
        <ul className="suggestions" aria-label={t("manage.suggestions")}>
          {suggestions
            .filter((user) => !editorIds.has(user.id))
            .map((user) => (
              <li key={user.id} className="manage-row">
                <span className="manage-row__name">
                  {user.displayName} <span className="composer__mention-handle">@{user.handle}</span>
                </span>
                <Button size="sm" variant="secondary" busy={addState.loading} onClick={() => void onAdd(user)}>
                  {t("manage.addEditor")}
                  <span className="visually-hidden"> ({user.displayName})</span>
                </Button>
              </li>
            ))}
        </ul>
      ) : null}
      <ActionProblem error={addState.error ?? removeState.error} />
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}

/** The co-authoring organisations: the whole list is sent when saved. */
function Organizations({ deliverable }: { deliverable: DeliverableView }) {
  const { t } = useTranslation();
  const id = useId();
  const { data, loading, error, refetch } = useQuery(partnerOrganizationsQuery);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(deliverable.organizations.map((o) => o.id)));
  const [saved, setSaved] = useState(false);
  const [save, state] = useMutation(setDeliverableOrganizationsMutation);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    try {
      await save({ variables: { input: { deliverableId: deliverable.id, organizationIds: [...chosen] } } });
      setSaved(true);
    } catch {
      // shown below
    }
  }

  return (
    <form className="path-editor__section card" aria-labelledby={`${id}-title`} onSubmit={(e) => void onSubmit(e)}>
      <h2 id={`${id}-title`}>{t("manage.organizationsTitle")}</h2>
      {loading && !data ? <Loading /> : null}
      {error && !data ? <ErrorState error={error} retry={refetch} /> : null}
      {data ? (
        <fieldset className="manage-orgs">
          <legend className="visually-hidden">{t("manage.organizationsTitle")}</legend>
          {data.organizations.map((organization) => (
            <label key={organization.id}>
              <input
                type="checkbox"
                checked={chosen.has(organization.id)}
                onChange={(event) => {
                  const next = new Set(chosen);
                  if (event.target.checked) next.add(organization.id);
                  else next.delete(organization.id);
                  setChosen(next);
                  setSaved(false);
                }}
              />
              <span>{organization.name}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <ActionProblem error={state.error} />
      <p className="actions">
        <Button type="submit" variant="secondary" busy={state.loading}>
          {t("manage.saveOrganizations")}
        </Button>
        {saved ? (
          <span className="path-editor__saved" role="status">
            {t("pathEditor.saved")}
          </span>
        ) : null}
      </p>
    </form>
  );
}
