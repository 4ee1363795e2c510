import { useMutation } from "@apollo/client/react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Button } from "../../ui/Button";
import { useMentionSuggestions } from "../../ui/composer/useMentionSuggestions";
import { Field } from "../../ui/Field";
import type { DeliverableView } from "./deliverable.fragment";

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

/** The editors, and inviting an active member of the community to join them. */
export function DocumentEditors({ deliverable }: { deliverable: DeliverableView }) {
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
    <section aria-labelledby={`${id}-title`} className="editor-page__section card">
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
