import type { OrganizationCategory } from "../gql/graphql";

/**
 * Every organisation category, in the order the ecosystem presents itself: public bodies first,
 * professions last. The directory groups by it and the admin form offers it.
 */
export const ORGANIZATION_CATEGORIES = [
  "PUBLIC_SECTOR",
  "FINANCE_AND_PHILANTHROPY",
  "SKILLS_AND_FACILITIES",
  "THIRD_SECTOR_AND_CULTURE",
  "RESEARCH_AND_TECH_TRANSFER",
  "INCUBATORS_AND_ACCELERATORS",
  "PRIVATE_SECTOR",
  "PROFESSIONAL_ORDERS",
] as const satisfies readonly OrganizationCategory[];

// A category added to the schema (and so to the generated type) fails to compile until listed here.
type Unlisted = Exclude<OrganizationCategory, (typeof ORGANIZATION_CATEGORIES)[number]>;
const everyCategoryListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyCategoryListed;
