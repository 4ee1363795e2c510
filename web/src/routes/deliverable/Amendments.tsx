import { useMutation, useQuery } from "@apollo/client/react";
import { RATIONALE_MAX, RATIONALE_MIN } from "@pratica/rules";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { conflictState, fieldProblem, hasCode } from "../../app/errors";
import { graphql } from "../../gql";
import type { AmendmentStatus } from "../../gql/graphql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Alert } from "../../ui/Alert";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import { ErrorState } from "../../ui/ErrorState";
import { Field } from "../../ui/Field";
import { FormActions } from "../../ui/FormActions";
import { Loading } from "../../ui/Loading";
import { RelativeTime } from "../../ui/RelativeTime";
import { useFocusOnMount } from "../../ui/useFocusOnMount";
import { CommentThreads } from "./Comments";
import { DiffView, wordDiff } from "./DiffView";
import type { AmendmentView, SectionView } from "./deliverable.fragment";

const proposeAmendmentMutation = graphql(`
  mutation ProposeAmendment($input: ProposeAmendmentInput!) {
    proposeAmendment(input: $input) {
      ...AmendmentChange
    }
  }
`);

const acceptAmendmentMutation = graphql(`
  mutation AcceptAmendment($input: AcceptAmendmentInput!) {
    acceptAmendment(input: $input) {
      id
      ...AmendmentView
      section {
        id
        ...SectionView
      }
    }
  }
`);

const rejectAmendmentMutation = graphql(`
  mutation RejectAmendment($input: RejectAmendmentInput!) {
    rejectAmendment(input: $input) {
      ...AmendmentChange
    }
  }
`);

const withdrawAmendmentMutation = graphql(`
  mutation WithdrawAmendment($amendmentId: ID!) {
    withdrawAmendment(amendmentId: $amendmentId) {
      ...AmendmentChange
    }
  }
`);

/** Every amendment of the document, decided ones included; the panel keeps its section's. */
const deliverableAmendmentsQuery = graphql(`
  query DeliverableAmendments($id: ID!) {
    deliverable(id: $id) {
      id
      amendments {
        id
        ...AmendmentView
        section {
          id
        }
      }
    }
  }
`);

const STATUS_TONE = {
  OPEN: "accent",
  ACCEPTED: "success",
  REJECTED: "neutral",
  WITHDRAWN: "neutral",
} as const satisfies Record<AmendmentStatus, string>;

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
          <ul className="amendments__list">
            {section.amendments.map((amendment) => (
              <li key={amendment.id}>
                <AmendmentCard
                  amendment={amendment}
                  section={section}
                  viewerId={viewerId}
                  canComment={canComment}
                  isEditor={isEditor}
                  onAnnounce={onAnnounce}
                />
              </li>
            ))}
          </ul>
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
          <ProposeForm
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

function DecidedAmendments({
  deliverableId,
  section,
  viewerId,
  canComment,
  isEditor,
}: {
  deliverableId: string;
  section: SectionView;
  viewerId: string | null;
  canComment: boolean;
  isEditor: boolean;
}) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(deliverableAmendmentsQuery, {
    variables: { id: deliverableId },
    fetchPolicy: "cache-and-network",
  });
  if (loading && !data) return <Loading />;
  if (error && !data) return <ErrorState error={error} retry={refetch} />;
  const decided = (data?.deliverable?.amendments ?? [])
    .filter((a) => a.section.id === section.id && a.status !== "OPEN")
    .sort((a, b) => String(b.decidedAt ?? b.createdAt).localeCompare(String(a.decidedAt ?? a.createdAt)));
  if (decided.length === 0) return <p className="amendments__none">{t("amendments.noneDecided")}</p>;
  return (
    <ul className="amendments__list">
      {decided.map((amendment) => (
        <li key={amendment.id}>
          <AmendmentCard
            amendment={amendment}
            section={section}
            viewerId={viewerId}
            canComment={canComment}
            isEditor={isEditor}
            onAnnounce={() => undefined}
          />
        </li>
      ))}
    </ul>
  );
}

interface AmendmentCardProps {
  amendment: AmendmentView;
  section: SectionView;
  viewerId: string | null;
  canComment: boolean;
  isEditor: boolean;
  onAnnounce: (message: string) => void;
}

function AmendmentCard({ amendment, section, viewerId, canComment, isEditor, onAnnounce }: AmendmentCardProps) {
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
      </header>
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
        <RejectForm amendment={amendment} onClose={() => setAsking(null)} onAnnounce={onAnnounce} />
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

interface MergeDialogProps {
  amendment: AmendmentView;
  merging: { expectedVersion: number; currentBody: string } | null;
  onMerging: (next: { expectedVersion: number; currentBody: string } | null) => void;
  onDone: () => void;
}

/**
 * Accepting an amendment written against an older text: the editor confirms the merged text,
 * which starts as the amendment's, against the section's current version.
 */
function MergeDialog({ amendment, merging, onMerging, onDone }: MergeDialogProps) {
  const { t } = useTranslation();
  const [body, setBody] = useState(amendment.body);
  const [changedAgain, setChangedAgain] = useState(false);
  const [accept, state] = useMutation(acceptAmendmentMutation);
  const opened = merging !== null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset each time the dialog opens, not on every change
  useEffect(() => {
    if (opened) {
      setBody(amendment.body);
      setChangedAgain(false);
      state.reset();
    }
  }, [opened]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!merging || state.loading) return;
    try {
      await accept({
        variables: {
          input: { amendmentId: amendment.id, mergedBody: body, expectedVersion: merging.expectedVersion },
        },
      });
      onMerging(null);
      onDone();
    } catch (error) {
      const current = conflictState(error);
      if (hasCode(error, "CONFLICT") && current && typeof current.version === "number") {
        // The section moved on again while the dialog was open: merge against that.
        setChangedAgain(true);
        onMerging({
          expectedVersion: current.version,
          currentBody: typeof current.body === "string" ? current.body : merging.currentBody,
        });
      }
    }
  }

  return (
    <Dialog open={opened} title={t("amendments.mergeTitle")} onClose={() => onMerging(null)}>
      {merging ? (
        <form className="merge-dialog" noValidate onSubmit={(e) => void onSubmit(e)}>
          <p>{t("amendments.mergeIntro", { base: amendment.baseVersion, version: merging.expectedVersion })}</p>
          {changedAgain ? <Alert tone="info">{t("amendments.mergeChangedAgain")}</Alert> : null}
          <DiffView
            parts={wordDiff(merging.currentBody, body)}
            label={t("amendments.mergeDiff")}
            addedLabel={t("amendments.mergeAdded")}
            removedLabel={t("amendments.mergeRemoved")}
          />
          <Field
            multiline
            rows={10}
            label={t("amendments.mergedLabel")}
            hint={t("amendments.mergedHint")}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
          {state.error && !changedAgain ? <ActionProblem error={state.error} /> : null}
          <FormActions
            submitLabel={t("amendments.acceptMerged")}
            busy={state.loading}
            onCancel={() => onMerging(null)}
          />
        </form>
      ) : null}
    </Dialog>
  );
}

