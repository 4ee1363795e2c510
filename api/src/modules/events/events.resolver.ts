import type { EventRegistrationRow, EventRow } from "@pratica/db";
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { connectionComplexity, toConnection } from "../../core/connection.type.js";
import type { Context } from "../../core/context.js";
import { notFound } from "../../core/errors.js";
import { isUuid } from "../../core/ids.js";
import { eventAccess } from "./event-access.js";
import {
  CancelEventInput,
  CreateEventInput,
  DecideRegistrationInput,
  LinkMinutesInput,
  MarkAttendanceInput,
  UpdateEventInput,
} from "./events.input.js";
import { canReadEvent } from "./events.policy.js";
import { Event, EventConnection, EventRegistration } from "./events.type.js";

@Resolver(() => Event)
export class EventsResolver {
  @Query(() => Event, {
    nullable: true,
    description: "An event the viewer may read (platform-wide ones: anyone); NOT_FOUND otherwise",
  })
  async event(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<EventRow> {
    const event = isUuid(id) ? await ctx.loaders.eventById.load(id) : null;
    if (!event || !canReadEvent(ctx.viewer, await eventAccess(ctx, event))) throw notFound("Event");
    return event;
  }

  @Query(() => EventConnection, {
    complexity: connectionComplexity,
    description:
      "Events the viewer may read: upcoming (not ended, soonest first) or past (latest first); without communityId, platform-wide and every readable community's",
  })
  async events(
    @Arg("communityId", () => ID, { nullable: true }) communityId: string | null,
    @Arg("upcoming", () => Boolean, { nullable: true, defaultValue: true }) upcoming: boolean,
    @Arg("first", () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    const { page, totalCount } = await ctx.services.eventReads.list(ctx.viewer, {
      communityId,
      upcoming: upcoming ?? true,
      first,
      after,
    });
    return toConnection(page, totalCount);
  }

  @Query(() => [Event], { description: "The upcoming events the viewer is registered for (any status but cancelled)" })
  myEvents(@Ctx() ctx: Context): Promise<EventRow[]> {
    return ctx.services.eventReads.mine(ctx.viewer);
  }

  @Mutation(() => Event, { description: "Community facilitators (platform-wide: admins) create an event" })
  createEvent(@Arg("input", () => CreateEventInput) input: CreateEventInput, @Ctx() ctx: Context): Promise<EventRow> {
    return ctx.services.events.create(ctx.viewer, input);
  }

  @Mutation(() => Event, {
    description:
      "Organisers edit an event (expectedVersion); raises `sequence` when calendars must see it, and tells the registered",
  })
  updateEvent(@Arg("input", () => UpdateEventInput) input: UpdateEventInput, @Ctx() ctx: Context): Promise<EventRow> {
    return ctx.services.events.update(ctx.viewer, input);
  }

  @Mutation(() => Event, { description: "Organisers cancel an event with a reason; the registered are told" })
  cancelEvent(@Arg("input", () => CancelEventInput) input: CancelEventInput, @Ctx() ctx: Context): Promise<EventRow> {
    return ctx.services.events.cancel(ctx.viewer, input);
  }

  @Mutation(() => EventRegistration, {
    description: "OPEN: CONFIRMED or WAITLISTED; APPROVAL: PENDING; closed, started or cancelled events: CONFLICT",
  })
  registerForEvent(@Arg("eventId", () => ID) eventId: string, @Ctx() ctx: Context): Promise<EventRegistrationRow> {
    return ctx.services.eventRegistrations.register(ctx.viewer, eventId);
  }

  @Mutation(() => EventRegistration, {
    description: "Cancels the viewer's registration; a freed seat is offered to the next",
  })
  cancelRegistration(@Arg("eventId", () => ID) eventId: string, @Ctx() ctx: Context): Promise<EventRegistrationRow> {
    return ctx.services.eventRegistrations.cancel(ctx.viewer, eventId);
  }

  @Mutation(() => EventRegistration, { description: "Takes an OFFERED seat within its claim window" })
  claimSeat(@Arg("eventId", () => ID) eventId: string, @Ctx() ctx: Context): Promise<EventRegistrationRow> {
    return ctx.services.eventRegistrations.claim(ctx.viewer, eventId);
  }

  @Mutation(() => EventRegistration, {
    description: "Organisers approve (CONFIRMED, or WAITLISTED when full) or decline a PENDING registration",
  })
  decideRegistration(
    @Arg("input", () => DecideRegistrationInput) input: DecideRegistrationInput,
    @Ctx() ctx: Context,
  ): Promise<EventRegistrationRow> {
    return ctx.services.eventRegistrations.decide(ctx.viewer, input);
  }

  @Mutation(() => EventRegistration, { description: "Organisers, once the event started: CONFIRMED ⇄ ATTENDED" })
  markAttendance(
    @Arg("input", () => MarkAttendanceInput) input: MarkAttendanceInput,
    @Ctx() ctx: Context,
  ): Promise<EventRegistrationRow> {
    return ctx.services.eventRegistrations.markAttendance(ctx.viewer, input);
  }

  @Mutation(() => Event, {
    description: "Organisers link the minutes: a document of the community, or (no deliverableId) a new one",
  })
  linkEventMinutes(
    @Arg("input", () => LinkMinutesInput) input: LinkMinutesInput,
    @Ctx() ctx: Context,
  ): Promise<EventRow> {
    return ctx.services.events.linkMinutes(ctx.viewer, input);
  }
}
