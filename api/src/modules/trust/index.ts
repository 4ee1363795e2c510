import { defineModule } from "../../core/module.js";
import { NEW_MEMBER_DEFAULTS } from "./trust.defaults.js";
import { trustLoaders } from "./trust.facts.js";
import type { TrustSettings } from "./trust.policy.js";
import { UserTrustResolver, VouchResolver } from "./trust.resolver.js";
import { TrustService } from "./trust.service.js";

declare module "../../core/services.js" {
  interface Services {
    trust: TrustService;
  }
  interface ServiceOptions {
    /** The new-member limits; absent, their defaults (trust.defaults.ts). */
    trust?: {
      settings: TrustSettings;
      /** "Now" for the age rule (tests move it). */
      clock?: (() => Date) | undefined;
      /** The prefix of the counters' keys in Redis (tests give each run its own). */
      keyPrefix?: string | undefined;
    };
  }
}
declare module "../../core/loaders.js" {
  interface SharedLoaders extends ReturnType<typeof trustLoaders> {}
}

/**
 * Who is still a new member, and the limits on what they post (threads per day, replies per
 * minute, links and mentions per post) until they are trusted: by age, a facilitator's vouch, a
 * role, or representing an organisation that signed the memorandum. Above community (its
 * memberships decide who vouches), below thread, whose services ask it before every post.
 */
export const trustModule = defineModule({
  name: "trust",
  resolvers: [UserTrustResolver, VouchResolver],
  services: ({ db }, options) => ({
    trust: new TrustService(db, {
      settings: options.trust?.settings ?? NEW_MEMBER_DEFAULTS,
      clock: options.trust?.clock,
      keyPrefix: options.trust?.keyPrefix,
      redis: options.redis,
    }),
  }),
  loaders: trustLoaders,
});
