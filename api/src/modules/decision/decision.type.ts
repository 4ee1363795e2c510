import { decisionElectorate, decisionKind, decisionState, quorumMiss, resultsVisibility } from "@pratica/db";
import { DateTimeISOResolver } from "graphql-scalars";
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Connection } from "../../core/connection.type.js";
import { graphqlEnum } from "../../core/enums.js";
import { DeliverableStatus } from "../deliverable/deliverable.type.js";

export const DecisionKind = graphqlEnum(decisionKind.enumValues, { name: "DecisionKind" });
export type DecisionKind = (typeof DecisionKind)[keyof typeof DecisionKind];
export const DecisionState = graphqlEnum(decisionState.enumValues, { name: "DecisionState" });
export type DecisionState = (typeof DecisionState)[keyof typeof DecisionState];
export const DecisionElectorate = graphqlEnum(decisionElectorate.enumValues, { name: "DecisionElectorate" });
export type DecisionElectorate = (typeof DecisionElectorate)[keyof typeof DecisionElectorate];
export const ResultsVisibility = graphqlEnum(resultsVisibility.enumValues, { name: "ResultsVisibility" });
export type ResultsVisibility = (typeof ResultsVisibility)[keyof typeof ResultsVisibility];
export const QuorumMiss = graphqlEnum(quorumMiss.enumValues, { name: "QuorumMiss" });
export type QuorumMiss = (typeof QuorumMiss)[keyof typeof QuorumMiss];
export const ConsentPosition = graphqlEnum(["AGREE", "ABSTAIN", "DISAGREE", "BLOCK"] as const, {
  name: "ConsentPosition",
  description: "BLOCK needs a reason",
});
export type ConsentPosition = (typeof ConsentPosition)[keyof typeof ConsentPosition];
export const SenseCheckPosition = graphqlEnum(["AGREE", "UNSURE", "DISAGREE"] as const, { name: "SenseCheckPosition" });
export type SenseCheckPosition = (typeof SenseCheckPosition)[keyof typeof SenseCheckPosition];

@ObjectType("Decision", {
  description:
    "A decision of a community: a consent, a sense check, a poll, a score, a ranking, a dot vote or a time poll",
})
export class Decision {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: "Markdown" }) context!: string;
  @Field(() => DecisionKind) kind!: DecisionKind;
  @Field(() => DecisionElectorate) electorate!: DecisionElectorate;
  @Field(() => DecisionState) state!: DecisionState;
  @Field(() => DateTimeISOResolver, { nullable: true }) opensAt!: Date | null;
  @Field(() => DateTimeISOResolver) closesAt!: Date;
  @Field(() => DateTimeISOResolver, { nullable: true }) openedAt!: Date | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) closedAt!: Date | null;
  @Field(() => Int, { nullable: true }) quorumPercent!: number | null;
  @Field(() => QuorumMiss) quorumMiss!: QuorumMiss;
  @Field(() => DateTimeISOResolver, { nullable: true, description: "Set when a missed quorum extended it (once)" })
  extendedAt!: Date | null;
  @Field(() => Boolean, { nullable: true, description: "False when it closed without its quorum and failed" })
  quorumMet!: boolean | null;
  @Field(() => ResultsVisibility) resultsVisibility!: ResultsVisibility;
  @Field(() => Boolean, { description: "Votes never shown with who cast them; once on, it stays on" })
  anonymous!: boolean;
  @Field(() => Boolean) reasonRequired!: boolean;
  @Field(() => Int, { nullable: true }) maxChoices!: number | null;
  @Field(() => Int, { nullable: true }) dotsPerVoter!: number | null;
  @Field(() => DeliverableStatus, { nullable: true }) moveDeliverableTo!: DeliverableStatus | null;
  @Field(() => String, { nullable: true, description: "Markdown, as last published" }) outcome!: string | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) outcomePublishedAt!: Date | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) cancelledAt!: Date | null;
  @Field(() => Int, { description: "Send back as `expectedVersion`" }) version!: number;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
}

@ObjectType("DecisionConnection")
export class DecisionConnection extends Connection(Decision, "Decision") {}

@ObjectType("DecisionOption")
export class DecisionOption {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: "1-based" }) position!: number;
  @Field(() => String) label!: string;
  @Field(() => DateTimeISOResolver, { nullable: true }) startsAt!: Date | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) endsAt!: Date | null;
}

