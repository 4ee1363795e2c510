import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database, Executor } from "../client.js";
import { hashPassword } from "../password.js";
import {
  applicationTransitions,
  communities,
  communityMemberships,
  membershipApplications,
  organizationMembers,
  organizations,
  users,
} from "../schema/index.js";
import { communities as communitySeeds } from "./data/communities.js";
import { seedCpvSubset } from "./data/cpv/seed.js";
import { communityThemes, partnerProfiles, pendingApplication } from "./data/ecosystem.js";
import { communitiesIt, organizationsIt } from "./data/italian.js";
import { organizations as organizationSeeds } from "./data/organizations.js";
import { DEMO_PASSWORD, type DemoAccount, demoAccounts } from "./demo-accounts.js";
import { seedDemoDecisions } from "./demo-decisions.js";
import { seedDemoDeliverables } from "./demo-deliverables.js";
import { seedDemoEvents } from "./demo-events.js";
import { seedDemoLibrary } from "./demo-library.js";
import { seedDemoSuppliers } from "./demo-suppliers.js";
import { seedDemoRequests } from "./demo-requests.js";
import { seedDemoThreads } from "./demo-threads.js";

export type SeedOptions = { demo: boolean };
export type SeedReport = {
  communities: number;
  organizations: number;
  demoAccounts: number;
  demoThreads: number;
  demoResources: number;
  demoPaths: number;
  demoDeliverables: number;
  demoApplications: number;
  demoDecisions: number;
  demoEvents: number;
  demoRequests: number;
};

const OP4IMPACT = "op4impact";

/**
 * Idempotent: inserts what is missing, never overwrites what exists, so it is safe to run on
 * every start and by hand.
 */
export async function seed(db: Database, options: SeedOptions): Promise<SeedReport> {
  return db.transaction(async (tx) => {
    await tx
      .insert(communities)
      .values(communitySeeds.map((c) => ({ ...c, ...communitiesIt[c.slug], themes: communityThemes[c.slug] ?? [] })))
      .onConflictDoNothing();
    await tx
      .insert(organizations)
      .values(
        organizationSeeds.map(({ order: _order, ...o }) => ({
          ...o,
          ...organizationsIt[o.slug],
          ...partnerProfiles[o.slug],
        })),
      )
      .onConflictDoNothing();
    await fillItalianTexts(tx);
    await fillEcosystemProfiles(tx);
    await seedCpvSubset(tx);
    const accounts = options.demo ? await seedDemoAccounts(tx) : 0;
    const demoThreads = options.demo ? await seedDemoThreads(tx) : 0;
    const demoLibrary = options.demo ? await seedDemoLibrary(tx) : { resources: 0, paths: 0 };
    const demoDeliverables = options.demo ? await seedDemoDeliverables(tx) : 0;
    const demoApplications = options.demo ? await seedPendingApplication(tx) : 0;
    const demoDecisions = options.demo ? await seedDemoDecisions(tx) : 0;
    const demoEvents = options.demo ? await seedDemoEvents(tx) : 0;
    if (options.demo) await seedDemoSuppliers(tx);
    // After the suppliers' demo (when there is one): the open request is written to match its type B cooperative.
    const demoRequests = options.demo ? await seedDemoRequests(tx) : 0;
    return {
      communities: communitySeeds.length,
      organizations: organizationSeeds.length,
      demoAccounts: accounts,
      demoThreads,
      demoResources: demoLibrary.resources,
      demoPaths: demoLibrary.paths,
      demoDeliverables,
      demoApplications,
      demoDecisions,
      demoEvents,
      demoRequests,
    };
  });
}

/** The demo accounts the seed creates when asked to (the api names them when it starts). */
export const seededDemoAccounts = (): DemoAccount[] => demoAccounts(communitySeeds.map((c) => c.slug));

/** True when some demo account exists, whenever it was seeded. */
export async function hasDemoAccounts(db: Executor): Promise<boolean> {
  const emails = seededDemoAccounts().map((a) => a.email);
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(inArray(users.email, emails));
  return (row?.n ?? 0) > 0;
}

/** True when the database holds no communities yet (a fresh install). */
export async function isEmpty(db: Executor): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(communities);
  return (row?.n ?? 0) === 0;
}

