import { useTranslation } from "react-i18next";
import { Link, NavLink, useLocation } from "react-router";
import { ButtonLink } from "../ui/Button";
import { AccountMenu } from "./AccountMenu";
import { HeaderSearch } from "./HeaderSearch";
import { LanguageSwitch } from "./LanguageSwitch";
import { NotificationBell } from "./NotificationBell";
import { useViewer } from "./session";

function Logo() {
  return (
    <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" />
      <path d="M11 24V8h6.2c3.6 0 5.8 2 5.8 5.1s-2.2 5.1-5.8 5.1H14.6V24z" className="brand__letter" />
      <path d="M14.6 11.1v4.2h2.4c1.5 0 2.4-.8 2.4-2.1s-.9-2.1-2.4-2.1z" />
    </svg>
  );
}

export function Header() {
  const { t } = useTranslation();
  const { viewer, loading } = useViewer();
  const location = useLocation();
  const here = location.pathname + location.search;
  const inCommunity = location.pathname.startsWith("/c/");

  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link to="/" className="brand">
          <Logo />
          <span className="brand__name">Pratica</span>
        </Link>
        <nav className="site-nav" aria-label={t("nav.label")}>
          <ul>
            <li>
              {/* A community page is inside "Communities": the link is current ("true"), not the page. */}
              <Link to="/" aria-current={location.pathname === "/" ? "page" : inCommunity ? "true" : undefined}>
                {t("nav.communities")}
              </Link>
            </li>
            <li>
              <NavLink to="/partners">{t("nav.partners")}</NavLink>
            </li>
            <li>
              <NavLink to="/observatory">{t("nav.observatory")}</NavLink>
            </li>
            <li>
              <NavLink to="/hub">{t("nav.hub")}</NavLink>
            </li>
            <li>
              <NavLink to="/buy-social">{t("nav.buySocial")}</NavLink>
            </li>
          </ul>
        </nav>
        <HeaderSearch />
        <LanguageSwitch />
        {loading ? null : viewer ? (
          <div className="site-header__user">
            <NotificationBell />
            <AccountMenu viewer={viewer} />
          </div>
        ) : (
          <div className="site-header__auth">
            <ButtonLink to="/login" state={{ from: here }} variant="ghost" size="sm">
              {t("nav.login")}
            </ButtonLink>
            <ButtonLink to="/register" state={{ from: here }} variant="primary" size="sm">
              {t("nav.register")}
            </ButtonLink>
          </div>
        )}
      </div>
    </header>
  );
}
