import type { Redis } from "ioredis";
import { defineModule } from "../../core/module.js";
import { identityLoaders } from "./identity.loaders.js";
import { IdentityResolver } from "./identity.resolver.js";
import { IdentityService } from "./identity.service.js";
import type { SessionMessage, UserMessage } from "./identity.topics.js";
import { IdentityGuard } from "./identity-guard.js";
import { SessionService } from "./session.service.js";
import { UserResolver } from "./user.resolver.js";

declare module "../../core/services.js" {
  interface Services {
    sessions: SessionService;
    identity: IdentityService;
  }
  interface ServiceOptions {
    sessionTtlDays: number;
    /** The login and register limiters' store; in memory when absent. */
    redis?: Redis | undefined;
  }
}
declare module "../../core/loaders.js" {
  interface SharedLoaders extends ReturnType<typeof identityLoaders> {}
}
declare module "../../core/topics.js" {
  interface Topics {
    user: [userId: string, message: UserMessage];
    session: [message: SessionMessage];
  }
}

export const identityModule = defineModule({
  name: "identity",
  resolvers: [IdentityResolver, UserResolver],
  services: ({ db, bus }, options) => {
    const sessions = new SessionService(db, options.sessionTtlDays, bus);
    return { sessions, identity: new IdentityService(db, sessions, new IdentityGuard(options.redis)) };
  },
  loaders: identityLoaders,
});
