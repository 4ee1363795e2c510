import { type Database, organizationMembers, organizations } from "@pratica/db";
import { asc, inArray } from "drizzle-orm";
import { groupedLoader, keyedLoader } from "../../core/loader.js";

export const organizationLoaders = (db: Database) => ({
  organizationById: keyedLoader(
    (ids: readonly string[]) =>
      db
        .select()
        .from(organizations)
        .where(inArray(organizations.id, [...ids])),
    (o) => o.id,
  ),
  organizationMembershipsByUser: groupedLoader(
    (userIds: readonly string[]) =>
      db
        .select()
        .from(organizationMembers)
        .where(inArray(organizationMembers.userId, [...userIds]))
        .orderBy(asc(organizationMembers.createdAt)),
    (m) => m.userId,
  ),
});
