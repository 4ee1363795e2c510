import { buyerRequests, buyerRequestTransitions, organizations } from "@pratica/db";
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode } from "../client.js";
import { useTestServer } from "../fixture.js";
import {
  AWARD,
  buildAnswer,
  buildCast,
  buildRequest,
  type Cast,
  CLOSE,
  CREATE,
  clock,
  createInput,
  DAY,
  hooks,
  NOW,
  notificationsOf,
  OPEN,
  READ,
  refused,
  request,
  SHORTLISTING,
  UPDATE,
  updateInput,
} from "./support.js";

const server = useTestServer({}, undefined, hooks);
const send = request(() => server.url);
let cast: Cast;
beforeAll(async () => {
  cast = await buildCast(server.db);
});

describe("createBuyerRequest", () => {
  it("creates a DRAFT for a representative, with the history's first step", async () => {
    const res = await send(cast.buyer, CREATE, { i: createInput(cast) });
    expect(res.errors).toBeUndefined();
    const r = res.data?.createBuyerRequest;
    expect(r).toMatchObject({
      state: "DRAFT",
      version: 1,
      cpvCodeList: ["90910000"],
      areaCodes: ["001272"],
      viewerCanEdit: true,
      viewerCanDecide: false,
      buyer: { id: cast.buyerOrg.id },
    });
    const steps = await server.db
      .select()
      .from(buyerRequestTransitions)
      .where(eq(buyerRequestTransitions.requestId, r.id));
    expect(steps.map((s) => [s.fromState, s.toState])).toEqual([[null, "DRAFT"]]);
  });

  it("refuses anonymous, a member who does not represent, a stranger; writes nothing", async () => {
    const count = async () => (await server.db.select().from(buyerRequests)).length;
    const before = await count();
    expect(errorCode(await send(undefined, CREATE, { i: createInput(cast) }))).toBe("UNAUTHENTICATED");
    const member = await send(cast.buyerMember, CREATE, { i: createInput(cast) });
    expect(errorCode(member)).toBe("FORBIDDEN");
    expect(member.errors?.[0]?.message).toBe("You do not represent this organisation.");
    expect(errorCode(await send(cast.stranger, CREATE, { i: createInput(cast) }))).toBe("FORBIDDEN");
    expect(errorCode(await send(cast.admin, CREATE, { i: createInput(cast) }))).toBe("FORBIDDEN");
    expect(await count()).toBe(before);
  });

  it.each([
    ["title", { title: "   " }],
    ["deadlineAt", { deadlineAt: new Date(NOW.getTime() - 1000).toISOString() }],
    ["cpvCodes", { cpvCodes: [] }],
    ["cpvCodes", { cpvCodes: ["12345678"] }],
    ["cpvCodes", { cpvCodes: ["90910000-3"] }],
    ["cpvCodes", { cpvCodes: ["9091"] }],
    ["area", { area: [], wholeMetroArea: false }],
    ["area", { area: ["123"] }],
  ])("refuses invalid %s", async (field, more) => {
    const res = await send(cast.buyer, CREATE, { i: createInput(cast, more) });
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    // An element names itself ("cpvCodes.0"), as everywhere in the api.
    expect(String(res.errors?.[0]?.extensions?.field).split(".")[0]).toBe(field);
  });

  it("a withdrawn organisation can no longer publish", async () => {
    await server.db
      .update(organizations)
      .set({ withdrawnOn: "2030-01-01" })
      .where(eq(organizations.id, cast.otherOrg.id));
    const res = await send(cast.other, CREATE, { i: createInput(cast, { organizationId: cast.otherOrg.id }) });
    expect(errorCode(res)).toBe("FORBIDDEN");
    expect(res.errors?.[0]?.message).toMatch(/withdrew/);
    await server.db.update(organizations).set({ withdrawnOn: null }).where(eq(organizations.id, cast.otherOrg.id));
  });
});

