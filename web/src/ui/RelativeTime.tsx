import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatRelative } from "./format";

/** Every RelativeTime on the page moves on together, once a minute. */
const listeners = new Set<(now: number) => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    listeners.add(setNow);
    timer ??= setInterval(() => {
      const at = Date.now();
      for (const listener of listeners) listener(at);
    }, 60_000);
    return () => {
      listeners.delete(setNow);
      if (listeners.size === 0 && timer) {
        clearInterval(timer);
        timer = undefined;
      }
    };
  }, []);
  return now;
}

/** "5 minutes ago", with the exact date and time for machines and on hover. */
export function RelativeTime({ value }: { value: unknown }) {
  const { i18n } = useTranslation();
  const now = useNow();
  if (typeof value !== "string") return null;
  return (
    <time dateTime={value} title={formatDateTime(value, i18n.language)}>
      {formatRelative(value, i18n.language, now)}
    </time>
  );
}
