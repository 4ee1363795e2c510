import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import "./page.css";

export interface Crumb {
  to: string;
  label: ReactNode;
}

/** Where a page stands: its ancestors, nearest last. */
export function Breadcrumb({ crumbs }: { crumbs: readonly Crumb[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("thread.breadcrumb")}>
      <ol className="breadcrumb">
        {crumbs.map((crumb) => (
          <li key={crumb.to}>
            <Link to={crumb.to}>{crumb.label}</Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

interface PageHeaderProps {
  crumbs: readonly Crumb[];
  /** Added to the header's own class. */
  className?: string;
  /** Added to the inner container's class. */
  containerClassName?: string;
  /** Flags, title and what follows them. */
  children: ReactNode;
}

/** The banded header of a community's page (a resource, a path, a document): breadcrumb first. */
export function PageHeader({ crumbs, className, containerClassName, children }: PageHeaderProps) {
  return (
    <header className={className ? `page__header ${className}` : "page__header"}>
      <div className={containerClassName ? `container ${containerClassName}` : "container"}>
        <Breadcrumb crumbs={crumbs} />
        {children}
      </div>
    </header>
  );
}
