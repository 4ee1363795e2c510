import { type RefObject, useEffect } from "react";

/**
 * After a refused submit, put the reader on the first field that needs attention; its error is
 * read with it through aria-describedby. `attempt` changes on every submit.
 */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, attempt: number): void {
  useEffect(() => {
    if (attempt === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt, form]);
}
