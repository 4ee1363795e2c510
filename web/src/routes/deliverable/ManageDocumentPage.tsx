import { useMutation, useQuery } from "@apollo/client/react";
import { HEADING_MAX } from "@pratica/rules";
import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { hasCode } from "../../app/errors";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Button, ButtonLink } from "../../ui/Button";
import { ChangeRefusals } from "../../ui/ChangeRefusals";
import { useMentionSuggestions } from "../../ui/composer/useMentionSuggestions";
import { EditorPage } from "../../ui/EditorPage";
import { ErrorState } from "../../ui/ErrorState";
import { Field } from "../../ui/Field";
import { Loading } from "../../ui/Loading";
import { MoveButtons, type MoveControl, useFocusTargets } from "../../ui/MoveButtons";
import { MessagePage, PageError, PageLoading } from "../../ui/PageStates";
import { SaveActions } from "../../ui/SaveActions";
import { TitleSummaryForm } from "../../ui/TitleSummaryForm";
import { useVersionedChanges } from "../../ui/useVersionedChanges";
import { NotFoundContent } from "../not-found/NotFoundPage";
import { useDeliverablePage } from "./DeliverablePage";
import { DeliverableStatusBadge } from "./DeliverableStatusBadge";
import type { DeliverableView } from "./deliverable.fragment";
import { documentRules } from "./deliverable.rules";
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
      ...DeliverableOutline
    }
  }
`);

const removeSectionMutation = graphql(`
  mutation RemoveSection($input: RemoveSectionInput!) {
    removeSection(input: $input) {
      ...DeliverableOutline
    }
  }
`);

const reorderSectionsMutation = graphql(`
  mutation ReorderSections($input: ReorderSectionsInput!) {
    reorderSections(input: $input) {
      ...DeliverableOutline
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

  if (loading && !data) return <PageLoading />;
  if (error && !data && !hasCode(error, "NOT_FOUND")) return <PageError error={error} retry={refetch} />;
  if (!deliverable) return <NotFoundContent title={t("document.notFoundTitle")} body={t("document.notFoundBody")} />;
  if (!deliverable.viewerIsEditor) {
    return (
      <MessagePage
        title={t("manage.forbiddenTitle")}
        body={t("manage.forbiddenBody")}
        actions={<ButtonLink to={`/d/${deliverable.id}`}>{t("manage.back")}</ButtonLink>}
      />
    );
  }
  return <Manage key={deliverable.id} deliverable={deliverable} refetch={() => refetch()} />;
}

function Manage({ deliverable, refetch }: { deliverable: DeliverableView; refetch: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const community = deliverable.community;
  const { run, conflict, dismissConflict, problem } = useVersionedChanges(deliverable.version, { refetch });
  const [announcement, setAnnouncement] = useState("");
  const [addSection, addState] = useMutation(addSectionMutation);
  const [removeSection] = useMutation(removeSectionMutation);
  const [reorder] = useMutation(reorderSectionsMutation);
  const [updateDeliverable, updateState] = useMutation(updateDeliverableMutation);
  const targets = useFocusTargets();
  const sectionsHeadingRef = useRef<HTMLHeadingElement>(null);

  function move(index: number, to: number, control: MoveControl) {
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
        targets.focus(`${id}:${to === 0 ? "down" : to === ids.length - 1 ? "up" : control}`);
      });
      return result.data?.reorderSections;
    });
  }

  return (
    <EditorPage
      titleId="manage-title"
      title={t("manage.title")}
      color={community.color}
      crumbs={[
        { to: `/c/${community.slug}`, label: community.name },
        { to: `/c/${community.slug}?tab=documents`, label: t("documents.title") },
        { to: `/d/${deliverable.id}`, label: deliverable.title },
      ]}
      flags={<DeliverableStatusBadge status={deliverable.status} />}
      back={{ to: `/d/${deliverable.id}`, label: t("manage.back") }}
    >
      <ChangeRefusals
        conflict={conflict}
        problem={problem}
        onDismiss={dismissConflict}
        conflictTitle={t("manage.conflictTitle")}
        conflictBody={t("manage.conflictBody")}
      />

      {deliverable.viewerCanEdit ? (
        <TitleSummaryForm
          current={{ title: deliverable.title, summary: deliverable.summary }}
          headingId="manage-details-title"
          heading={t("manage.detailsTitle")}
          submitLabel={t("manage.saveDetails")}
          rules={documentRules(t)}
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
                  <MoveButtons
                    name={section.heading}
                    index={index}
                    count={deliverable.sections.length}
                    id={section.id}
                    targets={targets}
                    onMove={(to, control) => move(index, to, control)}
                  />
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
    </EditorPage>
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
      <SaveActions label={t("manage.saveOrganizations")} busy={state.loading} saved={saved} />
    </form>
  );
}
