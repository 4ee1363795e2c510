import type { Database } from "@pratica/db";
import type { Redis } from "ioredis";
import { CommunityService } from "../modules/community/community.service.js";
import { IdentityService } from "../modules/identity/identity.service.js";
import { LoginGuard } from "../modules/identity/login-guard.js";
import { SessionService } from "../modules/identity/session.service.js";
import { OrganizationService } from "../modules/organization/organization.service.js";

export type ServiceOptions = { sessionTtlDays: number; redis?: Redis | undefined };

/** The services of one api process: stateless apart from the db and shared limiters. */
export function createServices(db: Database, options: ServiceOptions) {
  const sessions = new SessionService(db, options.sessionTtlDays);
  return {
    sessions,
    identity: new IdentityService(db, sessions, new LoginGuard(options.redis)),
    community: new CommunityService(db),
    organization: new OrganizationService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
