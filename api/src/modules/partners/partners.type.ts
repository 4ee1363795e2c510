import { Field, ObjectType } from "type-graphql";
import { Connection } from "../../core/connection.type.js";
import { graphqlEnum } from "../../core/enums.js";
import { Organization } from "../organization/organization.type.js";

export const OrganizationSort = graphqlEnum(["NAME", "SIGNED_ON"], {
  name: "OrganizationSort",
  description: "NAME: A→Z in the caller's language; SIGNED_ON: newest signature first, unsigned last",
});
export type OrganizationSort = (typeof OrganizationSort)[keyof typeof OrganizationSort];

export const PartnerStatus = graphqlEnum(["CURRENT", "FORMER", "ALL"], {
  name: "PartnerStatus",
  description: "CURRENT: partners today (not withdrawn); FORMER: withdrawn from the memorandum; ALL: both",
});
export type PartnerStatus = (typeof PartnerStatus)[keyof typeof PartnerStatus];

// One GraphQL Theme and Sdg for every module (merge of the partners, applications and observatory
// branches): the classes live in organization/vocabulary.type.ts.
export { Sdg, Theme } from "../organization/vocabulary.type.js";

@ObjectType("MapSettings", {
  description: "The map's tile source (MAP_TILE_URL, MAP_ATTRIBUTION); no tileUrl: no tiles",
})
export class MapSettings {
  @Field(() => String, { nullable: true }) tileUrl!: string | null;
  @Field(() => String, { nullable: true }) attribution!: string | null;
}

@ObjectType("OrganizationConnection")
export class OrganizationConnection extends Connection(Organization, "Organization") {}
