import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation } from "react-router";
import { ConfirmBanner } from "./ConfirmBanner";
import { DevMailboxLink } from "./DevMailboxLink";
import { Header } from "./Header";
import { PlatformSanctionBanner } from "./PlatformSanctionBanner";
import "./shell.css";

export function AppShell() {
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  // After a client-side navigation, move focus to the new content, as a full page load would
  // put the reader at the top of the page; skip the first render so the skip link comes first.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (pathname) mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <div className="shell">
      {/* A plain fragment link: the browser moves focus to <main tabindex="-1">. */}
      <a className="skip-link" href="#main">
        {t("shell.skipToContent")}
      </a>
      <Header />
      <ConfirmBanner />
      <PlatformSanctionBanner />
      <main id="main" ref={mainRef} tabIndex={-1} className="shell__main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container site-footer__inner">
          <p>
            <strong>Pratica</strong> · {t("shell.footer")}
          </p>
          <DevMailboxLink />
        </div>
      </footer>
    </div>
  );
}