describe("updateBuyerRequest", () => {
  it("edits a DRAFT and an OPEN request before its deadline; bumps the version", async () => {
    const draft = await buildRequest(server.db, cast, { state: "DRAFT", openedAt: null });
    const res = await send(cast.buyer, UPDATE, { i: updateInput(draft, { title: "New title", wholeMetroArea: true }) });
    expect(res.errors).toBeUndefined();
    expect(res.data?.updateBuyerRequest).toMatchObject({
      title: "New title",
      version: 2,
      wholeMetroArea: true,
      areaCodes: [],
    });
    const open = await buildRequest(server.db, cast);
    const again = await send(cast.buyer, UPDATE, { i: updateInput(open, { title: "Still open" }) });
    expect(again.data?.updateBuyerRequest).toMatchObject({ state: "OPEN", title: "Still open" });
  });

  it("refuses login, role, another's draft, input, stale version and state, changing nothing", async () => {
    const draft = await buildRequest(server.db, cast, { state: "DRAFT", openedAt: null });
    const i = updateInput(draft, { title: "x" });
    await refused(server.db, draft.id, () => send(undefined, UPDATE, { i }), "UNAUTHENTICATED");
    await refused(server.db, draft.id, () => send(cast.buyerMember, UPDATE, { i }), "FORBIDDEN");
    await refused(server.db, draft.id, () => send(cast.supplier, UPDATE, { i }), "NOT_FOUND");
    await refused(
      server.db,
      draft.id,
      () => send(cast.buyer, UPDATE, { i: { ...i, title: "" } }),
      "BAD_USER_INPUT",
      "title",
    );
    const stale = await refused(
      server.db,
      draft.id,
      () => send(cast.buyer, UPDATE, { i: { ...i, version: 7 } }),
      "CONFLICT",
    );
    expect(stale.errors?.[0]?.extensions?.current).toEqual({ state: "DRAFT", version: 1 });
    const awarded = await buildRequest(server.db, cast, { state: "AWARDED" });
    await refused(server.db, awarded.id, () => send(cast.buyer, UPDATE, { i: updateInput(awarded) }), "CONFLICT");
    const past = await buildRequest(server.db, cast, { deadlineAt: new Date(NOW.getTime() - DAY) });
    await refused(server.db, past.id, () => send(cast.buyer, UPDATE, { i: updateInput(past) }), "CONFLICT");
  });
});

describe("openBuyerRequest", () => {
  it("opens a draft, records the step and tells the matching suppliers' representatives", async () => {
    const draft = await buildRequest(server.db, cast, { state: "DRAFT", openedAt: null });
    const res = await send(cast.buyer, OPEN, { id: draft.id, v: draft.version });
    expect(res.errors).toBeUndefined();
    expect(res.data?.openBuyerRequest).toMatchObject({ state: "OPEN", version: 2, openedAt: NOW.toISOString() });
    const steps = await server.db
      .select()
      .from(buyerRequestTransitions)
      .where(eq(buyerRequestTransitions.requestId, draft.id))
      .orderBy(asc(buyerRequestTransitions.createdAt));
    expect(steps.map((s) => s.toState)).toEqual(["OPEN"]);
    const told = await notificationsOf(server.db, cast.supplier.id);
    expect(told.filter((n) => n.buyerRequestId === draft.id).map((n) => n.kind)).toEqual(["SUPPLIER_MATCHED"]);
    // The rival offers 90911000 (narrower) over the whole area: it matches too; the member is not told.
    expect((await notificationsOf(server.db, cast.rival.id)).some((n) => n.buyerRequestId === draft.id)).toBe(true);
    expect((await notificationsOf(server.db, cast.supplierMember.id)).some((n) => n.buyerRequestId === draft.id)).toBe(
      false,
    );
  });

  it("refuses a past deadline (BAD_USER_INPUT deadlineAt), the wrong state, a stale version, others", async () => {
    const draft = await buildRequest(server.db, cast, { state: "DRAFT", openedAt: null });
    await refused(server.db, draft.id, () => send(undefined, OPEN, { id: draft.id, v: 1 }), "UNAUTHENTICATED");
    await refused(server.db, draft.id, () => send(cast.buyerMember, OPEN, { id: draft.id, v: 1 }), "FORBIDDEN");
    await refused(server.db, draft.id, () => send(cast.stranger, OPEN, { id: draft.id, v: 1 }), "NOT_FOUND");
    await refused(server.db, draft.id, () => send(cast.buyer, OPEN, { id: draft.id, v: 2 }), "CONFLICT");
    clock.now = new Date(NOW.getTime() + 8 * DAY);
    try {
      await refused(
        server.db,
        draft.id,
        () => send(cast.buyer, OPEN, { id: draft.id, v: 1 }),
        "BAD_USER_INPUT",
        "deadlineAt",
      );
    } finally {
      clock.now = NOW;
    }
    const open = await buildRequest(server.db, cast);
    await refused(server.db, open.id, () => send(cast.buyer, OPEN, { id: open.id, v: 1 }), "CONFLICT");
  });
});

