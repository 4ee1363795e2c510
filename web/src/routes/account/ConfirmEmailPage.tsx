import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { hasCode } from "../../app/errors";
import { usePageTitle } from "../../app/usePageTitle";
import { useProblemMessage } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import { Alert } from "../../ui/Alert";
import { Button, ButtonLink } from "../../ui/Button";
import { linkRefusal, useLinkToken } from "./tokenLink";
import "./account.css";

const confirmEmailMutation = graphql(`
  mutation ConfirmEmail($token: String!) {
    confirmEmail(token: $token) {
      id
      emailVerified
    }
  }
`);

/**
 * Where the confirmation email's link leads. The address is confirmed by a click on the page, not
 * by opening it: mail scanners that fetch every link must not confirm anyone.
 */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  usePageTitle(t("confirmEmail.title"));
  const token = useLinkToken();
  const problemMessage = useProblemMessage();
  const [confirm, { loading, data }] = useMutation(confirmEmailMutation);
  const [problem, setProblem] = useState<string | null>(null);

  async function onConfirm() {
    if (!token) return;
    setProblem(null);
    try {
      // The answer carries the account's id and state, so the banner goes away by itself.
      await confirm({ variables: { token } });
    } catch (error) {
      const refusal = linkRefusal(error);
      if (refusal) setProblem(`${t(`tokenLink.${refusal}`)} ${t("confirmEmail.askAgain")}`);
      else if (hasCode(error, "FORBIDDEN")) setProblem(t("confirmEmail.otherAccount"));
      else setProblem(problemMessage(error));
    }
  }

  return (
    <div className="container page page--narrow account-link">
      <h1>{t("confirmEmail.title")}</h1>
      {data ? (
        <>
          <Alert tone="success">{t("confirmEmail.done")}</Alert>
          <p className="actions">
            <ButtonLink to="/">{t("confirmEmail.home")}</ButtonLink>
          </p>
        </>
      ) : token ? (
        <>
          <p>{t("confirmEmail.intro")}</p>
          {problem ? <Alert>{problem}</Alert> : null}
          <Button busy={loading} onClick={() => void onConfirm()}>
            {t("confirmEmail.submit")}
          </Button>
        </>
      ) : (
        <Alert tone="info">{t("confirmEmail.noToken")}</Alert>
      )}
    </div>
  );
}