@ObjectType("DecisionOutcome", { description: "One published outcome; the decision keeps them all" })
export class DecisionOutcome {
  @Field(() => ID) id!: string;
  @Field(() => String) text!: string;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
}

@ObjectType("Participation")
export class Participation {
  @Field(() => Int, { description: "Ballots cast (members, or organisations)" }) voted!: number;
  @Field(() => Int, { description: "The electorate's size now" }) eligible!: number;
  @Field(() => Float, { description: "voted / eligible, 0..100" }) percent!: number;
}

@ObjectType("OptionScore")
export class OptionScore {
  @Field(() => ID) optionId!: string;
  @Field(() => Int) score!: number;
}

@ObjectType("OptionDots")
export class OptionDots {
  @Field(() => ID) optionId!: string;
  @Field(() => Int) dots!: number;
}

@ObjectType("Vote", { description: "One member's vote, or one organisation's (its last representative's)" })
export class Vote {
  @Field(() => ID) id!: string;
  @Field(() => ConsentPosition, { nullable: true }) consent!: ConsentPosition | null;
  @Field(() => SenseCheckPosition, { nullable: true }) senseCheck!: SenseCheckPosition | null;
  @Field(() => [ID], { nullable: true }) optionIds!: string[] | null;
  @Field(() => [ID], { nullable: true, description: "Best first" }) ranking!: string[] | null;
  @Field(() => [OptionScore], { nullable: true }) scores!: OptionScore[] | null;
  @Field(() => [OptionDots], { nullable: true }) dots!: OptionDots[] | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
  @Field(() => DateTimeISOResolver) updatedAt!: Date;
}

@ObjectType("OptionResult")
export class OptionResult {
  @Field(() => ID) optionId!: string;
  @Field(() => String) label!: string;
  @Field(() => Int, { description: "Ballots that chose it (first preferences for a ranking; scored it; gave it dots)" })
  count!: number;
  @Field(() => Float, { description: "Share of ballots, 0..100 (of all dots for a dot vote)" }) percent!: number;
  @Field(() => Float, { nullable: true, description: "SCORE" }) mean!: number | null;
  @Field(() => Float, { nullable: true, description: "SCORE" }) median!: number | null;
  @Field(() => Int, { nullable: true, description: "DOT_VOTE" }) dots!: number | null;
  @Field(() => [ID], { nullable: true, description: "TIME_POLL: who can attend (null when anonymous)" })
  voterIds!: string[] | null;
}

@ObjectType("ConsentResult")
export class ConsentResult {
  @Field(() => Int) agree!: number;
  @Field(() => Int) abstain!: number;
  @Field(() => Int) disagree!: number;
  @Field(() => Int) block!: number;
  @Field(() => Boolean, { description: "Any block" }) blocked!: boolean;
  @Field(() => Boolean, { description: "No block and more agree than disagree" }) passed!: boolean;
}

@ObjectType("SenseCheckResult")
export class SenseCheckResult {
  @Field(() => Int) agree!: number;
  @Field(() => Int) unsure!: number;
  @Field(() => Int) disagree!: number;
}

@ObjectType("RankedTally")
export class RankedTallyLine {
  @Field(() => ID) optionId!: string;
  @Field(() => Int) votes!: number;
}

@ObjectType("RankedRound")
export class RankedRound {
  @Field(() => [RankedTallyLine]) tallies!: RankedTallyLine[];
  @Field(() => Int, { description: "Ballots ranking no continuing option" }) exhausted!: number;
  @Field(() => ID, { nullable: true }) eliminatedId!: string | null;
}

@ObjectType("RankedResult", { description: "Instant run-off, round by round (docs/decisions.md for the tie-breaks)" })
export class RankedResult {
  @Field(() => [RankedRound]) rounds!: RankedRound[];
  @Field(() => ID, { nullable: true }) winnerId!: string | null;
}

@ObjectType("DecisionResults")
export class DecisionResults {
  @Field(() => DecisionKind) kind!: DecisionKind;
  @Field(() => Int) ballots!: number;
  @Field(() => [OptionResult]) totals!: OptionResult[];
  @Field(() => ConsentResult, { nullable: true }) consent!: ConsentResult | null;
  @Field(() => SenseCheckResult, { nullable: true }) senseCheck!: SenseCheckResult | null;
  @Field(() => RankedResult, { nullable: true }) ranked!: RankedResult | null;
  @Field(() => ID, { nullable: true, description: "Most chosen, best mean, most dots, run-off winner, best time" })
  leadingOptionId!: string | null;
}
