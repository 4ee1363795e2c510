import { useMutation } from "@apollo/client/react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { conflictState } from "../../app/errors";
import { graphql } from "../../gql";
import type { AmendmentStatus } from "../../gql/graphql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { HiddenNotice } from "../../ui/HiddenNotice";
import { RelativeTime } from "../../ui/RelativeTime";
import { ReportButton } from "../moderation/report/ReportButton";
import { acceptAmendmentMutation } from "./acceptAmendment.mutation";
import { CommentThreads } from "./Comments";
import { DiffView } from "./DiffView";
import type { AmendmentView, SectionView } from "./deliverable.fragment";
import { MergeDialog } from "./MergeDialog";
import { RejectAmendmentForm } from "./RejectAmendmentForm";

const withdrawAmendmentMutation = graphql(`
  mutation WithdrawAmendment($amendmentId: ID!) {
    withdrawAmendment(amendmentId: $amendmentId) {
      ...AmendmentChange
    }
  }
`);

const STATUS_TONE = {
  OPEN: "accent",
  ACCEPTED: "success",
  REJECTED: "neutral",
  WITHDRAWN: "neutral",
} as const satisfies Record<AmendmentStatus, string>;

interface AmendmentCardProps {
  amendment: AmendmentView;
  section: SectionView;
  viewerId: string | null;
  canComment: boolean;
  isEditor: boolean;
  onAnnounce: (message: string) => void;
}

/** One amendment: its change, its decision or the ways to decide it, and its comments. */
export function AmendmentCard({ amendment, section, viewerId, canComment, isEditor, onAnnounce }: AmendmentCardProps) {
  const { t } = useTranslation();
  const id = useId();
  const [asking, setAsking] = useState<"reject" | "withdraw" | null>(null);
  const [merging, setMerging] = useState<{ expectedVersion: number; currentBody: string } | null>(null);
  const [accept, acceptState] = useMutation(acceptAmendmentMutation);
  const [withdraw, withdrawState] = useMutation(withdrawAmendmentMutation);
  const open = amendment.status === "OPEN";

  async function onAccept() {
    if (amendment.stale) {
      setMerging({ expectedVersion: section.version, currentBody: section.body });
      return;
    }
    try {
      await accept({ variables: { input: { amendmentId: amendment.id } } });
      onAnnounce(t("amendments.acceptedNow", { name: amendment.proposer.displayName }));
    } catch (error) {
      // Written against an older text after all: the editor merges.
      const current = conflictState(error);
      if (current && typeof current.version === "number") {
        acceptState.reset();
        setMerging({
          expectedVersion: current.version,
          currentBody: typeof current.body === "string" ? current.body : section.body,
        });
      }
    }
  }

  async function onWithdraw() {
    try {
      await withdraw({ variables: { amendmentId: amendment.id } });
      setAsking(null);
      onAnnounce(t("amendments.withdrawnNow"));
    } catch {
      // shown below
    }
  }

  return (
    <article className={`amendment amendment--${amendment.status.toLowerCase()}`} aria-labelledby={`${id}-title`}>
      <header className="amendment__head">
        <h3 id={`${id}-title`} className="amendment__title">
          {t("amendments.by", { name: amendment.proposer.displayName })}
        </h3>
        <p className="amendment__flags">
          <Badge tone={STATUS_TONE[amendment.status]}>{t(`amendments.status.${amendment.status}`)}</Badge>
          {amendment.stale ? <Badge tone="warning">{t("amendments.stale")}</Badge> : null}
        </p>
        <p className="amendment__meta">
          <RelativeTime value={amendment.createdAt} /> · {t("amendments.against", { version: amendment.baseVersion })}
        </p>
        <ReportButton
          target={{ amendmentId: amendment.id }}
          authorId={amendment.proposer.id}
          what={amendment.proposer.displayName}
        />
      </header>
      {amendment.moderation ? <HiddenNotice notice={amendment.moderation} /> : null}
      <p className="amendment__rationale">
        <span className="amendment__label">{t("amendments.rationale")}</span> {amendment.rationale}
      </p>
      <DiffView compact parts={amendment.diff} label={t("amendments.diffLabel", { version: amendment.baseVersion })} />
      {amendment.stale ? (
        <div className="amendment__current">
          <p className="amendment__label">{t("amendments.currentDiff", { version: section.version })}</p>
          <DiffView
            compact
            parts={amendment.currentDiff}
            label={t("amendments.currentDiff", { version: section.version })}
          />
        </div>
      ) : null}
      {!open ? (
        <p className="amendment__decision">
          {t(`amendments.decided.${amendment.status as Exclude<AmendmentStatus, "OPEN">}`, {
            name: amendment.decider?.displayName ?? "",
          })}{" "}
          <RelativeTime value={amendment.decidedAt} />
          {amendment.decisionReason ? (
            <>
              <br />
              <span className="amendment__label">{t("amendments.reason")}</span> {amendment.decisionReason}
            </>
          ) : null}
        </p>
      ) : null}

      {open && asking === "reject" ? (
        <RejectAmendmentForm amendment={amendment} onClose={() => setAsking(null)} onAnnounce={onAnnounce} />
      ) : null}
      {open && asking === "withdraw" ? (
        <div className="amendment__confirm">
          <p>{t("amendments.withdrawConfirm")}</p>
          <p className="actions">
            <Button size="sm" variant="danger" busy={withdrawState.loading} onClick={() => void onWithdraw()}>
              {t("amendments.withdraw")}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setAsking(null)}>
              {t("common.cancel")}
            </Button>
          </p>
        </div>
      ) : null}
      {open && !asking && (amendment.viewerCanDecide || amendment.viewerCanWithdraw) ? (
        <p className="actions amendment__actions">
          {amendment.viewerCanDecide ? (
            <>
              <Button size="sm" busy={acceptState.loading} onClick={() => void onAccept()}>
                {amendment.stale ? t("amendments.acceptMerge") : t("amendments.accept")}
                <span className="visually-hidden"> ({amendment.proposer.displayName})</span>
              </Button>
              <Button size="sm" variant="secondary" onClick={() => setAsking("reject")}>
                {t("amendments.reject")}
                <span className="visually-hidden"> ({amendment.proposer.displayName})</span>
              </Button>
            </>
          ) : null}
          {amendment.viewerCanWithdraw ? (
            <Button size="sm" variant="ghost" onClick={() => setAsking("withdraw")}>
              {t("amendments.withdraw")}
            </Button>
          ) : null}
        </p>
      ) : null}
      <ActionProblem error={acceptState.error ?? withdrawState.error} />

      <details className="amendment__comments">
        <summary>{t("amendments.comments", { count: amendment.comments.length })}</summary>
        <CommentThreads
          threads={amendment.comments}
          target={{ amendmentId: amendment.id }}
          about={t("amendments.by", { name: amendment.proposer.displayName })}
          canComment={canComment}
          viewerId={viewerId}
          isEditor={isEditor}
        />
      </details>

      <MergeDialog
        amendment={amendment}
        merging={merging}
        onMerging={setMerging}
        onDone={() => onAnnounce(t("amendments.acceptedNow", { name: amendment.proposer.displayName }))}
      />
    </article>
  );
}

/** Amendments as cards, one list item each: the open ones, or the decided ones. */
export function AmendmentList({
  amendments,
  ...card
}: Omit<AmendmentCardProps, "amendment"> & { amendments: AmendmentView[] }) {
  return (
    <ul className="amendments__list">
      {amendments.map((amendment) => (
        <li key={amendment.id}>
          <AmendmentCard amendment={amendment} {...card} />
        </li>
      ))}
    </ul>
  );
}
