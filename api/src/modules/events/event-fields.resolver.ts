import {
  type CommunityRow,
  type DeliverableRow,
  type EventRegistrationRow,
  type EventRow,
  eventRegistrations,
  type RegistrationTransitionRow,
  type UserRow,
} from "@pratica/db";
import { and, asc, eq, gt, lt, sql } from "drizzle-orm";
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { connectionComplexity, toConnection } from "../../core/connection.type.js";
import type { Context } from "../../core/context.js";
import { localized } from "../../core/localized.js";
import { decodeCursor, pageSize, seqCursor } from "../../core/pagination.js";
import { ViewerDependent } from "../../core/viewer-dependent.js";
import { canRead } from "../community/community.policy.js";
import { Community } from "../community/community.type.js";
import { Deliverable } from "../deliverable/deliverable.type.js";
import { User } from "../identity/user.type.js";
import { eventAccess } from "./event-access.js";
import { canCreateEvent, canSeeOnlineUrl, isOrganiser, mayRegister } from "./events.policy.js";
import {
  Event,
  EventRegistration,
  EventRegistrationConnection,
  RegistrationStatus,
  RegistrationStep,
} from "./events.type.js";

/** An event's edges and the viewer-dependent fields; the rules are events.policy.ts's. */
@Resolver(() => Event)
export class EventFieldsResolver {
  @FieldResolver(() => Community, { nullable: true, description: "Null: platform-wide" })
  community(@Root() e: EventRow, @Ctx() ctx: Context): Promise<CommunityRow | null> | null {
    return e.communityId ? ctx.loaders.communityById.load(e.communityId) : null;
  }

  @FieldResolver(() => User, { nullable: true })
  organizer(@Root() e: EventRow, @Ctx() ctx: Context): Promise<UserRow | null> {
    return ctx.loaders.userById.load(e.organizerId) as Promise<UserRow | null>;
  }

  @FieldResolver(() => String, { description: "In the viewer's language, falling back to the other" })
  title(@Root() e: EventRow, @Ctx() ctx: Context): string {
    return localized(ctx.caller.locale, { en: e.title, it: e.titleIt }) ?? "";
  }

  @FieldResolver(() => String, { description: "The English title (may be empty when only the Italian is given)" })
  titleEn(@Root() e: EventRow): string {
    return e.title;
  }

  @FieldResolver(() => String, { description: "The English description (Markdown)" })
  descriptionEn(@Root() e: EventRow): string {
    return e.description;
  }

