import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/Button";
import { AmendmentList } from "./AmendmentCard";
import { DecidedAmendments } from "./DecidedAmendments";
import type { SectionView } from "./deliverable.fragment";
import { ProposeAmendmentForm } from "./ProposeAmendmentForm";
import "./amendments.css";

interface AmendmentsProps {
  deliverableId: string;
  section: SectionView;
  viewerId: string | null;
  canPropose: boolean;
  canComment: boolean;
  isEditor: boolean;
  /** Tells the page an amendment changed hands (for its live announcements). */
  onAnnounce: (message: string) => void;
}

/** A section's amendments: open ones with their changes, decided ones on request, and a way to propose one. */
export function Amendments({
  deliverableId,
  section,
  viewerId,
  canPropose,
  canComment,
  isEditor,
  onAnnounce,
}: AmendmentsProps) {
  const { t } = useTranslation();
  const [show, setShow] = useState<"open" | "decided">("open");
  const [proposing, setProposing] = useState(false);
  const proposeRef = useRef<HTMLButtonElement>(null);

  return (
    <div className="amendments">
      <fieldset className="amendments__filter">
        <legend className="visually-hidden">{t("amendments.filter")}</legend>
        <button
          type="button"
          className="amendments__filter-button"
          aria-pressed={show === "open"}
          onClick={() => setShow("open")}
        >
          {t("amendments.showOpen", { count: section.amendments.length })}
        </button>
        <button
          type="button"
          className="amendments__filter-button"
          aria-pressed={show === "decided"}
          onClick={() => setShow("decided")}
        >
          {t("amendments.showDecided")}
        </button>
      </fieldset>

      {show === "open" ? (
        <>
          {section.amendments.length === 0 ? <p className="amendments__none">{t("amendments.noneOpen")}</p> : null}
          <AmendmentList
            amendments={section.amendments}
            section={section}
            viewerId={viewerId}
            canComment={canComment}
            isEditor={isEditor}
            onAnnounce={onAnnounce}
          />
        </>
      ) : (
        <DecidedAmendments
          deliverableId={deliverableId}
          section={section}
          viewerId={viewerId}
          canComment={canComment}
          isEditor={isEditor}
        />
      )}

      {canPropose ? (
        proposing ? (
          <ProposeAmendmentForm
            section={section}
            onClose={(proposed) => {
              setProposing(false);
              setShow("open");
              if (proposed) onAnnounce(t("amendments.proposed"));
              requestAnimationFrame(() => proposeRef.current?.focus());
            }}
          />
        ) : (
          <p className="actions">
            <Button ref={proposeRef} size="sm" variant="secondary" onClick={() => setProposing(true)}>
              {t("amendments.propose")}
              <span className="visually-hidden"> ({section.heading})</span>
            </Button>
          </p>
        )
      ) : null}
    </div>
  );
}
