import { defineModule } from "../../core/module.js";
import { EventService } from "./event.service.js";
import {
  CommunityUpcomingEventsResolver,
  EventFieldsResolver,
  RegistrationFieldsResolver,
} from "./event-fields.resolver.js";
import { EventReadService } from "./event-read.service.js";
import { eventLoaders, eventViewerLoaders } from "./events.loaders.js";
import { EventsResolver } from "./events.resolver.js";
import { NotificationEventResolver } from "./notification-event.resolver.js";
import { RegistrationService } from "./registration.service.js";
import { type EventsSettings, SeatService } from "./seat.service.js";

declare module "../../core/services.js" {
  interface Services {
    events: EventService;
    eventRegistrations: RegistrationService;
    eventReads: EventReadService;
    eventSeats: SeatService;
    /** "Now" for every time rule of events (the job, "started", the claim window). */
    eventsClock: () => Date;
  }
  interface ServiceOptions {
    /** The sweep job's queue and "now" for events; absent where no app runs. */
    events?: EventsSettings | undefined;
  }
}

declare module "../../core/loaders.js" {
  interface SharedLoaders extends ReturnType<typeof eventLoaders> {}
  interface ViewerLoaders extends ReturnType<typeof eventViewerLoaders> {}
}

/**
 * Events (docs/events.md): meetings of a community or platform-wide, registration with a waiting
 * list and a claim window, reminders, attendance and minutes. Above deliverable: minutes are documents.
 */
export const eventsModule = defineModule({
  name: "events",
  resolvers: [
    EventsResolver,
    EventFieldsResolver,
    RegistrationFieldsResolver,
    CommunityUpcomingEventsResolver,
    NotificationEventResolver,
  ],
  services: ({ db, community, deliverable, notification }, options) => {
    const settings = options.events ?? {};
    const now = () => settings.clock?.() ?? new Date();
    const seats = new SeatService(db, notification, settings);
    const events = new EventService(db, community, deliverable, notification, seats, now);
    return {
      events,
      eventRegistrations: new RegistrationService(db, events, seats, notification, now),
      eventReads: new EventReadService(db, now),
      eventSeats: seats,
      eventsClock: now,
    };
  },
  loaders: eventLoaders,
  viewerLoaders: eventViewerLoaders,
});
