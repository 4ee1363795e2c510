import { caseState, moderationTargetKind, reportReason } from "@pratica/db";
import { Field, ID, ObjectType } from "type-graphql";
import { graphqlEnum } from "../../core/enums.js";

export const ReportReason = graphqlEnum(reportReason.enumValues, {
  name: "ReportReason",
  description: "Why a member reports something",
});
export const ModerationTargetKind = graphqlEnum(moderationTargetKind.enumValues, {
  name: "ModerationTargetKind",
  description:
    "What can be reported: a reply, a discussion, a library resource, a document comment, an amendment, a profile",
});
export const CaseState = graphqlEnum(caseState.enumValues, {
  name: "CaseState",
  description: "open → actioned | dismissed; actioned → appealed → upheld | overturned",
});
export const HiddenBy = graphqlEnum(["MODERATORS", "SYSTEM"] as const, {
  name: "HiddenBy",
  description:
    "Who hid content: a moderator's decision, or the system on reaching the reports' threshold (until reviewed)",
});

/**
 * Why a piece of content is hidden, shown in its place to everyone who reads it. The case is
 * named only to those who may act on it (its author, to appeal; the moderators).
 */
@ObjectType("ModerationNotice", { simpleResolvers: true })
export class ModerationNotice {
  @Field(() => HiddenBy) hiddenBy!: keyof typeof HiddenBy;
  @Field(() => ReportReason) reason!: keyof typeof ReportReason;
  @Field(() => ID, { nullable: true, description: "The case: only for the author and the moderators" })
  caseId!: string | null;
}
