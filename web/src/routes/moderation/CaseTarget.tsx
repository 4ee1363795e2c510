import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Badge } from "../../ui/Badge";
import type { CaseDetail } from "./caseDetail.query";

/**
 * The reported content: its excerpt and a link to it in place; the full text when the viewer
 * may read it (moderators and the author, even while hidden).
 */
export function CaseTarget({ moderated }: { moderated: CaseDetail }) {
  const { t } = useTranslation();
  const full = fullText(moderated.target);
  return (
    <section aria-labelledby="case-content" className="case-section">
      <h2 id="case-content">{t("moderation.case.content")}</h2>
      <p className="case-page__meta">
        {t(`moderation.kind.${moderated.targetKind}`)}
        {moderated.author ? ` · ${t("moderation.case.by", { name: moderated.author.displayName })}` : null}{" "}
        {moderated.hidden ? (
          <Badge tone="warning">
            {moderated.hiddenBy === "SYSTEM" ? t("moderation.hiddenBySystem") : t("moderation.hiddenByModerators")}
          </Badge>
        ) : null}
      </p>
      {full ? (
        <div className="case-target" data-testid="case-target">
          {full.title ? <p className="case-target__title">{full.title}</p> : null}
          <p className="case-target__text">{full.text}</p>
        </div>
      ) : moderated.targetExcerpt ? (
        <blockquote className="case-target" data-testid="case-target">
          <p className="case-target__text">{moderated.targetExcerpt}</p>
        </blockquote>
      ) : (
        <p className="muted">
          {moderated.hidden ? t("moderation.case.hiddenContent") : t("moderation.case.noContent")}
        </p>
      )}
      {moderated.targetPath ? (
        <p>
          <Link to={moderated.targetPath}>{t("moderation.case.inPlace")}</Link>
        </p>
      ) : null}
    </section>
  );
}

function fullText(target: CaseDetail["target"]): { title?: string; text: string } | null {
  if (!target) return null;
  switch (target.__typename) {
    case "Post":
    case "DeliverableComment":
      return target.body ? { text: target.body } : null;
    case "Thread":
      return target.title || target.body ? { title: target.title, text: target.body } : null;
    case "Resource":
      return target.title || target.summary ? { title: target.title, text: target.summary } : null;
    case "Amendment":
      return target.body ? { text: [target.body, target.rationale].filter(Boolean).join("\n\n") } : null;
    case "User":
      return { title: target.displayName, text: target.bio ?? "" };
    default:
      return null;
  }
}
