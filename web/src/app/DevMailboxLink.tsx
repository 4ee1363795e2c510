import { useTranslation } from "react-i18next";

// The api adds this meta tag to the page only in development without an SMTP server, where
// /dev/mail exists (api/src/server/http.ts); in production there is no tag and no link.
const mailbox = typeof document === "undefined" ? null : document.querySelector('meta[name="pratica-dev-mailbox"]');

/** The footer's link to the development mailbox, so a newcomer can open the demo's emails. */
export function DevMailboxLink() {
  const { t } = useTranslation();
  const href = mailbox?.getAttribute("content");
  if (!href) return null;
  return (
    <p>
      <a href={href}>{t("shell.devMailbox")}</a>
    </p>
  );
}
