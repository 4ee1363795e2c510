import { type Database, type OrganizationRow, organizationMembers } from "@pratica/db";
import { buildUser, type TestUser } from "../factories.js";
import { buildPartner, tagged } from "../partners/support.js";

/** A partner organisation with a representative, a member and an outsider. */
export async function buildOrganizationWithPeople(
  db: Database,
  tag = tagged(),
  overrides: Parameters<typeof buildPartner>[2] = {},
): Promise<{ org: OrganizationRow; rep: TestUser; member: TestUser; outsider: TestUser; tag: string }> {
  const org = await buildPartner(db, tag, overrides);
  const [rep, member, outsider] = await Promise.all([buildUser(db), buildUser(db), buildUser(db)]);
  await db.insert(organizationMembers).values([
    { organizationId: org.id, userId: rep.id, role: "REPRESENTATIVE" },
    { organizationId: org.id, userId: member.id, role: "MEMBER" },
  ]);
  return { org, rep, member, outsider, tag };
}
