import {
  communities,
  communityMemberships,
  deliverableAuthors,
  deliverableEditors,
  deliverables,
  type Executor,
  type FundingCallRow,
  organizationMembers,
  type PartnerInterestRow,
  type PartnerSearchRow,
  partnerInterests,
  partnerSearches,
  sectionRevisions,
  sections,
  threads,
  users,
} from "@pratica/db";
import { COMMUNITY_NAME_MAX, TITLE_MAX } from "@pratica/rules";
import { and, eq, inArray, ne } from "drizzle-orm";
import { representativeIds } from "./search-work.js";

/**
 * The private space of a partner search (docs/hub-partner-search.md, "The private space"): a
 * CONSORTIUM community (members only, nobody can ask to join), its thread "Building the consortium"
 * and the proposal document, made in the unit of work of the first expression of interest.
 *
 * Why plain inserts rather than the community, thread and deliverable services: each of those runs
 * its own unit of work on the database handle (`unitOfWork(this.db, …)`) and cannot join the
 * interest's transaction, and each checks that the viewer is already an active member — which is
 * what this space is making. So the rows are written here, the same columns those services write
 * (a thread row; a deliverable with its editors, co-author organisations, sections and their first
 * revisions), and every rule after creation (posting, editing sections) is theirs, unchanged.
 */

type Lang = "it" | "en";

const TEXT = {
  en: {
    threadTitle: "Building the consortium",
    threadBody: (call: string) =>
      `The private space of the partner search for “${call}”. Introduce your organisation, discuss roles and the work plan here; the proposal document is beside this thread.`,
    proposal: (call: string) => `Proposal: ${call}`,
    description: (call: string) => `The organisations building a consortium for the call “${call}”.`,
    sections: ["Summary", "Objectives", "Partners and roles", "Work plan", "Budget"],
  },
  it: {
    threadTitle: "Costruiamo il consorzio",
    threadBody: (call: string) =>
      `Lo spazio riservato della ricerca partner per «${call}». Presentate qui la vostra organizzazione, discutete ruoli e piano di lavoro; il documento della proposta è accanto a questa discussione.`,
    proposal: (call: string) => `Proposta: ${call}`,
    description: (call: string) => `Le organizzazioni che costruiscono un consorzio per il bando «${call}».`,
    sections: ["Sintesi", "Obiettivi", "Partner e ruoli", "Piano di lavoro", "Budget"],
  },
} as const;

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export type Space = { communityId: string; threadId: string; deliverableId: string };

export class ConsortiumSpaceService {
  /**
   * Makes the space for `search`, with the publisher's representatives and the author as its
   * facilitators and editors, and the person who expressed `interest` as a member and editor.
   * Written in the caller's transaction, under the search's lock (so it is made once).
   */
  async create(
    tx: Executor,
    search: PartnerSearchRow,
    call: Pick<FundingCallRow, "title">,
    interest: PartnerInterestRow,
  ): Promise<Space> {
    const leads = new Set(await representativeIds(tx, [search.organizationId]));
    if (search.authorId) leads.add(search.authorId);
    const creatorId = search.authorId ?? [...leads][0] ?? interest.userId;
    if (!creatorId) throw new Error("a consortium space needs someone to start it");
    const lang = await languageOf(tx, creatorId);
    const t = TEXT[lang];
    const name = clip(call.title, COMMUNITY_NAME_MAX);
    const [community] = await tx
      .insert(communities)
      .values({
        slug: `consortium-${search.id}`,
        name,
        nameIt: name,
        description: TEXT.en.description(call.title),
        descriptionIt: TEXT.it.description(call.title),
        visibility: "MEMBERS",
        joinPolicy: "APPROVAL",
        kind: "CONSORTIUM",
        // No automatic hiding in a private working space: its few members talk to each other.
        autoHideThreshold: null,
      })
      .returning({ id: communities.id });
    if (!community) throw new Error("consortium community not created");
    const now = new Date();
    await tx.insert(communityMemberships).values(
      [...leads].map((userId) => ({
        communityId: community.id,
        userId,
        role: "FACILITATOR" as const,
        status: "ACTIVE" as const,
        decidedAt: now,
      })),
    );
    const [thread] = await tx
      .insert(threads)
      .values({
        communityId: community.id,
        authorId: creatorId,
        title: t.threadTitle,
        body: t.threadBody(call.title),
      })
      .returning({ id: threads.id });
    const [deliverable] = await tx
      .insert(deliverables)
      .values({ communityId: community.id, creatorId, title: clip(t.proposal(call.title), TITLE_MAX) })
      .returning({ id: deliverables.id });
    if (!thread || !deliverable) throw new Error("consortium space not created");
    const ids = { deliverableId: deliverable.id, communityId: community.id };
    await tx.insert(deliverableEditors).values([...leads].map((userId) => ({ ...ids, userId, addedBy: creatorId })));
    await tx.insert(deliverableAuthors).values({ ...ids, organizationId: search.organizationId });
    const outline = await tx
      .insert(sections)
      .values(t.sections.map((heading, i) => ({ ...ids, heading, body: "", position: i + 1 })))
      .returning();
    await tx.insert(sectionRevisions).values(
      outline.map((s) => ({
        ...ids,
        sectionId: s.id,
        version: 1,
        heading: s.heading,
        body: s.body,
        authorId: creatorId,
        editorId: creatorId,
      })),
    );
    const space = { communityId: community.id, threadId: thread.id, deliverableId: deliverable.id };
    await tx
      .update(partnerSearches)
      .set({
        spaceCommunityId: space.communityId,
        spaceThreadId: space.threadId,
        proposalDeliverableId: space.deliverableId,
      })
      .where(eq(partnerSearches.id, search.id));
    await this.admit(tx, space, interest, creatorId);
    return space;
  }

