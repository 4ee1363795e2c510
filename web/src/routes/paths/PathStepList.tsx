import { type DragEvent, type KeyboardEvent, type RefObject, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { MoveButtons, type MoveControl, type useFocusTargets } from "../../ui/MoveButtons";
import type { LearningPathView } from "./PathPage";
import { StepNote } from "./StepNote";

type Step = LearningPathView["steps"][number];
export type StepControl = "handle" | MoveControl;

interface PathStepListProps {
  /** In the order shown, which may be a move the server has not answered yet. */
  steps: Step[];
  /** The steps' ids in that order. */
  shownIds: string[];
  targets: ReturnType<typeof useFocusTargets>;
  headingRef: RefObject<HTMLHeadingElement | null>;
  announcement: string;
  /** A move is shown but not yet on the server. */
  saving: boolean;
  onMove: (id: string, to: number, control: StepControl) => void;
  onRemove: (step: Step) => Promise<void>;
  onSaveNote: (step: Step, note: string) => Promise<boolean>;
}

/**
 * The path's steps in order, each with its note and its move and remove buttons. A step moves by
 * dragging its handle, with Alt+Arrow keys on the handle or the move buttons, or with the buttons.
 */
export function PathStepList({
  steps,
  shownIds,
  targets,
  headingRef,
  announcement,
  saving,
  onMove,
  onRemove,
  onSaveNote,
}: PathStepListProps) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState<string | null>(null);
  const draggingRef = useRef<string | null>(null);
  const [dropTarget, setDropTarget] = useState<{ id: string; after: boolean } | null>(null);

  function onHandleKey(event: KeyboardEvent<HTMLElement>, id: string, control: StepControl) {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    event.preventDefault();
    const index = shownIds.indexOf(id);
    onMove(id, index + (event.key === "ArrowUp" ? -1 : 1), control);
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
    onMove(moving, to, "handle");
    endDrag();
  }

  function endDrag() {
    draggingRef.current = null;
    setDragging(null);
    setDropTarget(null);
  }

  return (
    <section aria-labelledby="path-steps-title" className="editor-page__section">
      <h2 id="path-steps-title" ref={headingRef} tabIndex={-1}>
        {t("pathEditor.stepsTitle", { count: steps.length })}
      </h2>
      {steps.length === 0 ? (
        <p className="editor-page__hint">{t("pathEditor.noSteps")}</p>
      ) : (
        <>
          <p className="editor-page__hint" id="reorder-help">
            {t("pathEditor.reorderHelp")}
          </p>
          {/* "saving" while a move is shown ahead of the server: a reload then would undo it. */}
          <ol className="editor-steps" data-state={saving ? "saving" : "saved"}>
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
                  <StepNote step={step} onSave={(note) => onSaveNote(step, note)} />
                </div>
                <div className="editor-step__actions">
                  <MoveButtons
                    name={step.resource.title}
                    index={index}
                    count={steps.length}
                    id={step.id}
                    targets={targets}
                    onMove={(to, control) => onMove(step.id, to, control)}
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
  );
}

function GripIcon() {
  return (
    <svg className="editor-step__grip" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M5 3h2v2H5zm4 0h2v2H9zM5 7h2v2H5zm4 0h2v2H9zm-4 4h2v2H5zm4 0h2v2H9z" />
    </svg>
  );
}
