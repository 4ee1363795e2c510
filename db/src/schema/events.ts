import { sql } from "drizzle-orm";
import {
  bigserial,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns.js";
import { communities } from "./communities.js";
import { deliverables } from "./deliverables.js";
import { users } from "./identity.js";

const ms = (name: string) => timestamp(name, { precision: 3, withTimezone: true, mode: "date" });

export const eventMode = pgEnum("event_mode", ["IN_PERSON", "ONLINE", "HYBRID"]);
export const eventRegistrationPolicy = pgEnum("event_registration_policy", ["OPEN", "APPROVAL", "CLOSED"]);

/**
 * pending (awaiting approval) · confirmed · waitlisted · offered (a freed seat, to claim within the
 * window) · cancelled · attended (marked by the organisers). Transitions: api events.workflow.ts.
 */
export const registrationStatus = pgEnum("registration_status", [
  "PENDING",
  "CONFIRMED",
  "WAITLISTED",
  "OFFERED",
  "CANCELLED",
  "ATTENDED",
]);

/** A meeting of a community, or of the whole platform (the partners' assembly) when community_id is null. */
export const events = pgTable(
  "events",
  {
    id: id(),
    communityId: uuid("community_id").references(() => communities.id, { onDelete: "cascade" }),
    organizerId: uuid("organizer_id")
      .notNull()
      .references(() => users.id),
    /** English and Italian; each shown in the viewer's language, falling back to the other. */
    title: text("title").notNull(),
    titleIt: text("title_it").notNull().default(""),
    description: text("description").notNull().default(""),
    descriptionIt: text("description_it").notNull().default(""),
    mode: eventMode("mode").notNull(),
    placeName: text("place_name"),
    address: text("address"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    /** Revealed only to confirmed participants (and the organisers). */
    onlineUrl: text("online_url"),
    startsAt: ms("starts_at").notNull(),
    endsAt: ms("ends_at").notNull(),
    /** The IANA zone the times are given in (Europe/Rome by default). */
    timeZone: text("time_zone").notNull().default("Europe/Rome"),
    /** Null: unlimited seats. */
    capacity: integer("capacity"),
    registration: eventRegistrationPolicy("registration").notNull().default("OPEN"),
    cancelledAt: ms("cancelled_at"),
    cancellationReason: text("cancellation_reason"),
    /** The minutes: a co-authored document linked after the event. */
    minutesDeliverableId: uuid("minutes_deliverable_id").references(() => deliverables.id, { onDelete: "set null" }),
    reminderSentAt: ms("reminder_sent_at"),
    /** iCalendar SEQUENCE: raised by every edit that calendars must see, and by the cancellation. */
    sequence: integer("sequence").notNull().default(0),
    /** Raised by every change: edits name the version they saw. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("events_community_idx").on(t.communityId, t.startsAt, t.id),
    index("events_starts_idx").on(t.startsAt, t.id),
  ],
);

/**
 * One registration per person and event. `queued_at` orders the waiting list (first come, first
 * offered); `offer_expires_at` ends an OFFERED seat's claim window.
 */
export const eventRegistrations = pgTable(
  "event_registrations",
  {
    id: id(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: registrationStatus("status").notNull(),
    /** Increasing: the order in which people joined the waiting list. */
    queuePosition: bigserial("queue_position", { mode: "number" }).notNull(),
    offeredAt: ms("offered_at"),
    offerExpiresAt: ms("offer_expires_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("event_registrations_person_idx").on(t.eventId, t.userId),
    index("event_registrations_status_idx").on(t.eventId, t.status, t.queuePosition),
    // What the claim-window job looks for.
    index("event_registrations_offers_idx").on(t.offerExpiresAt).where(sql`${t.status} = 'OFFERED'`),
    index("event_registrations_user_idx").on(t.userId, t.status),
  ],
);

/** Every change of a registration (the one transition table): from, to, who, when. */
export const registrationTransitions = pgTable(
  "registration_transitions",
  {
    id: id(),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => eventRegistrations.id, { onDelete: "cascade" }),
    fromStatus: registrationStatus("from_status"),
    toStatus: registrationStatus("to_status").notNull(),
    /** Null for the system (the claim window's job). */
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("registration_transitions_registration_idx").on(t.registrationId, t.createdAt)],
);

/** The personal calendar feed's secret (stored hashed); a new one replaces it, revoking the old URL. */
export const calendarFeeds = pgTable("calendar_feeds", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: createdAt(),
});

export type EventRow = typeof events.$inferSelect;
export type EventRegistrationRow = typeof eventRegistrations.$inferSelect;
export type RegistrationTransitionRow = typeof registrationTransitions.$inferSelect;
