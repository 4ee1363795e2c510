import { useTranslation } from "react-i18next";
import { ActionProblem } from "./ActionProblem";
import { Alert } from "./Alert";
import { Button } from "./Button";

interface ChangeRefusalsProps {
  /** From `useVersionedChanges`. */
  conflict: boolean;
  problem: unknown;
  onDismiss: () => void;
  conflictTitle: string;
  conflictBody: string;
}

/** Why the last change to something versioned was refused: someone changed it first, or another problem. */
export function ChangeRefusals({ conflict, problem, onDismiss, conflictTitle, conflictBody }: ChangeRefusalsProps) {
  const { t } = useTranslation();
  return (
    <>
      {conflict ? (
        <Alert
          title={conflictTitle}
          action={
            <Button variant="secondary" size="sm" onClick={onDismiss}>
              {t("pathEditor.dismiss")}
            </Button>
          }
        >
          <p>{conflictBody}</p>
        </Alert>
      ) : null}
      {problem ? <ActionProblem error={problem} /> : null}
    </>
  );
}
