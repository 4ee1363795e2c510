import { useTranslation } from "react-i18next";
import { deadlineText } from "./callTime";

/** The deadline in the call's zone and, when it differs, the reader's; "no deadline" otherwise. */
export function Deadline({ at, timeZone }: { at: unknown; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const text = deadlineText(at, timeZone, i18n.language);
  if (!text) return <>{t("hub.call.noDeadline")}</>;
  return (
    <>
      {t("hub.call.deadlineThere", { time: text.there, city: text.city })}
      {text.here ? (
        <span className="hub-deadline__here"> · {t("hub.call.deadlineHere", { time: text.here })}</span>
      ) : null}
    </>
  );
}
