import { communityMemberships, threads } from "@pratica/db";
import { sql } from "drizzle-orm";
import { type GraphQLFieldResolver, type GraphQLResolveInfo, getNamedType, isObjectType } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import type { Context } from "../../core/context.js";
import { DomainError } from "../../core/errors.js";
import { OPEN_TO_UNCONFIRMED } from "../../core/open-to-unconfirmed.js";
import { createSchema } from "../../schema.js";
import { errorCode, gql } from "../client.js";
import { addMember, buildCommunity, buildThread, buildUser, confirmEmailOf, type TestUser } from "../factories.js";
import { useTestServer } from "../fixture.js";

const JOIN = `mutation($id: ID!) { joinCommunity(communityId: $id) { id } }`;
const CREATE_THREAD = `mutation($i: CreateThreadInput!) { createThread(input: $i) { id } }`;
const COMMUNITY = `query($slug: String!) { community(slug: $slug) { viewerCanRead viewerCanCreateThread viewerCanProposeResource } }`;
const PROFILE = `mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { bio } }`;
const MARK_READ = `mutation($id: ID!) { markThreadRead(threadId: $id) { id } }`;

// What an account may do before confirming its address; everything else writes.
const OPEN_MUTATIONS = [
  // The invitation's link proves the address; accepting confirms it (docs/administration.md).
  "acceptInvitation",
  "changeEmail",
  "changePassword",
  "confirmEmail",
  "confirmEmailChange",
  "deleteAccount",
  "login",
  "logout",
  "markAllNotificationsRead",
  "markNotificationRead",
  "markThreadRead",
  "register",
  "requestPasswordReset",
  "resendEmailConfirmation",
  "resetPassword",
  "revokeSession",
  // Choosing what one hears writes no content (docs/notifications.md).
  "setWatchLevel",
  "updateNotificationSettings",
  "updateProfile",
];

const server = useTestServer();
let community: Awaited<ReturnType<typeof buildCommunity>>;
let unconfirmed: TestUser;
beforeAll(async () => {
  community = await buildCommunity(server.db);
  unconfirmed = await buildUser(server.db, { emailVerifiedAt: null });
});

const count = async (table: typeof threads | typeof communityMemberships) =>
  (await server.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;

describe("an unconfirmed account reads but does not write", () => {
  it("is refused joining a community: FORBIDDEN, reason EMAIL_NOT_VERIFIED, nothing joined", async () => {
    const before = await count(communityMemberships);
    const res = await gql(server.url, JOIN, { id: community.id }, { token: unconfirmed.token });
    expect(errorCode(res)).toBe("FORBIDDEN");
    expect(res.errors?.[0]?.extensions?.reason).toBe("EMAIL_NOT_VERIFIED");
    expect(res.errors?.[0]?.message).toMatch(/Confirm your email address/);
    expect(await count(communityMemberships)).toBe(before);
  });

  it("as a member, is refused a new thread, and its viewerCan fields say so (reading stays true)", async () => {
    const member = await buildUser(server.db, { emailVerifiedAt: null });
    await addMember(server.db, community, member);
    const before = await count(threads);
    const res = await gql(
      server.url,
      CREATE_THREAD,
      { i: { communityId: community.id, title: "A first question", body: "Hello" } },
      { token: member.token },
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "EMAIL_NOT_VERIFIED" });
    expect(await count(threads)).toBe(before);
    const seen = await gql(server.url, COMMUNITY, { slug: community.slug }, { token: member.token });
    expect(seen.data?.community).toEqual({
      viewerCanRead: true,
      viewerCanCreateThread: false,
      viewerCanProposeResource: false,
    });

    // Confirmed, the same account writes, and the fields agree.
    await confirmEmailOf(server.db, member.id);
    const after = await gql(server.url, COMMUNITY, { slug: community.slug }, { token: member.token });
    expect(after.data?.community).toMatchObject({ viewerCanCreateThread: true, viewerCanProposeResource: true });
    const created = await gql(
      server.url,
      CREATE_THREAD,
      { i: { communityId: community.id, title: "A first question", body: "Hello" } },
      { token: member.token },
    );
    expect(created.errors).toBeUndefined();
  });

  it("still edits its profile and marks what it read", async () => {
    const res = await gql(server.url, PROFILE, { i: { bio: "Reading for now" } }, { token: unconfirmed.token });
    expect(res.data?.updateProfile.bio).toBe("Reading for now");
    const author = await buildUser(server.db);
    await addMember(server.db, community, author);
    const member = await buildUser(server.db, { emailVerifiedAt: null });
    await addMember(server.db, community, member);
    const thread = await buildThread(server.db, community, author);
    const marked = await gql(server.url, MARK_READ, { id: thread.id }, { token: member.token });
    expect(marked.errors).toBeUndefined();
  });

  it("leaves an anonymous caller to each mutation's own answer (UNAUTHENTICATED)", async () => {
    expect(errorCode(await gql(server.url, JOIN, { id: community.id }))).toBe("UNAUTHENTICATED");
  });
});

describe("the write gate covers the whole schema", () => {
  const unconfirmedViewer = { id: "u", role: "USER", sessionId: "s", verified: false } as const;
  const ctx = { viewer: unconfirmedViewer } as unknown as Context;
  const info = {} as GraphQLResolveInfo;

  it("refuses every mutation but the account ones before its resolver runs", async () => {
    const schema = await createSchema();
    const fields = Object.values(schema.getMutationType()?.getFields() ?? {});
    const open = fields.filter((f) => f.extensions?.[OPEN_TO_UNCONFIRMED] === true).map((f) => f.name);
    expect(open.sort()).toEqual(OPEN_MUTATIONS);
    for (const field of fields.filter((f) => !open.includes(f.name))) {
      const resolve = field.resolve as GraphQLFieldResolver<unknown, Context>;
      let refusal: unknown;
      try {
        await resolve(undefined, {}, ctx, info);
      } catch (error) {
        refusal = error;
      }
      expect(refusal, field.name).toBeInstanceOf(DomainError);
      expect((refusal as DomainError).details, field.name).toEqual({ reason: "EMAIL_NOT_VERIFIED" });
    }
  });

  it("answers false (or no organisations) for every viewerCan field but viewerCanRead", async () => {
    const schema = await createSchema();
    let gated = 0;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith("__") || type === schema.getMutationType()) continue;
      for (const field of Object.values(type.getFields())) {
        if (!field.name.startsWith("viewerCan")) continue;
        const resolve = field.resolve as GraphQLFieldResolver<unknown, Context>;
        if (field.name === "viewerCanRead") {
          expect(field.extensions?.[OPEN_TO_UNCONFIRMED]).toBe(true);
          continue;
        }
        const expected = getNamedType(field.type).name === "Boolean" ? false : [];
        expect(await resolve({}, {}, ctx, info), `${type.name}.${field.name}`).toEqual(expected);
        gated++;
      }
    }
    expect(gated).toBeGreaterThan(20);
  });
});
