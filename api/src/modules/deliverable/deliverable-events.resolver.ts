import { Arg, Ctx, ID, Resolver, Root, Subscription } from "type-graphql";
import type { Context } from "../../core/context.js";
import { forbidden, notFound } from "../../core/errors.js";
import { type DeliverableEventPayload, deliverableEventStream } from "./deliverable-events.js";
import { DeliverableEvent } from "./deliverable-events.type.js";

const need = <T>(row: T | null | undefined, what: string): T => {
  if (row == null) throw notFound(what);
  return row;
};

@Resolver()
export class DeliverableEventsResolver {
  @Subscription(() => DeliverableEvent, {
    description:
      "A deliverable's events: with `after`, first every durable event after that cursor, then live ones; Presence is live only",
    subscribe: ({ args, context }) => deliverableEventStream(context as Context, args.deliverableId, args.after),
  })
  async deliverableEvents(
    @Root() event: DeliverableEventPayload,
    @Arg("deliverableId", () => ID) _deliverableId: string,
    @Arg("after", () => String, { nullable: true }) _after: string | null,
    @Ctx() { loaders }: Context,
  ) {
    if (event.kind === "revoked") throw forbidden("You no longer have access to this document.");
    if (event.kind === "presence") return { __typename: "Presence", ...event };
    const cursor = String(event.eventId);
    const subject = event.subjectId ?? "";
    switch (event.type) {
      case "SECTION_UPDATED": {
        const revision = need(await loaders.revisionById.load(subject), "Revision");
        const section = need(await loaders.sectionById.load(revision.sectionId), "Section");
        return { __typename: "SectionUpdated", cursor, section, revision };
      }
      case "AMENDMENT_PROPOSED":
      case "AMENDMENT_DECIDED": {
        const amendment = need(await loaders.amendmentById.load(subject), "Amendment");
        const typename = event.type === "AMENDMENT_PROPOSED" ? "AmendmentProposed" : "AmendmentDecided";
        return { __typename: typename, cursor, amendment };
      }
      case "COMMENT_ADDED":
      case "COMMENT_RESOLVED": {
        const comment = need(await loaders.commentById.load(subject), "Comment");
        return { __typename: event.type === "COMMENT_ADDED" ? "CommentAdded" : "CommentResolved", cursor, comment };
      }
      case "ENDORSED":
      case "ENDORSEMENT_WITHDRAWN": {
        const endorsement = need(await loaders.endorsementById.load(subject), "Endorsement");
        return { __typename: event.type === "ENDORSED" ? "Endorsed" : "EndorsementWithdrawn", cursor, endorsement };
      }
      default: {
        const deliverable = need(await loaders.deliverableById.load(event.deliverableId), "Deliverable");
        const typename = {
          DELIVERABLE_UPDATED: "DeliverableUpdated",
          SECTIONS_REORDERED: "SectionsReordered",
          STATUS_CHANGED: "StatusChanged",
        }[event.type];
        return { __typename: typename, cursor, deliverable };
      }
    }
  }
}
