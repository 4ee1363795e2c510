import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { hasCode } from "../../app/errors";
import { usePageTitle } from "../../app/usePageTitle";
import { useProblemMessage } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import { Alert } from "../../ui/Alert";
import { Button, ButtonLink } from "../../ui/Button";
import { linkRefusal, useLinkToken } from "./tokenLink";
import "./account.css";

const confirmEmailChangeMutation = graphql(`
  mutation ConfirmEmailChange($token: String!) {
    confirmEmailChange(token: $token) {
      id
      email
      emailVerified
    }
  }
`);

/** Where the link sent to a new address leads: a click applies the change. */
export function ConfirmEmailChangePage() {
  const { t } = useTranslation();
  usePageTitle(t("confirmEmailChange.title"));
  const token = useLinkToken();
  const problemMessage = useProblemMessage();
  const [confirm, { loading, data }] = useMutation(confirmEmailChangeMutation);
  const [problem, setProblem] = useState<string | null>(null);

  async function onConfirm() {
    if (!token) return;
    setProblem(null);
    try {
      await confirm({ variables: { token } });
    } catch (error) {
      const refusal = linkRefusal(error);
      if (refusal) setProblem(`${t(`tokenLink.${refusal}`)} ${t("confirmEmailChange.askAgain")}`);
      else if (hasCode(error, "FORBIDDEN")) setProblem(t("confirmEmailChange.otherAccount"));
      else if (hasCode(error, "CONFLICT")) setProblem(t("confirmEmailChange.taken"));
      else setProblem(problemMessage(error));
    }
  }

  const done = data?.confirmEmailChange;
  return (
    <div className="container page page--narrow account-link">
      <h1>{t("confirmEmailChange.title")}</h1>
      {done ? (
        <>
          <Alert tone="success">{t("confirmEmailChange.done", { email: done.email ?? "" })}</Alert>
          <p className="actions">
            <ButtonLink to="/account/security">{t("confirmEmailChange.security")}</ButtonLink>
          </p>
        </>
      ) : token ? (
        <>
          <p>{t("confirmEmailChange.intro")}</p>
          {problem ? (
            <Alert>
              {problem} <Link to="/account/security">{t("confirmEmailChange.security")}</Link>
            </Alert>
          ) : null}
          <Button busy={loading} onClick={() => void onConfirm()}>
            {t("confirmEmailChange.submit")}
          </Button>
        </>
      ) : (
        <Alert tone="info">{t("confirmEmail.noToken")}</Alert>
      )}
    </div>
  );
}
