import { useMutation } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { graphql } from "../gql";
import { Avatar } from "../ui/Avatar";
import { useDisclosure } from "../ui/useDisclosure";
import { ApplicationsLink } from "./ApplicationsLink";
import { resetSession } from "./apollo/client";
import { ModerationLink } from "./ModerationLink";

const logoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

interface AccountMenuProps {
  viewer: { id: string; displayName: string; role?: string };
}

/**
 * A disclosure (button + panel) rather than an ARIA menu: it holds a link and a button, both
 * reachable with Tab, and closes on Escape, on a click outside and on navigation.
 */
export function AccountMenu({ viewer }: AccountMenuProps) {
  const { t } = useTranslation();
  const { open, setOpen, panelId, rootRef, toggleRef } = useDisclosure();
  const navigate = useNavigate();
  const [logout, { loading }] = useMutation(logoutMutation);

  async function onLogout() {
    try {
      await logout();
    } catch {
      // The cookie may already be gone (expired session); forgetting locally is still right.
    }
    setOpen(false);
    await navigate("/");
    // The menu that had focus is gone; start the reader again at the page content.
    document.getElementById("main")?.focus();
    await resetSession();
  }

  return (
    <div className="account" ref={rootRef}>
      <button
        ref={toggleRef}
        type="button"
        className="account__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
      >
        <Avatar name={viewer.displayName} size="sm" />
        <span className="account__name">{viewer.displayName}</span>
        <span className="visually-hidden"> — {t("account.menu")}</span>
        <svg className="account__chevron" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.8" />
        </svg>
      </button>
      <div className="account__panel" id={panelId} hidden={!open}>
        <ul>
          <li>
            <Link to="/profile" className="account__item">
              {t("account.profile")}
            </Link>
          </li>
          <li>
            <Link to="/account/security" className="account__item">
              {t("account.security")}
            </Link>
          </li>
          <li>
            <Link to="/saved" className="account__item">
              {t("account.saved")}
            </Link>
          </li>
          {viewer.role === "ADMIN" ? (
            <li>
              <Link to="/admin" className="account__item">
                {t("account.admin")}
              </Link>
            </li>
          ) : null}
          <ModerationLink />
          <ApplicationsLink />
          <li>
            <Link to="/moderation/mine" className="account__item">
              {t("account.moderationNotices")}
            </Link>
          </li>
          <li>
            <Link to="/moderation/reports" className="account__item">
              {t("account.reports")}
            </Link>
          </li>
          <li>
            <Link to="/settings/notifications" className="account__item">
              {t("account.notificationSettings")}
            </Link>
          </li>
          <li>
            <Link to="/account/data" className="account__item">
              {t("account.data")}
            </Link>
          </li>
          <li>
            <button
              type="button"
              className="account__item"
              onClick={() => void onLogout()}
              aria-busy={loading || undefined}
            >
              {t("account.logout")}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
