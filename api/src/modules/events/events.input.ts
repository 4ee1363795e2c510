import { DateTimeISOResolver } from "graphql-scalars";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { EventMode, EventRegistrationPolicy, RegistrationDecision } from "./events.type.js";

// Shapes only: the rules live in events.rules.ts.

@InputType("CreateEventInput")
export class CreateEventInput {
  @Field(() => ID, { nullable: true, description: "Null: platform-wide (admins only)" }) communityId?: string | null;
  @Field(() => String, { nullable: true }) titleEn?: string | null;
  @Field(() => String, { nullable: true }) titleIt?: string | null;
  @Field(() => String, { nullable: true }) descriptionEn?: string | null;
  @Field(() => String, { nullable: true }) descriptionIt?: string | null;
  @Field(() => EventMode) mode!: EventMode;
  @Field(() => String, { nullable: true }) placeName?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => Float, { nullable: true }) latitude?: number | null;
  @Field(() => Float, { nullable: true }) longitude?: number | null;
  @Field(() => String, { nullable: true, description: "https: ONLINE and HYBRID" }) onlineUrl?: string | null;
  @Field(() => DateTimeISOResolver) startsAt!: Date;
  @Field(() => DateTimeISOResolver) endsAt!: Date;
  @Field(() => String, { nullable: true, defaultValue: "Europe/Rome" }) timeZone?: string | null;
  @Field(() => Int, { nullable: true, description: "Null: unlimited" }) capacity?: number | null;
  @Field(() => EventRegistrationPolicy, { nullable: true, defaultValue: "OPEN" })
  registration?: EventRegistrationPolicy | null;
}

@InputType("UpdateEventInput", { description: "Replaces the event's fields (all of them, as on create)" })
export class UpdateEventInput {
  @Field(() => ID) eventId!: string;
  @Field(() => Int) expectedVersion!: number;
  @Field(() => String, { nullable: true }) titleEn?: string | null;
  @Field(() => String, { nullable: true }) titleIt?: string | null;
  @Field(() => String, { nullable: true }) descriptionEn?: string | null;
  @Field(() => String, { nullable: true }) descriptionIt?: string | null;
  @Field(() => EventMode) mode!: EventMode;
  @Field(() => String, { nullable: true }) placeName?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => Float, { nullable: true }) latitude?: number | null;
  @Field(() => Float, { nullable: true }) longitude?: number | null;
  @Field(() => String, { nullable: true }) onlineUrl?: string | null;
  @Field(() => DateTimeISOResolver) startsAt!: Date;
  @Field(() => DateTimeISOResolver) endsAt!: Date;
  @Field(() => String, { nullable: true, defaultValue: "Europe/Rome" }) timeZone?: string | null;
  @Field(() => Int, { nullable: true }) capacity?: number | null;
  @Field(() => EventRegistrationPolicy, { nullable: true, defaultValue: "OPEN" })
  registration?: EventRegistrationPolicy | null;
}

@InputType("CancelEventInput")
export class CancelEventInput {
  @Field(() => ID) eventId!: string;
  @Field(() => Int) expectedVersion!: number;
  @Field(() => String) reason!: string;
}

@InputType("DecideRegistrationInput")
export class DecideRegistrationInput {
  @Field(() => ID) registrationId!: string;
  @Field(() => RegistrationDecision) decision!: RegistrationDecision;
}

@InputType("MarkAttendanceInput")
export class MarkAttendanceInput {
  @Field(() => ID) registrationId!: string;
  @Field(() => Boolean) attended!: boolean;
}

@InputType("LinkMinutesInput")
export class LinkMinutesInput {
  @Field(() => ID) eventId!: string;
  @Field(() => ID, { nullable: true, description: "An existing document of the community; null creates one" })
  deliverableId?: string | null;
}
