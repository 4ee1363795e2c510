import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../app/usePageTitle";
import { useProblemMessage } from "../../app/useProblemMessage";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { linkRefusal, useLinkToken } from "./tokenLink";
import "./account.css";

interface TokenLinkPageProps {
  title: string;
  intro: string;
  submitLabel: string;
  /** What follows a refused token: how to get a new link. */
  askAgain: string;
  /** Sends the token; its result, once there, is shown by `done`. */
  act: (token: string) => Promise<unknown>;
  busy: boolean;
  /** The page after success; null until then. */
  done: ReactNode | null;
  /** The page's own words for a refusal other than the token's; null for the general message. */
  explain?: (error: unknown) => string | null;
  /** Shown after a problem, e.g. where to go instead. */
  problemAside?: ReactNode;
}

/**
 * Where an emailed link leads. The link acts on a click on the page, not on opening it: mail
 * scanners that fetch every link must not act for anyone.
 */
export function TokenLinkPage({
  title,
  intro,
  submitLabel,
  askAgain,
  act,
  busy,
  done,
  explain,
  problemAside,
}: TokenLinkPageProps) {
  const { t } = useTranslation();
  usePageTitle(title);
  const token = useLinkToken();
  const problemMessage = useProblemMessage();
  const [problem, setProblem] = useState<string | null>(null);

  async function onConfirm() {
    if (!token) return;
    setProblem(null);
    try {
      await act(token);
    } catch (error) {
      const refusal = linkRefusal(error);
      if (refusal) setProblem(`${t(`tokenLink.${refusal}`)} ${askAgain}`);
      else setProblem(explain?.(error) ?? problemMessage(error));
    }
  }

  return (
    <div className="container page page--narrow account-link">
      <h1>{title}</h1>
      {done ? (
        done
      ) : token ? (
        <>
          <p>{intro}</p>
          {problem ? (
            <Alert>
              {problem}
              {problemAside ? <> {problemAside}</> : null}
            </Alert>
          ) : null}
          <Button busy={busy} onClick={() => void onConfirm()}>
            {submitLabel}
          </Button>
        </>
      ) : (
        <Alert tone="info">{t("confirmEmail.noToken")}</Alert>
      )}
    </div>
  );
}