async function seedDemoAccounts(tx: Executor): Promise<number> {
  const accounts = seededDemoAccounts();
  // One hash for all: the password is public anyway, and argon2 is deliberately slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await tx
    .insert(users)
    .values(
      accounts.map((a) => ({
        email: a.email,
        handle: a.handle,
        displayName: a.displayName,
        role: a.role,
        passwordHash,
        // Demo accounts are confirmed and trusted: the demo can write at once, without the new-member limits.
        emailVerifiedAt: new Date(),
        vouchedAt: new Date(),
      })),
    )
    .onConflictDoNothing();

  const userRows = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        accounts.map((a) => a.email),
      ),
    );
  const userId = new Map(userRows.map((u) => [u.email, u.id]));
  const communityRows = await tx.select({ id: communities.id, slug: communities.slug }).from(communities);
  const communityId = new Map(communityRows.map((c) => [c.slug, c.id]));
  const orgRows = await tx
    .select({ id: organizations.id, slug: organizations.slug })
    .from(organizations)
    .where(eq(organizations.category, "PROFESSIONAL_ORDERS"));
  const orgId = new Map(orgRows.map((o) => [o.slug, o.id]));

  const memberships: (typeof communityMemberships.$inferInsert)[] = [];
  const orgMemberships: (typeof organizationMembers.$inferInsert)[] = [];
  for (const account of accounts) {
    const uid = userId.get(account.email);
    if (!uid) continue;
    if (account.facilitates) {
      const cid = communityId.get(account.facilitates);
      if (cid) memberships.push({ communityId: cid, userId: uid, role: "FACILITATOR", status: "ACTIVE" });
    }
    if (account.memberOfAll) {
      for (const cid of communityId.values()) memberships.push({ communityId: cid, userId: uid, status: "ACTIVE" });
    }
    if (account.represents) {
      const oid = orgId.get(`order-${account.represents}`);
      if (oid) orgMemberships.push({ organizationId: oid, userId: uid, role: "REPRESENTATIVE" });
      const cid = communityId.get(OP4IMPACT);
      if (cid) memberships.push({ communityId: cid, userId: uid, status: "ACTIVE" });
    }
  }
  if (memberships.length) await tx.insert(communityMemberships).values(memberships).onConflictDoNothing();
  if (orgMemberships.length) await tx.insert(organizationMembers).values(orgMemberships).onConflictDoNothing();
  return accounts.length;
}

/**
 * A database seeded before the Italian texts existed gets them, where a name in Italian is still
 * empty: what an admin wrote since is never overwritten.
 */
async function fillItalianTexts(tx: Executor): Promise<void> {
  for (const [slug, texts] of Object.entries(communitiesIt)) {
    await tx
      .update(communities)
      .set(texts)
      .where(and(eq(communities.slug, slug), eq(communities.nameIt, "")));
  }
  for (const [slug, texts] of Object.entries(organizationsIt)) {
    await tx
      .update(organizations)
      .set(texts)
      .where(and(eq(organizations.slug, slug), eq(organizations.nameIt, "")));
  }
}

/**
 * A database seeded before the ecosystem's fields existed gets the seeded organisations' district,
 * themes and goals, and the communities' themes, where they are still empty: what an admin set
 * since is never overwritten.
 */
async function fillEcosystemProfiles(tx: Executor): Promise<void> {
  for (const [slug, profile] of Object.entries(partnerProfiles)) {
    await tx
      .update(organizations)
      .set(profile)
      .where(
        and(
          eq(organizations.slug, slug),
          isNull(organizations.district),
          sql`cardinality(${organizations.themes}) = 0`,
          sql`cardinality(${organizations.sdgs}) = 0`,
        ),
      );
  }
  for (const [slug, themes] of Object.entries(communityThemes)) {
    await tx
      .update(communities)
      .set({ themes })
      .where(and(eq(communities.slug, slug), sql`cardinality(${communities.themes}) = 0`));
  }
}

/**
 * The demo's one pending membership application, by the demo member, for the demo admin to
 * review. Once: an application of that name by that account, whatever its status since, is kept.
 */
async function seedPendingApplication(tx: Executor): Promise<number> {
  const a = pendingApplication;
  const [applicant] = await tx.select({ id: users.id }).from(users).where(eq(users.email, a.applicantEmail));
  if (!applicant) return 0;
  const [existing] = await tx
    .select({ id: membershipApplications.id })
    .from(membershipApplications)
    .where(and(eq(membershipApplications.applicantId, applicant.id), eq(membershipApplications.name, a.name)))
    .limit(1);
  if (existing) return 0;
  const interested = await tx
    .select({ id: communities.id })
    .from(communities)
    .where(inArray(communities.slug, [...a.communitySlugs]));
  const [application] = await tx
    .insert(membershipApplications)
    .values({
      status: "SUBMITTED",
      applicantId: applicant.id,
      name: a.name,
      nameIt: a.nameIt,
      category: a.category,
      description: a.description,
      descriptionIt: a.descriptionIt,
      website: a.website,
      address: a.address,
      district: a.district,
      latitude: a.latitude,
      longitude: a.longitude,
      themes: [...a.themes],
      sdgs: [...a.sdgs],
      communityIds: interested.map((c) => c.id),
      motivation: a.motivation,
      contactName: a.contactName,
      contactEmail: a.contactEmail,
      contactPhone: a.contactPhone,
      representativeName: a.representativeName,
      representativeEmail: a.representativeEmail,
    })
    // Another open application under that name (the unique index on open names) wins: nothing to add.
    .onConflictDoNothing()
    .returning({ id: membershipApplications.id });
  if (!application) return 0;
  await tx
    .insert(applicationTransitions)
    .values({ applicationId: application.id, fromStatus: null, toStatus: "SUBMITTED", actorId: applicant.id });
  return 1;
}
