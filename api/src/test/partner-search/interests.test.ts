import {
  communities,
  communityMemberships,
  deliverableAuthors,
  deliverableEditors,
  deliverables,
  notifications,
  organizations,
  partnerSearches,
  threads,
} from "@pratica/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { errorCode } from "../client.js";
import { useTestServer } from "../fixture.js";
import {
  buildCall,
  buildCast,
  buildSearch,
  type Cast,
  DECIDE,
  EXPRESS,
  READ,
  refused,
  request,
  WITHDRAW_INTEREST,
} from "./support.js";

const server = useTestServer();
const send = request(() => server.url);

const express = (
  c: Cast,
  searchId: string,
  by = c.rep,
  org = c.partner,
  message = "We run youth centres in Valencia.",
) => send(by, EXPRESS, { i: { searchId, organizationId: org.id, role: "PARTNER", message } });

async function spaceRows(searchId: string) {
  const [s] = await server.db.select().from(partnerSearches).where(eq(partnerSearches.id, searchId));
  if (!s?.spaceCommunityId || !s.proposalDeliverableId) return null;
  const [community] = await server.db.select().from(communities).where(eq(communities.id, s.spaceCommunityId));
  const members = await server.db
    .select({
      userId: communityMemberships.userId,
      role: communityMemberships.role,
      status: communityMemberships.status,
    })
    .from(communityMemberships)
    .where(eq(communityMemberships.communityId, s.spaceCommunityId));
  const editors = await server.db
    .select({ userId: deliverableEditors.userId })
    .from(deliverableEditors)
    .where(eq(deliverableEditors.deliverableId, s.proposalDeliverableId));
  const authors = await server.db
    .select({ organizationId: deliverableAuthors.organizationId })
    .from(deliverableAuthors)
    .where(eq(deliverableAuthors.deliverableId, s.proposalDeliverableId));
  const [thread] = await server.db
    .select()
    .from(threads)
    .where(eq(threads.id, s.spaceThreadId ?? ""));
  const [proposal] = await server.db.select().from(deliverables).where(eq(deliverables.id, s.proposalDeliverableId));
  const role = Object.fromEntries(members.map((m) => [m.userId, `${m.role}:${m.status}`]));
  return {
    community,
    role,
    editors: editors.map((e) => e.userId).sort(),
    authors: authors.map((a) => a.organizationId).sort(),
    thread,
    proposal,
  };
}

const sorted = (...ids: string[]) => [...ids].sort();

