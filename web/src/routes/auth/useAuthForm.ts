import type { FormEvent } from "react";
import { useLocation, useNavigate } from "react-router";
import { resetSession } from "../../app/apollo/client";
import { returnPath } from "../../app/session";
import type { FormProblems } from "../../app/useProblemMessage";
import { useFormRefusals } from "../../ui/useFormRefusals";

interface AuthFormOptions<T> {
  /** The values to send, from the submitted form. */
  read: (form: FormData) => T;
  /** A message per field that is not acceptable; empty when all are. */
  validate: (values: T) => Record<string, string>;
  send: (values: T) => Promise<unknown>;
  /** What a refusal from the api means for this form. */
  problemsOf: (error: unknown) => FormProblems;
}

/**
 * The plumbing the login and registration forms share: check before sending, show the api's
 * refusals next to their fields and put the reader on the first one, and once signed in start a
 * new session and go back where the visitor came from.
 */
export function useAuthForm<T>({ read, validate, send, problemsOf }: AuthFormOptions<T>) {
  const navigate = useNavigate();
  const location = useLocation();
  const { formRef, problems, refuse, clearProblems } = useFormRefusals();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = read(new FormData(event.currentTarget));
    const fields = validate(values);
    if (Object.keys(fields).length > 0) return refuse({ fields, general: null });

    clearProblems();
    try {
      await send(values);
    } catch (error) {
      return refuse(problemsOf(error));
    }
    await resetSession();
    await navigate(returnPath(location.state), { replace: true });
  }

  return { formRef, problems, onSubmit: (event: FormEvent<HTMLFormElement>) => void onSubmit(event) };
}
