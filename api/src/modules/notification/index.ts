import { defineModule } from "../../core/module.js";
import { NotificationResolver } from "./notification.resolver.js";
import { NotificationService } from "./notification.service.js";

declare module "../../core/services.js" {
  interface Services {
    notification: NotificationService;
  }
}

export const notificationModule = defineModule({
  name: "notification",
  resolvers: [NotificationResolver],
  services: ({ db, bus }) => ({ notification: new NotificationService(db, bus) }),
});
