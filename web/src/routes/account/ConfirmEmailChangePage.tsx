import { useMutation } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { hasCode } from "../../app/errors";
import { graphql } from "../../gql";
import { Alert } from "../../ui/Alert";
import { ButtonLink } from "../../ui/Button";
import { TokenLinkPage } from "./TokenLinkPage";

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
  const [confirm, { loading, data }] = useMutation(confirmEmailChangeMutation);
  const done = data?.confirmEmailChange;
  return (
    <TokenLinkPage
      title={t("confirmEmailChange.title")}
      intro={t("confirmEmailChange.intro")}
      submitLabel={t("confirmEmailChange.submit")}
      askAgain={t("confirmEmailChange.askAgain")}
      act={(token) => confirm({ variables: { token } })}
      busy={loading}
      explain={(error) => {
        if (hasCode(error, "FORBIDDEN")) return t("confirmEmailChange.otherAccount");
        if (hasCode(error, "CONFLICT")) return t("confirmEmailChange.taken");
        return null;
      }}
      problemAside={<Link to="/account/security">{t("confirmEmailChange.security")}</Link>}
      done={
        done ? (
          <>
            <Alert tone="success">{t("confirmEmailChange.done", { email: done.email ?? "" })}</Alert>
            <p className="actions">
              <ButtonLink to="/account/security">{t("confirmEmailChange.security")}</ButtonLink>
            </p>
          </>
        ) : null
      }
    />
  );
}
