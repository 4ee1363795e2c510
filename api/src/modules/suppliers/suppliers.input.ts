import { LocalDateResolver } from "graphql-scalars";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { CertificationKind } from "./suppliers.type.js";

// Shapes only: the rules live in suppliers.rules.ts.

@InputType("SaveSupplierProfileInput")
export class SaveSupplierProfileInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => Int, { nullable: true, description: "Null when creating; the profile's version when updating" })
  version?: number | null;
  @Field(() => String, { nullable: true }) offerEn?: string | null;
  @Field(() => String, { nullable: true }) offerIt?: string | null;
  @Field(() => String, { nullable: true }) capacity?: string | null;
  @Field(() => [String], { description: 'CPV codes, "90910000" or "90910000-9"' }) cpvCodes!: string[];
  @Field(() => [String], { description: "ISTAT codes of municipalities of the metropolitan area" })
  serviceArea!: string[];
  @Field(() => Boolean) wholeMetroArea!: boolean;
  @Field(() => Boolean) published!: boolean;
}

@InputType("CertificationFieldsInput")
export class CertificationFields {
  @Field(() => String, { nullable: true }) label?: string | null;
  @Field(() => String, { nullable: true }) evidenceUrl?: string | null;
  @Field(() => String, { nullable: true }) evidenceNote?: string | null;
  @Field(() => LocalDateResolver, { nullable: true }) validFrom?: string | null;
  @Field(() => LocalDateResolver, { nullable: true }) validUntil?: string | null;
  @Field(() => Float, { nullable: true }) bcorpScore?: number | null;
  @Field(() => LocalDateResolver, { nullable: true }) recertificationDue?: string | null;
  @Field(() => String, { nullable: true }) impactReportUrl?: string | null;
  @Field(() => Int, { nullable: true }) impactReportYear?: number | null;
}

@InputType("AddCertificationInput")
export class AddCertificationInput extends CertificationFields {
  @Field(() => ID) organizationId!: string;
  @Field(() => CertificationKind) kind!: CertificationKind;
}

@InputType("UpdateCertificationInput")
export class UpdateCertificationInput extends CertificationFields {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field(() => CertificationKind) kind!: CertificationKind;
}
