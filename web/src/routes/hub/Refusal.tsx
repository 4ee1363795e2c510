import { useTranslation } from "react-i18next";
import { hasCode } from "../../app/errors";
import { ActionProblem } from "../../ui/ActionProblem";

/**
 * Why an action on a search or an interest was refused. A CONFLICT means someone acted first (the
 * version sent was stale, or the state moved on): the page has read the current state again, so
 * the reader is told to look before trying again.
 */
export function Refusal({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <>
      <ActionProblem error={error} />
      {hasCode(error, "CONFLICT") ? <p className="hub-conflict">{t("hub.conflict")}</p> : null}
    </>
  );
}
