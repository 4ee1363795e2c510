import { notifications, supplierAnswers, supplierProfiles } from "@pratica/db";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildOrganization } from "../admin/support.js";
import { errorCode } from "../client.js";
import { buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import {
  ANSWER,
  addPerson,
  buildAnswer,
  buildCast,
  buildRequest,
  type Cast,
  clock,
  DAY,
  hooks,
  NOW,
  notificationsOf,
  READ,
  refused,
  request,
  SHORTLIST,
  UPDATE_ANSWER,
  WITHDRAW_ANSWER,
} from "./support.js";

const server = useTestServer({}, undefined, hooks);
const send = request(() => server.url);
let cast: Cast;
beforeAll(async () => {
  cast = await buildCast(server.db);
});

const answerInput = (requestId: string, organizationId: string, more: Record<string, unknown> = {}) => ({
  requestId,
  organizationId,
  body: "We clean with a team of six, four in work integration.",
  amount: 9000,
  ...more,
});

describe("answerBuyerRequest", () => {
  it("a supplier's representative answers; the buyer's representatives and the author are told", async () => {
    const r = await buildRequest(server.db, cast);
    const res = await send(cast.supplier, ANSWER, { i: answerInput(r.id, cast.supplierOrg.id) });
    expect(res.errors).toBeUndefined();
    expect(res.data?.answerBuyerRequest).toMatchObject({
      status: "SUBMITTED",
      amount: 9000,
      supplier: { id: cast.supplierOrg.id },
    });
    const told = (await notificationsOf(server.db, cast.buyer.id)).filter((n) => n.buyerRequestId === r.id);
    expect(told.map((n) => n.kind)).toEqual(["SUPPLIER_ANSWERED"]);
    expect((await notificationsOf(server.db, cast.buyerMember.id)).some((n) => n.buyerRequestId === r.id)).toBe(false);
  });

  it("refuses login, a member answering for an organisation they do not represent, input, a second answer", async () => {
    const r = await buildRequest(server.db, cast);
    const i = answerInput(r.id, cast.supplierOrg.id);
    await refused(server.db, r.id, () => send(undefined, ANSWER, { i }), "UNAUTHENTICATED");
    const member = await refused(server.db, r.id, () => send(cast.supplierMember, ANSWER, { i }), "FORBIDDEN");
    expect(member.errors?.[0]?.message).toBe("You do not represent this organisation.");
    await refused(server.db, r.id, () => send(cast.rival, ANSWER, { i }), "FORBIDDEN");
    await refused(
      server.db,
      r.id,
      () => send(cast.supplier, ANSWER, { i: { ...i, body: "  " } }),
      "BAD_USER_INPUT",
      "body",
    );
    await refused(
      server.db,
      r.id,
      () => send(cast.supplier, ANSWER, { i: { ...i, amount: -5 } }),
      "BAD_USER_INPUT",
      "amount",
    );
    // No supplier profile; the buyer itself.
    await refused(
      server.db,
      r.id,
      () => send(cast.other, ANSWER, { i: { ...i, organizationId: cast.otherOrg.id } }),
      "BAD_USER_INPUT",
      "organizationId",
    );
    await refused(
      server.db,
      r.id,
      () => send(cast.buyer, ANSWER, { i: { ...i, organizationId: cast.buyerOrg.id } }),
      "BAD_USER_INPUT",
      "organizationId",
    );
    await buildAnswer(server.db, r, cast.supplierOrg, cast.supplier);
    await refused(server.db, r.id, () => send(cast.supplier, ANSWER, { i }), "CONFLICT");
  });

  it("refuses a draft (NOT_FOUND), a request not OPEN or past its deadline (CONFLICT), a withdrawn organisation", async () => {
    const draft = await buildRequest(server.db, cast, { state: "DRAFT" });
    await refused(
      server.db,
      draft.id,
      () => send(cast.supplier, ANSWER, { i: answerInput(draft.id, cast.supplierOrg.id) }),
      "NOT_FOUND",
    );
    const shortlisting = await buildRequest(server.db, cast, { state: "SHORTLISTING" });
    await refused(
      server.db,
      shortlisting.id,
      () => send(cast.supplier, ANSWER, { i: answerInput(shortlisting.id, cast.supplierOrg.id) }),
      "CONFLICT",
    );
    const r = await buildRequest(server.db, cast);
    clock.now = new Date(NOW.getTime() + 7 * DAY);
    try {
      const late = await refused(
        server.db,
        r.id,
        () => send(cast.supplier, ANSWER, { i: answerInput(r.id, cast.supplierOrg.id) }),
        "CONFLICT",
      );
      expect(late.errors?.[0]?.message).toMatch(/deadline/);
    } finally {
      clock.now = NOW;
    }
    const former = await buildOrganization(server.db, { withdrawnOn: "2030-01-01" });
    const rep = await buildUser(server.db);
    await addPerson(server.db, former, rep);
    await server.db.insert(supplierProfiles).values({ organizationId: former.id, wholeMetroArea: true });
    const res = await refused(
      server.db,
      r.id,
      () => send(rep, ANSWER, { i: answerInput(r.id, former.id) }),
      "FORBIDDEN",
    );
    expect(res.errors?.[0]?.message).toMatch(/withdrew/);
  });
});

describe("updating, withdrawing and shortlisting answers", () => {
  it("the supplier corrects and withdraws; the buyer shortlists (supplier told)", async () => {
    const r = await buildRequest(server.db, cast);
    const a = await buildAnswer(server.db, r, cast.supplierOrg, cast.supplier);
    const u = await send(cast.supplier, UPDATE_ANSWER, { i: { id: a.id, version: 1, body: "Revised", amount: 8000 } });
    expect(u.data?.updateSupplierAnswer).toMatchObject({ body: "Revised", amount: 8000, version: 2 });
    const s = await send(cast.buyer, SHORTLIST, { id: a.id, v: 2 });
    expect(s.data?.shortlistAnswer).toMatchObject({ status: "SHORTLISTED", version: 3 });
    expect(
      (await notificationsOf(server.db, cast.supplier.id)).filter((n) => n.buyerRequestId === r.id).map((n) => n.kind),
    ).toEqual(["BUYER_REQUEST_DECIDED"]);
    const w = await send(cast.supplier, WITHDRAW_ANSWER, { id: a.id, v: 3 });
    expect(w.data?.withdrawSupplierAnswer).toMatchObject({ status: "WITHDRAWN", version: 4 });
  });

  it("refuses login, the wrong people (NOT_FOUND to those who may not read it), stale versions, wrong status", async () => {
    const r = await buildRequest(server.db, cast);
    const a = await buildAnswer(server.db, r, cast.supplierOrg, cast.supplier);
    const i = { id: a.id, version: 1, body: "Changed" };
    await refused(server.db, r.id, () => send(undefined, UPDATE_ANSWER, { i }), "UNAUTHENTICATED");
    await refused(server.db, r.id, () => send(cast.supplierMember, UPDATE_ANSWER, { i }), "FORBIDDEN");
    await refused(server.db, r.id, () => send(cast.rival, UPDATE_ANSWER, { i }), "NOT_FOUND");
    await refused(server.db, r.id, () => send(cast.buyer, UPDATE_ANSWER, { i }), "FORBIDDEN");
    await refused(
      server.db,
      r.id,
      () => send(cast.supplier, UPDATE_ANSWER, { i: { ...i, body: "" } }),
      "BAD_USER_INPUT",
      "body",
    );
    await refused(server.db, r.id, () => send(cast.supplier, UPDATE_ANSWER, { i: { ...i, version: 9 } }), "CONFLICT");
    await refused(server.db, r.id, () => send(cast.rival, WITHDRAW_ANSWER, { id: a.id, v: 1 }), "NOT_FOUND");
    await refused(server.db, r.id, () => send(cast.supplier, SHORTLIST, { id: a.id, v: 1 }), "FORBIDDEN");
    await refused(server.db, r.id, () => send(cast.stranger, SHORTLIST, { id: a.id, v: 1 }), "NOT_FOUND");
    await refused(server.db, r.id, () => send(cast.buyer, SHORTLIST, { id: a.id, v: 4 }), "CONFLICT");
    await server.db
      .update(supplierAnswers)
      .set({ status: "WITHDRAWN", version: 2 })
      .where(eq(supplierAnswers.id, a.id));
    await refused(server.db, r.id, () => send(cast.buyer, SHORTLIST, { id: a.id, v: 2 }), "CONFLICT");
    await refused(server.db, r.id, () => send(cast.supplier, WITHDRAW_ANSWER, { id: a.id, v: 2 }), "CONFLICT");
  });
});

describe("privacy of answers along every edge", () => {
  const LIST = `query($mine: Boolean) { buyerRequests(first: 100, mine: $mine) { totalCount edges { node { id state answerCount answers { id supplier { id } } viewerAnswer { id } } } } }`;
  const NOTES = `{ notifications(first: 50) { edges { node { kind buyerRequest { id state answerCount answers { id } viewerAnswer { id } } } } } }`;

  it("buyerRequest: the buyer's people see all, a supplier its own, anyone else none", async () => {
    const r = await buildRequest(server.db, cast);
    const mine = await buildAnswer(server.db, r, cast.supplierOrg, cast.supplier);
    const theirs = await buildAnswer(server.db, r, cast.rivalOrg, cast.rival);
    const seen = async (u: Parameters<typeof send>[0]) => {
      const res = await send(u, READ, { id: r.id });
      expect(res.errors).toBeUndefined();
      const b = res.data?.buyerRequest;
      return {
        ids: b.answers.map((x: { id: string }) => x.id).sort(),
        count: b.answerCount,
        viewer: b.viewerAnswer?.id ?? null,
      };
    };
    const all = [mine.id, theirs.id].sort();
    expect(await seen(cast.buyer)).toEqual({ ids: all, count: 2, viewer: null });
    expect(await seen(cast.buyerMember)).toEqual({ ids: all, count: 2, viewer: null });
    expect(await seen(cast.supplier)).toEqual({ ids: [mine.id], count: 0, viewer: mine.id });
    expect(await seen(cast.supplierMember)).toEqual({ ids: [mine.id], count: 0, viewer: mine.id });
    expect(await seen(cast.rival)).toEqual({ ids: [theirs.id], count: 0, viewer: theirs.id });
    for (const u of [undefined, cast.other, cast.stranger, cast.admin]) {
      expect(await seen(u)).toEqual({ ids: [], count: 0, viewer: null });
    }
  });

  it("the list: drafts to their buyer only, answers as above", async () => {
    const draft = await buildRequest(server.db, cast, { state: "DRAFT" });
    const r = await buildRequest(server.db, cast);
    const mine = await buildAnswer(server.db, r, cast.supplierOrg, cast.supplier);
    await buildAnswer(server.db, r, cast.rivalOrg, cast.rival);
    const nodes = async (u: Parameters<typeof send>[0], mineOnly = false) => {
      const res = await send(u, LIST, { mine: mineOnly });
      expect(res.errors).toBeUndefined();
      return res.data?.buyerRequests.edges.map((e: { node: unknown }) => e.node) as {
        id: string;
        answers: { id: string }[];
        answerCount: number;
      }[];
    };
    for (const u of [undefined, cast.stranger, cast.supplier, cast.admin]) {
      expect((await nodes(u)).some((n) => n.id === draft.id)).toBe(false);
    }
    expect((await nodes(cast.buyerMember)).some((n) => n.id === draft.id)).toBe(true);
    expect((await nodes(cast.supplier)).find((n) => n.id === r.id)?.answers).toEqual([
      { id: mine.id, supplier: { id: cast.supplierOrg.id } },
    ]);
    expect((await nodes(cast.stranger)).find((n) => n.id === r.id)).toMatchObject({ answers: [], answerCount: 0 });
    expect((await nodes(cast.buyer)).find((n) => n.id === r.id)?.answerCount).toBe(2);
    expect((await nodes(cast.buyer, true)).every((n) => n.id !== undefined)).toBe(true);
    expect(await nodes(cast.stranger, true)).toEqual([]);
    expect(errorCode(await send(undefined, LIST, { mine: true }))).toBe("UNAUTHENTICATED");
  });

  it("a draft is NOT_FOUND, word for word as a missing one", async () => {
    const draft = await buildRequest(server.db, cast, { state: "DRAFT" });
    const missing = await send(cast.supplier, READ, { id: "00000000-0000-4000-8000-000000000000" });
    for (const u of [undefined, cast.stranger, cast.supplier, cast.admin]) {
      const res = await send(u, READ, { id: draft.id });
      expect(errorCode(res)).toBe("NOT_FOUND");
      expect(res.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
    }
    expect((await send(cast.buyerMember, READ, { id: draft.id })).data?.buyerRequest.id).toBe(draft.id);
  });

  it("Notification.buyerRequest: re-checked, and its answers as above", async () => {
    const draft = await buildRequest(server.db, cast, { state: "DRAFT" });
    const r = await buildRequest(server.db, cast);
    await buildAnswer(server.db, r, cast.supplierOrg, cast.supplier);
    const rep = await buildUser(server.db);
    for (const id of [draft.id, r.id]) {
      await server.db
        .insert(notifications)
        .values({ userId: rep.id, kind: "SUPPLIER_MATCHED", buyerRequestId: id, excerpt: "x" });
    }
    const res = await send(rep, NOTES);
    expect(res.errors).toBeUndefined();
    const edges = res.data?.notifications.edges.map((e: { node: { buyerRequest: unknown } }) => e.node.buyerRequest);
    expect(edges).toHaveLength(2);
    expect(edges).toContainEqual(null);
    expect(edges).toContainEqual({ id: r.id, state: "OPEN", answerCount: 0, answers: [], viewerAnswer: null });
  });

  it("matchingBuyerRequests: the supplier's people only", async () => {
    const Q = `query($o: ID!) { matchingBuyerRequests(organizationId: $o) { id answers { id } } }`;
    expect(errorCode(await send(undefined, Q, { o: cast.supplierOrg.id }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await send(cast.rival, Q, { o: cast.supplierOrg.id }))).toBe("FORBIDDEN");
    const res = await send(cast.supplierMember, Q, { o: cast.supplierOrg.id });
    expect(res.errors).toBeUndefined();
    expect(res.data?.matchingBuyerRequests.length).toBeGreaterThan(0);
  });
});
