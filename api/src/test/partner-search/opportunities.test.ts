import { fundingCallFollows, organizations } from "@pratica/db";
import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { errorCode } from "../client.js";
import { useTestServer } from "../fixture.js";
import { buildCall, buildCast, buildSearch, EXPRESS, request } from "./support.js";

const server = useTestServer();
const send = request(() => server.url);

const MINE = `query($o: ID!) { myOpportunities(organizationId: $o) {
  organization { id } matchingCalls { id } followedCalls { id }
  searches { id status call { id } } interests { id search { id } } } }`;

describe("myOpportunities and the call's searches", () => {
  it("the organisation's people see its matching and followed calls, its searches and its interests", async () => {
    const c = await buildCast(server.db);
    await server.db
      .update(organizations)
      .set({ themes: ["youth-employment"] })
      .where(inArray(organizations.id, [c.partner.id]));
    const closed = await buildCall(server.db, { status: "CLOSED" });
    const other = await buildCall(server.db, { themes: ["circular-economy"] });
    await server.db.insert(fundingCallFollows).values({ userId: c.rep.id, callId: other.id });
    const own = await buildSearch(server.db, { ...c, publisher: c.partner }, { authorId: c.rep.id });
    const theirs = await buildSearch(server.db, c);
    const interest = await send(c.rep, EXPRESS, {
      i: { searchId: theirs.id, organizationId: c.partner.id, role: "LEAD" },
    });
    const res = await send(c.rep, MINE, { o: c.partner.id });
    expect(res.errors).toBeUndefined();
    const mine = res.data?.myOpportunities;
    const ids = (l: { id: string }[]) => l.map((x) => x.id);
    expect(mine.organization.id).toBe(c.partner.id);
    expect(ids(mine.matchingCalls)).toContain(c.call.id);
    expect(ids(mine.matchingCalls)).not.toContain(closed.id);
    expect(ids(mine.matchingCalls)).not.toContain(other.id);
    expect(ids(mine.followedCalls)).toEqual([other.id]);
    expect(mine.searches).toEqual([{ id: own.id, status: "OPEN", call: { id: c.call.id } }]);
    expect(mine.interests).toEqual([{ id: interest.data?.expressInterest.id, search: { id: theirs.id } }]);
    // A member (not representative) is one of its people too; the follows are the viewer's own.
    const colleague = await send(c.repColleague, MINE, { o: c.partner.id });
    expect(colleague.data?.myOpportunities.followedCalls).toEqual([]);
    expect(errorCode(await send(undefined, MINE, { o: c.partner.id }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await send(c.lead, MINE, { o: c.partner.id }))).toBe("FORBIDDEN");
    expect(errorCode(await send(c.admin, MINE, { o: c.partner.id }))).toBe("FORBIDDEN");
  });

  it("FundingCall.partnerSearches lists the OPEN ones, public", async () => {
    const c = await buildCast(server.db);
    const open = await buildSearch(server.db, c);
    await buildSearch(server.db, c, { kind: "OFFERING", status: "CLOSED" });
    await buildSearch(server.db, c, { kind: "OFFERING", status: "WITHDRAWN" });
    const res = await send(
      undefined,
      `query($id: ID!) { fundingCall(id: $id) { partnerSearches { id organization { id } } } }`,
      {
        id: c.call.id,
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.fundingCall.partnerSearches).toEqual([{ id: open.id, organization: { id: c.publisher.id } }]);
  });
});
