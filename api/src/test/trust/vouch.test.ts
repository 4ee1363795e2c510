import { auditLog, users } from "@pratica/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { errorCode, gql } from "../client.js";
import { addMember, buildCommunity, buildThread, buildUser, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { ADD_POST, buildNewMember, overHttp, postInput } from "./new-member.js";

const server = useTestServer();

const VOUCH = `mutation($id: ID!) { vouchForMember(userId: $id) { id trusted viewerCanVouch } }`;
const ABOUT = `query($slug: String!) { community(slug: $slug) { members(first: 50) { edges { node { user { id trusted viewerCanVouch } } } } } }`;

const vouch = (userId: string, token?: string) => gql(server.url, VOUCH, { id: userId }, { token });

async function cast() {
  const community = await buildCommunity(server.db);
  const elsewhere = await buildCommunity(server.db);
  const newcomer = await buildNewMember(server.db);
  const member = await buildUser(server.db);
  const facilitator = await buildUser(server.db);
  const otherFacilitator = await buildUser(server.db);
  const admin = await buildUser(server.db, { role: "ADMIN" });
  await addMember(server.db, community, newcomer);
  await addMember(server.db, community, member);
  await addMember(server.db, community, facilitator, "FACILITATOR");
  await addMember(server.db, elsewhere, otherFacilitator, "FACILITATOR");
  await addMember(server.db, elsewhere, newcomer, "MEMBER", "PENDING");
  return { community, newcomer, member, facilitator, otherFacilitator, admin };
}

const vouchedAt = async (user: TestUser) =>
  (await server.db.select({ at: users.vouchedAt }).from(users).where(eq(users.id, user.id)))[0]?.at ?? null;
const entries = async (user: TestUser) =>
  server.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetId, user.id), eq(auditLog.action, "user.vouch")));

describe("vouchForMember: who may", () => {
  it.each([
    ["nobody logged in", "UNAUTHENTICATED"],
    ["a member", "FORBIDDEN"],
    ["the new member themself", "FORBIDDEN"],
    ["a facilitator of a community where the newcomer is only pending", "FORBIDDEN"],
  ] as const)("%s: %s, and nothing changes", async (who, code) => {
    const c = await cast();
    const token = {
      "nobody logged in": undefined,
      "a member": c.member.token,
      "the new member themself": c.newcomer.token,
      "a facilitator of a community where the newcomer is only pending": c.otherFacilitator.token,
    }[who];
    const refused = await vouch(c.newcomer.id, token);
    expect(errorCode(refused)).toBe(code);
    expect(await vouchedAt(c.newcomer)).toBeNull();
    expect(await entries(c.newcomer)).toHaveLength(0);
  });

  it("an unknown or malformed user is NOT_FOUND", async () => {
    const c = await cast();
    expect(errorCode(await vouch("7d0f8a4e-1111-4c2b-9a55-3b0c8e1f2a77", c.facilitator.token))).toBe("NOT_FOUND");
    expect(errorCode(await vouch("nobody", c.facilitator.token))).toBe("NOT_FOUND");
  });

  it("a facilitator of the newcomer's community vouches: one audit entry, trusted at once, limits gone", async () => {
    const c = await cast();
    const done = await vouch(c.newcomer.id, c.facilitator.token);
    expect(done.errors).toBeUndefined();
    expect(done.data?.vouchForMember).toEqual({ id: c.newcomer.id, trusted: true, viewerCanVouch: false });
    const [entry, ...more] = await entries(c.newcomer);
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({ actorId: c.facilitator.id, targetKind: "user", before: { vouchedAt: null } });
    expect(entry?.after).toMatchObject({ vouchedBy: c.facilitator.id });
    const thread = await buildThread(server.db, c.community, c.member);
    const send = overHttp(server.url, c.newcomer.token).send;
    for (const n of [1, 2, 3, 4])
      expect((await send(ADD_POST, postInput(thread.id, `reply ${n}`))).errors).toBeUndefined();
  });

  it("vouching again, or for someone already trusted, is a CONFLICT that changes nothing", async () => {
    const c = await cast();
    expect((await vouch(c.newcomer.id, c.facilitator.token)).errors).toBeUndefined();
    const again = await vouch(c.newcomer.id, c.admin.token);
    expect(errorCode(again)).toBe("CONFLICT");
    expect(again.errors?.[0]?.extensions?.current).toMatchObject({ trusted: true });
    expect(errorCode(await vouch(c.member.id, c.facilitator.token))).toBe("CONFLICT");
    expect(await entries(c.newcomer)).toHaveLength(1);
  });

  it("an admin vouches for anyone, even someone in no community", async () => {
    const loner = await buildNewMember(server.db);
    const admin = await buildUser(server.db, { role: "ADMIN" });
    expect((await vouch(loner.id, admin.token)).data?.vouchForMember.trusted).toBe(true);
  });

  it("an unconfirmed facilitator cannot vouch (the write gate)", async () => {
    const c = await cast();
    const unconfirmed = await buildUser(server.db, { emailVerifiedAt: null });
    await addMember(server.db, c.community, unconfirmed, "FACILITATOR");
    expect(errorCode(await vouch(c.newcomer.id, unconfirmed.token))).toBe("FORBIDDEN");
    expect(await vouchedAt(c.newcomer)).toBeNull();
  });
});

describe("User.trusted and User.viewerCanVouch", () => {
  it("agree with the mutation, and tell nobody else whether someone is new", async () => {
    const c = await cast();
    const about = async (token: string | undefined) => {
      const res = await gql(server.url, ABOUT, { slug: c.community.slug }, { token });
      const nodes = res.data?.community.members.edges.map((e: { node: { user: unknown } }) => e.node.user) ?? [];
      return nodes.find((u: { id: string }) => u.id === c.newcomer.id) as
        | { trusted: boolean; viewerCanVouch: boolean }
        | undefined;
    };
    // Those who may vouch see the newcomer as new and may vouch; the newcomer sees themself as new.
    expect(await about(c.facilitator.token)).toEqual({ id: c.newcomer.id, trusted: false, viewerCanVouch: true });
    expect(await about(c.admin.token)).toEqual({ id: c.newcomer.id, trusted: false, viewerCanVouch: true });
    expect(await about(c.newcomer.token)).toMatchObject({ trusted: false, viewerCanVouch: false });
    // A fellow member learns nothing (false, as for a trusted member) and may not vouch.
    expect(await about(c.member.token)).toMatchObject({ trusted: false, viewerCanVouch: false });
    // Each answer matches what the mutation then does.
    expect(errorCode(await vouch(c.newcomer.id, c.member.token))).toBe("FORBIDDEN");
    expect((await vouch(c.newcomer.id, c.facilitator.token)).errors).toBeUndefined();
    expect(await about(c.facilitator.token)).toMatchObject({ trusted: true, viewerCanVouch: false });
    expect(await about(c.newcomer.token)).toMatchObject({ trusted: true, viewerCanVouch: false });
  });
});