  /** The person who expressed `interest` becomes an active member and an editor; their organisation a co-author. */
  async admit(tx: Executor, space: Space, interest: PartnerInterestRow, addedBy: string | null): Promise<void> {
    const ids = { deliverableId: space.deliverableId, communityId: space.communityId };
    await tx
      .insert(deliverableAuthors)
      .values({ ...ids, organizationId: interest.organizationId })
      .onConflictDoNothing();
    if (!interest.userId) return;
    // A person already in the space (a facilitator who also represents the interested organisation) keeps their role.
    await tx
      .insert(communityMemberships)
      .values({
        communityId: space.communityId,
        userId: interest.userId,
        role: "MEMBER",
        status: "ACTIVE",
        decidedAt: new Date(),
        decidedBy: addedBy,
      })
      .onConflictDoNothing();
    await tx
      .insert(deliverableEditors)
      .values({ ...ids, userId: interest.userId, addedBy })
      .onConflictDoNothing();
  }

  /**
   * An interest DECLINED or WITHDRAWN: that organisation's people leave the space (membership and
   * editor rows) and it stops co-authoring the proposal — except people who are still in it for
   * another reason (the publisher's representatives and the author, or the person of another
   * interest still pending or confirmed).
   */
  async release(tx: Executor, search: PartnerSearchRow, organizationId: string): Promise<void> {
    const space = spaceOf(search);
    if (!space) return;
    const keep = new Set(await representativeIds(tx, [search.organizationId]));
    if (search.authorId) keep.add(search.authorId);
    const others = await tx
      .select({ userId: partnerInterests.userId })
      .from(partnerInterests)
      .where(
        and(
          eq(partnerInterests.searchId, search.id),
          ne(partnerInterests.organizationId, organizationId),
          inArray(partnerInterests.status, ["PENDING", "CONFIRMED"]),
        ),
      );
    for (const o of others) if (o.userId) keep.add(o.userId);
    const people = await tx
      .select({ userId: organizationMembers.userId })
      .from(organizationMembers)
      .where(eq(organizationMembers.organizationId, organizationId));
    const leaving = people.map((p) => p.userId).filter((id) => !keep.has(id));
    // The person who expressed the interest leaves too, even if they left the organisation since.
    const [interest] = await tx
      .select({ userId: partnerInterests.userId })
      .from(partnerInterests)
      .where(and(eq(partnerInterests.searchId, search.id), eq(partnerInterests.organizationId, organizationId)));
    if (interest?.userId && !keep.has(interest.userId)) leaving.push(interest.userId);
    if (leaving.length) {
      await tx
        .delete(communityMemberships)
        .where(
          and(eq(communityMemberships.communityId, space.communityId), inArray(communityMemberships.userId, leaving)),
        );
      await tx
        .delete(deliverableEditors)
        .where(
          and(eq(deliverableEditors.deliverableId, space.deliverableId), inArray(deliverableEditors.userId, leaving)),
        );
    }
    if (organizationId !== search.organizationId) {
      await tx
        .delete(deliverableAuthors)
        .where(
          and(
            eq(deliverableAuthors.deliverableId, space.deliverableId),
            eq(deliverableAuthors.organizationId, organizationId),
          ),
        );
    }
  }
}

/** The space's ids, when it exists (all three are kept together; a deleted part means no space). */
export function spaceOf(search: PartnerSearchRow): Space | null {
  const { spaceCommunityId, spaceThreadId, proposalDeliverableId } = search;
  return spaceCommunityId && spaceThreadId && proposalDeliverableId
    ? { communityId: spaceCommunityId, threadId: spaceThreadId, deliverableId: proposalDeliverableId }
    : null;
}

async function languageOf(tx: Executor, userId: string): Promise<Lang> {
  const [u] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return u?.locale === "en" ? "en" : "it";
}
