import { type KeyboardEvent, useRef, useState } from "react";

/**
 * One tab stop for a row of controls, WAI-ARIA's roving tabindex (the toolbar pattern): Tab
 * enters the row at the control last used and leaves it at once; Left and Right move along it,
 * wrapping at the ends; Home and End go to the first and the last. Enter and Space stay with
 * the controls themselves.
 */
export function useRovingTabIndex(count: number) {
  const [current, setCurrent] = useState(0);
  const elements = useRef<(HTMLElement | null)[]>([]);
  const active = Math.min(current, Math.max(count - 1, 0));

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (count === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const from = elements.current.findIndex((element) => element === document.activeElement);
    const at = from === -1 ? active : from;
    const moves: Record<string, number> = {
      ArrowRight: (at + 1) % count,
      ArrowLeft: (at - 1 + count) % count,
      Home: 0,
      End: count - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setCurrent(next);
    elements.current[next]?.focus();
  }

  /** The props of the control at `index`. */
  function item(index: number) {
    return {
      tabIndex: index === active ? 0 : -1,
      ref: (element: HTMLElement | null) => {
        elements.current[index] = element;
      },
      // A click or a focus from elsewhere (a screen reader's cursor) makes it the one Tab returns to.
      onFocus: () => setCurrent(index),
    };
  }

  return { onKeyDown, item };
}
