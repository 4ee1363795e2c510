import { defineModule } from "../../core/module.js";
import { NotificationService } from "./notification.service.js";

declare module "../../core/services.js" {
  interface Services {
    notification: NotificationService;
  }
}

/**
 * Where the other modules store who hears of what (inside their own writes) and tell them after
 * commit. Reading the notifications is the inbox's (modules/inbox/), which sits above the
 * modules whose subjects it shows.
 */
export const notificationModule = defineModule({
  name: "notification",
  services: ({ bus }) => ({ notification: new NotificationService(bus) }),
});