describe("shortlisting, award and close", () => {
  it("OPEN → SHORTLISTING → AWARDED: the winner AWARDED, the others NOT_SELECTED, each supplier told", async () => {
    const r = await buildRequest(server.db, cast);
    const mine = await buildAnswer(server.db, r, cast.supplierOrg, cast.supplier);
    const theirs = await buildAnswer(server.db, r, cast.rivalOrg, cast.rival);
    const s = await send(cast.buyer, SHORTLISTING, { id: r.id, v: 1 });
    expect(s.data?.startShortlisting).toMatchObject({ state: "SHORTLISTING", version: 2, viewerCanDecide: true });
    const a = await send(cast.buyer, AWARD, {
      i: { id: r.id, version: 2, answerId: mine.id, amount: 8500, outcomeNote: "Best social value" },
    });
    expect(a.errors).toBeUndefined();
    expect(a.data?.awardBuyerRequest).toMatchObject({
      state: "AWARDED",
      awardedAmount: 8500,
      outcomeNote: "Best social value",
      awardedSupplier: { id: cast.supplierOrg.id },
    });
    const read = await send(cast.buyer, READ, { id: r.id });
    expect(read.data?.buyerRequest).toMatchObject({
      cpvCodes: [{ code: "90910000" }],
      area: [{ code: "001272", name: "Torino" }],
    });
    const statuses = Object.fromEntries(
      read.data?.buyerRequest.answers.map((x: { id: string; status: string }) => [x.id, x.status]),
    );
    expect(statuses).toEqual({ [mine.id]: "AWARDED", [theirs.id]: "NOT_SELECTED" });
    for (const u of [cast.supplier, cast.rival]) {
      const told = (await notificationsOf(server.db, u.id)).filter((n) => n.buyerRequestId === r.id);
      expect(told.map((n) => n.kind)).toEqual(["BUYER_REQUEST_DECIDED"]);
    }
    const steps = await server.db
      .select()
      .from(buyerRequestTransitions)
      .where(eq(buyerRequestTransitions.requestId, r.id));
    expect(steps.map((x) => x.toState).sort()).toEqual(["AWARDED", "SHORTLISTING"]);
  });

  it("startShortlisting refuses login, role, a stale version, the wrong state, changing nothing", async () => {
    const r = await buildRequest(server.db, cast);
    await refused(server.db, r.id, () => send(undefined, SHORTLISTING, { id: r.id, v: 1 }), "UNAUTHENTICATED");
    await refused(server.db, r.id, () => send(cast.buyerMember, SHORTLISTING, { id: r.id, v: 1 }), "FORBIDDEN");
    await refused(server.db, r.id, () => send(cast.supplier, SHORTLISTING, { id: r.id, v: 1 }), "FORBIDDEN");
    await refused(server.db, r.id, () => send(cast.buyer, SHORTLISTING, { id: r.id, v: 2 }), "CONFLICT");
    await refused(server.db, r.id, () => send(cast.buyer, SHORTLISTING, { id: "nope", v: 1 }), "NOT_FOUND");
    const draft = await buildRequest(server.db, cast, { state: "DRAFT" });
    await refused(server.db, draft.id, () => send(cast.buyer, SHORTLISTING, { id: draft.id, v: 1 }), "CONFLICT");
  });

  it("award refuses a negative amount, another request's or a withdrawn answer, the wrong state, a stale version", async () => {
    const r = await buildRequest(server.db, cast);
    const other = await buildRequest(server.db, cast);
    const a = await buildAnswer(server.db, r, cast.supplierOrg, cast.supplier);
    const w = await buildAnswer(server.db, r, cast.rivalOrg, cast.rival, { status: "WITHDRAWN" });
    const elsewhere = await buildAnswer(server.db, other, cast.supplierOrg, cast.supplier);
    const i = { id: r.id, version: 1, answerId: a.id, amount: 100 };
    await refused(server.db, r.id, () => send(undefined, AWARD, { i }), "UNAUTHENTICATED");
    await refused(server.db, r.id, () => send(cast.buyerMember, AWARD, { i }), "FORBIDDEN");
    await refused(server.db, r.id, () => send(cast.supplier, AWARD, { i }), "FORBIDDEN");
    await refused(
      server.db,
      r.id,
      () => send(cast.buyer, AWARD, { i: { ...i, amount: -1 } }),
      "BAD_USER_INPUT",
      "amount",
    );
    await refused(
      server.db,
      r.id,
      () => send(cast.buyer, AWARD, { i: { ...i, answerId: w.id } }),
      "BAD_USER_INPUT",
      "answerId",
    );
    await refused(
      server.db,
      r.id,
      () => send(cast.buyer, AWARD, { i: { ...i, answerId: elsewhere.id } }),
      "BAD_USER_INPUT",
      "answerId",
    );
    await refused(server.db, r.id, () => send(cast.buyer, AWARD, { i: { ...i, version: 3 } }), "CONFLICT");
    const draft = await buildRequest(server.db, cast, { state: "DRAFT" });
    await refused(server.db, draft.id, () => send(cast.buyer, AWARD, { i: { ...i, id: draft.id } }), "CONFLICT");
  });

  it("close needs a reason; closes OPEN or SHORTLISTING; answers NOT_SELECTED", async () => {
    const r = await buildRequest(server.db, cast);
    const a = await buildAnswer(server.db, r, cast.supplierOrg, cast.supplier);
    await refused(
      server.db,
      r.id,
      () => send(cast.buyer, CLOSE, { i: { id: r.id, version: 1, outcomeNote: " " } }),
      "BAD_USER_INPUT",
      "outcomeNote",
    );
    await refused(
      server.db,
      r.id,
      () => send(cast.rival, CLOSE, { i: { id: r.id, version: 1, outcomeNote: "No" } }),
      "FORBIDDEN",
    );
    const res = await send(cast.buyer, CLOSE, { i: { id: r.id, version: 1, outcomeNote: "Budget cut" } });
    expect(res.data?.closeBuyerRequest).toMatchObject({
      state: "CLOSED",
      outcomeNote: "Budget cut",
      viewerCanDecide: false,
    });
    expect(res.data?.closeBuyerRequest.closedAt).toBe(NOW.toISOString());
    const read = await send(cast.supplier, READ, { id: r.id });
    expect(read.data?.buyerRequest.viewerAnswer).toEqual({ id: a.id, status: "NOT_SELECTED" });
    await refused(
      server.db,
      r.id,
      () => send(cast.buyer, CLOSE, { i: { id: r.id, version: 2, outcomeNote: "Again" } }),
      "CONFLICT",
    );
    await refused(server.db, r.id, () => send(cast.buyer, SHORTLISTING, { id: r.id, v: 2 }), "CONFLICT");
  });
});
