import { useMutation } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { hasCode } from "../../app/errors";
import { graphql } from "../../gql";
import { Alert } from "../../ui/Alert";
import { ButtonLink } from "../../ui/Button";
import { TokenLinkPage } from "./TokenLinkPage";

const confirmEmailMutation = graphql(`
  mutation ConfirmEmail($token: String!) {
    confirmEmail(token: $token) {
      id
      emailVerified
    }
  }
`);

/** Where the confirmation email's link leads: a click confirms the address. */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const [confirm, { loading, data }] = useMutation(confirmEmailMutation);
  return (
    <TokenLinkPage
      title={t("confirmEmail.title")}
      intro={t("confirmEmail.intro")}
      submitLabel={t("confirmEmail.submit")}
      askAgain={t("confirmEmail.askAgain")}
      // The answer carries the account's id and state, so the banner goes away by itself.
      act={(token) => confirm({ variables: { token } })}
      busy={loading}
      explain={(error) => (hasCode(error, "FORBIDDEN") ? t("confirmEmail.otherAccount") : null)}
      done={
        data ? (
          <>
            <Alert tone="success">{t("confirmEmail.done")}</Alert>
            <p className="actions">
              <ButtonLink to="/">{t("confirmEmail.home")}</ButtonLink>
            </p>
          </>
        ) : null
      }
    />
  );
}
