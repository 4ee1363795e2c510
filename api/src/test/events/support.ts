import {
  type CommunityRow,
  communityMemberships,
  type Database,
  type EventRow,
  eventRegistrations,
  events,
  registrationTransitions,
} from "@pratica/db";
import { asc, eq } from "drizzle-orm";
import { expect } from "vitest";
import { errorCode, gql } from "../client.js";
import { addMember, buildCommunity, buildUser, type TestUser } from "../factories.js";

/** "Now" for every events test: the clock hook starts here; tests move `clock.now`. */
export const NOW = new Date("2030-03-02T09:00:00Z");
export const HOUR = 3_600_000;
export const clock = { now: NOW };
export const hooks = { eventsClock: () => clock.now };

export const ROLES = ["anonymous", "unconfirmed", "nonMember", "member", "organiser", "facilitator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export type Cast = Record<Exclude<Role, "anonymous">, TestUser> & { community: CommunityRow; suspended: TestUser };

/**
 * A community with a facilitator, a member, an organiser (a member who organised an event before
 * becoming a plain member: the event's organizer), an admin, a non-member, an unconfirmed account
 * and a member suspended there.
 */
export async function buildCast(db: Database): Promise<Cast> {
  const community = await buildCommunity(db);
  const [facilitator, member, organiser, admin, nonMember, unconfirmed, suspended] = await Promise.all([
    buildUser(db),
    buildUser(db),
    buildUser(db),
    buildUser(db, { role: "ADMIN" }),
    buildUser(db),
    buildUser(db, { emailVerifiedAt: null }),
    buildUser(db),
  ]);
  await addMember(db, community, facilitator, "FACILITATOR");
  await addMember(db, community, member);
  await addMember(db, community, organiser);
  await addMember(db, community, unconfirmed);
  await addMember(db, community, suspended);
  await db
    .update(communityMemberships)
    .set({ suspendedUntil: new Date(NOW.getTime() + 1000 * HOUR) })
    .where(eq(communityMemberships.userId, suspended.id));
  return { community, facilitator, member, organiser, admin, nonMember, unconfirmed, suspended };
}

export const who = (cast: Cast, role: Role): TestUser | undefined => (role === "anonymous" ? undefined : cast[role]);

/** An event straight in the database (its organiser the cast's organiser), starting a day after NOW. */
export async function buildEvent(
  db: Database,
  cast: Cast,
  overrides: Partial<typeof events.$inferInsert> = {},
): Promise<EventRow> {
  const [event] = await db
    .insert(events)
    .values({
      communityId: cast.community.id,
      organizerId: cast.organiser.id,
      title: "Workshop on impact",
      titleIt: "Laboratorio sull'impatto",
      mode: "HYBRID",
      placeName: "Toolbox",
      address: "Via Agostino da Montefeltro 2, Torino",
      latitude: 45.05,
      longitude: 7.66,
      onlineUrl: "https://meet.example.org/impact",
      startsAt: new Date(NOW.getTime() + 48 * HOUR),
      endsAt: new Date(NOW.getTime() + 50 * HOUR),
      capacity: 2,
      ...overrides,
    })
    .returning();
  if (!event) throw new Error("event not created");
  return event;
}

export const request =
  (url: () => string) =>
  (user: TestUser | undefined, query: string, variables = {}) =>
    gql(url(), query, variables, { token: user?.token });

/** The rows a refusal must leave as they were. */
export async function snapshot(db: Database, eventId: string) {
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  const registrations = await db
    .select()
    .from(eventRegistrations)
    .where(eq(eventRegistrations.eventId, eventId))
    .orderBy(asc(eventRegistrations.queuePosition));
  const steps = await db.select({ id: registrationTransitions.id }).from(registrationTransitions);
  return { event, registrations, steps: steps.length };
}

export async function refused(
  db: Database,
  eventId: string,
  send: () => Promise<{ errors?: readonly { extensions?: Record<string, unknown> }[] | undefined }>,
  code: string,
) {
  const before = await snapshot(db, eventId);
  const res = await send();
  expect(errorCode(res as never)).toBe(code);
  expect(await snapshot(db, eventId)).toEqual(before);
}

export const REGISTRATION = "id status queuePosition offerExpiresAt";
export const REGISTER = `mutation($id: ID!) { registerForEvent(eventId: $id) { ${REGISTRATION} } }`;
export const CANCEL_REGISTRATION = `mutation($id: ID!) { cancelRegistration(eventId: $id) { ${REGISTRATION} } }`;
export const CLAIM = `mutation($id: ID!) { claimSeat(eventId: $id) { ${REGISTRATION} } }`;
export const DECIDE = `mutation($i: DecideRegistrationInput!) { decideRegistration(input: $i) { ${REGISTRATION} } }`;
export const ATTEND = `mutation($i: MarkAttendanceInput!) { markAttendance(input: $i) { ${REGISTRATION} } }`;
export const EVENT_FIELDS =
  "id title titleEn titleIt mode onlineUrl startsAt endsAt capacity registration confirmedCount waitlistCount seatsLeft cancelledAt sequence version viewerCanEdit viewerCanRegister viewerCanManage icsUrl";
export const CREATE = `mutation($i: CreateEventInput!) { createEvent(input: $i) { ${EVENT_FIELDS} } }`;
export const UPDATE = `mutation($i: UpdateEventInput!) { updateEvent(input: $i) { ${EVENT_FIELDS} } }`;
export const CANCEL = `mutation($i: CancelEventInput!) { cancelEvent(input: $i) { ${EVENT_FIELDS} cancellationReason } }`;
export const LINK = `mutation($i: LinkMinutesInput!) { linkEventMinutes(input: $i) { id version minutes { id title } } }`;

/** A valid create input for the cast's community, starting two days after NOW. */
export const createInput = (communityId: string | null, more: Record<string, unknown> = {}) => ({
  communityId,
  titleEn: "Partners' assembly",
  titleIt: "Assemblea dei partner",
  descriptionEn: "Once a year.",
  mode: "IN_PERSON",
  placeName: "Toolbox",
  address: "Via Agostino da Montefeltro 2, Torino",
  latitude: 45.05,
  longitude: 7.66,
  startsAt: new Date(NOW.getTime() + 48 * HOUR).toISOString(),
  endsAt: new Date(NOW.getTime() + 50 * HOUR).toISOString(),
  capacity: 10,
  ...more,
});

/** The input updateEvent takes for an event as it is (tests change a field or two). */
export const updateInput = (e: EventRow, more: Record<string, unknown> = {}) => ({
  eventId: e.id,
  expectedVersion: e.version,
  titleEn: e.title,
  titleIt: e.titleIt,
  descriptionEn: e.description,
  descriptionIt: e.descriptionIt,
  mode: e.mode,
  placeName: e.placeName,
  address: e.address,
  latitude: e.latitude,
  longitude: e.longitude,
  onlineUrl: e.onlineUrl,
  startsAt: e.startsAt.toISOString(),
  endsAt: e.endsAt.toISOString(),
  timeZone: e.timeZone,
  capacity: e.capacity,
  registration: e.registration,
  ...more,
});
