import { describe, expect, it } from "vitest";
import { gql } from "../client.js";
import { addMember, buildCommunity, buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { buildDocumentOf, buildPartner, link, NOW, tagged } from "./support.js";

const server = useTestServer({}, undefined, { partnersClock: () => NOW });

const PAGE = `query($slug: String!) { organization(slug: $slug) {
  id district withdrawnOn isFormerPartner memberCount viewerIsRepresentative viewerCanWithdraw viewerCanInviteMembers
  themes { key name nameEn nameIt } sdgs { number name }
  communities { slug } coAuthoredDocuments { title } endorsedDocuments { title }
  representatives { id displayName email }
} }`;

/** An organisation with a representative and a member, in a public and a members-only community, with documents in both. */
async function buildStory() {
  const tag = tagged();
  const open = await buildCommunity(server.db, { visibility: "PUBLIC", name: `${tag} Open` });
  const closed = await buildCommunity(server.db, { visibility: "MEMBERS", name: `${tag} Closed` });
  const representative = await buildUser(server.db, { displayName: `Rep ${tag}` });
  const colleague = await buildUser(server.db, { displayName: `Colleague ${tag}` });
  const insider = await buildUser(server.db);
  const outsider = await buildUser(server.db);
  const admin = await buildUser(server.db, { role: "ADMIN" });
  const org = await buildPartner(server.db, tag, {
    district: "Circoscrizione 8 — San Salvario, Cavoretto, Borgo Po",
    themes: ["social-inclusion", "no-longer-a-theme", "circular-economy"],
    sdgs: [10, 1],
  });
  await link(server.db, org, representative, "REPRESENTATIVE");
  await link(server.db, org, colleague, "MEMBER");
  await addMember(server.db, open, representative);
  await addMember(server.db, closed, colleague);
  await addMember(server.db, closed, insider);
  // A pending membership is not taking part.
  const pendingOnly = await buildCommunity(server.db, { name: `${tag} Pending` });
  await addMember(server.db, pendingOnly, representative, "MEMBER", "PENDING");
  await buildDocumentOf(server.db, open, representative, org, { coAuthor: true, title: "Open co-authored" });
  await buildDocumentOf(server.db, open, representative, org, { endorse: true, title: "Open endorsed" });
  await buildDocumentOf(server.db, closed, colleague, org, { coAuthor: true, endorse: true, title: "Closed both" });
  // A draft is read by the community's members only, even in a public community.
  await buildDocumentOf(server.db, open, representative, org, { coAuthor: true, status: "DRAFT", title: "Open draft" });
  return { tag, open, closed, representative, colleague, insider, outsider, admin, org };
}

const view = async (slug: string, user?: { token: string }, language = "en") => {
  const res = await gql(server.url, PAGE, { slug }, { token: user?.token, headers: { "accept-language": language } });
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data?.organization;
};

const titles = (docs: { title: string }[]) => docs.map((d) => d.title).sort();

describe("the organisation page's edges keep each object's read rule", () => {
  it("anonymous: public communities and published public documents; no representatives", async () => {
    const s = await buildStory();
    const page = await view(s.org.slug);
    expect(page.communities).toEqual([{ slug: s.open.slug }]);
    expect(titles(page.coAuthoredDocuments)).toEqual(["Open co-authored"]);
    expect(titles(page.endorsedDocuments)).toEqual(["Open endorsed"]);
    expect(page.representatives).toBeNull();
    expect(page.memberCount).toBe(2);
    expect(page).toMatchObject({
      district: "Circoscrizione 8 — San Salvario, Cavoretto, Borgo Po",
      withdrawnOn: null,
      isFormerPartner: false,
      viewerIsRepresentative: false,
      viewerCanWithdraw: false,
      viewerCanInviteMembers: false,
    });
    // Unknown keys are left out; goals by number.
    expect(page.themes).toEqual([
      {
        key: "social-inclusion",
        name: "Welfare and social inclusion",
        nameEn: "Welfare and social inclusion",
        nameIt: "Welfare e inclusione sociale",
      },
      { key: "circular-economy", name: "Circular economy", nameEn: "Circular economy", nameIt: "Economia circolare" },
    ]);
    expect(page.sdgs).toEqual([
      { number: 1, name: "No poverty" },
      { number: 10, name: "Reduced inequalities" },
    ]);
    expect((await view(s.org.slug, undefined, "it")).sdgs[0]).toEqual({ number: 1, name: "Sconfiggere la povertà" });
  });

  it("a signed-in account that is nobody's member: as anonymous, representatives included (null)", async () => {
    const s = await buildStory();
    const page = await view(s.org.slug, s.outsider);
    expect(page.communities).toEqual([{ slug: s.open.slug }]);
    expect(titles(page.coAuthoredDocuments)).toEqual(["Open co-authored"]);
    expect(page.representatives).toBeNull();
  });

  it("a member of the members-only community: its community and documents too, and representatives' names only", async () => {
    const s = await buildStory();
    const page = await view(s.org.slug, s.insider);
    expect(page.communities.map((c: { slug: string }) => c.slug).sort()).toEqual([s.open.slug, s.closed.slug].sort());
    expect(titles(page.coAuthoredDocuments)).toEqual(["Closed both", "Open co-authored"]);
    expect(titles(page.endorsedDocuments)).toEqual(["Closed both", "Open endorsed"]);
    expect(page.representatives).toEqual([{ id: s.representative.id, displayName: `Rep ${s.tag}`, email: null }]);
  });

  it("the representative: the open community's draft too; may withdraw and invite; an admin may too", async () => {
    const s = await buildStory();
    const page = await view(s.org.slug, s.representative);
    expect(titles(page.coAuthoredDocuments)).toEqual(["Open co-authored", "Open draft"]);
    expect(page).toMatchObject({ viewerIsRepresentative: true, viewerCanWithdraw: true, viewerCanInviteMembers: true });
    const colleague = await view(s.org.slug, s.colleague);
    expect(colleague).toMatchObject({
      viewerIsRepresentative: false,
      viewerCanWithdraw: false,
      viewerCanInviteMembers: false,
    });
    expect(colleague.representatives).toHaveLength(1);
    const admin = await view(s.org.slug, s.admin);
    expect(admin).toMatchObject({
      viewerIsRepresentative: false,
      viewerCanWithdraw: true,
      viewerCanInviteMembers: true,
    });
    expect(admin.communities).toHaveLength(2);
    expect(admin.representatives).toEqual([
      { id: s.representative.id, displayName: `Rep ${s.tag}`, email: s.representative.email },
    ]);
  });

  it("a former partner: found by slug, marked, and nobody may withdraw it again or invite to it", async () => {
    const s = await buildStory();
    const tag = tagged();
    const former = await buildPartner(server.db, tag, { withdrawnOn: "2025-04-01" });
    await link(server.db, former, s.representative, "REPRESENTATIVE");
    for (const who of [s.representative, s.admin]) {
      const page = await view(former.slug, who);
      expect(page).toMatchObject({
        withdrawnOn: "2025-04-01",
        isFormerPartner: true,
        viewerCanWithdraw: false,
        viewerCanInviteMembers: false,
      });
      expect(page.viewerIsRepresentative).toBe(who === s.representative);
    }
  });
});

describe("the directory costs no query per row", () => {
  it("a page of 5 and one of 20 organisations, with every edge, take the same statements", async () => {
    const statementsFor = async (n: number) => {
      const tag = tagged();
      const community = await buildCommunity(server.db);
      const viewer = await buildUser(server.db);
      await addMember(server.db, community, viewer);
      for (let i = 0; i < n; i++) {
        const o = await buildPartner(server.db, tag, { themes: ["pro-bono"], sdgs: [16] });
        const person = await buildUser(server.db);
        await link(server.db, o, person, i % 2 ? "MEMBER" : "REPRESENTATIVE");
        await addMember(server.db, community, person);
        await buildDocumentOf(server.db, community, person, o, { coAuthor: true, endorse: true });
      }
      const start = server.statements.length;
      const res = await gql(
        server.url,
        `query($q: String) { organizations(first: 20, query: $q) { totalCount edges { node {
          slug themes { name } sdgs { name } memberCount viewerIsRepresentative viewerCanWithdraw viewerCanInviteMembers
          communities { slug } coAuthoredDocuments { id } endorsedDocuments { id } representatives { displayName }
        } } } }`,
        { q: tag },
        { token: viewer.token },
      );
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      expect(res.data?.organizations.edges).toHaveLength(n);
      return server.statements.length - start;
    };
    expect(await statementsFor(20)).toBe(await statementsFor(5));
  });
});
