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

// One GraphQL Theme for every module (organisations, communities, applications, the observatory):
// the class lives below them all, in the organization module (merge of the directory and observatory).
export { Theme } from "../organization/theme.type.js";

// One GraphQL Sdg for every module: organization/vocabulary.type.ts's (merge with the applications branch).
export { Sdg } from "../organization/vocabulary.type.js";

@ObjectType("MapSettings", {
  description: "The map's tile source (MAP_TILE_URL, MAP_ATTRIBUTION); no tileUrl: no tiles",
})
export class MapSettings {
  @Field(() => String, { nullable: true }) tileUrl!: string | null;
  @Field(() => String, { nullable: true }) attribution!: string | null;
}

@ObjectType("OrganizationConnection")
export class OrganizationConnection extends Connection(Organization, "Organization") {}
