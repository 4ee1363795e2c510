import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/Button";

/** A section's remove button, which asks once more before removing. */
export function RemoveSection({ heading, onRemove }: { heading: string; onRemove: () => Promise<boolean> }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!confirming) {
    return (
      <Button size="sm" variant="ghost" onClick={() => setConfirming(true)}>
        {t("manage.removeSection")}
        <span className="visually-hidden"> ({heading})</span>
      </Button>
    );
  }
  return (
    <>
      <Button
        size="sm"
        variant="danger"
        busy={busy}
        onClick={async () => {
          setBusy(true);
          await onRemove();
          setBusy(false);
          setConfirming(false);
        }}
      >
        {t("manage.confirmRemove", { heading })}
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
        {t("common.cancel")}
      </Button>
    </>
  );
}
