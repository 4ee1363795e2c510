import type { FormEvent, ReactNode, RefObject } from "react";
import { Link, useLocation } from "react-router";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import "./auth.css";

interface AuthLayoutProps {
  title: string;
  intro: string;
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** A refusal that is not about one field. */
  general: string | null;
  submitLabel: string;
  busy: boolean;
  /** "No account yet? Create one": the question, the link text and where it goes. */
  switchQuestion: string;
  switchLabel: string;
  switchTo: string;
  children: ReactNode;
}

/** The page around the login and registration forms. */
export function AuthLayout({
  title,
  intro,
  formRef,
  onSubmit,
  general,
  submitLabel,
  busy,
  switchQuestion,
  switchLabel,
  switchTo,
  children,
}: AuthLayoutProps) {
  const location = useLocation();
  return (
    <div className="container page page--narrow auth">
      <h1>{title}</h1>
      <p className="auth__intro">{intro}</p>
      <form ref={formRef} className="auth__form card" noValidate onSubmit={onSubmit}>
        {general ? <Alert>{general}</Alert> : null}
        {children}
        <Button type="submit" busy={busy} className="auth__submit">
          {submitLabel}
        </Button>
      </form>
      {/* The way back survives switching between the two forms. */}
      <p className="auth__switch">
        {switchQuestion}{" "}
        <Link to={switchTo} state={location.state}>
          {switchLabel}
        </Link>
      </p>
    </div>
  );
}
