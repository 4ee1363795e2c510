import { useMutation } from "@apollo/client/react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { hasCode } from "../../app/errors";
import { graphql } from "../../gql";
import type { DeliverableStatus } from "../../gql/graphql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";

const setDeliverableStatusMutation = graphql(`
  mutation SetDeliverableStatus($input: SetDeliverableStatusInput!) {
    setDeliverableStatus(input: $input) {
      id
      ...DeliverableHead
      sections {
        id
        ...SectionView
      }
    }
  }
`);

/** Moves that cannot be undone by the editors: asked for twice. */
const CONFIRM: ReadonlySet<DeliverableStatus> = new Set(["PUBLISHED", "ARCHIVED"]);

/** Going forward is the main action; going back a step is secondary. */
const ORDER: readonly DeliverableStatus[] = ["DRAFT", "REVIEW", "APPROVED", "PUBLISHED", "ARCHIVED"];

interface StatusControlProps {
  deliverable: {
    id: string;
    title: string;
    status: DeliverableStatus;
    viewerNextStatuses: readonly DeliverableStatus[];
  };
  onChanged: (status: DeliverableStatus) => void;
  /** Asks for the document again after a refusal because it changed meanwhile. */
  refetch: () => Promise<unknown>;
}

/** The editors' lifecycle buttons: only the moves the api says the viewer may make. */
export function StatusControl({ deliverable, onChanged, refetch }: StatusControlProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<DeliverableStatus | null>(null);
  const [pending, setPending] = useState<DeliverableStatus | null>(null);
  const [conflict, setConflict] = useState(false);
  const [setStatus, state] = useMutation(setDeliverableStatusMutation);
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  const moves = deliverable.viewerNextStatuses;
  if (moves.length === 0) return null;
  const rank = ORDER.indexOf(deliverable.status);

  async function move(status: DeliverableStatus) {
    setConflict(false);
    setPending(status);
    try {
      await setStatus({ variables: { input: { deliverableId: deliverable.id, status } } });
      setConfirming(null);
      onChanged(status);
    } catch (error) {
      setConfirming(null);
      if (hasCode(error, "CONFLICT")) {
        state.reset();
        setConflict(true);
        await refetch().catch(() => undefined);
      }
    } finally {
      setPending(null);
    }
  }

  return (
    <div className="status-control">
      <p className="actions">
        {moves.map((status) => {
          const forward = ORDER.indexOf(status) > rank;
          return (
            <Button
              key={status}
              size="sm"
              variant={forward ? (status === "ARCHIVED" ? "secondary" : "primary") : "ghost"}
              busy={pending === status}
              onClick={() => (CONFIRM.has(status) ? setConfirming(status) : void move(status))}
            >
              {forward ? t(`statusControl.forward.${status}`) : t(`statusControl.back.${status}`)}
            </Button>
          );
        })}
      </p>
      {conflict ? (
        <p className="status-control__outcome" ref={outcomeRef}>
          {t("statusControl.conflict", { status: t(`documents.status.${deliverable.status}`) })}
        </p>
      ) : null}
      <ActionProblem error={state.error} />
      <Dialog
        open={confirming !== null}
        title={confirming ? t(`statusControl.confirmTitle.${confirming as "PUBLISHED" | "ARCHIVED"}`) : ""}
        onClose={() => setConfirming(null)}
      >
        {confirming ? (
          <>
            <Alert tone="info">
              <p>
                {t(`statusControl.confirmBody.${confirming as "PUBLISHED" | "ARCHIVED"}`, { title: deliverable.title })}
              </p>
            </Alert>
            <p className="actions">
              <Button busy={pending === confirming} onClick={() => void move(confirming)}>
                {t(`statusControl.confirm.${confirming as "PUBLISHED" | "ARCHIVED"}`)}
              </Button>
              <Button variant="ghost" onClick={() => setConfirming(null)}>
                {t("common.cancel")}
              </Button>
            </p>
          </>
        ) : null}
      </Dialog>
    </div>
  );
}
