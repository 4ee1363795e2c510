import { communityMemberships } from "@pratica/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { errorCode, gql } from "../client.js";
import { useTestServer } from "../fixture.js";
import { buildCast, buildReportedPost, caseRow, DECIDE, reportPost } from "./support.js";

const server = useTestServer();
const JOIN = `mutation($id: ID!) { joinCommunity(communityId: $id) { id status suspendedUntil } }`;
const LEAVE = `mutation($id: ID!) { leaveCommunity(communityId: $id) }`;

describe("a community sanction outlives leaving", () => {
  it("a member suspended by a decision who leaves cannot join again until the sanction ends or is lifted", async () => {
    const cast = await buildCast(server.db);
    const post = await buildReportedPost(server.db, cast);
    const caseId = await reportPost(server, post.id, cast.reporter);
    const until = new Date(Date.now() + 3 * 24 * 3600 * 1000);
    const decided = await gql(
      server.url,
      DECIDE,
      {
        i: {
          caseId,
          action: "SUSPEND",
          reason: "Spam again",
          message: "Suspended for three days for spam.",
          until: until.toISOString(),
          expectedState: "OPEN",
        },
      },
      { token: cast.facilitator.token },
    );
    expect(decided.errors).toBeUndefined();
    const left = await gql(server.url, LEAVE, { id: cast.community.id }, { token: cast.author.token });
    expect(left.errors).toBeUndefined();
    const again = await gql(server.url, JOIN, { id: cast.community.id }, { token: cast.author.token });
    expect(errorCode(again)).toBe("FORBIDDEN");
    expect(again.errors?.[0]?.extensions).toMatchObject({ reason: "SUSPENDED", until: until.toISOString() });
    const rows = await server.db
      .select()
      .from(communityMemberships)
      .where(
        and(eq(communityMemberships.userId, cast.author.id), eq(communityMemberships.communityId, cast.community.id)),
      );
    expect(rows).toEqual([]);
    // Overturned on appeal by another moderator: the sanction is lifted, the door opens again.
    const appealed = await gql(
      server.url,
      `mutation($i: AppealInput!) { appealAction(input: $i) { id } }`,
      { i: { caseId, statement: "It was not spam." } },
      { token: cast.author.token },
    );
    expect(appealed.errors).toBeUndefined();
    const overturned = await gql(
      server.url,
      `mutation($i: DecideAppealInput!) { decideAppeal(input: $i) { id state } }`,
      {
        i: { caseId, decision: "OVERTURN", reason: "Not spam", message: "We were wrong.", expectedState: "APPEALED" },
      },
      { token: cast.facilitator2.token },
    );
    expect(overturned.errors).toBeUndefined();
    expect((await caseRow(server.db, caseId)).state).toBe("OVERTURNED");
    const back = await gql(server.url, JOIN, { id: cast.community.id }, { token: cast.author.token });
    expect(back.errors).toBeUndefined();
    expect(back.data?.joinCommunity).toMatchObject({ status: "ACTIVE", suspendedUntil: null });
  });
});
