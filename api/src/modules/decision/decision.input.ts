import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, InputType, Int } from "type-graphql";
import { DeliverableStatus } from "../deliverable/deliverable.type.js";
import {
  ConsentPosition,
  DecisionElectorate,
  DecisionKind,
  QuorumMiss,
  ResultsVisibility,
  SenseCheckPosition,
} from "./decision.type.js";

@InputType("DecisionOptionInput")
export class DecisionOptionInput {
  @Field(() => String) label!: string;
  @Field(() => DateTimeISOResolver, { nullable: true, description: "TIME_POLL" }) startsAt?: Date | null;
  @Field(() => DateTimeISOResolver, { nullable: true, description: "TIME_POLL" }) endsAt?: Date | null;
}

@InputType("CreateDecisionInput")
export class CreateDecisionInput {
  @Field(() => ID, { nullable: true, description: "Exactly one of community, thread, document" }) communityId?:
    | string
    | null;
  @Field(() => ID, { nullable: true }) threadId?: string | null;
  @Field(() => ID, { nullable: true }) deliverableId?: string | null;
  @Field(() => ID, { nullable: true, description: "Taken at this event (of the same community)" }) eventId?:
    | string
    | null;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) context?: string | null;
  @Field(() => DecisionKind) kind!: DecisionKind;
  @Field(() => DecisionElectorate, { nullable: true, defaultValue: "MEMBERS" }) electorate?: DecisionElectorate | null;
  @Field(() => [DecisionOptionInput], { nullable: true }) options?: DecisionOptionInput[] | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) opensAt?: Date | null;
  @Field(() => DateTimeISOResolver) closesAt!: Date;
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "False: stays a DRAFT" }) open?:
    | boolean
    | null;
  @Field(() => Int, { nullable: true }) quorumPercent?: number | null;
  @Field(() => QuorumMiss, { nullable: true, defaultValue: "FAIL" }) quorumMiss?: QuorumMiss | null;
  @Field(() => ResultsVisibility, { nullable: true, defaultValue: "ALWAYS" })
  resultsVisibility?: ResultsVisibility | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) anonymous?: boolean | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) reasonRequired?: boolean | null;
  @Field(() => Int, { nullable: true }) maxChoices?: number | null;
  @Field(() => Int, { nullable: true }) dotsPerVoter?: number | null;
  @Field(() => DeliverableStatus, { nullable: true, description: "CONSENT on a document only" })
  moveDeliverableTo?: DeliverableStatus | null;
}

@InputType("UpdateDecisionInput", { description: "A draft's settings; an open decision may only move closesAt" })
export class UpdateDecisionInput {
  @Field(() => ID) decisionId!: string;
  @Field(() => Int) expectedVersion!: number;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) context?: string | null;
  @Field(() => [DecisionOptionInput], { nullable: true }) options?: DecisionOptionInput[] | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) opensAt?: Date | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) closesAt?: Date | null;
  @Field(() => Int, { nullable: true }) quorumPercent?: number | null;
  @Field(() => QuorumMiss, { nullable: true }) quorumMiss?: QuorumMiss | null;
  @Field(() => ResultsVisibility, { nullable: true }) resultsVisibility?: ResultsVisibility | null;
  @Field(() => Boolean, { nullable: true, description: "Cannot be turned off once on" }) anonymous?: boolean | null;
  @Field(() => Boolean, { nullable: true }) reasonRequired?: boolean | null;
  @Field(() => Int, { nullable: true }) maxChoices?: number | null;
  @Field(() => Int, { nullable: true }) dotsPerVoter?: number | null;
  @Field(() => DeliverableStatus, { nullable: true }) moveDeliverableTo?: DeliverableStatus | null;
}

@InputType("DecisionStepInput")
export class DecisionStepInput {
  @Field(() => ID) decisionId!: string;
  @Field(() => Int) expectedVersion!: number;
}

@InputType("PublishOutcomeInput")
export class PublishOutcomeInput {
  @Field(() => ID) decisionId!: string;
  @Field(() => String, { description: "Markdown" }) text!: string;
  @Field(() => Int) expectedVersion!: number;
}

@InputType("OptionScoreInput")
export class OptionScoreInput {
  @Field(() => ID) optionId!: string;
  @Field(() => Int, { description: "0..5" }) score!: number;
}

@InputType("OptionDotsInput")
export class OptionDotsInput {
  @Field(() => ID) optionId!: string;
  @Field(() => Int) dots!: number;
}

@InputType("CastVoteInput")
export class CastVoteInput {
  @Field(() => ID) decisionId!: string;
  @Field(() => ID, { nullable: true, description: "ORGANIZATIONS electorate: the organisation voted for" })
  organizationId?: string | null;
  @Field(() => ConsentPosition, { nullable: true }) consent?: ConsentPosition | null;
  @Field(() => SenseCheckPosition, { nullable: true }) senseCheck?: SenseCheckPosition | null;
  @Field(() => [ID], { nullable: true }) optionIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: "Best first" }) ranking?: string[] | null;
  @Field(() => [OptionScoreInput], { nullable: true }) scores?: OptionScoreInput[] | null;
  @Field(() => [OptionDotsInput], { nullable: true }) dots?: OptionDotsInput[] | null;
  @Field(() => String, { nullable: true }) reason?: string | null;
}
