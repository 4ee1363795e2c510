import { defineModule } from "../../core/module.js";
import { MailService, type MailSettings } from "./mail.service.js";

declare module "../../core/services.js" {
  interface Services {
    mail: MailService;
  }
  interface ServiceOptions {
    /** The queue and the SMTP transport; absent where no app runs (a test building services alone). */
    mail?: MailSettings | undefined;
  }
}

export const mailModule = defineModule({
  name: "mail",
  services: (_deps, options) => ({ mail: new MailService(options.mail) }),
});
