import { defineModule } from "../../core/module.js";
import { ApplicationLimiter } from "./application.limiter.js";
import { ApplicationService } from "./application.service.js";
import { ApplicationFieldsResolver, ApplicationStepResolver } from "./application-fields.resolver.js";
import { ApplicationReadService } from "./application-read.service.js";
import { DecisionService } from "./decision.service.js";
import { applicationLoaders } from "./membership-application.loaders.js";
import { MembershipApplicationResolver } from "./membership-application.resolver.js";
import { NotificationApplicationResolver } from "./notification-application.resolver.js";

declare module "../../core/services.js" {
  interface Services {
    applications: ApplicationService;
    applicationDecisions: DecisionService;
    applicationReads: ApplicationReadService;
  }
  interface ServiceOptions {
    /** "Now" for the signing date's "not in the future" (tests move it); the system clock otherwise. */
    applicationsClock?: (() => Date) | undefined;
  }
}

declare module "../../core/loaders.js" {
  interface SharedLoaders extends ReturnType<typeof applicationLoaders> {}
}

/**
 * Joining by memorandum (docs/membership.md): an organisation applies, the platform admins ask
 * for more, decline or accept; acceptance creates the organisation and links or invites its first
 * representative. Above admin (its invitations) and observatory (the refresh it requests).
 */
export const membershipApplicationModule = defineModule({
  name: "membership-application",
  resolvers: [
    MembershipApplicationResolver,
    ApplicationFieldsResolver,
    ApplicationStepResolver,
    NotificationApplicationResolver,
  ],
  services: ({ db, notification, invitations, observatory }, options) => {
    const now = () => options.applicationsClock?.() ?? new Date();
    return {
      applications: new ApplicationService(db, notification, new ApplicationLimiter(options.redis)),
      applicationDecisions: new DecisionService(db, notification, invitations, observatory, now),
      applicationReads: new ApplicationReadService(db),
    };
  },
  loaders: applicationLoaders,
});
