import { type Database, eventRegistrations, events, registrationTransitions } from "@pratica/db";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { groupedLoader, keyedLoader } from "../../core/loader.js";
import type { Viewer } from "../../core/viewer.js";

/** Rows as stored, the same for every viewer: who may read one is decided where it is reached (events.policy.ts). */
export const eventLoaders = (db: Database) => ({
  eventById: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(events)
        .where(inArray(events.id, [...ids])),
    (e) => e.id,
  ),
  /** Per event: confirmed (with attended) and waitlisted counts, and seats held (with offered). */
  eventCounts: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select({
          eventId: eventRegistrations.eventId,
          confirmed: sql<number>`(count(*) filter (where ${eventRegistrations.status} in ('CONFIRMED', 'ATTENDED')))::int`,
          waitlisted: sql<number>`(count(*) filter (where ${eventRegistrations.status} = 'WAITLISTED'))::int`,
          held: sql<number>`(count(*) filter (where ${eventRegistrations.status} in ('CONFIRMED', 'ATTENDED', 'OFFERED')))::int`,
        })
        .from(eventRegistrations)
        .where(inArray(eventRegistrations.eventId, [...ids]))
        .groupBy(eventRegistrations.eventId),
    (c) => c.eventId,
  ),
  registrationStepsByRegistration: groupedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(registrationTransitions)
        .where(inArray(registrationTransitions.registrationId, [...ids]))
        .orderBy(asc(registrationTransitions.createdAt), asc(registrationTransitions.id)),
    (t) => t.registrationId,
  ),
});

export const eventViewerLoaders = (db: Database, viewer: Viewer | null) => ({
  /** The viewer's own registration per event. */
  viewerRegistration: keyedLoader(
    (ids: readonly string[]) =>
      viewer
        ? db
            .select()
            .from(eventRegistrations)
            .where(and(eq(eventRegistrations.userId, viewer.id), inArray(eventRegistrations.eventId, [...ids])))
        : Promise.resolve([]),
    (r) => r.eventId,
  ),
});
