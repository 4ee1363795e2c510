import { useId } from "react";
import { useTranslation } from "react-i18next";

interface PathProgressProps {
  done: number;
  total: number;
  /** Announce changes (on the path page, where the reader ticks steps off). */
  live?: boolean;
}

/** "3 of 5 done" with a bar: the text is the bar's name, so both say the same. */
export function PathProgress({ done, total, live = false }: PathProgressProps) {
  const { t } = useTranslation();
  const id = useId();
  const complete = total > 0 && done >= total;
  return (
    <div className={`progress${complete ? " progress--complete" : ""}`}>
      <p className="progress__label" id={id} role={live ? "status" : undefined}>
        {complete ? t("paths.progressComplete", { total }) : t("paths.progress", { done, total })}
      </p>
      <progress className="progress__bar" max={Math.max(total, 1)} value={Math.min(done, total)} aria-labelledby={id} />
    </div>
  );
}
