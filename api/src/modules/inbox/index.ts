import { defineModule } from "../../core/module.js";
import { InboxService } from "./inbox.service.js";
import { NotificationResolver } from "./notification.resolver.js";

declare module "../../core/services.js" {
  interface Services {
    inbox: InboxService;
  }
}

/** The viewer's notifications: listed, counted, marked read and delivered live. */
export const inboxModule = defineModule({
  name: "inbox",
  resolvers: [NotificationResolver],
  services: ({ db }) => ({ inbox: new InboxService(db) }),
});
