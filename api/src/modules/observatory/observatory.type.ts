import { DateTimeISOResolver } from "graphql-scalars";
import { Field, Int, ObjectType } from "type-graphql";
import { Community } from "../community/community.type.js";
import { OrganizationCategory } from "../organization/organization.type.js";
import { Theme } from "../organization/theme.type.js";

@ObjectType("CategoryCount", { description: "How many partners (not former ones) a category has" })
export class CategoryCount {
  @Field(() => OrganizationCategory) category!: OrganizationCategory;
  @Field(() => Int) partners!: number;
}

@ObjectType("SigningYear", { description: "The memorandum's signatures and withdrawals in one year" })
export class SigningYear {
  @Field(() => Int) year!: number;
  @Field(() => Int, { description: "Organisations that signed the memorandum that year" }) joined!: number;
  @Field(() => Int, { description: "Organisations that withdrew that year" }) withdrawn!: number;
  @Field(() => Int, { description: "Partners at the end of that year (signed by then, not withdrawn by then)" })
  total!: number;
}

@ObjectType("MonthActivity", { description: "What happened in one community in one calendar month (UTC)" })
export class MonthActivity {
  @Field(() => String, { description: "YYYY-MM" }) month!: string;
  @Field(() => Int, { description: "Members who joined (their membership became active) that month" })
  membersJoined!: number;
  @Field(() => Int, { description: "Threads started (hidden ones left out)" }) threads!: number;
  @Field(() => Int, { description: "Replies posted (deleted and hidden ones left out)" }) replies!: number;
  @Field(() => Int, { description: "Library resources published" }) resources!: number;
  @Field(() => Int, { description: "Co-authored documents published" }) documents!: number;
  @Field(() => Int, { description: "Endorsements of documents given (withdrawn ones left out)" })
  endorsements!: number;
}

@ObjectType("CommunityActivity", { description: "A community's members and its last 24 months, zero-filled" })
export class CommunityActivity {
  @Field(() => Community) community!: Community;
  @Field(() => Int, { description: "Active members now (at the last refresh)" }) members!: number;
  @Field(() => [MonthActivity], { description: "The last 24 months, oldest first, every month present" })
  months!: MonthActivity[];
}

@ObjectType("ThemeActivity", { description: "A theme: its partners, its communities and their recent activity" })
export class ThemeActivity {
  @Field(() => Theme) theme!: Theme;
  @Field(() => Int, { description: "Partners (not former ones) that work on it" }) partners!: number;
  @Field(() => Int, { description: "Communities (not archived) that work on it" }) communities!: number;
  @Field(() => Int, {
    description: "Threads, replies and resources of the last 12 months in the communities that work on it",
  })
  activity!: number;
}

@ObjectType("ObservatoryTotals", { description: "The ecosystem's totals, all time, at the last refresh" })
export class ObservatoryTotals {
  @Field(() => Int) partners!: number;
  @Field(() => Int) formerPartners!: number;
  @Field(() => Int, { description: "Communities that are not archived" }) communities!: number;
  @Field(() => Int, { description: "People who are an active member of at least one community" }) members!: number;
  @Field(() => Int) threads!: number;
  @Field(() => Int) replies!: number;
  @Field(() => Int) resources!: number;
  @Field(() => Int) documents!: number;
  @Field(() => Int) endorsements!: number;
}

@ObjectType("Observatory", {
  description: "The ecosystem at a glance, as the last refresh computed it (docs/observatory.md)",
})
export class Observatory {
  @Field(() => DateTimeISOResolver, { description: "When the figures were computed" }) refreshedAt!: Date;
  @Field(() => ObservatoryTotals) totals!: ObservatoryTotals;
  @Field(() => [CategoryCount], { description: "Every category, most partners first" })
  partnersByCategory!: CategoryCount[];
  @Field(() => [SigningYear], { description: "From the first signature's year to the refresh's, every year present" })
  partnersBySigningYear!: SigningYear[];
  @Field(() => [CommunityActivity], { description: "The communities the viewer may read (archived ones left out)" })
  communities!: CommunityActivity[];
  @Field(() => [ThemeActivity], { description: "Every theme, most active first" }) themes!: ThemeActivity[];
}
