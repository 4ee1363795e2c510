import { posts } from "@pratica/db";
import { describe, expect, it } from "vitest";
import { ACCOUNT_LIMITS } from "../../modules/account/account.guard.js";
import { EXPORT_FORMAT_VERSION } from "../../modules/account/account-export.service.js";
import { EXPORT_SECTIONS } from "../../modules/account/export-sections.js";
import { buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { memberWhoDidEverything } from "./cast.js";

const server = useTestServer();

// biome-ignore lint/suspicious/noExplicitAny: tests read the archive's shape they just asked for
type Archive = Record<string, any>;

const download = (headers: Record<string, string> = {}) =>
  fetch(`${server.url.replace(/\/graphql$/, "")}/account/export.json`, { headers });
const asUser = (token: string) => download({ authorization: `Bearer ${token}` });

const SECTIONS = [
  "communityMemberships",
  "organizationMemberships",
  "threads",
  "posts",
  "postRevisions",
  "reactions",
  "resourcesProposed",
  "curationDecisions",
  "helpfulVotes",
  "savedResources",
  "learningPaths",
  "learningPathProgress",
  "deliverablesCreated",
  "deliverableEditorships",
  "sectionEdits",
  "amendments",
  "comments",
  "endorsements",
  "notifications",
  "watches",
  "sessions",
];

describe("GET /account/export.json", () => {
  it("is 401 for the anonymous and for a revoked or unknown token", async () => {
    expect((await download()).status).toBe(401);
    expect((await asUser("not-a-session")).status).toBe(401);
  });

  it("holds every section, with the member's rows, as an attachment", async () => {
    const cast = await memberWhoDidEverything(server.db);
    const res = await asUser(cast.member.token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="?pratica-.+\.json"?$/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const archive = (await res.json()) as Archive;
    expect(archive).toMatchObject({
      format: "pratica-account-export",
      formatVersion: EXPORT_FORMAT_VERSION,
      about: { en: expect.any(String), it: expect.any(String) },
      profile: { id: cast.member.id, email: cast.member.email, bio: "I work on circular procurement." },
      preferences: { locale: "it", timeZone: "Europe/Rome", emailDelivery: "DAILY", digestHour: 8 },
    });
    expect(EXPORT_SECTIONS.map((section) => section.name).sort()).toEqual([...SECTIONS].sort());
    for (const name of SECTIONS) {
      expect(archive[name], name).toBeInstanceOf(Array);
      expect(archive[name].length, name).toBeGreaterThan(0);
    }
    expect(archive.threads[0]).toMatchObject({ title: "My thread", body: "My opening words" });
    expect(archive.posts.map((p: { body: string }) => p.body)).toEqual(["My reply, edited"]);
    expect(archive.postRevisions[0].body).toBe("My reply, first draft");
    expect(archive.organizationMemberships[0]).toMatchObject({
      role: "REPRESENTATIVE",
      organization: "Ordine di prova",
    });
    expect(archive.resourcesProposed[0].title).toBe("My proposal");
    expect(archive.watches[0]).toMatchObject({ scope: "THREAD", level: "WATCHING" });
    expect(archive.sessions[0]).not.toHaveProperty("tokenHash");
  });

  it("names nobody else's email, and holds no one else's posts", async () => {
    const cast = await memberWhoDidEverything(server.db);
    const text = await (await asUser(cast.member.token)).text();
    expect(text).not.toContain(cast.other.email);
    expect(text).not.toContain(cast.facilitator.email);
    expect(text).toContain(cast.member.email);
    const archive = JSON.parse(text) as Archive;
    expect(archive.posts.map((p: { id: string }) => p.id)).toEqual([cast.post.id]);
  });

  it("pages a prolific member's rows: every one of them, once", async () => {
    const cast = await memberWhoDidEverything(server.db);
    const many = Array.from({ length: 1203 }, (_, i) => ({
      threadId: cast.thread.id,
      communityId: cast.community.id,
      authorId: cast.member.id,
      body: `post ${i}`,
    }));
    await server.db.insert(posts).values(many);
    const archive = (await (await asUser(cast.member.token)).json()) as Archive;
    const ids = archive.posts.map((p: { id: string }) => p.id);
    expect(ids).toHaveLength(1204);
    expect(new Set(ids).size).toBe(1204);
  });

  it("is rate-limited per account", async () => {
    const user = await buildUser(server.db);
    for (let i = 0; i < ACCOUNT_LIMITS.exports.points; i++) expect((await asUser(user.token)).status).toBe(200);
    const refused = await asUser(user.token);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
