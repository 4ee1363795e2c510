import { useCallback, useRef, useState } from "react";
import type { FormProblems } from "../app/useProblemMessage";
import { useFocusFirstInvalid } from "./useFocusFirstInvalid";

export type FormRefusals = ReturnType<typeof useFormRefusals>;

const NO_PROBLEMS: FormProblems = { fields: {}, general: null };

/**
 * A form's refusals: messages per field and for the whole form, and after each refusal the
 * reader is put on the first field that needs attention. Attach `formRef` to the <form>.
 */
export function useFormRefusals() {
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  useFocusFirstInvalid(formRef, attempt);

  const refuse = useCallback((next: FormProblems) => {
    setProblems(next);
    setAttempt((n) => n + 1);
  }, []);
  const clearProblems = useCallback(() => setProblems(NO_PROBLEMS), []);

  return { formRef, problems, refuse, clearProblems };
}
