import { defineModule } from "../../core/module.js";
import { NotificationSettingsResolver, UserNotificationSettingsResolver } from "./settings.resolver.js";
import { NotificationSettingsService } from "./settings.service.js";
import { UnsubscribeService } from "./unsubscribe.service.js";
import {
  CommunityWatchResolver,
  DeliverableWatchResolver,
  ThreadWatchResolver,
  WatchResolver,
} from "./watch.resolver.js";
import { WatchService } from "./watch.service.js";

declare module "../../core/services.js" {
  interface Services {
    watch: WatchService;
    notificationSettings: NotificationSettingsService;
    unsubscribe: UnsubscribeService;
  }
}

/**
 * A member's choices about notifications: watch levels on what they may read, email delivery,
 * digest time and language, and the one-click unsubscribe of emails. Above thread and deliverable,
 * whose read rules it asks; the rules that apply the choices are notification/'s.
 */
export const preferencesModule = defineModule({
  name: "preferences",
  resolvers: [
    WatchResolver,
    ThreadWatchResolver,
    CommunityWatchResolver,
    DeliverableWatchResolver,
    NotificationSettingsResolver,
    UserNotificationSettingsResolver,
  ],
  services: ({ db, community, thread, deliverable }, options) => ({
    watch: new WatchService(db, community, thread, deliverable),
    notificationSettings: new NotificationSettingsService(db),
    unsubscribe: new UnsubscribeService(db, options.signingSecret ?? "no-app-no-links-signed-here"),
  }),
});
