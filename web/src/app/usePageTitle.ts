import { useEffect } from "react";

/** Each page names itself in the tab and for screen readers' window title. */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Pratica` : "Pratica";
  }, [title]);
}
