import { Field, ID, InputType, Int } from "type-graphql";
import { DeliverableStatus } from "./deliverable.type.js";

@InputType("SectionDraftInput")
export class SectionDraftInput {
  @Field(() => String) heading!: string;
  @Field(() => String, { nullable: true }) body?: string | null;
}

@InputType("CreateDeliverableInput")
export class CreateDeliverableInput {
  @Field(() => ID) communityId!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) summary?: string | null;
  @Field(() => [SectionDraftInput], { nullable: true }) sections?: SectionDraftInput[] | null;
}

@InputType("UpdateDeliverableInput")
export class UpdateDeliverableInput {
  @Field(() => ID) deliverableId!: string;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) summary?: string | null;
  @Field(() => Int) expectedVersion!: number;
}

@InputType("SetDeliverableStatusInput")
export class SetDeliverableStatusInput {
  @Field(() => ID) deliverableId!: string;
  @Field(() => DeliverableStatus) status!: DeliverableStatus;
}

@InputType("DeliverableEditorInput")
export class DeliverableEditorInput {
  @Field(() => ID) deliverableId!: string;
  @Field(() => ID) userId!: string;
}

@InputType("SetDeliverableOrganizationsInput")
export class SetDeliverableOrganizationsInput {
  @Field(() => ID) deliverableId!: string;
  @Field(() => [ID]) organizationIds!: string[];
}

@InputType("AddSectionInput")
export class AddSectionInput {
  @Field(() => ID) deliverableId!: string;
  @Field(() => String) heading!: string;
  @Field(() => String, { nullable: true }) body?: string | null;
  @Field(() => Int, { nullable: true, description: "1-based; the end when missing" }) position?: number | null;
  @Field(() => Int, { description: "The deliverable's version" }) expectedVersion!: number;
}

@InputType("RemoveSectionInput")
export class RemoveSectionInput {
  @Field(() => ID) sectionId!: string;
  @Field(() => Int, { description: "The deliverable's version" }) expectedVersion!: number;
}

@InputType("ReorderSectionsInput")
export class ReorderSectionsInput {
  @Field(() => ID) deliverableId!: string;
  @Field(() => [ID], { description: "Every section, in the new order" }) sectionIds!: string[];
  @Field(() => Int, { description: "The deliverable's version" }) expectedVersion!: number;
}

@InputType("EditSectionInput")
export class EditSectionInput {
  @Field(() => ID) sectionId!: string;
  @Field(() => String) body!: string;
  @Field(() => String, { nullable: true, description: "Renames the section" }) heading?: string | null;
  @Field(() => Int, { description: "The section version the edit started from" }) expectedVersion!: number;
}

@InputType("RestoreSectionRevisionInput")
export class RestoreSectionRevisionInput {
  @Field(() => ID) sectionId!: string;
  @Field(() => Int, { description: "The revision to bring back" }) version!: number;
  @Field(() => Int, { description: "The section's current version" }) expectedVersion!: number;
}

@InputType("ProposeAmendmentInput")
export class ProposeAmendmentInput {
  @Field(() => ID) sectionId!: string;
  @Field(() => String, { description: "The whole replacement text of the section" }) body!: string;
  @Field(() => String) rationale!: string;
  @Field(() => Int, { nullable: true, description: "The section version read; the current one when missing" })
  baseVersion?: number | null;
}

@InputType("AcceptAmendmentInput")
export class AcceptAmendmentInput {
  @Field(() => ID) amendmentId!: string;
  @Field(() => String, { nullable: true, description: "Required for a stale amendment: the merged text" })
  mergedBody?: string | null;
  @Field(() => Int, { nullable: true, description: "Required with mergedBody: the section's current version" })
  expectedVersion?: number | null;
}

@InputType("RejectAmendmentInput")
export class RejectAmendmentInput {
  @Field(() => ID) amendmentId!: string;
  @Field(() => String) reason!: string;
}

@InputType("AddDeliverableCommentInput", { description: "On one section, one amendment, or a reply to one comment" })
export class AddDeliverableCommentInput {
  @Field(() => ID, { nullable: true }) sectionId?: string | null;
  @Field(() => ID, { nullable: true }) amendmentId?: string | null;
  @Field(() => ID, { nullable: true }) parentId?: string | null;
  @Field(() => String) body!: string;
  @Field(() => String, { nullable: true, description: "A passage of the section's current text" })
  quote?: string | null;
}

@InputType("EndorseDeliverableInput")
export class EndorseDeliverableInput {
  @Field(() => ID) deliverableId!: string;
  @Field(() => ID) organizationId!: string;
  @Field(() => String, { nullable: true }) statement?: string | null;
}

@InputType("WithdrawEndorsementInput")
export class WithdrawEndorsementInput {
  @Field(() => ID) deliverableId!: string;
  @Field(() => ID) organizationId!: string;
}
