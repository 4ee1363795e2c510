import { amendmentStatus, deliverableStatus } from "@pratica/db";
import { DateTimeISOResolver } from "graphql-scalars";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Connection } from "../../core/connection.type.js";
import { graphqlEnum } from "../../core/enums.js";

export const DeliverableStatus = graphqlEnum(deliverableStatus.enumValues, { name: "DeliverableStatus" });
export type DeliverableStatus = (typeof DeliverableStatus)[keyof typeof DeliverableStatus];

export const AmendmentStatus = graphqlEnum(amendmentStatus.enumValues, { name: "AmendmentStatus" });
export type AmendmentStatus = (typeof AmendmentStatus)[keyof typeof AmendmentStatus];

export enum DiffKind {
  SAME = "SAME",
  ADDED = "ADDED",
  REMOVED = "REMOVED",
}
registerEnumType(DiffKind, { name: "DiffKind" });

@ObjectType("Deliverable", { description: "A co-authored document of a community, such as the Manifesto for Impact" })
export class Deliverable {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String) summary!: string;
  @Field(() => DeliverableStatus) status!: DeliverableStatus;
  @Field(() => Int, { description: "Outline and status version: send it back as `expectedVersion`" }) version!: number;
  @Field(() => DateTimeISOResolver, { nullable: true }) publishedAt!: Date | null;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
  @Field(() => DateTimeISOResolver) updatedAt!: Date;
}

@ObjectType("DeliverableConnection")
export class DeliverableConnection extends Connection(Deliverable, "Deliverable") {}

@ObjectType("Section")
export class Section {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: "1-based place in the outline" }) position!: number;
  @Field(() => String) heading!: string;
  @Field(() => String, { description: "Markdown" }) body!: string;
  @Field(() => Int, { description: "Send back as `expectedVersion` when editing" }) version!: number;
  @Field(() => DateTimeISOResolver) updatedAt!: Date;
}

@ObjectType("SectionRevision", { description: "One accepted version of a section" })
export class SectionRevision {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field(() => String) heading!: string;
  @Field(() => String) body!: string;
  @Field(() => Int, { nullable: true, description: "Set when this revision restored an older one" })
  restoredFrom!: number | null;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
}

@ObjectType("SectionRevisionConnection")
export class SectionRevisionConnection extends Connection(SectionRevision, "SectionRevision") {}

@ObjectType("DiffPart", { description: "A run of words that is the same in both texts, added, or removed" })
export class DiffPart {
  @Field(() => DiffKind) kind!: DiffKind;
  @Field(() => String) text!: string;
}

@ObjectType("Amendment", { description: "A proposed replacement text for a section" })
export class Amendment {
  @Field(() => ID) id!: string;
  // body, rationale: deliverable-moderation.resolver.ts (blank while hidden, for others)
  @Field(() => Int, { description: "The section version the proposer read" }) baseVersion!: number;
  @Field(() => AmendmentStatus) status!: AmendmentStatus;
  @Field(() => String, { nullable: true }) decisionReason!: string | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) decidedAt!: Date | null;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
}

@ObjectType("DeliverableComment")
export class DeliverableComment {
  @Field(() => ID) id!: string;
  // body, quote: deliverable-moderation.resolver.ts (blank while hidden, for others)
  @Field(() => DateTimeISOResolver, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
}

@ObjectType("Endorsement")
export class Endorsement {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) statement!: string | null;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
  @Field(() => DateTimeISOResolver, { nullable: true }) withdrawnAt!: Date | null;
}

@ObjectType("Presence", { description: "Someone has the document open; ephemeral, never replayed" })
export class Presence {
  @Field(() => ID) deliverableId!: string;
  @Field(() => ID, { nullable: true, description: "The section they are editing" }) sectionId!: string | null;
  @Field(() => Boolean, { description: "False when they left" }) active!: boolean;
}
