import { defineModule } from "../../core/module.js";
import { CalendarFeedResolver } from "./calendar.resolver.js";
import { CalendarFeedService } from "./calendar-feed.service.js";
import { CalendarReadService } from "./calendar-read.service.js";
import { FeedResetLimiter } from "./feed.limiter.js";

declare module "../../core/services.js" {
  interface Services {
    calendarFeed: CalendarFeedService;
    calendarRead: CalendarReadService;
  }
}

/**
 * Calendars (docs/calendars.md): each event as an .ics, the personal feed of one's registrations,
 * and upcoming placed events as GeoJSON for the map. Reads events; writes only the feed's secret.
 */
export const calendarModule = defineModule({
  name: "calendar",
  resolvers: [CalendarFeedResolver],
  services: ({ db, mail }, options) => {
    const origin = () => mail.url("/");
    return {
      calendarFeed: new CalendarFeedService(
        db,
        options.signingSecret ?? "no-app-no-feeds-signed-here",
        (path) => mail.url(path),
        new FeedResetLimiter(options.redis),
      ),
      // The events module's clock: "upcoming" and "past" mean the same here as there.
      calendarRead: new CalendarReadService(db, origin, () => options.events?.clock?.() ?? new Date()),
    };
  },
});
