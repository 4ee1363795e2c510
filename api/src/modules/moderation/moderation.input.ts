import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, InputType } from "type-graphql";
import { CaseState, ReportReason } from "../hidden-content/hidden-content.type.js";
import { AppealDecision, ModerationAction, SanctionScope } from "./moderation.type.js";

// Shapes only: the rules (exactly one target, lengths, until in the future…) are in moderation.rules.ts.

@InputType("ReportContentInput", { description: "Exactly one of the ids: what is reported" })
export class ReportContentInput {
  @Field(() => ID, { nullable: true }) postId?: string | null;
  @Field(() => ID, { nullable: true }) threadId?: string | null;
  @Field(() => ID, { nullable: true }) resourceId?: string | null;
  @Field(() => ID, { nullable: true }) commentId?: string | null;
  @Field(() => ID, { nullable: true }) amendmentId?: string | null;
  @Field(() => ID, { nullable: true, description: "A profile" }) userId?: string | null;
  @Field(() => ReportReason) reason!: keyof typeof ReportReason;
  @Field(() => String, { nullable: true, description: "For the moderators; up to 1,000 characters" })
  note?: string | null;
}

@InputType("DecideCaseInput")
export class DecideCaseInput {
  @Field(() => ID) caseId!: string;
  @Field(() => ModerationAction) action!: ModerationAction;
  @Field(() => String, { description: "The internal note: moderators only" }) reason!: string;
  @Field(() => String, { nullable: true, description: "To the author; required for every action but DISMISS" })
  message?: string | null;
  @Field(() => DateTimeISOResolver, { nullable: true, description: "RESTRICT and SUSPEND: until when" })
  until?: Date | null;
  @Field(() => SanctionScope, { nullable: true, description: "RESTRICT and SUSPEND; COMMUNITY unless given" })
  scope?: SanctionScope | null;
  @Field(() => CaseState, { description: "The state the moderator saw: a stale one is refused with CONFLICT" })
  expectedState!: keyof typeof CaseState;
}

@InputType("AppealInput")
export class AppealInput {
  @Field(() => ID) caseId!: string;
  @Field(() => String) statement!: string;
}

@InputType("DecideAppealInput")
export class DecideAppealInput {
  @Field(() => ID) caseId!: string;
  @Field(() => AppealDecision) decision!: AppealDecision;
  @Field(() => String, { description: "The internal note" }) reason!: string;
  @Field(() => String, { description: "To the author" }) message!: string;
  @Field(() => CaseState) expectedState!: keyof typeof CaseState;
}

@InputType("CaseMessageInput")
export class CaseMessageInput {
  @Field(() => ID) caseId!: string;
  @Field(() => String) body!: string;
}
