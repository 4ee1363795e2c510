import { eventMode, eventRegistrationPolicy, registrationStatus } from "@pratica/db";
import { DateTimeISOResolver } from "graphql-scalars";
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Connection } from "../../core/connection.type.js";
import { graphqlEnum } from "../../core/enums.js";

export const EventMode = graphqlEnum(eventMode.enumValues, {
  name: "EventMode",
  description: "Where an event happens",
});
export type EventMode = (typeof EventMode)[keyof typeof EventMode];

export const EventRegistrationPolicy = graphqlEnum(eventRegistrationPolicy.enumValues, {
  name: "EventRegistrationPolicy",
  description: "OPEN: first come; APPROVAL: the organisers decide; CLOSED: no registration",
});
export type EventRegistrationPolicy = (typeof EventRegistrationPolicy)[keyof typeof EventRegistrationPolicy];

export const RegistrationStatus = graphqlEnum(registrationStatus.enumValues, {
  name: "RegistrationStatus",
  description: "Where a registration stands (docs/events.md has the transitions)",
});
export type RegistrationStatus = (typeof RegistrationStatus)[keyof typeof RegistrationStatus];

export const RegistrationDecision = graphqlEnum(["APPROVE", "DECLINE"] as const, {
  name: "RegistrationDecision",
  description: "The organisers' answer to a PENDING registration",
});
export type RegistrationDecision = (typeof RegistrationDecision)[keyof typeof RegistrationDecision];

/**
 * A meeting of a community, or platform-wide. The stored columns; the edges (title in the viewer's
 * language, onlineUrl's rule, counts, viewerCan…) are in event-fields.resolver.ts.
 */
@ObjectType("Event", { description: "A meeting of a community, or of the whole platform" })
export class Event {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: "The Italian title (may be empty when only the English is given)" })
  titleIt!: string;
  @Field(() => String) descriptionIt!: string;
  @Field(() => EventMode) mode!: EventMode;
  @Field(() => String, { nullable: true }) placeName!: string | null;
  @Field(() => String, { nullable: true }) address!: string | null;
  @Field(() => Float, { nullable: true }) latitude!: number | null;
  @Field(() => Float, { nullable: true }) longitude!: number | null;
  @Field(() => DateTimeISOResolver) startsAt!: Date;
  @Field(() => DateTimeISOResolver) endsAt!: Date;
  @Field(() => String, { description: "The IANA zone the times are given in" }) timeZone!: string;
  @Field(() => Int, { nullable: true, description: "Null: unlimited" }) capacity!: number | null;
  @Field(() => EventRegistrationPolicy) registration!: EventRegistrationPolicy;
  @Field(() => DateTimeISOResolver, { nullable: true }) cancelledAt!: Date | null;
  @Field(() => String, { nullable: true }) cancellationReason!: string | null;
  @Field(() => Int, { description: "iCalendar SEQUENCE: raised by edits calendars must see" }) sequence!: number;
  @Field(() => Int, { description: "Sent back as `expectedVersion` by every change" }) version!: number;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
}

@ObjectType("EventRegistration", { description: "One person's registration for an event" })
export class EventRegistration {
  @Field(() => ID) id!: string;
  @Field(() => RegistrationStatus) status!: RegistrationStatus;
  @Field(() => DateTimeISOResolver, { nullable: true, description: "When an OFFERED seat's claim window ends" })
  offerExpiresAt!: Date | null;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
  @Field(() => DateTimeISOResolver) updatedAt!: Date;
}

@ObjectType("RegistrationStep", { description: "One change of a registration" })
export class RegistrationStep {
  @Field(() => ID) id!: string;
  @Field(() => RegistrationStatus, { nullable: true, description: "Null when it was created" })
  fromStatus!: RegistrationStatus | null;
  @Field(() => RegistrationStatus) toStatus!: RegistrationStatus;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
}

@ObjectType("EventConnection")
export class EventConnection extends Connection(Event, "Event") {}

@ObjectType("EventRegistrationConnection")
export class EventRegistrationConnection extends Connection(EventRegistration, "EventRegistration") {}
