import { Component, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "./usePageTitle";

/** Last resort when rendering a page throws: say so plainly and offer a way out. */
export function RouteError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  usePageTitle(t("routeError.title"));
  if (import.meta.env.DEV) console.error(error);
  return (
    <div className="container page page--narrow">
      <h1>{t("routeError.title")}</h1>
      <p>{t("routeError.body")}</p>
      <p className="actions">
        <a className="btn btn--primary" href={window.location.pathname}>
          {t("routeError.reload")}
        </a>
        <Link className="btn btn--secondary" to="/">
          {t("common.backHome")}
        </Link>
      </p>
    </div>
  );
}

interface RouteErrorBoundaryProps {
  /** The shown location's key: a navigation elsewhere shows the new page again, not the error. */
  locationKey: string;
  children: ReactNode;
}

interface RouteErrorBoundaryState {
  error?: { thrown: unknown; locationKey: string };
}

/** Shows RouteError in place of its children when they throw (a page's chunk that failed to load, too). */
export class RouteErrorBoundary extends Component<RouteErrorBoundaryProps, RouteErrorBoundaryState> {
  override state: RouteErrorBoundaryState = {};

  static getDerivedStateFromError(thrown: unknown): Partial<RouteErrorBoundaryState> {
    return { error: { thrown, locationKey: "" } };
  }

  static getDerivedStateFromProps(
    props: RouteErrorBoundaryProps,
    state: RouteErrorBoundaryState,
  ): Partial<RouteErrorBoundaryState> | null {
    if (!state.error) return null;
    // An error just caught belongs to the location shown when it was thrown.
    if (state.error.locationKey === "") return { error: { ...state.error, locationKey: props.locationKey } };
    return state.error.locationKey === props.locationKey ? null : { error: undefined };
  }

  override render() {
    return this.state.error ? <RouteError error={this.state.error.thrown} /> : this.props.children;
  }
}
