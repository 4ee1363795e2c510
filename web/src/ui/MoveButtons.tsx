import { type KeyboardEvent, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "./Button";

export type MoveControl = "up" | "down";

/**
 * Controls found again by key after a re-render (a row's move buttons after it moved), so focus
 * can follow what the reader moved.
 */
export function useFocusTargets() {
  const targets = useRef(new Map<string, HTMLElement>());
  return {
    ref: (key: string) => (element: HTMLElement | null) => {
      if (element) targets.current.set(key, element);
      else targets.current.delete(key);
    },
    focus: (key: string) => targets.current.get(key)?.focus(),
  };
}

interface MoveButtonsProps {
  /** What moves: said after each button's label, for a screen reader. */
  name: string;
  index: number;
  count: number;
  /** Registers a button under `${id}:up` / `${id}:down` with `useFocusTargets`. */
  id: string;
  targets: ReturnType<typeof useFocusTargets>;
  onMove: (to: number, control: MoveControl) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLButtonElement>, control: MoveControl) => void;
}

/** "Move up" and "Move down" for one row of an ordered list. */
export function MoveButtons({ name, index, count, id, targets, onMove, onKeyDown }: MoveButtonsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        ref={targets.ref(`${id}:up`)}
        disabled={index === 0}
        onClick={() => onMove(index - 1, "up")}
        onKeyDown={onKeyDown ? (event) => onKeyDown(event, "up") : undefined}
      >
        <span aria-hidden="true">↑ </span>
        {t("pathEditor.moveUp")}
        <span className="visually-hidden"> ({name})</span>
      </Button>
      <Button
        size="sm"
        variant="ghost"
        ref={targets.ref(`${id}:down`)}
        disabled={index === count - 1}
        onClick={() => onMove(index + 1, "down")}
        onKeyDown={onKeyDown ? (event) => onKeyDown(event, "down") : undefined}
      >
        <span aria-hidden="true">↓ </span>
        {t("pathEditor.moveDown")}
        <span className="visually-hidden"> ({name})</span>
      </Button>
    </>
  );
}
