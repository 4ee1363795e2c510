import { defineModule } from "../../core/module.js";
import { FundingCallSearchesResolver, HubCallEdgesResolver, OpportunityCallsResolver } from "./call-edges.resolver.js";
import { ConsortiumSpaceService } from "./consortium-space.service.js";
import { InterestService } from "./interest.service.js";
import { NotificationPartnerSearchResolver } from "./notification-partner-search.resolver.js";
import { OpportunitiesResolver } from "./opportunities.resolver.js";
import { OpportunitiesService } from "./opportunities.service.js";
import { partnerSearchLoaders } from "./partner-search.loaders.js";
import { PartnerSearchResolver } from "./partner-search.resolver.js";
import { PartnerSearchService } from "./partner-search.service.js";
import {
  ConsortiumSpaceResolver,
  PartnerInterestFieldsResolver,
  PartnerSearchFieldsResolver,
} from "./partner-search-fields.resolver.js";

declare module "../../core/services.js" {
  interface Services {
    partnerSearches: PartnerSearchService;
    partnerInterests: InterestService;
    hubOpportunities: OpportunitiesService;
  }
}

declare module "../../core/loaders.js" {
  interface SharedLoaders extends ReturnType<typeof partnerSearchLoaders> {}
}

/**
 * Partner search in the HUB (docs/hub-partner-search.md): organisations publish searches for a
 * funding call, others express interest, the publisher confirms or declines; the first interest
 * opens a private consortium space (a members-only community, a thread and the proposal document).
 * Above funding calls (a search belongs to a call); below community, thread and deliverable, whose
 * rules govern the space once it exists.
 */
export const partnerSearchModule = defineModule({
  name: "partner-search",
  resolvers: [
    PartnerSearchResolver,
    PartnerSearchFieldsResolver,
    PartnerInterestFieldsResolver,
    ConsortiumSpaceResolver,
    OpportunitiesResolver,
    HubCallEdgesResolver,
    FundingCallSearchesResolver,
    OpportunityCallsResolver,
    NotificationPartnerSearchResolver,
  ],
  services: ({ db, notification }) => {
    const space = new ConsortiumSpaceService();
    return {
      partnerSearches: new PartnerSearchService(db),
      partnerInterests: new InterestService(db, notification, space),
      hubOpportunities: new OpportunitiesService(db),
    };
  },
  loaders: partnerSearchLoaders,
});
