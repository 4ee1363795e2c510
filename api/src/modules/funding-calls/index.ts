import { defineModule } from "../../core/module.js";
import { FollowService } from "./follow.service.js";
import {
  FundingCallFieldsResolver,
  FundingCallImportFieldsResolver,
  OrganizationMatchingCallsResolver,
} from "./funding-call-fields.resolver.js";
import { FundingCallReadService } from "./funding-call-read.service.js";
import { fundingCallLoaders, fundingCallViewerLoaders } from "./funding-calls.loaders.js";
import { FundingCallsResolver } from "./funding-calls.resolver.js";
import { FundingCallImporter } from "./import/importer.js";
import { NotificationCallResolver } from "./notification-call.resolver.js";
import { FundingCallReminders, type FundingCallsSettings } from "./reminders.js";

declare module "../../core/services.js" {
  interface Services {
    fundingCallReads: FundingCallReadService;
    fundingCallFollows: FollowService;
    fundingCallImporter: FundingCallImporter;
    fundingCallReminders: FundingCallReminders;
    /** "Now" for funding calls: archiving on import, closingSoon, the reminders. */
    fundingCallsClock: () => Date;
  }
  interface ServiceOptions {
    /** The reminders' queue and "now" for funding calls; absent where no app runs. */
    fundingCalls?: FundingCallsSettings | undefined;
  }
}

declare module "../../core/loaders.js" {
  interface SharedLoaders extends ReturnType<typeof fundingCallLoaders> {}
  interface ViewerLoaders extends ReturnType<typeof fundingCallViewerLoaders> {}
}

/**
 * The HUB's funding calls (docs/hub.md): imported from exports shaped like the EU Funding &
 * Tenders portal's, listed with filters, matched to organisations, followed, with reminders
 * before the deadline. Below partner-search, whose searches are about a call.
 */
export const fundingCallsModule = defineModule({
  name: "funding-calls",
  resolvers: [
    FundingCallsResolver,
    FundingCallFieldsResolver,
    FundingCallImportFieldsResolver,
    OrganizationMatchingCallsResolver,
    NotificationCallResolver,
  ],
  services: ({ db, notification }, options) => {
    const settings = options.fundingCalls ?? {};
    const now = () => settings.clock?.() ?? new Date();
    return {
      fundingCallReads: new FundingCallReadService(db),
      fundingCallFollows: new FollowService(db),
      fundingCallImporter: new FundingCallImporter(db, now),
      fundingCallReminders: new FundingCallReminders(db, notification, settings),
      fundingCallsClock: now,
    };
  },
  loaders: fundingCallLoaders,
  viewerLoaders: fundingCallViewerLoaders,
});
