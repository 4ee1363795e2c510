import type { MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { REPLY_SHORTCUT } from "./useReplyShortcut";

/**
 * A visible link to the reply box, past every post, naming the shortcut that does the same.
 * The href is the fallback; a click goes on to the text box itself, as the shortcut does.
 */
export function SkipToReply({ onGo }: { onGo: () => void }) {
  const { t } = useTranslation();

  function onClick(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    onGo();
  }

  return (
    <p className="thread__skip">
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is navigation within the page; the click only carries it on into the text box */}
      <a href="#reply-title" onClick={onClick} aria-keyshortcuts={REPLY_SHORTCUT}>
        {t("thread.skipToReply")}
      </a>{" "}
      <kbd className="kbd">{t("thread.replyShortcutKeys")}</kbd>
    </p>
  );
}
