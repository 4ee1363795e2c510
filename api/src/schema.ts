import "reflect-metadata";
import { type GraphQLSchema, isUnionType } from "graphql";
import { buildSchema } from "type-graphql";
import { createEventBus, type EventBus } from "./core/event-bus.js";
import { resolveByTypename } from "./core/union.js";
import { CommunityResolver } from "./modules/community/community.resolver.js";
import { CommunityEventsResolver } from "./modules/community/community-events.resolver.js";
import { MembershipResolver } from "./modules/community/membership.resolver.js";
import { AmendmentResolver } from "./modules/deliverable/amendment.resolver.js";
import { DeliverableCommentResolver } from "./modules/deliverable/comment.resolver.js";
import {
  CommunityDeliverablesResolver,
  DeliverableResolver,
  PresenceResolver,
} from "./modules/deliverable/deliverable.resolver.js";
import { DeliverableEventsResolver } from "./modules/deliverable/deliverable-events.resolver.js";
import { EndorsementResolver } from "./modules/deliverable/endorsement.resolver.js";
import { SectionResolver, SectionRevisionResolver } from "./modules/deliverable/section.resolver.js";
import { IdentityResolver } from "./modules/identity/identity.resolver.js";
import { UserResolver } from "./modules/identity/user.resolver.js";
import {
  CommunityPathsResolver,
  LearningPathResolver,
  LearningPathStepResolver,
} from "./modules/library/learning-path.resolver.js";
import {
  CommunityLibraryResolver,
  ResourceDecisionRecordResolver,
  ResourceResolver,
} from "./modules/library/resource.resolver.js";
import { SavedResourcesResolver } from "./modules/library/saved-resources.resolver.js";
import { NotificationResolver } from "./modules/notification/notification.resolver.js";
import { OrganizationMembershipResolver, OrganizationResolver } from "./modules/organization/organization.resolver.js";
import { SearchResolver } from "./modules/search/search.resolver.js";
import { PostResolver, PostRevisionResolver, ReactionSummaryResolver } from "./modules/thread/post.resolver.js";
import { CommunityThreadsResolver, ThreadResolver } from "./modules/thread/thread.resolver.js";
import { ThreadEventsResolver } from "./modules/thread/thread-events.resolver.js";

/** The whole public schema; every resolver is listed here, nothing is discovered by glob. */
export async function createSchema(bus: EventBus = createEventBus()): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    // Subscriptions build their own streams (replay, then live) from the bus; type-graphql
    // still wants a pubSub to be named.
    pubSub: bus,
    resolvers: [
      IdentityResolver,
      UserResolver,
      OrganizationResolver,
      OrganizationMembershipResolver,
      CommunityResolver,
      MembershipResolver,
      ThreadResolver,
      CommunityThreadsResolver,
      PostResolver,
      PostRevisionResolver,
      ReactionSummaryResolver,
      ThreadEventsResolver,
      CommunityEventsResolver,
      NotificationResolver,
      ResourceResolver,
      ResourceDecisionRecordResolver,
      CommunityLibraryResolver,
      SavedResourcesResolver,
      LearningPathResolver,
      LearningPathStepResolver,
      CommunityPathsResolver,
      SearchResolver,
      DeliverableResolver,
      CommunityDeliverablesResolver,
      SectionResolver,
      SectionRevisionResolver,
      AmendmentResolver,
      DeliverableCommentResolver,
      EndorsementResolver,
      PresenceResolver,
      DeliverableEventsResolver,
    ],
    // Input rules live in the services (zod), so one rule has one home.
    validate: false,
  });
  // type-graphql wraps a union's resolveType in an async function; graphql-jit needs an answer
  // at once. Every union member here is returned tagged with its __typename.
  for (const type of Object.values(schema.getTypeMap())) {
    if (isUnionType(type)) type.resolveType = resolveByTypename;
  }
  return schema;
}
