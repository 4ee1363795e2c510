import { describe, expect, it } from "vitest";
import { errorCode } from "../client.js";
import { addMember, buildCommunity, buildThread, buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { as, auditRows, buildAdmin, refusedUnchanged } from "./support.js";

const server = useTestServer();
const request = (...args: Parameters<ReturnType<typeof as>>) => as(server.url)(...args);

const FIELDS =
  "id slug name nameIt nameEn tagline taglineIt taglineEn description descriptionIt descriptionEn color visibility joinPolicy archived updatedAt";
const CREATE = `mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateCommunityInput!) { updateCommunity(input: $input) { ${FIELDS} } }`;
const ARCHIVE = `mutation($id: ID!) { archiveCommunity(communityId: $id) { id archived } }`;
const UNARCHIVE = `mutation($id: ID!) { unarchiveCommunity(communityId: $id) { id archived } }`;
const LIST = `{ adminCommunities { id slug archived } }`;

const slug = () => `community-${Math.random().toString(36).slice(2, 8)}`;
const input = (overrides: Record<string, unknown> = {}) => ({
  slug: slug(),
  nameIt: "Rigenerazione urbana",
  nameEn: "Urban Regeneration",
  taglineIt: "Spazi dismessi restituiti alla città",
  taglineEn: "Disused spaces given back to the city",
  descriptionIt: "Chi riusa edifici e aree.",
  descriptionEn: "Who reuses buildings and land.",
  color: "#7a3e9d",
  visibility: "PUBLIC",
  joinPolicy: "APPROVAL",
  ...overrides,
});

describe("createCommunity", () => {
  it("an admin creates a community in both languages; it is audited", async () => {
    const admin = await buildAdmin(server.db);
    const res = await request(admin, CREATE, { input: input({ slug: "urban-regeneration" }) });
    expect(res.errors).toBeUndefined();
    const created = res.data?.createCommunity;
    expect(created).toMatchObject({
      slug: "urban-regeneration",
      nameIt: "Rigenerazione urbana",
      nameEn: "Urban Regeneration",
      color: "#7a3e9d",
      joinPolicy: "APPROVAL",
      archived: false,
    });
    const entry = (await auditRows(server.db)).find((e) => e.targetId === created.id);
    expect(entry).toMatchObject({
      actorId: admin.id,
      action: "community.create",
      targetKind: "community",
      before: null,
    });
    expect(entry?.after).toMatchObject({
      slug: "urban-regeneration",
      nameIt: "Rigenerazione urbana",
      name: "Urban Regeneration",
    });
  });

  it("refuses the anonymous (UNAUTHENTICATED) and non-admins, even facilitators (FORBIDDEN), creating nothing", async () => {
    const community = await buildCommunity(server.db);
    const facilitator = await buildUser(server.db);
    await addMember(server.db, community, facilitator, "FACILITATOR");
    await refusedUnchanged(
      server.db,
      ["communities"],
      () => request(undefined, CREATE, { input: input() }),
      "UNAUTHENTICATED",
    );
    await refusedUnchanged(
      server.db,
      ["communities"],
      () => request(facilitator, CREATE, { input: input() }),
      "FORBIDDEN",
    );
  });

  it.each([
    ["slug", { slug: "Not A Slug" }],
    ["slug", { slug: "a" }],
    ["nameIt", { nameIt: "   " }],
    ["nameEn", { nameEn: "x".repeat(81) }],
    ["color", { color: "red" }],
    ["taglineEn", { taglineEn: "x".repeat(161) }],
  ])("refuses invalid input on %s with BAD_USER_INPUT, creating nothing", async (field, bad) => {
    const admin = await buildAdmin(server.db);
    await refusedUnchanged(
      server.db,
      ["communities"],
      () => request(admin, CREATE, { input: input(bad) }),
      "BAD_USER_INPUT",
      field,
    );
  });

  it("refuses a slug already in use (BAD_USER_INPUT on slug)", async () => {
    const admin = await buildAdmin(server.db);
    const existing = await buildCommunity(server.db);
    await refusedUnchanged(
      server.db,
      ["communities"],
      () => request(admin, CREATE, { input: input({ slug: existing.slug }) }),
      "BAD_USER_INPUT",
      "slug",
    );
  });
});

describe("updateCommunity", () => {
  it("saves an edit made from the current version, with before and after in the audit log", async () => {
    const admin = await buildAdmin(server.db);
    const created = (await request(admin, CREATE, { input: input() })).data?.createCommunity;
    const res = await request(admin, UPDATE, {
      input: {
        ...input({ slug: created.slug, nameIt: "Rigenerazione", visibility: "MEMBERS" }),
        id: created.id,
        expectedUpdatedAt: created.updatedAt,
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.updateCommunity).toMatchObject({ nameIt: "Rigenerazione", visibility: "MEMBERS" });
    const entry = (await auditRows(server.db)).find(
      (e) => e.targetId === created.id && e.action === "community.update",
    );
    expect(entry?.before).toMatchObject({ nameIt: "Rigenerazione urbana", visibility: "PUBLIC" });
    expect(entry?.after).toMatchObject({ nameIt: "Rigenerazione", visibility: "MEMBERS" });
  });

  it("refuses a stale version with CONFLICT carrying the current community, changing nothing", async () => {
    const admin = await buildAdmin(server.db);
    const created = (await request(admin, CREATE, { input: input() })).data?.createCommunity;
    const first = await request(admin, UPDATE, {
      input: {
        ...input({ slug: created.slug, nameEn: "First save" }),
        id: created.id,
        expectedUpdatedAt: created.updatedAt,
      },
    });
    expect(first.errors).toBeUndefined();
    const res = await refusedUnchanged(
      server.db,
      ["communities"],
      () =>
        request(admin, UPDATE, {
          input: {
            ...input({ slug: created.slug, nameEn: "Second save" }),
            id: created.id,
            expectedUpdatedAt: created.updatedAt,
          },
        }),
      "CONFLICT",
    );
    expect(res.errors?.[0]?.extensions?.current).toMatchObject({ community: { name: "First save" } });
  });

  it("refuses the anonymous, non-admins, a taken slug and an unknown community", async () => {
    const admin = await buildAdmin(server.db);
    const user = await buildUser(server.db);
    const other = await buildCommunity(server.db);
    const created = (await request(admin, CREATE, { input: input() })).data?.createCommunity;
    const edit = (overrides: Record<string, unknown> = {}) => ({
      input: { ...input({ slug: created.slug }), id: created.id, expectedUpdatedAt: created.updatedAt, ...overrides },
    });
    await refusedUnchanged(server.db, ["communities"], () => request(undefined, UPDATE, edit()), "UNAUTHENTICATED");
    await refusedUnchanged(server.db, ["communities"], () => request(user, UPDATE, edit()), "FORBIDDEN");
    await refusedUnchanged(
      server.db,
      ["communities"],
      () => request(admin, UPDATE, edit({ slug: other.slug })),
      "BAD_USER_INPUT",
      "slug",
    );
    await refusedUnchanged(
      server.db,
      ["communities"],
      () => request(admin, UPDATE, edit({ id: "00000000-0000-4000-8000-000000000000" })),
      "NOT_FOUND",
    );
  });
});

describe("archiving", () => {
  it("an archived community is off the home page, listed for admins, read-only for its members, and can be restored", async () => {
    const admin = await buildAdmin(server.db);
    const community = await buildCommunity(server.db);
    const member = await buildUser(server.db);
    const outsider = await buildUser(server.db);
    await addMember(server.db, community, member);
    const thread = await buildThread(server.db, community, member);

    const archived = await request(admin, ARCHIVE, { id: community.id });
    expect(archived.data?.archiveCommunity).toEqual({ id: community.id, archived: true });

    const home = await request(member, `{ communities { id } }`);
    expect(home.data?.communities.map((c: { id: string }) => c.id)).not.toContain(community.id);
    const adminList = await request(admin, LIST);
    expect(adminList.data?.adminCommunities).toContainEqual({ id: community.id, slug: community.slug, archived: true });
    // Still readable.
    const page = await request(member, `query($slug: String!) { community(slug: $slug) { id archived } }`, {
      slug: community.slug,
    });
    expect(page.data?.community).toEqual({ id: community.id, archived: true });

    // Writes are refused with FORBIDDEN, and the viewerCan fields agree.
    await refusedUnchanged(
      server.db,
      ["threads"],
      () =>
        request(
          member,
          `mutation($c: ID!) { createThread(input: { communityId: $c, title: "New", body: "Words" }) { id } }`,
          {
            c: community.id,
          },
        ),
      "FORBIDDEN",
    );
    await refusedUnchanged(
      server.db,
      ["posts"],
      () =>
        request(member, `mutation($t: ID!) { addPost(input: { threadId: $t, body: "A reply" }) { id } }`, {
          t: thread.id,
        }),
      "FORBIDDEN",
    );
    await refusedUnchanged(
      server.db,
      ["community_memberships"],
      () => request(outsider, `mutation($c: ID!) { joinCommunity(communityId: $c) { id } }`, { c: community.id }),
      "FORBIDDEN",
    );
    const can = await request(member, `query($t: ID!) { thread(id: $t) { viewerCanReply } }`, { t: thread.id });
    expect(can.data?.thread.viewerCanReply).toBe(false);

    // Wrong state: archiving twice.
    await refusedUnchanged(server.db, ["communities"], () => request(admin, ARCHIVE, { id: community.id }), "CONFLICT");

    const restored = await request(admin, UNARCHIVE, { id: community.id });
    expect(restored.data?.unarchiveCommunity).toEqual({ id: community.id, archived: false });
    const reply = await request(
      member,
      `mutation($t: ID!) { addPost(input: { threadId: $t, body: "Back again" }) { id } }`,
      {
        t: thread.id,
      },
    );
    expect(reply.errors).toBeUndefined();
    const actions = (await auditRows(server.db)).filter((e) => e.targetId === community.id).map((e) => e.action);
    expect(actions).toEqual(["community.archive", "community.unarchive"]);
  });

  it("refuses the anonymous, non-admins and unarchiving an active community, changing nothing", async () => {
    const admin = await buildAdmin(server.db);
    const user = await buildUser(server.db);
    const community = await buildCommunity(server.db);
    await refusedUnchanged(
      server.db,
      ["communities"],
      () => request(undefined, ARCHIVE, { id: community.id }),
      "UNAUTHENTICATED",
    );
    await refusedUnchanged(server.db, ["communities"], () => request(user, ARCHIVE, { id: community.id }), "FORBIDDEN");
    await refusedUnchanged(
      server.db,
      ["communities"],
      () => request(admin, UNARCHIVE, { id: community.id }),
      "CONFLICT",
    );
    await refusedUnchanged(server.db, ["communities"], () => request(admin, ARCHIVE, { id: "nope" }), "NOT_FOUND");
  });
});

describe("adminCommunities and facilitators", () => {
  it("nothing of the admin list reaches others", async () => {
    const user = await buildUser(server.db);
    expect(errorCode(await request(undefined, LIST))).toBe("UNAUTHENTICATED");
    const res = await request(user, LIST);
    expect(errorCode(res)).toBe("FORBIDDEN");
    expect(res.data).toBeNull();
  });

  it("appointing and stepping down a facilitator (setMembershipRole) is audited", async () => {
    const admin = await buildAdmin(server.db);
    const community = await buildCommunity(server.db);
    const [first, second] = [await buildUser(server.db), await buildUser(server.db)];
    await addMember(server.db, community, first, "FACILITATOR");
    const m = await addMember(server.db, community, second);
    const SET = `mutation($m: ID!, $r: MembershipRole!) { setMembershipRole(membershipId: $m, role: $r) { role } }`;
    expect((await request(admin, SET, { m: m.id, r: "FACILITATOR" })).data?.setMembershipRole.role).toBe("FACILITATOR");
    expect((await request(admin, SET, { m: m.id, r: "MEMBER" })).data?.setMembershipRole.role).toBe("MEMBER");
    await refusedUnchanged(
      server.db,
      ["community_memberships"],
      () => request(second, SET, { m: m.id, r: "FACILITATOR" }),
      "FORBIDDEN",
    );
    // Removing a facilitator is for admins only: recorded too.
    await request(admin, SET, { m: m.id, r: "FACILITATOR" });
    const removed = await request(admin, `mutation($m: ID!) { removeMember(membershipId: $m) }`, { m: m.id });
    expect(removed.data?.removeMember).toBe(true);
    const entries = (await auditRows(server.db)).filter((e) => e.targetId === community.id);
    expect(entries.map((e) => [e.action, e.after ?? e.before])).toEqual([
      ["community.appoint_facilitator", { userId: second.id, role: "FACILITATOR" }],
      ["community.step_down_facilitator", { userId: second.id, role: "MEMBER" }],
      ["community.appoint_facilitator", { userId: second.id, role: "FACILITATOR" }],
      ["community.remove_member", { userId: second.id, role: "FACILITATOR", status: "ACTIVE" }],
    ]);
  });
});

describe("slug races", () => {
  it.runIf(process.env.TEST_DB === "postgres")(
    "two admins giving two communities the same new slug at once: one saves, the other is BAD_USER_INPUT on slug",
    async () => {
      const admin = await buildAdmin(server.db);
      const [a, b] = [
        (await request(admin, CREATE, { input: input() })).data?.createCommunity,
        (await request(admin, CREATE, { input: input() })).data?.createCommunity,
      ];
      const target = slug();
      const edit = (c: { id: string; updatedAt: string }) =>
        request(admin, UPDATE, { input: { ...input({ slug: target }), id: c.id, expectedUpdatedAt: c.updatedAt } });
      const results = await Promise.all([edit(a), edit(b)]);
      const codes = results.map((r) => errorCode(r) ?? "OK").sort();
      expect(codes).toEqual(["BAD_USER_INPUT", "OK"]);
      expect(results.find((r) => r.errors)?.errors?.[0]?.extensions?.field).toBe("slug");
    },
  );
});
