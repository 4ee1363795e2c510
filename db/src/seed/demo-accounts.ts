import type { OrganizationSeed } from "./data/organizations.js";

export const DEMO_PASSWORD = "pratica-demo";

type ProfessionalOrder = NonNullable<OrganizationSeed["order"]>;

export type DemoAccount = {
  email: string;
  handle: string;
  displayName: string;
  role: "USER" | "ADMIN";
  facilitates?: string;
  memberOfAll?: boolean;
  represents?: ProfessionalOrder;
};

const ORDER_NAMES: Record<ProfessionalOrder, string> = {
  accountants: "Accountants",
  notaries: "Notaries",
  lawyers: "Lawyers",
  "labour-consultants": "Labour Consultants",
};

/** The accounts DESIGN.md promises when SEED_DEMO=1. */
export function demoAccounts(communitySlugs: readonly string[]): DemoAccount[] {
  return [
    { email: "admin@pratica.local", handle: "admin", displayName: "Platform Admin", role: "ADMIN" },
    { email: "member@pratica.local", handle: "member", displayName: "Demo Member", role: "USER", memberOfAll: true },
    ...communitySlugs.map((slug) => ({
      email: `facilitator.${slug}@pratica.local`,
      handle: `facilitator-${slug}`,
      displayName: `Facilitator, ${slug}`,
      role: "USER" as const,
      facilitates: slug,
    })),
    ...(Object.keys(ORDER_NAMES) as ProfessionalOrder[]).map((order) => ({
      email: `rep.${order}@pratica.local`,
      handle: `rep-${order}`,
      displayName: `Representative, ${ORDER_NAMES[order]}`,
      role: "USER" as const,
      represents: order,
    })),
  ];
}
