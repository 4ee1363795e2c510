import type { Database } from "@pratica/db";
import type { Redis } from "ioredis";
import { CommunityService } from "../modules/community/community.service.js";
import { AmendmentService } from "../modules/deliverable/amendment.service.js";
import { CommentService } from "../modules/deliverable/comment.service.js";
import { DeliverableService } from "../modules/deliverable/deliverable.service.js";
import { DocumentService } from "../modules/deliverable/document.service.js";
import { EndorsementService } from "../modules/deliverable/endorsement.service.js";
import { PresenceService } from "../modules/deliverable/presence.service.js";
import { SectionService } from "../modules/deliverable/section.service.js";
import { IdentityService } from "../modules/identity/identity.service.js";
import { IdentityGuard } from "../modules/identity/identity-guard.js";
import { SessionService } from "../modules/identity/session.service.js";
import { LearningPathService } from "../modules/library/learning-path.service.js";
import { ResourceService } from "../modules/library/resource.service.js";
import { SavedResourcesService } from "../modules/library/saved-resources.service.js";
import { NotificationService } from "../modules/notification/notification.service.js";
import { OrganizationService } from "../modules/organization/organization.service.js";
import { SearchService } from "../modules/search/search.service.js";
import { PostService } from "../modules/thread/post.service.js";
import { ThreadService } from "../modules/thread/thread.service.js";
import type { EventBus } from "./event-bus.js";

export type ServiceOptions = {
  sessionTtlDays: number;
  /** statement_timeout of a search; the service's default when absent. */
  searchTimeoutMs?: number | undefined;
  redis?: Redis | undefined;
  bus: EventBus;
};

/** The services of one api process: stateless apart from the db, the event bus and shared limiters. */
export function createServices(db: Database, options: ServiceOptions) {
  const { bus } = options;
  const sessions = new SessionService(db, options.sessionTtlDays, bus);
  const community = new CommunityService(db, bus);
  const thread = new ThreadService(db, community, bus);
  const notification = new NotificationService(db, bus);
  const deliverable = new DeliverableService(db, community, notification, bus);
  const section = new SectionService(db, deliverable);
  const amendment = new AmendmentService(db, deliverable, section, notification);
  return {
    db,
    bus,
    sessions,
    identity: new IdentityService(db, sessions, new IdentityGuard(options.redis)),
    community,
    organization: new OrganizationService(db),
    thread,
    post: new PostService(db, community, notification, bus),
    notification,
    resource: new ResourceService(db, community, notification, bus),
    learningPath: new LearningPathService(db, community),
    savedResources: new SavedResourcesService(db),
    search: new SearchService(db, community, options.searchTimeoutMs),
    deliverable,
    document: new DocumentService(deliverable),
    section,
    amendment,
    comment: new CommentService(db, deliverable, section, amendment),
    endorsement: new EndorsementService(deliverable),
    presence: new PresenceService(db, deliverable, bus),
  };
}

export type Services = ReturnType<typeof createServices>;
