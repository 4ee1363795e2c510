import { appealState, moderationAction } from "@pratica/db";
import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Connection } from "../../core/connection.type.js";
import { graphqlEnum } from "../../core/enums.js";
import { CaseState, ModerationTargetKind, ReportReason } from "../hidden-content/hidden-content.type.js";

type Enum<E> = E[keyof E];

/** What a moderator decides on an open (or actioned) case. */
export const ModerationAction = graphqlEnum(["DISMISS", "HIDE", "RESTORE", "WARN", "RESTRICT", "SUSPEND"] as const, {
  name: "ModerationAction",
  description: "A moderator's decision on a case",
});
export type ModerationAction = Enum<typeof ModerationAction>;

/** Every step a case's history records: people's decisions, the system's, the appeal's. */
export const CaseStep = graphqlEnum(moderationAction.enumValues, {
  name: "CaseStep",
  description: "A step in a case's history: REPORT, AUTO_HIDE and LIFT are the system's",
});
export type CaseStep = Enum<typeof CaseStep>;

export const SanctionScope = graphqlEnum(["COMMUNITY", "PLATFORM"] as const, {
  name: "SanctionScope",
  description: "Where a restriction or suspension applies: the case's community, or the whole platform (admins)",
});
export type SanctionScope = Enum<typeof SanctionScope>;

export const AppealDecision = graphqlEnum(["UPHOLD", "OVERTURN"] as const, { name: "AppealDecision" });
export type AppealDecision = Enum<typeof AppealDecision>;

export const AppealState = graphqlEnum(appealState.enumValues, { name: "AppealState" });
export type AppealState = Enum<typeof AppealState>;

// The object types hold their plain columns; every field that depends on who asks (reports,
// history, the author, the decision's message) is a field resolver that asks the case policy.

@ObjectType("ModerationCase", {
  description: "The reports on one target, merged, and what the moderators decided about it",
})
export class ModerationCase {
  @Field(() => ID) id!: string;
  @Field(() => CaseState) state!: Enum<typeof CaseState>;
  @Field(() => ModerationTargetKind) targetKind!: Enum<typeof ModerationTargetKind>;
  @Field(() => ReportReason, { description: "The first report's reason" }) reason!: Enum<typeof ReportReason>;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
  @Field(() => DateTimeISOResolver) updatedAt!: Date;
}

@ObjectType("ModerationCaseConnection")
export class ModerationCaseConnection extends Connection(ModerationCase, "ModerationCase") {}

@ObjectType("Report", { description: "One member's report on a piece of content or a profile" })
export class Report {
  @Field(() => ID) id!: string;
  @Field(() => ReportReason) reason!: Enum<typeof ReportReason>;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
}

@ObjectType("ReportConnection")
export class ReportConnection extends Connection(Report, "Report") {}

@ObjectType("ReasonCount", { simpleResolvers: true })
export class ReasonCount {
  @Field(() => ReportReason) reason!: Enum<typeof ReportReason>;
  @Field(() => Int) count!: number;
}

@ObjectType("CaseTransition", { description: "One step of a case, in order" })
export class CaseTransition {
  @Field(() => ID) id!: string;
  @Field(() => CaseState, { nullable: true }) from!: Enum<typeof CaseState> | null;
  @Field(() => CaseState) to!: Enum<typeof CaseState>;
  @Field(() => CaseStep) step!: CaseStep;
  @Field(() => DateTimeISOResolver, { nullable: true }) until!: Date | null;
  @Field(() => DateTimeISOResolver) at!: Date;
}

@ObjectType("Appeal", { description: "The author's appeal against a decision, decided by another moderator" })
export class Appeal {
  @Field(() => ID) id!: string;
  @Field(() => String) statement!: string;
  @Field(() => AppealState) state!: AppealState;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
  @Field(() => DateTimeISOResolver, { nullable: true }) decidedAt!: Date | null;
}

@ObjectType("CaseMessage", {
  description: "A message in a case's private conversation (the author and the moderators)",
})
export class CaseMessage {
  @Field(() => ID) id!: string;
  @Field(() => String) body!: string;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
}

@ObjectType("AuthorRecord", { description: "What moderators see of a reported author's history" })
export class AuthorRecord {
  @Field(() => DateTimeISOResolver) memberSince!: Date;
  @Field(() => Int) postsCount!: number;
  @Field(() => Int) casesActioned!: number;
  @Field(() => Int) warnings!: number;
  @Field(() => Int) restrictions!: number;
  @Field(() => Int) suspensions!: number;
}

@ObjectType("ModerationLogEntry", {
  description: "One moderation step as the log keeps it; the public log leaves out who, the notes and the case",
})
export class ModerationLogEntry {
  @Field(() => ID) id!: string;
  @Field(() => DateTimeISOResolver) at!: Date;
  @Field(() => CaseStep) step!: CaseStep;
  @Field(() => ModerationTargetKind) targetKind!: Enum<typeof ModerationTargetKind>;
  @Field(() => ReportReason, { nullable: true }) reason!: Enum<typeof ReportReason> | null;
}

@ObjectType("ModerationLogConnection")
export class ModerationLogConnection extends Connection(ModerationLogEntry, "ModerationLog") {}
