import { useTranslation } from "react-i18next";
import { useProblemMessage } from "../app/useProblemMessage";
import { Alert } from "./Alert";
import { Button } from "./Button";

interface ErrorStateProps {
  error: unknown;
  /** Offered as "Try again" when given. */
  retry?: () => unknown;
}

/** A failed query: what went wrong in the reader's language, and a way to try again. */
export function ErrorState({ error, retry }: ErrorStateProps) {
  const { t } = useTranslation();
  const message = useProblemMessage();
  return (
    <Alert
      title={t("errors.loadFailed")}
      action={
        retry ? (
          <Button variant="secondary" size="sm" onClick={() => void retry()}>
            {t("common.tryAgain")}
          </Button>
        ) : null
      }
    >
      <p>{message(error)}</p>
    </Alert>
  );
}
