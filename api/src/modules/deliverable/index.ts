import { defineModule } from "../../core/module.js";
import { AmendmentResolver } from "./amendment.resolver.js";
import { AmendmentService } from "./amendment.service.js";
import { DeliverableCommentResolver } from "./comment.resolver.js";
import { CommentService } from "./comment.service.js";
import { deliverableLoaders, deliverableViewerLoaders } from "./deliverable.loaders.js";
import { CommunityDeliverablesResolver, DeliverableResolver, PresenceResolver } from "./deliverable.resolver.js";
import { DeliverableService } from "./deliverable.service.js";
import type { DeliverableMessage } from "./deliverable.topics.js";
import { DeliverableEventsResolver } from "./deliverable-events.resolver.js";
import { AmendmentModerationResolver, CommentModerationResolver } from "./deliverable-moderation.resolver.js";
import { DocumentService } from "./document.service.js";
import { EndorsementResolver } from "./endorsement.resolver.js";
import { EndorsementService } from "./endorsement.service.js";
import { PresenceService } from "./presence.service.js";
import { SectionResolver, SectionRevisionResolver } from "./section.resolver.js";
import { SectionService } from "./section.service.js";

declare module "../../core/services.js" {
  interface Services {
    deliverable: DeliverableService;
    document: DocumentService;
    section: SectionService;
    amendment: AmendmentService;
    comment: CommentService;
    endorsement: EndorsementService;
    presence: PresenceService;
  }
}
declare module "../../core/loaders.js" {
  interface SharedLoaders extends ReturnType<typeof deliverableLoaders> {}
  interface ViewerLoaders extends ReturnType<typeof deliverableViewerLoaders> {}
}
declare module "../../core/topics.js" {
  interface Topics {
    deliverable: [deliverableId: string, message: DeliverableMessage];
  }
}

export const deliverableModule = defineModule({
  name: "deliverable",
  resolvers: [
    DeliverableResolver,
    CommunityDeliverablesResolver,
    SectionResolver,
    SectionRevisionResolver,
    AmendmentResolver,
    AmendmentModerationResolver,
    DeliverableCommentResolver,
    CommentModerationResolver,
    EndorsementResolver,
    PresenceResolver,
    DeliverableEventsResolver,
  ],
  services: ({ db, bus, community, notification }) => {
    const deliverable = new DeliverableService(db, community, notification, bus);
    const section = new SectionService(db, deliverable);
    const amendment = new AmendmentService(db, deliverable, section, notification);
    return {
      deliverable,
      document: new DocumentService(deliverable),
      section,
      amendment,
      comment: new CommentService(db, deliverable, section, amendment),
      endorsement: new EndorsementService(deliverable),
      presence: new PresenceService(db, deliverable, bus),
    };
  },
  loaders: deliverableLoaders,
  viewerLoaders: deliverableViewerLoaders,
});
