import type { CertificationRow, SupplierProfileRow } from "@pratica/db";
import { DateTimeISOResolver, LocalDateResolver } from "graphql-scalars";
import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Connection } from "../../core/connection.type.js";
import { graphqlEnum } from "../../core/enums.js";

export const CertificationKind = graphqlEnum(
  ["SOCIAL_COOP_A", "SOCIAL_COOP_B", "BENEFIT_CORPORATION", "B_CORP", "OTHER"],
  {
    name: "CertificationKind",
    description:
      "SOCIAL_COOP_A/B: social cooperative of type A (services) or B (work integration; art. 5 l. 381/1991); BENEFIT_CORPORATION: società benefit; B_CORP; OTHER: named in `label`",
  },
);
export type CertificationKind = (typeof CertificationKind)[keyof typeof CertificationKind];

export const CertificationVerification = graphqlEnum(["PENDING", "VERIFIED", "REJECTED"], {
  name: "CertificationVerification",
});
export type CertificationVerification = (typeof CertificationVerification)[keyof typeof CertificationVerification];

@ObjectType("Certification", {
  description: "A certification an organisation declares, checked by the platform's admins",
})
export class Certification {
  @Field(() => ID) id!: string;
  @Field(() => CertificationKind) kind!: CertificationKind;
  @Field(() => String, { nullable: true, description: "The name of an OTHER certification" }) label!: string | null;
  @Field(() => String, { nullable: true }) evidenceUrl!: string | null;
  @Field(() => String) evidenceNote!: string;
  @Field(() => LocalDateResolver, { nullable: true }) validFrom!: string | null;
  @Field(() => LocalDateResolver, { nullable: true }) validUntil!: string | null;
  @Field(() => Float, { nullable: true, description: "B Corp: the B Impact Assessment score (0–200)" })
  bcorpScore!: number | null;
  @Field(() => LocalDateResolver, { nullable: true }) recertificationDue!: string | null;
  @Field(() => String, { nullable: true, description: "Benefit corporation: its latest impact report" })
  impactReportUrl!: string | null;
  @Field(() => Int, { nullable: true }) impactReportYear!: number | null;
  @Field(() => CertificationVerification) verification!: CertificationVerification;
  @Field(() => DateTimeISOResolver, { nullable: true }) verifiedAt!: Date | null;
  @Field(() => String, { nullable: true }) rejectionReason!: string | null;
  @Field(() => Int) version!: number;
  organizationId!: string;
}

@ObjectType("SupplierProfile", {
  description: "What a partner organisation supplies, where, and its certifications (Buy Social)",
})
export class SupplierProfile {
  @Field(() => ID, { description: "The organisation's id: one profile per organisation (a cache key for clients)" })
  id!: string;
  @Field(() => String, { description: "The English text as written" }) offerEn!: string;
  @Field(() => String, { description: "The Italian text as written" }) offerIt!: string;
  @Field(() => String) capacity!: string;
  @Field(() => Boolean) wholeMetroArea!: boolean;
  @Field(() => Boolean) published!: boolean;
  @Field(() => Int) version!: number;
  organizationId!: string;
  serviceArea!: string[];
}

/** The stored profile as the resolvers hand it on: English text is the `offer` column. */
export const profileValue = (row: SupplierProfileRow): SupplierProfile => ({
  id: row.organizationId,
  organizationId: row.organizationId,
  offerEn: row.offer,
  offerIt: row.offerIt,
  capacity: row.capacity,
  wholeMetroArea: row.wholeMetroArea,
  published: row.published,
  version: row.version,
  serviceArea: row.serviceArea,
});

export type CertificationValue = CertificationRow;

@ObjectType("SupplierConnection")
export class SupplierConnection extends Connection(SupplierProfile, "Supplier") {}

@ObjectType("CertificationConnection")
export class CertificationConnection extends Connection(Certification, "Certification") {}
