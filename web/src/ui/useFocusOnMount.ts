import { useEffect, useRef } from "react";

/**
 * A ref for the control a form puts the reader on as it opens (the reason to give, the text to
 * change), so they can type at once.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
