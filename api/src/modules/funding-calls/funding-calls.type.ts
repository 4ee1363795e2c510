import { fundingCallStatus } from "@pratica/db";
import { DateTimeISOResolver } from "graphql-scalars";
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Connection } from "../../core/connection.type.js";
import { graphqlEnum } from "../../core/enums.js";

export const FundingCallStatus = graphqlEnum(fundingCallStatus.enumValues, {
  name: "FundingCallStatus",
  description: "As the source gives it; UNKNOWN when the import could not read it",
});
export type FundingCallStatus = (typeof FundingCallStatus)[keyof typeof FundingCallStatus];

export const FundingCallSort = graphqlEnum(["DEADLINE", "UPDATED"] as const, {
  name: "FundingCallSort",
  description: "DEADLINE: soonest first, calls without one last; UPDATED: latest change first",
});
export type FundingCallSort = (typeof FundingCallSort)[keyof typeof FundingCallSort];

/**
 * A funding call (a topic of the EU Funding & Tenders portal, or another source's), as the last
 * import left it. The stored columns; themes, revisions, follows and closingSoon are in
 * funding-call-fields.resolver.ts.
 */
@ObjectType("FundingCall", {
  description: "A funding call imported from a source such as the EU Funding & Tenders portal",
})
export class FundingCall {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Where it came from: "EU_FT" for the Funding & Tenders portal' }) source!: string;
  @Field(() => String, { description: 'The topic identifier, e.g. "ERASMUS-EDU-2026-PCOOP-ENGO"' }) identifier!: string;
  @Field(() => String, { nullable: true, description: "The call the topic belongs to" }) callIdentifier!: string | null;
  @Field(() => String) title!: string;
  @Field(() => String, { description: "A programme key (@pratica/rules hub.ts PROGRAMMES)" }) programme!: string;
  @Field(() => FundingCallStatus) status!: FundingCallStatus;
  @Field(() => DateTimeISOResolver, { nullable: true }) opensAt!: Date | null;
  @Field(() => DateTimeISOResolver, { nullable: true }) deadlineAt!: Date | null;
  @Field(() => String, { description: "The IANA zone the deadline is given in" }) deadlineTimeZone!: string;
  @Field(() => Float, { nullable: true, description: "In euro" }) budgetTotal!: number | null;
  @Field(() => Float, { nullable: true }) budgetPerProjectMin!: number | null;
  @Field(() => Float, { nullable: true }) budgetPerProjectMax!: number | null;
  @Field(() => Int, { nullable: true }) expectedGrants!: number | null;
  @Field(() => String, { nullable: true }) typeOfAction!: string | null;
  @Field(() => [String], { description: "The source's own keywords, as given" }) keywords!: string[];
  @Field(() => String) description!: string;
  @Field(() => String, { nullable: true, description: "The official page" }) url!: string | null;
  @Field(() => Int, { description: "Raised by every import that changed the call" }) revision!: number;
  @Field(() => DateTimeISOResolver) updatedAt!: Date;
}

@ObjectType("FundingCallRevision", { description: "A change an import made to a call (its earlier values are kept)" })
export class FundingCallRevision {
  @Field(() => Int, { description: "The revision the change replaced" }) revision!: number;
  @Field(() => [String]) changedFields!: string[];
  @Field(() => DateTimeISOResolver) createdAt!: Date;
}

@ObjectType("FundingCallConnection")
export class FundingCallConnection extends Connection(FundingCall, "FundingCall") {}

export const ImportProblemSeverity = graphqlEnum(["WARNING", "REJECTED", "FATAL"] as const, {
  name: "ImportProblemSeverity",
  description: "WARNING: a value left empty, the call imported; REJECTED: the row left out; FATAL: nothing written",
});
export type ImportProblemSeverity = (typeof ImportProblemSeverity)[keyof typeof ImportProblemSeverity];

@ObjectType("ImportProblem", { description: "A value an import could not read, a row it left out, or why it failed" })
export class ImportProblem {
  @Field(() => Int, {
    description: "The call's position in the file, from 1 (CSV: the first line after the header); 0: the file",
  })
  row!: number;
  @Field(() => String, { nullable: true }) identifier!: string | null;
  @Field(() => String, { nullable: true, description: "The source's field (metadata key)" }) field!: string | null;
  @Field(() => String) reason!: string;
  @Field(() => ImportProblemSeverity) severity!: ImportProblemSeverity;
  @Field(() => Boolean, { description: "The file could not be read: nothing was written" }) fatal!: boolean;
}

@ObjectType("FundingCallImport", { description: "One run of the importer (an admin's upload or the command line)" })
export class FundingCallImport {
  @Field(() => ID) id!: string;
  @Field(() => String) source!: string;
  @Field(() => String) fileName!: string;
  @Field(() => String, { description: '"json" or "csv"' }) format!: string;
  @Field(() => DateTimeISOResolver) createdAt!: Date;
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int, { description: "Calls this import found closed or past their deadline" }) archived!: number;
  @Field(() => Int) rejected!: number;
}

@ObjectType("FundingCallImportConnection")
export class FundingCallImportConnection extends Connection(FundingCallImport, "FundingCallImport") {}
