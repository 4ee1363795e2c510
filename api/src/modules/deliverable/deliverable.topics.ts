/** What the `deliverable` topic carries (deliverable/<id>); the bus's map is extended in ./index.ts. */
export type DurableDeliverableEventType =
  | "DELIVERABLE_UPDATED"
  | "SECTION_UPDATED"
  | "SECTIONS_REORDERED"
  | "AMENDMENT_PROPOSED"
  | "AMENDMENT_DECIDED"
  | "COMMENT_ADDED"
  | "COMMENT_RESOLVED"
  | "STATUS_CHANGED"
  | "ENDORSED"
  | "ENDORSEMENT_WITHDRAWN";

export type DeliverableMessage =
  | {
      kind: "durable";
      eventId: number;
      type: DurableDeliverableEventType;
      deliverableId: string;
      subjectId: string | null;
    }
  /** Who is looking at the document, and which section they edit; never stored as an event. */
  | { kind: "presence"; deliverableId: string; userId: string; sectionId: string | null; active: boolean };
