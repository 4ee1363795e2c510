import { and, asc, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Executor } from "../client.js";
import {
  communities,
  communityMemberships,
  deliverableAuthors,
  deliverableEditors,
  deliverables,
  fundingCalls,
  organizationMembers,
  partnerInterests,
  partnerSearches,
  sectionRevisions,
  sections,
  threads,
  users,
} from "../schema/index.js";

/**
 * Two demo partner searches of the HUB (docs/hub-partner-search.md) on seeded funding calls: the
 * accountants' order seeks partners, the lawyers' order offers itself; the accountants took up
 * the lawyers' offer, so its private consortium space exists (a CONSORTIUM
 * community, its thread and the proposal). Texts carry both languages, as a partner would write
 * for a European consortium. Runs after the funding calls' seed: with no open call it does
 * nothing. Idempotent: a search already there (same organisation, call and kind) is left as it is.
 *
 * The space's rows mirror the api's consortium-space.service.ts (the seed cannot import the api).
 */
export async function seedDemoPartnerSearches(tx: Executor): Promise<number> {
  const calls = await tx
    .select({ id: fundingCalls.id, title: fundingCalls.title })
    .from(fundingCalls)
    .where(and(ne(fundingCalls.status, "CLOSED"), isNull(fundingCalls.archivedAt)))
    .orderBy(asc(fundingCalls.deadlineAt), asc(fundingCalls.id))
    .limit(2);
  const [first, second = first] = calls;
  if (!first || !second) return 0;
  const reps = await tx
    .select({ handle: users.handle, userId: users.id, organizationId: organizationMembers.organizationId })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(
      and(inArray(users.handle, ["rep-accountants", "rep-lawyers"]), eq(organizationMembers.role, "REPRESENTATIVE")),
    );
  const accountants = reps.find((r) => r.handle === "rep-accountants");
  const lawyers = reps.find((r) => r.handle === "rep-lawyers");
  if (!accountants || !lawyers) return 0;

  let made = 0;
  const seeking = await searchOf(tx, first.id, accountants.organizationId, "SEEKING");
  if (!seeking) {
    await insertSearch(tx, {
      callId: first.id,
      organizationId: accountants.organizationId,
      authorId: accountants.userId,
      kind: "SEEKING",
      role: "PARTNER",
      expertise:
        "Impact measurement and social reporting for cooperatives and social enterprises. · Misurazione d'impatto e bilancio sociale per cooperative e imprese sociali.",
      countries: ["ES", "PT", "FR", "DE"],
      description:
        "We coordinate the proposal and look for two partners with field experience in youth employment. · Coordiniamo la proposta e cerchiamo due partner con esperienza sul campo nell'occupazione giovanile.",
    });
    made++;
  }
  const offered = await searchOf(tx, second.id, lawyers.organizationId, "OFFERING");
  const offering =
    offered ??
    (await insertSearch(tx, {
      callId: second.id,
      organizationId: lawyers.organizationId,
      authorId: lawyers.userId,
      kind: "OFFERING",
      role: "ASSOCIATED",
      expertise:
        "Legal design of partnership agreements and governance of consortia. · Progettazione giuridica degli accordi di partenariato e governance dei consorzi.",
      countries: ["IT"],
      description:
        "We can join a consortium as an associated partner. · Possiamo entrare in un consorzio come partner associato.",
    }));
  if (!offered) made++;
  // The accountants, who lead, take up the lawyers' offer: the lawyers' representative
  // facilitates the space (the accountants' moderates nothing, as the moderation e2e expects).
  if (!offered) await interestWithSpace(tx, offering, second.title, lawyers.userId, accountants);
  return made;
}

type SearchRow = typeof partnerSearches.$inferSelect;

async function searchOf(tx: Executor, callId: string, organizationId: string, kind: "SEEKING" | "OFFERING") {
  const [row] = await tx
    .select()
    .from(partnerSearches)
    .where(
      and(
        eq(partnerSearches.callId, callId),
        eq(partnerSearches.organizationId, organizationId),
        eq(partnerSearches.kind, kind),
      ),
    );
  return row;
}

