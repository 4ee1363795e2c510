import { learningPathStatus } from "@pratica/db";
import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { graphqlEnum } from "../../core/enums.js";

export const LearningPathStatus = graphqlEnum(learningPathStatus.enumValues, { name: "LearningPathStatus" });
export type LearningPathStatus = (typeof LearningPathStatus)[keyof typeof LearningPathStatus];

@ObjectType("LearningPath", { description: "An ordered collection of published resources, curated by facilitators" })
export class LearningPath {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String) summary!: string;
  @Field(() => LearningPathStatus) status!: LearningPathStatus;
  @Field(() => Int, { description: "Send back as `expectedVersion` when changing the path" }) version!: number;
  @Field(() => DateTimeISOResolver, { nullable: true }) publishedAt!: Date | null;
  @Field(() => DateTimeISOResolver) updatedAt!: Date;
}

@ObjectType("LearningPathStep")
export class LearningPathStep {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: "1-based" }) position!: number;
  @Field(() => String, { description: "The facilitator's note for this step" }) note!: string;
}

@ObjectType("PathProgress")
export class PathProgress {
  @Field(() => Int) done!: number;
  @Field(() => Int) total!: number;
  @Field(() => [ID], { description: "Steps the viewer marked done" }) doneStepIds!: string[];
}

@InputType("CreateLearningPathInput")
export class CreateLearningPathInput {
  @Field(() => ID) communityId!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) summary?: string | null;
}

@InputType("UpdateLearningPathInput")
export class UpdateLearningPathInput {
  @Field(() => ID) pathId!: string;
  @Field(() => Int) expectedVersion!: number;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) summary?: string | null;
}

@InputType("AddPathStepInput")
export class AddPathStepInput {
  @Field(() => ID) pathId!: string;
  @Field(() => ID) resourceId!: string;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => Int) expectedVersion!: number;
}

@InputType("UpdatePathStepInput")
export class UpdatePathStepInput {
  @Field(() => ID) stepId!: string;
  @Field(() => String) note!: string;
  @Field(() => Int) expectedVersion!: number;
}

@InputType("RemovePathStepInput")
export class RemovePathStepInput {
  @Field(() => ID) stepId!: string;
  @Field(() => Int) expectedVersion!: number;
}

@InputType("ReorderPathStepsInput")
export class ReorderPathStepsInput {
  @Field(() => ID) pathId!: string;
  @Field(() => [ID], { description: "Every step of the path, in the new order" }) stepIds!: string[];
  @Field(() => Int) expectedVersion!: number;
}

@InputType("PublishLearningPathInput")
export class PublishLearningPathInput {
  @Field(() => ID) pathId!: string;
  @Field(() => Int) expectedVersion!: number;
}
