import { defineModule } from "../../core/module.js";
import { NotificationMailer } from "./delivery.js";
import { DigestService, type DigestSettings } from "./digest.service.js";
import { NotificationService } from "./notification.service.js";

declare module "../../core/services.js" {
  interface Services {
    notification: NotificationService;
    notificationMailer: NotificationMailer;
    digest: DigestService;
  }
  interface ServiceOptions {
    /**
     * SIGNING_SECRET, which signs the unsubscribe links of notification emails (the same on every
     * instance, so any of them accepts a link another one sent).
     */
    signingSecret?: string | undefined;
    /** The digest job's queue and clock; absent where no app runs. */
    digest?: DigestSettings | undefined;
  }
}

/**
 * Where the other modules store who hears of what (inside their own writes), email it to those
 * who chose immediate delivery, and tell them live after commit; digests are built here too.
 * Reading the notifications is the inbox's (modules/inbox/), which sits above the modules whose
 * subjects it shows; choosing watch levels and delivery is preferences/ (above the subjects too).
 */
export const notificationModule = defineModule({
  name: "notification",
  services: ({ bus, mail, db }, options) => {
    // Outside an app (services built alone) a fixed secret: nothing there sends links.
    const mailer = new NotificationMailer(mail, options.signingSecret ?? "no-app-no-links-signed-here");
    return {
      notification: new NotificationService(bus, mailer),
      notificationMailer: mailer,
      digest: new DigestService(db, mailer, options.digest),
    };
  },
});
