import { organizations } from "@pratica/db";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCode } from "../client.js";
import { buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import {
  buildCall,
  buildCast,
  buildSearch,
  type Cast,
  CLOSE,
  PUBLISH,
  publishInput,
  READ,
  refused,
  request,
  UPDATE,
  WITHDRAW,
} from "./support.js";

const server = useTestServer();
const send = request(() => server.url);
let cast: Cast;
beforeAll(async () => {
  cast = await buildCast(server.db);
});

describe("publishPartnerSearch", () => {
  it("a representative publishes an OPEN search for their organisation; anyone reads it", async () => {
    const c = await buildCast(server.db);
    const res = await send(c.lead, PUBLISH, { i: publishInput(c, { countries: ["ES", "DE", "ES"] }) });
    expect(res.errors).toBeUndefined();
    const s = res.data?.publishPartnerSearch;
    expect(s).toMatchObject({ kind: "SEEKING", role: "PARTNER", status: "OPEN", version: 1, countries: ["ES", "DE"] });
    const read = await send(
      undefined,
      `query($id: ID!) { partnerSearch(id: $id) { id organization { id } author { id } interestCount viewerCanEdit viewerCanExpressInterest } }`,
      { id: s.id },
    );
    expect(read.data?.partnerSearch).toEqual({
      id: s.id,
      organization: { id: c.publisher.id },
      author: { id: c.lead.id },
      interestCount: 0,
      viewerCanEdit: false,
      viewerCanExpressInterest: false,
    });
    const mine = await send(c.lead2, READ, { id: s.id });
    expect(mine.data?.partnerSearch).toMatchObject({ viewerCanEdit: true, viewerCanExpressInterest: false });
    const other = await send(c.rep, READ, { id: s.id });
    expect(other.data?.partnerSearch).toMatchObject({ viewerCanEdit: false, viewerCanExpressInterest: true });
  });

  it("refuses: anonymous, a member (not representative), another org's representative, a withdrawn organisation", async () => {
    const c = await buildCast(server.db);
    await refused(server.db, c.call, () => send(undefined, PUBLISH, { i: publishInput(c) }), "UNAUTHENTICATED");
    const byMember = await refused(
      server.db,
      c.call,
      () => send(c.colleague, PUBLISH, { i: publishInput(c) }),
      "FORBIDDEN",
    );
    expect(byMember.errors?.[0]?.message).toBe("You do not represent this organisation.");
    await refused(server.db, c.call, () => send(c.rep, PUBLISH, { i: publishInput(c) }), "FORBIDDEN");
    await refused(server.db, c.call, () => send(c.admin, PUBLISH, { i: publishInput(c) }), "FORBIDDEN");
    await refused(
      server.db,
      c.call,
      // An organisation that does not exist is one the viewer does not represent.
      () => send(c.lead, PUBLISH, { i: publishInput(c, { organizationId: "00000000-0000-4000-8000-000000000000" }) }),
      "FORBIDDEN",
    );
    await server.db
      .update(organizations)
      .set({ withdrawnOn: "2026-01-01" })
      .where(eq(organizations.id, c.publisher.id));
    const gone = await refused(server.db, c.call, () => send(c.lead, PUBLISH, { i: publishInput(c) }), "FORBIDDEN");
    expect(gone.errors?.[0]?.message).toMatch(/withdrew/);
  });

  it("refuses invalid input naming the field, and changes nothing", async () => {
    const field = async (more: Record<string, unknown>) => {
      const res = await refused(
        server.db,
        cast.call,
        () => send(cast.lead, PUBLISH, { i: publishInput(cast, more) }),
        "BAD_USER_INPUT",
      );
      return res.errors?.[0]?.extensions?.field;
    };
    expect(await field({ expertise: "   " })).toBe("expertise");
    expect(await field({ expertise: "x".repeat(2001) })).toBe("expertise");
    expect(await field({ countries: ["es"] })).toBe("countries.0");
    expect(await field({ countries: ["US"] })).toBe("countries.0");
    expect(await field({ countries: Array(41).fill("IT") })).toBe("countries");
    expect(await field({ description: "x".repeat(10_001) })).toBe("description");
  });

  it("a missing call is NOT_FOUND; a CLOSED or archived call takes no search (CONFLICT)", async () => {
    const c = await buildCast(server.db);
    const missing = await send(c.lead, PUBLISH, {
      i: publishInput(c, { callId: "00000000-0000-4000-8000-000000000000" }),
    });
    expect(errorCode(missing)).toBe("NOT_FOUND");
    const closed = await buildCall(server.db, { status: "CLOSED" });
    await refused(
      server.db,
      closed,
      () => send(c.lead, PUBLISH, { i: publishInput(c, { callId: closed.id }) }),
      "CONFLICT",
    );
    const archived = await buildCall(server.db, { archivedAt: new Date() });
    await refused(
      server.db,
      archived,
      () => send(c.lead, PUBLISH, { i: publishInput(c, { callId: archived.id }) }),
      "CONFLICT",
    );
  });

  it("one OPEN search per (call, organisation, kind): a second is CONFLICT; OFFERING is another kind", async () => {
    const c = await buildCast(server.db);
    expect((await send(c.lead, PUBLISH, { i: publishInput(c) })).errors).toBeUndefined();
    await refused(server.db, c.call, () => send(c.lead2, PUBLISH, { i: publishInput(c) }), "CONFLICT");
    expect(
      (await send(c.lead, PUBLISH, { i: publishInput(c, { kind: "OFFERING", role: "LEAD" }) })).errors,
    ).toBeUndefined();
  });
});

describe("updatePartnerSearch, closePartnerSearch, withdrawPartnerSearch", () => {
  it("the publisher's representatives edit an OPEN search with its version; only given fields change", async () => {
    const c = await buildCast(server.db);
    const s = await buildSearch(server.db, c);
    const res = await send(c.lead2, UPDATE, { i: { id: s.id, version: 1, countries: ["FR"], role: "ASSOCIATED" } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.updatePartnerSearch).toMatchObject({
      countries: ["FR"],
      role: "ASSOCIATED",
      expertise: "Youth work",
      version: 2,
    });
  });

  it("refuses: anonymous, a member, another organisation, bad input, a stale version, a closed search", async () => {
    const c = await buildCast(server.db);
    const s = await buildSearch(server.db, c);
    const input = { id: s.id, version: 1, expertise: "New" };
    await refused(server.db, c.call, () => send(undefined, UPDATE, { i: input }), "UNAUTHENTICATED");
    await refused(server.db, c.call, () => send(c.colleague, UPDATE, { i: input }), "FORBIDDEN");
    await refused(server.db, c.call, () => send(c.rep, UPDATE, { i: input }), "FORBIDDEN");
    await refused(server.db, c.call, () => send(c.lead, UPDATE, { i: { ...input, expertise: "" } }), "BAD_USER_INPUT");
    const stale = await refused(
      server.db,
      c.call,
      () => send(c.lead, UPDATE, { i: { ...input, version: 7 } }),
      "CONFLICT",
    );
    expect(stale.errors?.[0]?.extensions?.current).toEqual({ status: "OPEN", version: 1 });
    await refused(server.db, c.call, () => send(c.lead, CLOSE, { id: s.id, v: 7 }), "CONFLICT");
    await refused(server.db, c.call, () => send(c.rep, CLOSE, { id: s.id, v: 1 }), "FORBIDDEN");
    await refused(server.db, c.call, () => send(undefined, WITHDRAW, { id: s.id, v: 1 }), "UNAUTHENTICATED");
    await refused(server.db, c.call, () => send(c.lead, CLOSE, { id: "nope", v: 1 }), "NOT_FOUND");
    const closed = await send(c.lead, CLOSE, { id: s.id, v: 1 });
    expect(closed.data?.closePartnerSearch).toMatchObject({ status: "CLOSED", version: 2 });
    const wrong = await refused(
      server.db,
      c.call,
      () => send(c.lead, UPDATE, { i: { ...input, version: 2 } }),
      "CONFLICT",
    );
    expect(wrong.errors?.[0]?.extensions?.current).toEqual({ status: "CLOSED", version: 2 });
    await refused(server.db, c.call, () => send(c.lead, WITHDRAW, { id: s.id, v: 2 }), "CONFLICT");
  });

  it("a withdrawn search is NOT_FOUND to outsiders, word for word as a missing one, and off the call's list", async () => {
    const c = await buildCast(server.db);
    const s = await buildSearch(server.db, c);
    const w = await send(c.lead, WITHDRAW, { id: s.id, v: 1 });
    expect(w.data?.withdrawPartnerSearch).toMatchObject({ status: "WITHDRAWN", version: 2 });
    const outsider = await send(c.rep, READ, { id: s.id });
    const missing = await send(c.rep, READ, { id: "00000000-0000-4000-8000-000000000000" });
    expect(errorCode(outsider)).toBe("NOT_FOUND");
    expect(outsider.errors?.[0]?.message).toBe(missing.errors?.[0]?.message);
    expect(errorCode(await send(undefined, READ, { id: s.id }))).toBe("NOT_FOUND");
    expect((await send(c.colleague, READ, { id: s.id })).data?.partnerSearch).toMatchObject({ status: "WITHDRAWN" });
    // An outsider trying to change it learns nothing more either.
    expect(errorCode(await send(c.rep, CLOSE, { id: s.id, v: 2 }))).toBe("NOT_FOUND");
  });

  it("a withdrawn organisation's representative can no longer change its searches (FORBIDDEN)", async () => {
    const c = await buildCast(server.db);
    const s = await buildSearch(server.db, c);
    await server.db
      .update(organizations)
      .set({ withdrawnOn: "2026-01-01" })
      .where(eq(organizations.id, c.publisher.id));
    const res = await refused(server.db, c.call, () => send(c.lead, CLOSE, { id: s.id, v: 1 }), "FORBIDDEN");
    expect(res.errors?.[0]?.message).toMatch(/withdrew/);
    const u = await buildUser(server.db);
    await refused(server.db, c.call, () => send(u, CLOSE, { id: s.id, v: 1 }), "FORBIDDEN");
  });
});
