import { useMutation } from "@apollo/client/react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import { MoveButtons, type MoveControl, useFocusTargets } from "../../ui/MoveButtons";
import type { VersionedTask } from "../../ui/useVersionedChanges";
import { AddSectionForm } from "./AddSectionForm";
import type { DeliverableView } from "./deliverable.fragment";
import { RemoveSection } from "./RemoveSection";

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

interface DocumentOutlineProps {
  deliverable: DeliverableView;
  /** The page's queue of versioned changes, shared with the details form. */
  run: (task: VersionedTask) => Promise<boolean>;
}

/** The document's sections in order: moving, removing and adding them. */
export function DocumentOutline({ deliverable, run }: DocumentOutlineProps) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState("");
  const [addSection, addState] = useMutation(addSectionMutation);
  const [removeSection] = useMutation(removeSectionMutation);
  const [reorder] = useMutation(reorderSectionsMutation);
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
    <section aria-labelledby="manage-sections-title" className="editor-page__section card">
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
  );
}