async function insertSearch(tx: Executor, values: typeof partnerSearches.$inferInsert): Promise<SearchRow> {
  const [row] = await tx.insert(partnerSearches).values(values).returning();
  if (!row) throw new Error("demo partner search not created");
  return row;
}

/** The accountants' interest in the lawyers' offer and the space it opened: the lawyers' representative facilitates it, the accountants' joins. */
async function interestWithSpace(
  tx: Executor,
  search: SearchRow,
  callTitle: string,
  leadId: string,
  interested: { userId: string; organizationId: string },
) {
  await tx.insert(partnerInterests).values({
    searchId: search.id,
    organizationId: interested.organizationId,
    userId: interested.userId,
    role: "LEAD",
    message:
      "We would lead the consortium and want your legal design. · Guideremmo il consorzio e vorremmo la vostra progettazione giuridica.",
  });
  const name = callTitle.length <= 80 ? callTitle : `${callTitle.slice(0, 79)}…`;
  const [community] = await tx
    .insert(communities)
    .values({
      slug: `consortium-${search.id}`,
      name,
      nameIt: name,
      description: `The organisations building a consortium for the call “${callTitle}”.`,
      descriptionIt: `Le organizzazioni che costruiscono un consorzio per il bando «${callTitle}».`,
      visibility: "MEMBERS",
      joinPolicy: "APPROVAL",
      kind: "CONSORTIUM",
      autoHideThreshold: null,
    })
    .returning({ id: communities.id });
  if (!community) throw new Error("demo consortium not created");
  const now = new Date();
  await tx.insert(communityMemberships).values([
    { communityId: community.id, userId: leadId, role: "FACILITATOR", status: "ACTIVE", decidedAt: now },
    { communityId: community.id, userId: interested.userId, role: "MEMBER", status: "ACTIVE", decidedAt: now },
  ]);
  const [thread] = await tx
    .insert(threads)
    .values({
      communityId: community.id,
      authorId: leadId,
      title: "Costruiamo il consorzio",
      body: `Lo spazio riservato della ricerca partner per «${callTitle}». The private space of the partner search: introduce your organisation, discuss roles and the work plan here.`,
    })
    .returning({ id: threads.id });
  const [deliverable] = await tx
    .insert(deliverables)
    .values({ communityId: community.id, creatorId: leadId, title: `Proposta: ${callTitle}`.slice(0, 200) })
    .returning({ id: deliverables.id });
  if (!thread || !deliverable) throw new Error("demo consortium space not created");
  const ids = { deliverableId: deliverable.id, communityId: community.id };
  await tx.insert(deliverableEditors).values([
    { ...ids, userId: leadId, addedBy: leadId },
    { ...ids, userId: interested.userId, addedBy: leadId },
  ]);
  await tx.insert(deliverableAuthors).values([
    { ...ids, organizationId: search.organizationId },
    { ...ids, organizationId: interested.organizationId },
  ]);
  const outline = await tx
    .insert(sections)
    .values(
      [
        "Sintesi · Summary",
        "Obiettivi · Objectives",
        "Partner e ruoli · Partners and roles",
        "Piano di lavoro · Work plan",
      ].map((heading, i) => ({ ...ids, heading, body: "", position: i + 1 })),
    )
    .returning();
  await tx.insert(sectionRevisions).values(
    outline.map((s) => ({
      ...ids,
      sectionId: s.id,
      version: 1,
      heading: s.heading,
      body: "",
      authorId: leadId,
      editorId: leadId,
    })),
  );
  await tx
    .update(partnerSearches)
    .set({ spaceCommunityId: community.id, spaceThreadId: thread.id, proposalDeliverableId: deliverable.id })
    .where(eq(partnerSearches.id, search.id));
}
