import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { useViewer } from "../app/session";
import { usePageTitle } from "../app/usePageTitle";
import { ButtonLink } from "./Button";
import { ErrorState } from "./ErrorState";
import { Loading } from "./Loading";

/** A page whose query has not answered yet. */
export function PageLoading() {
  return (
    <div className="container page">
      <Loading />
    </div>
  );
}

/** A page whose query failed: what went wrong, and a way to try again. */
export function PageError({ error, retry }: { error: unknown; retry?: () => unknown }) {
  return (
    <div className="container page">
      <ErrorState error={error} retry={retry} />
    </div>
  );
}

interface MessagePageProps {
  title: ReactNode;
  body: ReactNode;
  actions: ReactNode;
}

/** A page that only says why it cannot show what was asked for, and where to go instead. */
export function MessagePage({ title, body, actions }: MessagePageProps) {
  return (
    <div className="container page page--narrow">
      <h1>{title}</h1>
      <p>{body}</p>
      <p className="actions">{actions}</p>
    </div>
  );
}

interface PrivatePageProps {
  title: string;
  /** Said to someone signed in who is not a member. */
  memberBody: string;
  /** Said to someone not signed in, offered to sign in. */
  body: string;
  /** Whether signing in comes back to the same place on the page (its #fragment). */
  keepHash?: boolean;
}

/** Something for members only, asked for by someone who is not (yet) one. */
export function PrivatePage({ title, memberBody, body, keepHash = false }: PrivatePageProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const { viewer } = useViewer();
  usePageTitle(title);
  return (
    <MessagePage
      title={title}
      body={viewer ? memberBody : body}
      actions={
        <>
          {viewer ? null : (
            <ButtonLink to="/login" state={{ from: location.pathname + (keepHash ? location.hash : "") }}>
              {t("nav.login")}
            </ButtonLink>
          )}
          <ButtonLink to="/" variant="secondary">
            {t("common.backHome")}
          </ButtonLink>
        </>
      }
    />
  );
}
