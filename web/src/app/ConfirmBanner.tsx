import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { graphql } from "../gql";
import { Button } from "../ui/Button";
import { useViewer } from "./session";
import { useProblemMessage } from "./useProblemMessage";

const resendMutation = graphql(`
  mutation ResendEmailConfirmation {
    resendEmailConfirmation
  }
`);

/**
 * A quiet line under the header for an account whose address is not confirmed: why its write
 * buttons are missing or disabled, where the link went, and a way to have it sent again.
 */
export function ConfirmBanner() {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const problemMessage = useProblemMessage();
  const [resend, { loading }] = useMutation(resendMutation);
  const [said, setSaid] = useState<string | null>(null);
  if (viewer?.emailVerified !== false) return null;

  async function onResend() {
    setSaid(null);
    try {
      await resend();
      setSaid(t("confirmBanner.sent"));
    } catch (error) {
      setSaid(problemMessage(error));
    }
  }

  return (
    <section className="confirm-banner" aria-label={t("confirmBanner.label")}>
      <div className="container confirm-banner__inner">
        <p className="confirm-banner__text">{t("confirmBanner.text", { email: viewer.email ?? "" })}</p>
        <Button variant="secondary" size="sm" busy={loading} onClick={() => void onResend()}>
          {t("confirmBanner.resend")}
        </Button>
        <p role="status" className="confirm-banner__status">
          {said ?? ""}
        </p>
      </div>
    </section>
  );
}
