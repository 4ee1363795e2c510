import { defineModule } from "../../core/module.js";
import { InboxService } from "./inbox.service.js";
import { NotificationResolver } from "./notification.resolver.js";
import { NotificationGroupResolver } from "./notification-group.resolver.js";
import { NotificationGroups } from "./notification-groups.js";

declare module "../../core/services.js" {
  interface Services {
    inbox: InboxService;
    notificationGroups: NotificationGroups;
  }
}

/** The viewer's notifications: listed (one by one and grouped by thread), counted, marked read and delivered live. */
export const inboxModule = defineModule({
  name: "inbox",
  resolvers: [NotificationResolver, NotificationGroupResolver],
  services: ({ db }) => ({ inbox: new InboxService(db), notificationGroups: new NotificationGroups(db) }),
});