describe("expressInterest and the private space", () => {
  it("the first interest opens the space: CONSORTIUM community, facilitators, the interested person, thread and proposal", async () => {
    const c = await buildCast(server.db);
    const s = await buildSearch(server.db, c);
    const res = await express(c, s.id);
    expect(res.errors).toBeUndefined();
    expect(res.data?.expressInterest).toMatchObject({ status: "PENDING", version: 1, role: "PARTNER" });
    const space = await spaceRows(s.id);
    expect(space?.community).toMatchObject({
      kind: "CONSORTIUM",
      visibility: "MEMBERS",
      joinPolicy: "APPROVAL",
      name: c.call.title,
    });
    expect(space?.role).toEqual({
      [c.lead.id]: "FACILITATOR:ACTIVE",
      [c.lead2.id]: "FACILITATOR:ACTIVE",
      [c.rep.id]: "MEMBER:ACTIVE",
    });
    expect(space?.editors).toEqual(sorted(c.lead.id, c.lead2.id, c.rep.id));
    expect(space?.authors).toEqual(sorted(c.publisher.id, c.partner.id));
    // The author's language (lead: English) names the thread and the proposal.
    expect(space?.thread?.title).toBe("Building the consortium");
    expect(space?.proposal?.title).toBe(`Proposal: ${c.call.title}`);

    const read = await send(c.rep, READ, { id: s.id });
    expect(read.data?.partnerSearch).toMatchObject({
      interestCount: 1,
      viewerInterest: { id: res.data?.expressInterest.id },
      viewerCanExpressInterest: false,
      space: {
        community: { id: space?.community?.id },
        thread: { id: space?.thread?.id },
        proposal: { id: space?.proposal?.id },
      },
    });
    // A second interest adds its person to the same space.
    expect((await express(c, s.id, c.thirdRep, c.third)).errors).toBeUndefined();
    const after = await spaceRows(s.id);
    expect(after?.community?.id).toBe(space?.community?.id);
    expect(after?.role[c.thirdRep.id]).toBe("MEMBER:ACTIVE");
    expect(after?.authors).toEqual(sorted(c.publisher.id, c.partner.id, c.third.id));
    const [count] = await server.db
      .select({ id: communities.id })
      .from(communities)
      .where(eq(communities.slug, `consortium-${s.id}`));
    expect(count).toBeDefined();
  });

  it("tells the publisher's representatives (and the author), with the organisation's name and the message", async () => {
    const c = await buildCast(server.db);
    const s = await buildSearch(server.db, c);
    await express(c, s.id);
    const told = await server.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.partnerSearchId, s.id), eq(notifications.kind, "PARTNER_INTEREST")));
    expect(told.map((n) => n.userId).sort()).toEqual(sorted(c.lead.id, c.lead2.id));
    expect(told[0]?.excerpt).toBe(`${c.partner.name}: We run youth centres in Valencia.`);
    const inbox = await send(c.lead, `{ notifications(first: 5) { edges { node { kind partnerSearch { id } } } } }`);
    expect(inbox.data?.notifications.edges[0].node).toEqual({ kind: "PARTNER_INTEREST", partnerSearch: { id: s.id } });
  });

  it("refuses: anonymous, a member (not representative), the publisher itself, a withdrawn organisation, twice, bad input", async () => {
    const c = await buildCast(server.db);
    const s = await buildSearch(server.db, c);
    await refused(
      server.db,
      c.call,
      () => send(undefined, EXPRESS, { i: { searchId: s.id, organizationId: c.partner.id, role: "PARTNER" } }),
      "UNAUTHENTICATED",
    );
    const member = await refused(server.db, c.call, () => express(c, s.id, c.repColleague), "FORBIDDEN");
    expect(member.errors?.[0]?.message).toBe("You do not represent this organisation.");
    await refused(server.db, c.call, () => express(c, s.id, c.lead, c.publisher), "FORBIDDEN");
    await refused(server.db, c.call, () => express(c, s.id, c.rep, c.third), "FORBIDDEN");
    const long = await refused(
      server.db,
      c.call,
      () => express(c, s.id, c.rep, c.partner, "x".repeat(4001)),
      "BAD_USER_INPUT",
    );
    expect(long.errors?.[0]?.extensions?.field).toBe("message");
    await refused(
      server.db,
      c.call,
      () => send(c.rep, EXPRESS, { i: { searchId: s.id, organizationId: c.partner.id, role: "BOSS" } }),
      "BAD_USER_INPUT",
    );
    await refused(
      server.db,
      c.call,
      () =>
        send(c.rep, EXPRESS, {
          i: { searchId: "00000000-0000-4000-8000-000000000000", organizationId: c.partner.id, role: "PARTNER" },
        }),
      "NOT_FOUND",
    );
    expect(await spaceRows(s.id)).toBeNull();
    expect((await express(c, s.id)).errors).toBeUndefined();
    await refused(server.db, c.call, () => express(c, s.id), "CONFLICT");
    await server.db.update(organizations).set({ withdrawnOn: "2026-01-01" }).where(eq(organizations.id, c.third.id));
    const gone = await refused(server.db, c.call, () => express(c, s.id, c.thirdRep, c.third), "FORBIDDEN");
    expect(gone.errors?.[0]?.message).toMatch(/withdrew/);
  });

  it("a closed search, or a search on a closed or archived call, takes no interest (CONFLICT)", async () => {
    const c = await buildCast(server.db);
    const closed = await buildSearch(server.db, c, { status: "CLOSED" });
    await refused(server.db, c.call, () => express(c, closed.id), "CONFLICT");
    const closedCall = await buildCall(server.db, { status: "CLOSED" });
    const onClosed = await buildSearch(server.db, { ...c, call: closedCall });
    await refused(server.db, closedCall, () => express(c, onClosed.id), "CONFLICT");
    const archivedCall = await buildCall(server.db, { archivedAt: new Date() });
    const onArchived = await buildSearch(server.db, { ...c, call: archivedCall });
    await refused(server.db, archivedCall, () => express(c, onArchived.id), "CONFLICT");
    const withdrawn = await buildSearch(server.db, c, { status: "WITHDRAWN", kind: "OFFERING" });
    await refused(server.db, c.call, () => express(c, withdrawn.id), "NOT_FOUND");
  });
});

