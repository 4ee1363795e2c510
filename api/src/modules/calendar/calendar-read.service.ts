import {
  type CommunityRow,
  communities,
  communityMemberships,
  type Database,
  eventRegistrations,
  events,
  users,
} from "@pratica/db";
import { and, asc, eq, gt, inArray, isNotNull, isNull, or } from "drizzle-orm";
import { z } from "zod";
import type { Locale } from "../../core/context.js";
import { notFound } from "../../core/errors.js";
import type { Viewer } from "../../core/viewer.js";
import type { Access } from "../community/community.access.js";
import { canReadEvent, canSeeOnlineUrl, type EventAccess } from "../events/events.policy.js";
import { FEED_MAX_EVENTS, FEED_PAST_DAYS, FEED_STATUSES, isTentative, MAP_MAX_EVENTS } from "./calendar.rules.js";
import { eventIcal, icsCalendar } from "./event-ical.js";
import { eventsGeoJson } from "./events-geojson.js";

const uuid = z.uuid();
const DAY_MS = 24 * 60 * 60 * 1000;
/** Stands in for "no viewer" in the joins: no membership or registration has it. */
const NOBODY = "00000000-0000-0000-0000-000000000000";

/** The files calendars and the map read: one event's .ics, a personal feed, the map's GeoJSON. */
export class CalendarReadService {
  constructor(
    private readonly db: Database,
    /** PUBLIC_ORIGIN, where UIDs and event pages live. */
    private readonly origin: () => string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** `GET /events/:id/event.ics`: the event's read rule; NOT_FOUND when the viewer may not read it. */
  async eventFile(
    viewer: Viewer | null,
    eventId: string,
    locale: Locale,
  ): Promise<{ ics: string; cancelled: boolean }> {
    if (!uuid.safeParse(eventId).success) throw notFound("Event");
    const [row] = await this.db
      .select({
        event: events,
        organizerName: users.displayName,
        community: { id: communities.id, visibility: communities.visibility, archivedAt: communities.archivedAt },
        membership: communityMemberships,
        registration: eventRegistrations.status,
      })
      .from(events)
      .innerJoin(users, eq(users.id, events.organizerId))
      .leftJoin(communities, eq(communities.id, events.communityId))
      .leftJoin(
        communityMemberships,
        and(
          eq(communityMemberships.communityId, events.communityId),
          eq(communityMemberships.userId, viewer?.id ?? NOBODY),
        ),
      )
      .leftJoin(
        eventRegistrations,
        and(eq(eventRegistrations.eventId, events.id), eq(eventRegistrations.userId, viewer?.id ?? NOBODY)),
      )
      .where(eq(events.id, eventId));
    if (!row) throw notFound("Event");
    const { event } = row;
    const access = accessOf(viewer, row);
    // A members-only community's event does not exist for those who may not read the community.
    if (!canReadEvent(viewer, access)) throw notFound("Event");
    const cancelled = event.cancelledAt !== null;
    const entry = eventIcal(
      { ...event, organizerName: row.organizerName },
      {
        locale,
        withOnlineUrl: canSeeOnlineUrl(viewer, event, access, row.registration ? { status: row.registration } : null),
        origin: this.origin(),
        platformAddress: this.platformAddress(),
        tentative: row.registration !== null && isTentative(row.registration),
      },
    );
    return { ics: icsCalendar([entry], { name: "Pratica", method: cancelled ? "CANCEL" : "PUBLISH" }), cancelled };
  }

  /**
   * `GET /calendar/:token.ics`: the owner's registrations (not cancelled ones) in events they may
   * still read, from FEED_PAST_DAYS ago on; cancelled events stay, as STATUS:CANCELLED.
   */
  async feedFile(userId: string, locale: Locale): Promise<string> {
    const [owner] = await this.db
      .select({ id: users.id, role: users.role, suspendedUntil: users.suspendedUntil })
      .from(users)
      .where(eq(users.id, userId));
    if (!owner) throw notFound("Calendar");
    const now = this.now();
    const viewer: Viewer = {
      id: owner.id,
      role: owner.role,
      sessionId: "",
      verified: true,
      suspendedUntil: owner.suspendedUntil && owner.suspendedUntil > now ? owner.suspendedUntil : null,
    };
    const rows = await this.db
      .select({
        event: events,
        organizerName: users.displayName,
        community: { id: communities.id, visibility: communities.visibility, archivedAt: communities.archivedAt },
        membership: communityMemberships,
        status: eventRegistrations.status,
      })
      .from(eventRegistrations)
      .innerJoin(events, eq(events.id, eventRegistrations.eventId))
      .innerJoin(users, eq(users.id, events.organizerId))
      .leftJoin(communities, eq(communities.id, events.communityId))
      .leftJoin(
        communityMemberships,
        and(eq(communityMemberships.communityId, events.communityId), eq(communityMemberships.userId, userId)),
      )
      .where(
        and(
          eq(eventRegistrations.userId, userId),
          inArray(eventRegistrations.status, [...FEED_STATUSES]),
          gt(events.endsAt, new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS)),
        ),
      )
      .orderBy(asc(events.startsAt), asc(events.id))
      .limit(FEED_MAX_EVENTS);
    const origin = this.origin();
    const entries = rows
      .map((r) => ({ ...r, access: accessOf(viewer, r) }))
      .filter((r) => canReadEvent(viewer, r.access))
      .map((r) => {
        return eventIcal(
          { ...r.event, organizerName: r.organizerName },
          {
            locale,
            withOnlineUrl: canSeeOnlineUrl(viewer, r.event, r.access, { status: r.status }),
            origin,
            platformAddress: this.platformAddress(),
            tentative: isTentative(r.status),
          },
        );
      });
    return icsCalendar(entries, { name: locale === "it" ? "Pratica — i miei eventi" : "Pratica — my events" });
  }

  /** `GET /events.geojson`: upcoming, not cancelled, placed events of public communities and the platform. */
  async mapLayer(locale: Locale) {
    const rows = await this.db
      .select({
        event: events,
        slug: communities.slug,
        name: communities.name,
        nameIt: communities.nameIt,
      })
      .from(events)
      .leftJoin(communities, eq(communities.id, events.communityId))
      .where(
        and(
          isNull(events.cancelledAt),
          gt(events.endsAt, this.now()),
          inArray(events.mode, ["IN_PERSON", "HYBRID"]),
          isNotNull(events.latitude),
          isNotNull(events.longitude),
          or(isNull(events.communityId), eq(communities.visibility, "PUBLIC")),
        ),
      )
      .orderBy(asc(events.startsAt), asc(events.id))
      .limit(MAP_MAX_EVENTS);
    const mapped = rows.map(({ event: e, slug, name, nameIt }) => ({
      ...e,
      latitude: e.latitude as number,
      longitude: e.longitude as number,
      community: slug !== null && name !== null && nameIt !== null ? { slug, name, nameIt } : null,
    }));
    return eventsGeoJson(mapped, locale, (id) => new URL(`/events/${id}`, this.origin()).toString());
  }

  /** ORGANIZER's address: the platform's, never a person's (event-ical.ts). */
  private platformAddress(): string {
    return `noreply@${new URL(this.origin()).hostname}`;
  }
}

type Joined = {
  community: Pick<CommunityRow, "id" | "visibility" | "archivedAt"> | null;
  membership: Access["membership"];
};

/** The events policy's access from one joined row (a platform-wide event has none). */
function accessOf(viewer: Viewer | null, row: Joined): EventAccess {
  return row.community === null ? null : { community: row.community, viewer, membership: row.membership };
}
