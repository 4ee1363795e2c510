/** Limits of what platform admins enter: communities and partner organisations. */

/** Lowercase letters and digits in words joined by single hyphens, e.g. `circular-economy`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MIN = 3;
export const SLUG_MAX = 60;
export const COMMUNITY_NAME_MAX = 80;
export const COMMUNITY_TAGLINE_MAX = 160;
export const COMMUNITY_DESCRIPTION_MAX = 4000;
/** A community's accent colour, `#rrggbb`. */
export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;
export const ORGANIZATION_NAME_MAX = 160;
export const ORGANIZATION_DESCRIPTION_MAX = 4000;
export const ORGANIZATION_ADDRESS_MAX = 300;
export const WEBSITE_MAX = 300;
/** What the admin's member search accepts. */
export const MEMBER_QUERY_MAX = 100;