describe("decideInterest and withdrawInterest", () => {
  it("the publisher confirms; the interested person is told; stale and wrong-state answers are CONFLICT", async () => {
    const c = await buildCast(server.db);
    const s = await buildSearch(server.db, c);
    const interest = (await express(c, s.id)).data?.expressInterest;
    const input = { id: interest.id, version: 1, decision: "CONFIRM" };
    await refused(server.db, c.call, () => send(undefined, DECIDE, { i: input }), "UNAUTHENTICATED");
    await refused(server.db, c.call, () => send(c.colleague, DECIDE, { i: input }), "FORBIDDEN");
    await refused(server.db, c.call, () => send(c.rep, DECIDE, { i: input }), "FORBIDDEN");
    await refused(server.db, c.call, () => send(c.thirdRep, DECIDE, { i: input }), "NOT_FOUND");
    await refused(
      server.db,
      c.call,
      () => send(c.lead, DECIDE, { i: { ...input, decision: "MAYBE" } }),
      "BAD_USER_INPUT",
    );
    await refused(server.db, c.call, () => send(c.lead, DECIDE, { i: { ...input, version: 3 } }), "CONFLICT");
    const ok = await send(c.lead2, DECIDE, { i: input });
    expect(ok.data?.decideInterest).toMatchObject({ status: "CONFIRMED", version: 2 });
    expect(ok.data?.decideInterest.decidedAt).toBeTruthy();
    const again = await refused(
      server.db,
      c.call,
      () => send(c.lead, DECIDE, { i: { ...input, version: 2 } }),
      "CONFLICT",
    );
    expect(again.errors?.[0]?.extensions?.current).toEqual({ status: "CONFIRMED", version: 2 });
    const told = await server.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.partnerSearchId, s.id), eq(notifications.kind, "PARTNER_INTEREST_DECIDED")));
    expect(told.map((n) => n.userId)).toEqual([c.rep.id]);
    // The system's sentence, put into the reader's words (the rep reads Italian).
    const inbox = await send(c.rep, `{ notifications(first: 5) { edges { node { kind excerpt } } } }`);
    const decided = inbox.data?.notifications.edges.find(
      (e: { node: { kind: string } }) => e.node.kind === "PARTNER_INTEREST_DECIDED",
    );
    expect(decided?.node.excerpt).toBe("Confermato: la tua organizzazione è nel consorzio.");
    expect((await spaceRows(s.id))?.role[c.rep.id]).toBe("MEMBER:ACTIVE");
    // Interests: the publisher's people see all, the interested organisation its own, others none.
    const list = (u: (typeof c)["lead"]) =>
      send(u, `query($id: ID!) { partnerSearch(id: $id) { interests { id } } }`, { id: s.id }).then(
        (r) => r.data?.partnerSearch.interests.length,
      );
    expect(await list(c.colleague)).toBe(1);
    expect(await list(c.repColleague)).toBe(1);
    expect(await list(c.thirdRep)).toBe(0);
    expect(await list(c.admin)).toBe(0);
  });

  it("declining removes that organisation's people from the space and the proposal's co-authors", async () => {
    const c = await buildCast(server.db);
    const s = await buildSearch(server.db, c);
    const interest = (await express(c, s.id)).data?.expressInterest;
    await express(c, s.id, c.thirdRep, c.third);
    const res = await send(c.lead, DECIDE, { i: { id: interest.id, version: 1, decision: "DECLINE" } });
    expect(res.data?.decideInterest.status).toBe("DECLINED");
    const space = await spaceRows(s.id);
    expect(space?.role[c.rep.id]).toBeUndefined();
    expect(space?.editors).toEqual(sorted(c.lead.id, c.lead2.id, c.thirdRep.id));
    expect(space?.authors).toEqual(sorted(c.publisher.id, c.third.id));
    expect((await send(c.rep, READ, { id: s.id })).data?.partnerSearch.space).toBeNull();
  });

  it("the interested organisation withdraws its interest; its people leave the space", async () => {
    const c = await buildCast(server.db);
    const s = await buildSearch(server.db, c);
    const interest = (await express(c, s.id)).data?.expressInterest;
    const input = { id: interest.id, v: 1 };
    await refused(server.db, c.call, () => send(undefined, WITHDRAW_INTEREST, input), "UNAUTHENTICATED");
    await refused(server.db, c.call, () => send(c.repColleague, WITHDRAW_INTEREST, input), "FORBIDDEN");
    await refused(server.db, c.call, () => send(c.lead, WITHDRAW_INTEREST, input), "FORBIDDEN");
    await refused(server.db, c.call, () => send(c.outsider, WITHDRAW_INTEREST, input), "NOT_FOUND");
    await refused(server.db, c.call, () => send(c.rep, WITHDRAW_INTEREST, { ...input, v: 5 }), "CONFLICT");
    const ok = await send(c.rep, WITHDRAW_INTEREST, input);
    expect(ok.data?.withdrawInterest).toMatchObject({ status: "WITHDRAWN", version: 2 });
    expect((await spaceRows(s.id))?.role[c.rep.id]).toBeUndefined();
    await refused(server.db, c.call, () => send(c.rep, WITHDRAW_INTEREST, { ...input, v: 2 }), "CONFLICT");
    // Once per organisation, even after withdrawing.
    expect(errorCode(await express(c, s.id))).toBe("CONFLICT");
    await refused(
      server.db,
      c.call,
      () => send(c.lead, DECIDE, { i: { id: interest.id, version: 2, decision: "CONFIRM" } }),
      "CONFLICT",
    );
  });
});
