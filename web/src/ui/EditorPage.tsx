import type { ReactNode } from "react";
import { ButtonLink } from "./Button";
import { accentStyle } from "./Card";
import { type Crumb, PageHeader } from "./PageHeader";
import "./editor-page.css";

interface EditorPageProps {
  /** The id of the page's heading, which names the page. */
  titleId: string;
  title: string;
  /** The community's colour. */
  color: string | null | undefined;
  crumbs: readonly Crumb[];
  /** Where what is edited stands (draft, published…). */
  flags: ReactNode;
  /** Back to what is edited, as readers see it. */
  back: { to: string; label: string };
  /** The editor's cards, first of all why the last change was refused (`ChangeRefusals`). */
  children: ReactNode;
}

/** The page of an editor for something of a community (a document's outline, a learning path). */
export function EditorPage({ titleId, title, color, crumbs, flags, back, children }: EditorPageProps) {
  return (
    <article className="editor-page" style={accentStyle(color)} aria-labelledby={titleId}>
      <PageHeader crumbs={crumbs}>
        <p className="page__flags">{flags}</p>
        <h1 id={titleId} className="page__title">
          {title}
        </h1>
        <p className="actions">
          <ButtonLink to={back.to} variant="secondary" size="sm">
            {back.label}
          </ButtonLink>
        </p>
      </PageHeader>
      <div className="container editor-page__layout">{children}</div>
    </article>
  );
}
