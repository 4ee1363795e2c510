import { auditLog } from "@pratica/db";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { errorCode, type GqlResult } from "../client.js";
import { buildCommunity, buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { as, auditRows, buildAdmin } from "./support.js";

const server = useTestServer();
const request = (...args: Parameters<ReturnType<typeof as>>) => as(server.url)(...args);

const LOG = `query($first: Int, $after: String, $action: String, $targetId: ID) {
  adminAuditLog(first: $first, after: $after, action: $action, targetId: $targetId) {
    totalCount edges { cursor node { id action targetKind targetId actor { id displayName } before after createdAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const ARCHIVE = `mutation($id: ID!) { archiveCommunity(communityId: $id) { id } }`;
const UNARCHIVE = `mutation($id: ID!) { unarchiveCommunity(communityId: $id) { id } }`;

describe("adminAuditLog", () => {
  it("lists admin actions newest first, paged by keyset, filtered by target and action", async () => {
    const admin = await buildAdmin(server.db);
    const community = await buildCommunity(server.db);
    for (let i = 0; i < 3; i++) {
      expect((await request(admin, ARCHIVE, { id: community.id })).errors).toBeUndefined();
      expect((await request(admin, UNARCHIVE, { id: community.id })).errors).toBeUndefined();
    }
    const seen: { action: string; createdAt: string }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const res: GqlResult = await request(admin, LOG, { first: 4, after, targetId: community.id });
      expect(res.errors).toBeUndefined();
      expect(res.data?.adminAuditLog.totalCount).toBe(6);
      seen.push(
        ...(res.data?.adminAuditLog.edges ?? []).map((e: { node: { action: string; createdAt: string } }) => e.node),
      );
      if (!res.data?.adminAuditLog.pageInfo.hasNextPage) break;
      after = res.data?.adminAuditLog.pageInfo.endCursor;
    }
    expect(seen.map((e) => e.action)).toEqual([
      "community.unarchive",
      "community.archive",
      "community.unarchive",
      "community.archive",
      "community.unarchive",
      "community.archive",
    ]);
    expect(seen[0]).toMatchObject({ targetKind: "community", targetId: community.id, actor: { id: admin.id } });
    expect(seen[0]).toMatchObject({ before: { archivedAt: expect.any(String) }, after: { archivedAt: null } });

    const archives = await request(admin, LOG, { action: "community.archive", targetId: community.id });
    expect(archives.data?.adminAuditLog.totalCount).toBe(3);
  });

  it("nothing of it reaches others; bad arguments are BAD_USER_INPUT", async () => {
    const admin = await buildAdmin(server.db);
    const user = await buildUser(server.db);
    expect(errorCode(await request(undefined, LOG))).toBe("UNAUTHENTICATED");
    const res = await request(user, LOG);
    expect(errorCode(res)).toBe("FORBIDDEN");
    expect(res.data).toBeNull();
    expect((await request(admin, LOG, { after: "forged" })).errors?.[0]?.extensions?.field).toBe("after");
    expect((await request(admin, LOG, { targetId: "nope" })).errors?.[0]?.extensions?.field).toBe("targetId");
    expect((await request(admin, LOG, { first: 101 })).errors?.[0]?.extensions?.field).toBe("first");
  });

  it("is append-only: the database refuses UPDATE, DELETE and TRUNCATE", async () => {
    const admin = await buildAdmin(server.db);
    const community = await buildCommunity(server.db);
    await request(admin, ARCHIVE, { id: community.id });
    const before = await auditRows(server.db);
    const entry = before.find((e) => e.targetId === community.id);
    expect(entry).toBeDefined();
    await expect(
      server.db
        .update(auditLog)
        .set({ action: "forged" })
        .where(eq(auditLog.id, entry?.id ?? "")),
    ).rejects.toThrow();
    await expect(server.db.delete(auditLog).where(eq(auditLog.id, entry?.id ?? ""))).rejects.toThrow();
    await expect(server.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    expect(await auditRows(server.db)).toEqual(before);
  });
});