function RejectForm({
  amendment,
  onClose,
  onAnnounce,
}: {
  amendment: AmendmentView;
  onClose: () => void;
  onAnnounce: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [reject, state] = useMutation(rejectAmendmentMutation);
  const reasonRef = useFocusOnMount<HTMLTextAreaElement>();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state.loading) return;
    const why = reason.trim();
    if (why.length < RATIONALE_MIN || why.length > RATIONALE_MAX) {
      setError(t("amendments.reasonRule"));
      reasonRef.current?.focus();
      return;
    }
    try {
      await reject({ variables: { input: { amendmentId: amendment.id, reason: why } } });
      onAnnounce(t("amendments.rejectedNow"));
      onClose();
    } catch (refusal) {
      const field = fieldProblem(refusal, "reason");
      if (field) {
        setError(field);
        reasonRef.current?.focus();
      }
    }
  }

  return (
    <form className="amendment__reason" noValidate onSubmit={(e) => void onSubmit(e)}>
      <Field
        ref={reasonRef}
        multiline
        rows={3}
        label={t("amendments.rejectReason")}
        hint={t("amendments.rejectHint")}
        value={reason}
        onChange={(event) => {
          setReason(event.target.value);
          setError(undefined);
        }}
        maxLength={RATIONALE_MAX}
        required
        error={error}
      />
      {state.error && !error ? <ActionProblem error={state.error} /> : null}
      <FormActions
        submitLabel={t("amendments.confirmReject")}
        busy={state.loading}
        onCancel={onClose}
        variant="danger"
        size="sm"
      />
    </form>
  );
}

function ProposeForm({ section, onClose }: { section: SectionView; onClose: (proposed: boolean) => void }) {
  const { t } = useTranslation();
  const [baseVersion] = useState(section.version);
  const [body, setBody] = useState(section.body);
  const [rationale, setRationale] = useState("");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [propose, state] = useMutation(proposeAmendmentMutation);
  const bodyRef = useFocusOnMount<HTMLTextAreaElement>();
  const rationaleRef = useRef<HTMLTextAreaElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state.loading) return;
    const why = rationale.trim();
    const found: Record<string, string> = {};
    if (body === section.body && baseVersion === section.version) found.body = t("amendments.sameText");
    if (why.length < RATIONALE_MIN || why.length > RATIONALE_MAX) found.rationale = t("amendments.rationaleRule");
    setErrors(found);
    if (found.body) return bodyRef.current?.focus();
    if (found.rationale) return rationaleRef.current?.focus();
    try {
      await propose({ variables: { input: { sectionId: section.id, body, rationale: why, baseVersion } } });
      onClose(true);
    } catch (refusal) {
      const next = { body: fieldProblem(refusal, "body"), rationale: fieldProblem(refusal, "rationale") };
      setErrors(next);
      if (next.body) bodyRef.current?.focus();
      else if (next.rationale) rationaleRef.current?.focus();
    }
  }

  return (
    <form className="amendment-form card" noValidate onSubmit={(e) => void onSubmit(e)}>
      <h3>{t("amendments.proposeTitle", { heading: section.heading })}</h3>
      <Field
        ref={bodyRef}
        multiline
        rows={8}
        label={t("amendments.bodyLabel")}
        hint={t("amendments.bodyHint", { version: baseVersion })}
        value={body}
        onChange={(event) => {
          setBody(event.target.value);
          setErrors((e) => ({ ...e, body: undefined }));
        }}
        error={errors.body}
      />
      {body !== section.body ? (
        <DiffView parts={wordDiff(section.body, body)} label={t("amendments.yourChanges")} />
      ) : null}
      <Field
        ref={rationaleRef}
        multiline
        rows={3}
        label={t("amendments.rationaleLabel")}
        hint={t("amendments.rationaleHint")}
        value={rationale}
        onChange={(event) => {
          setRationale(event.target.value);
          setErrors((e) => ({ ...e, rationale: undefined }));
        }}
        maxLength={RATIONALE_MAX}
        required
        error={errors.rationale}
      />
      {state.error && !errors.body && !errors.rationale ? <ActionProblem error={state.error} /> : null}
      <FormActions submitLabel={t("amendments.send")} busy={state.loading} onCancel={() => onClose(false)} size="sm" />
    </form>
  );
}
