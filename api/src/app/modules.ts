// The modules' resolvers carry type-graphql decorators, which need the metadata polyfill loaded first.
import "reflect-metadata";
import { accountModule } from "../modules/account/index.js";
import { adminModule } from "../modules/admin/index.js";
import { calendarModule } from "../modules/calendar/index.js";
import { communityModule } from "../modules/community/index.js";
import { communityEventsModule } from "../modules/community-events/index.js";
import { cpvModule } from "../modules/cpv/index.js";
import { decisionModule } from "../modules/decision/index.js";
import { deliverableModule } from "../modules/deliverable/index.js";
import { eventsModule } from "../modules/events/index.js";
import { fundingCallsModule } from "../modules/funding-calls/index.js";
import { hiddenContentModule } from "../modules/hidden-content/index.js";
import { identityModule } from "../modules/identity/index.js";
import { inboxModule } from "../modules/inbox/index.js";
import { libraryModule } from "../modules/library/index.js";
import { mailModule } from "../modules/mail/index.js";
import { membershipApplicationModule } from "../modules/membership-application/index.js";
import { moderationModule } from "../modules/moderation/index.js";
import { notificationModule } from "../modules/notification/index.js";
import { observatoryModule } from "../modules/observatory/index.js";
import { organizationModule } from "../modules/organization/index.js";
import { partnerSearchModule } from "../modules/partner-search/index.js";
import { partnersModule } from "../modules/partners/index.js";
import { preferencesModule } from "../modules/preferences/index.js";
import { procurementModule } from "../modules/procurement/index.js";
import { searchModule } from "../modules/search/index.js";
import { suppliersModule } from "../modules/suppliers/index.js";
import { threadModule } from "../modules/thread/index.js";
import { trustModule } from "../modules/trust/index.js";

/**
 * Every feature module of the api, in dependency order: a module's services are built from
 * those of the modules above it. Adding a module is its folder (with its index.ts) and one line
 * here; compose.ts and schema.ts take everything else from this list.
 */
export const modules = [
  mailModule,
  identityModule,
  organizationModule,
  communityModule,
  hiddenContentModule,
  trustModule,
  notificationModule,
  threadModule,
  libraryModule,
  communityEventsModule,
  searchModule,
  deliverableModule,
  eventsModule,
  preferencesModule,
  inboxModule,
  accountModule,
  adminModule,
  observatoryModule,
  partnersModule,
  membershipApplicationModule,
  moderationModule,
  decisionModule,
  calendarModule,
  fundingCallsModule,
  partnerSearchModule,
  cpvModule,
  suppliersModule,
  procurementModule,
] as const;
