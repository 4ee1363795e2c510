import { useApolloClient } from "@apollo/client/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { graphql } from "../../gql";
import type { Person } from "./deliverable.fragment";

const updatePresenceMutation = graphql(`
  mutation UpdatePresence($deliverableId: ID!, $editingSectionId: ID) {
    updatePresence(deliverableId: $deliverableId, editingSectionId: $editingSectionId)
  }
`);

const leaveDeliverableMutation = graphql(`
  mutation LeaveDeliverable($deliverableId: ID!) {
    leaveDeliverable(deliverableId: $deliverableId)
  }
`);

/** The api asks for a heartbeat every 15 s and forgets whoever was silent for 45 s. */
const HEARTBEAT_MS = 15_000;
const GONE_AFTER_MS = 45_000;

export interface Here {
  user: Person;
  /** The section they are editing, if any. */
  sectionId: string | null;
}

interface PresenceRecord extends Here {
  seenAt: number;
}

/**
 * Tells the document's other readers that the viewer is here (and which section they edit),
 * every 15 s and at once when that changes; says goodbye when the page closes.
 */
export function usePresenceHeartbeat(deliverableId: string, editingSectionId: string | null, enabled: boolean) {
  const client = useApolloClient();

  useEffect(() => {
    if (!enabled) return;
    const beat = () =>
      void client
        .mutate({ mutation: updatePresenceMutation, variables: { deliverableId, editingSectionId } })
        .catch(() => undefined);
    beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [client, deliverableId, editingSectionId, enabled]);

  useEffect(() => {
    if (!enabled) return;
    // A closing tab cannot wait for Apollo: a keepalive request outlives the page.
    const onPageHide = () => {
      void fetch("/graphql", {
        method: "POST",
        keepalive: true,
        credentials: "same-origin",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query: "mutation LeaveDeliverable($deliverableId: ID!) { leaveDeliverable(deliverableId: $deliverableId) }",
          variables: { deliverableId },
        }),
      }).catch(() => undefined);
    };
    window.addEventListener("pagehide", onPageHide);
    return () => {
      window.removeEventListener("pagehide", onPageHide);
      void client.mutate({ mutation: leaveDeliverableMutation, variables: { deliverableId } }).catch(() => undefined);
    };
  }, [client, deliverableId, enabled]);
}

/**
 * Who else has the document open: those the page query found, then Presence events. Someone
 * whose heartbeats stopped (a closed laptop) fades out after 45 s.
 */
export function usePresenceList(initial: readonly Here[], viewerId: string | null) {
  const [records, setRecords] = useState<ReadonlyMap<string, PresenceRecord>>(() => {
    const now = Date.now();
    return new Map(initial.map((here) => [here.user.id, { ...here, seenAt: now }]));
  });
  const viewerRef = useRef(viewerId);
  viewerRef.current = viewerId;

  useEffect(() => {
    const timer = setInterval(() => {
      const now = Date.now();
      setRecords((current) => {
        const kept = [...current].filter(([, r]) => now - r.seenAt < GONE_AFTER_MS);
        return kept.length === current.size ? current : new Map(kept);
      });
    }, HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, []);

  const seen = useCallback((here: Here, active: boolean) => {
    setRecords((current) => {
      const next = new Map(current);
      if (active) next.set(here.user.id, { ...here, seenAt: Date.now() });
      else next.delete(here.user.id);
      return next;
    });
  }, []);

  const others = [...records.values()]
    .filter((r) => r.user.id !== viewerRef.current)
    .sort((a, b) => a.user.displayName.localeCompare(b.user.displayName));
  return { others, seen };
}
