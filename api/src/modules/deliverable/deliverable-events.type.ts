import type {
  AmendmentRow,
  DeliverableCommentRow,
  DeliverableRow,
  EndorsementRow,
  SectionRevisionRow,
  SectionRow,
} from "@pratica/db";
import { createUnionType, Field, ObjectType } from "type-graphql";
import { resolveByTypename } from "../../core/union.js";
import {
  Amendment,
  Deliverable,
  DeliverableComment,
  Endorsement,
  Presence,
  Section,
  SectionRevision,
} from "./deliverable.type.js";

@ObjectType("DeliverableUpdated", { description: "Title, summary, editors or co-authors changed" })
export class DeliverableUpdated {
  @Field(() => String, { description: "Resubscribe with `after:` this to resume" }) cursor!: string;
  @Field(() => Deliverable) deliverable!: DeliverableRow;
}

@ObjectType("SectionUpdated", { description: "A section got a new revision (edit, accepted amendment, restore)" })
export class SectionUpdated {
  @Field(() => String) cursor!: string;
  @Field(() => Section, { description: "The section as it is now" }) section!: SectionRow;
  @Field(() => SectionRevision, { description: "The revision this event made" }) revision!: SectionRevisionRow;
}

@ObjectType("SectionsReordered", { description: "The outline changed: sections added, removed or moved" })
export class SectionsReordered {
  @Field(() => String) cursor!: string;
  @Field(() => Deliverable) deliverable!: DeliverableRow;
}

@ObjectType("AmendmentProposed")
export class AmendmentProposed {
  @Field(() => String) cursor!: string;
  @Field(() => Amendment) amendment!: AmendmentRow;
}

@ObjectType("AmendmentDecided", { description: "Accepted, rejected or withdrawn" })
export class AmendmentDecided {
  @Field(() => String) cursor!: string;
  @Field(() => Amendment) amendment!: AmendmentRow;
}

@ObjectType("CommentAdded")
export class CommentAdded {
  @Field(() => String) cursor!: string;
  @Field(() => DeliverableComment) comment!: DeliverableCommentRow;
}

@ObjectType("CommentResolved", { description: "A comment thread was resolved or reopened" })
export class CommentResolved {
  @Field(() => String) cursor!: string;
  @Field(() => DeliverableComment) comment!: DeliverableCommentRow;
}

@ObjectType("StatusChanged")
export class StatusChanged {
  @Field(() => String) cursor!: string;
  @Field(() => Deliverable) deliverable!: DeliverableRow;
}

@ObjectType("Endorsed")
export class Endorsed {
  @Field(() => String) cursor!: string;
  @Field(() => Endorsement) endorsement!: EndorsementRow;
}

@ObjectType("EndorsementWithdrawn")
export class EndorsementWithdrawn {
  @Field(() => String) cursor!: string;
  @Field(() => Endorsement) endorsement!: EndorsementRow;
}

export const DeliverableEvent = createUnionType({
  name: "DeliverableEvent",
  types: () =>
    [
      DeliverableUpdated,
      SectionUpdated,
      SectionsReordered,
      AmendmentProposed,
      AmendmentDecided,
      CommentAdded,
      CommentResolved,
      StatusChanged,
      Endorsed,
      EndorsementWithdrawn,
      Presence,
    ] as const,
  resolveType: resolveByTypename,
});
