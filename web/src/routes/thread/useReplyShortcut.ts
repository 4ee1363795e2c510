import { useEffect, useEffectEvent } from "react";

/** The thread page's way to the reply box, as aria-keyshortcuts writes it. */
export const REPLY_SHORTCUT = "Alt+Shift+R";

/**
 * Alt+Shift+R anywhere on the page calls `go`. Two modifiers, because a shortcut of one
 * printable key fires while someone dictates or types (WCAG 2.1.4); with these, the keys type
 * nothing on Windows or Linux, and browsers leave them to the page.
 */
export function useReplyShortcut(go: () => void) {
  const onShortcut = useEffectEvent(go);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.repeat) return;
      // The R key of any layout; on a Mac, Option+Shift+R types "‰", so the key's place counts too.
      const isR = event.key.toLowerCase() === "r" || (event.code === "KeyR" && !/^\p{L}$/u.test(event.key));
      if (!isR) return;
      event.preventDefault();
      onShortcut();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