  @FieldResolver(() => String, { description: "Markdown, in the viewer's language, falling back to the other" })
  description(@Root() e: EventRow, @Ctx() ctx: Context): string {
    return localized(ctx.caller.locale, { en: e.description, it: e.descriptionIt }) ?? "";
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The link to join: confirmed (or attended) participants and the organisers only, else null",
  })
  @ViewerDependent()
  async onlineUrl(@Root() e: EventRow, @Ctx() ctx: Context): Promise<string | null> {
    if (!e.onlineUrl) return null;
    const [access, mine] = await Promise.all([eventAccess(ctx, e), ctx.loaders.viewerRegistration.load(e.id)]);
    return canSeeOnlineUrl(ctx.viewer, e, access, mine) ? e.onlineUrl : null;
  }

  @FieldResolver(() => Int, { description: "Confirmed and attended participants" })
  async confirmedCount(@Root() e: EventRow, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.eventCounts.load(e.id))?.confirmed ?? 0;
  }

  @FieldResolver(() => Int)
  async waitlistCount(@Root() e: EventRow, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.eventCounts.load(e.id))?.waitlisted ?? 0;
  }

  @FieldResolver(() => Int, { nullable: true, description: "Null: unlimited; an offered seat counts as taken" })
  async seatsLeft(@Root() e: EventRow, @Ctx() ctx: Context): Promise<number | null> {
    if (e.capacity === null) return null;
    return Math.max(0, e.capacity - ((await ctx.loaders.eventCounts.load(e.id))?.held ?? 0));
  }

  @FieldResolver(() => Deliverable, {
    nullable: true,
    description: "The minutes, when the viewer may see the document",
  })
  @ViewerDependent()
  async minutes(@Root() e: EventRow, @Ctx() ctx: Context): Promise<DeliverableRow | null> {
    if (!e.minutesDeliverableId) return null;
    try {
      return (await ctx.services.deliverable.visible(ctx.viewer, e.minutesDeliverableId)).deliverable;
    } catch {
      return null;
    }
  }

  @FieldResolver(() => EventRegistration, { nullable: true })
  @ViewerDependent()
  viewerRegistration(@Root() e: EventRow, @Ctx() ctx: Context): Promise<EventRegistrationRow | null> {
    return ctx.loaders.viewerRegistration.load(e.id);
  }

  @FieldResolver(() => EventRegistrationConnection, {
    nullable: true,
    complexity: connectionComplexity,
    description: "Organisers only (null to others): registrations in list order",
  })
  @ViewerDependent()
  async registrations(
    @Root() e: EventRow,
    @Arg("status", () => RegistrationStatus, { nullable: true }) status: RegistrationStatus | null,
    @Arg("first", () => Int, { nullable: true, defaultValue: 50 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    if (!isOrganiser(ctx.viewer, e, await eventAccess(ctx, e))) return null;
    const size = pageSize(first);
    const position = decodeCursor(seqCursor, after);
    const scope = and(eq(eventRegistrations.eventId, e.id), status ? eq(eventRegistrations.status, status) : undefined);
    const rows = await ctx.services.db
      .select()
      .from(eventRegistrations)
      .where(and(scope, position === null ? undefined : gt(eventRegistrations.queuePosition, position)))
      .orderBy(asc(eventRegistrations.queuePosition))
      .limit(size + 1);
    const [count] = await ctx.services.db
      .select({ n: sql<number>`count(*)::int` })
      .from(eventRegistrations)
      .where(scope);
    const nodes = rows.slice(0, size);
    return toConnection(
      { nodes, cursors: nodes.map((r) => String(r.queuePosition)), hasNextPage: rows.length > size },
      count?.n ?? 0,
    );
  }

  @FieldResolver(() => Boolean, { description: "Organisers edit, cancel and manage registrations" })
  @ViewerDependent()
  async viewerCanEdit(@Root() e: EventRow, @Ctx() ctx: Context): Promise<boolean> {
    return !e.cancelledAt && isOrganiser(ctx.viewer, e, await eventAccess(ctx, e));
  }

  @FieldResolver(() => Boolean, { description: "Organisers: registrations, attendance, minutes" })
  @ViewerDependent()
  async viewerCanManage(@Root() e: EventRow, @Ctx() ctx: Context): Promise<boolean> {
    return isOrganiser(ctx.viewer, e, await eventAccess(ctx, e));
  }

  @FieldResolver(() => Boolean, { description: "Whether registerForEvent would take the viewer now" })
  @ViewerDependent()
  async viewerCanRegister(@Root() e: EventRow, @Ctx() ctx: Context): Promise<boolean> {
    if (e.cancelledAt || e.registration === "CLOSED" || e.startsAt <= ctx.services.eventsClock()) return false;
    const [access, mine] = await Promise.all([eventAccess(ctx, e), ctx.loaders.viewerRegistration.load(e.id)]);
    return mayRegister(ctx.viewer, access) && (!mine || mine.status === "CANCELLED");
  }

  @FieldResolver(() => String, { description: "The event's calendar file (a path under the api's origin)" })
  icsUrl(@Root() e: EventRow): string {
    return `/events/${e.id}/event.ics`;
  }
}

/** A registration's edges. */
@Resolver(() => EventRegistration)
export class RegistrationFieldsResolver {
  @FieldResolver(() => Event)
  event(@Root() r: EventRegistrationRow, @Ctx() ctx: Context): Promise<EventRow | null> {
    return ctx.loaders.eventById.load(r.eventId);
  }

  @FieldResolver(() => User, { nullable: true })
  user(@Root() r: EventRegistrationRow, @Ctx() ctx: Context): Promise<UserRow | null> {
    return ctx.loaders.userById.load(r.userId) as Promise<UserRow | null>;
  }

  @FieldResolver(() => Int, { nullable: true, description: "The place on the waiting list (1-based) when WAITLISTED" })
  async queuePosition(@Root() r: EventRegistrationRow, @Ctx() ctx: Context): Promise<number | null> {
    if (r.status !== "WAITLISTED") return null;
    const [row] = await ctx.services.db
      .select({ n: sql<number>`count(*)::int` })
      .from(eventRegistrations)
      .where(
        and(
          eq(eventRegistrations.eventId, r.eventId),
          eq(eventRegistrations.status, "WAITLISTED"),
          lt(eventRegistrations.queuePosition, r.queuePosition),
        ),
      );
    return (row?.n ?? 0) + 1;
  }

  @FieldResolver(() => [RegistrationStep])
  history(@Root() r: EventRegistrationRow, @Ctx() ctx: Context): Promise<RegistrationTransitionRow[]> {
    return ctx.loaders.registrationStepsByRegistration.load(r.id);
  }
}

/** A community's next events, on its page: readable communities only (empty otherwise). */
@Resolver(() => Community)
export class CommunityUpcomingEventsResolver {
  @FieldResolver(() => [Event], { description: "Its next events (not cancelled), soonest first" })
  @ViewerDependent()
  async upcomingEvents(
    @Root() c: CommunityRow,
    @Arg("first", () => Int, { nullable: true, defaultValue: 3 }) first: number,
    @Ctx() ctx: Context,
  ): Promise<EventRow[]> {
    const membership = await ctx.loaders.viewerMembership.load(c.id);
    if (!canRead(c, ctx.viewer, membership)) return [];
    return ctx.services.eventReads.upcomingIn(c.id, first ?? 3);
  }

  @FieldResolver(() => Boolean, { description: "Whether the viewer may create events here" })
  @ViewerDependent()
  async viewerCanCreateEvent(@Root() c: CommunityRow, @Ctx() ctx: Context): Promise<boolean> {
    return canCreateEvent(ctx.viewer, {
      community: c,
      viewer: ctx.viewer,
      membership: await ctx.loaders.viewerMembership.load(c.id),
    });
  }
}
