import type { Redis } from "ioredis";
import { defineModule } from "../../core/module.js";
import { AccountResolver } from "./account.resolver.js";
import { AccountSecurityService } from "./account-security.service.js";
import { identityLoaders } from "./identity.loaders.js";
import { IdentityResolver } from "./identity.resolver.js";
import { IdentityService } from "./identity.service.js";
import type { SessionMessage, UserMessage } from "./identity.topics.js";
import { IdentityGuard } from "./identity-guard.js";
import { PasswordResetService } from "./password-reset.service.js";
import { SessionService } from "./session.service.js";
import { UserResolver } from "./user.resolver.js";
import { EmailVerificationService } from "./verification.service.js";

declare module "../../core/services.js" {
  interface Services {
    sessions: SessionService;
    identity: IdentityService;
    emailVerification: EmailVerificationService;
    passwordReset: PasswordResetService;
    accountSecurity: AccountSecurityService;
  }
  interface ServiceOptions {
    sessionTtlDays: number;
    /** The account limiters' store; in memory when absent. */
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
  resolvers: [IdentityResolver, AccountResolver, UserResolver],
  services: ({ db, bus, mail }, options) => {
    const sessions = new SessionService(db, options.sessionTtlDays, bus);
    const guard = new IdentityGuard(options.redis);
    const emailVerification = new EmailVerificationService(db, mail, guard);
    // Reset jobs are worked only where mail can leave (SMTP, or the development mailbox): a link
    // that waits for a mail server configured hours later would have expired anyway.
    const resetQueue = options.mail && {
      queue: options.mail.queue,
      pollingIntervalSeconds: options.mail.pollingIntervalSeconds,
      deliver: Boolean(options.mail.transport ?? options.mail.devMailbox),
    };
    const passwordReset = new PasswordResetService(db, mail, sessions, guard, resetQueue);
    return {
      sessions,
      emailVerification,
      identity: new IdentityService(db, sessions, guard, emailVerification, passwordReset),
      passwordReset,
      accountSecurity: new AccountSecurityService(db, mail, sessions, guard),
    };
  },
  loaders: identityLoaders,
});
