import { defineModule } from "../../core/module.js";
import { FundingCallFieldsResolver } from "./funding-call-fields.resolver.js";
import { fundingCallLoaders } from "./funding-calls.loaders.js";
import { FundingCallsResolver } from "./funding-calls.resolver.js";

declare module "../../core/loaders.js" {
  interface SharedLoaders extends ReturnType<typeof fundingCallLoaders> {}
}

/**
 * The HUB's funding calls (docs/hub.md): imported from exports shaped like the EU Funding &
 * Tenders portal's, listed with filters, matched to organisations, followed, with reminders
 * before the deadline.
 */
export const fundingCallsModule = defineModule({
  name: "funding-calls",
  resolvers: [FundingCallsResolver, FundingCallFieldsResolver],
  loaders: fundingCallLoaders,
});
