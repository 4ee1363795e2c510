import { auditLog, deliverableAuthors, deliverableEditors, notifications, organizations } from "@pratica/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { refusedUnchanged } from "../admin/support.js";
import { errorCode, gql } from "../client.js";
import { addMember, buildCommunity, buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { useSmtpServer } from "../smtp.js";
import { buildDocumentOf, buildPartner, link, NOW, tagged, walk } from "./support.js";

const smtp = useSmtpServer();
const server = useTestServer(
  () => ({ SMTP_URL: `smtp://127.0.0.1:${smtp.state.port}`, MAIL_POLL_SECONDS: "0.5" }),
  undefined,
  { partnersClock: () => NOW },
);

const WITHDRAW = `mutation($i: WithdrawOrganizationInput!) { withdrawOrganization(input: $i) {
  id withdrawnOn isFormerPartner viewerCanWithdraw updatedAt } }`;
const TABLES = ["organizations", "notifications", "organization_members"];

async function buildStory() {
  const tag = tagged();
  const representative = await buildUser(server.db);
  const otherRepresentative = await buildUser(server.db, { emailDelivery: "IMMEDIATE", locale: "en" });
  const colleague = await buildUser(server.db);
  const strangerRepresentative = await buildUser(server.db);
  const member = await buildUser(server.db);
  const admin = await buildUser(server.db, { role: "ADMIN", emailDelivery: "IMMEDIATE", locale: "it" });
  const org = await buildPartner(server.db, tag, { name: `${tag} Leaving Ltd`, nameIt: `${tag} In Uscita Srl` });
  const other = await buildPartner(server.db, tag);
  await link(server.db, org, representative, "REPRESENTATIVE");
  await link(server.db, org, otherRepresentative, "REPRESENTATIVE");
  await link(server.db, org, colleague, "MEMBER");
  await link(server.db, other, strangerRepresentative, "REPRESENTATIVE");
  const community = await buildCommunity(server.db);
  await addMember(server.db, community, member);
  return {
    tag,
    representative,
    otherRepresentative,
    colleague,
    strangerRepresentative,
    member,
    admin,
    org,
    other,
    community,
  };
}

const input = (org: { id: string; updatedAt: Date }, more: Record<string, unknown> = {}) => ({
  organizationId: org.id,
  reason: "Our board decided to close the social-impact programme.",
  expectedUpdatedAt: org.updatedAt.toISOString(),
  ...more,
});

describe("withdrawOrganization", () => {
  it("refuses the anonymous, a member, a colleague and another organisation's representative, changing nothing", async () => {
    const s = await buildStory();
    for (const [who, code] of [
      [undefined, "UNAUTHENTICATED"],
      [s.member, "FORBIDDEN"],
      [s.colleague, "FORBIDDEN"],
      [s.strangerRepresentative, "FORBIDDEN"],
    ] as const) {
      await refusedUnchanged(
        server.db,
        TABLES,
        () => gql(server.url, WITHDRAW, { i: input(s.org) }, { token: who?.token }),
        code,
      );
    }
  });

  it("refuses invalid input naming the field, and a stale expectedUpdatedAt as a CONFLICT with the current organisation", async () => {
    const s = await buildStory();
    const as = { token: s.representative.token };
    for (const [more, field] of [
      [{ reason: "   " }, "reason"],
      [{ reason: "\u200b" }, "reason"],
      [{ reason: "x".repeat(1001) }, "reason"],
    ] as const) {
      await refusedUnchanged(
        server.db,
        TABLES,
        () => gql(server.url, WITHDRAW, { i: input(s.org, more) }, as),
        "BAD_USER_INPUT",
        field,
      );
    }
    const unknown = { id: "00000000-0000-4000-8000-000000000000", updatedAt: s.org.updatedAt };
    await refusedUnchanged(server.db, TABLES, () => gql(server.url, WITHDRAW, { i: input(unknown) }, as), "NOT_FOUND");
    const stale = await refusedUnchanged(
      server.db,
      TABLES,
      () =>
        gql(
          server.url,
          WITHDRAW,
          { i: input({ ...s.org, updatedAt: new Date(s.org.updatedAt.getTime() - 1000) }) },
          as,
        ),
      "CONFLICT",
    );
    expect(stale.errors?.[0]?.extensions?.current).toMatchObject({ organization: { id: s.org.id, withdrawnOn: null } });
  });

  it("a representative withdraws: a former partner from today, audited, admins and the other representatives told (in-app and email), out of the default directory", async () => {
    const s = await buildStory();
    const mailed = smtp.mailTo(s.admin.email);
    const res = await gql(server.url, WITHDRAW, { i: input(s.org) }, { token: s.representative.token });
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data?.withdrawOrganization).toMatchObject({
      withdrawnOn: "2026-06-01",
      isFormerPartner: true,
      viewerCanWithdraw: false,
    });
    const [row] = await server.db.select().from(organizations).where(eq(organizations.id, s.org.id));
    expect(row?.withdrawalReason).toBe("Our board decided to close the social-impact programme.");
    const told = await server.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.organizationId, s.org.id), eq(notifications.kind, "ORGANIZATION_WITHDRAWN")));
    const toldIds = told.map((n) => n.userId);
    expect(toldIds).toContain(s.admin.id);
    expect(toldIds).toContain(s.otherRepresentative.id);
    expect(toldIds).not.toContain(s.representative.id);
    expect(toldIds).not.toContain(s.colleague.id);
    const [entry] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, s.org.id), eq(auditLog.action, "organization.withdraw")));
    expect(entry).toMatchObject({ actorId: s.representative.id, after: { withdrawnOn: "2026-06-01" } });
    // Each in their own language: the admin reads Italian, the other representative English.
    const mail = await mailed;
    // The organisation is named in the reader's language (notification/subjects.ts).
    expect(mail.subject).toContain(`${s.tag} In Uscita Srl`);
    expect(mail.text).toContain("ha lasciato il protocollo d'intesa");
    expect((await smtp.mailTo(s.otherRepresentative.email)).text).toContain("withdrew from the memorandum");
    // Out of the default directory, in the former partners', found by its slug.
    expect((await walk(server.url, { query: s.tag }, 10)).slugs).toEqual([s.other.slug]);
    expect((await walk(server.url, { query: s.tag, status: "FORMER" }, 10)).slugs).toEqual([s.org.slug]);
    // Already a former partner: the wrong state, a CONFLICT, nothing changes.
    const fresh = { id: s.org.id, updatedAt: new Date(res.data?.withdrawOrganization.updatedAt) };
    await refusedUnchanged(
      server.db,
      TABLES,
      () => gql(server.url, WITHDRAW, { i: input(fresh) }, { token: s.admin.token }),
      "CONFLICT",
    );
  });

  it("an admin withdraws any organisation", async () => {
    const s = await buildStory();
    const res = await gql(server.url, WITHDRAW, { i: input(s.other) }, { token: s.admin.token });
    expect(res.data?.withdrawOrganization.isFormerPartner).toBe(true);
  });

  it("a former partner can no longer endorse nor be added as co-author; what it did stays", async () => {
    const s = await buildStory();
    await addMember(server.db, s.community, s.representative);
    const kept = await buildDocumentOf(server.db, s.community, s.representative, s.org, { coAuthor: true });
    const fresh = await buildDocumentOf(server.db, s.community, s.representative, s.org, {});
    expect(
      (await gql(server.url, WITHDRAW, { i: input(s.org) }, { token: s.representative.token })).errors,
    ).toBeUndefined();
    const ENDORSE = `mutation($i: EndorseDeliverableInput!) { endorseDeliverable(input: $i) { id } }`;
    await refusedUnchanged(
      server.db,
      ["endorsements"],
      () =>
        gql(
          server.url,
          ENDORSE,
          { i: { deliverableId: fresh.id, organizationId: s.org.id } },
          { token: s.representative.token },
        ),
      "CONFLICT",
    );
    // The other (still a partner) organisation endorses as before.
    await addMember(server.db, s.community, s.strangerRepresentative);
    const ok = await gql(
      server.url,
      ENDORSE,
      { i: { deliverableId: fresh.id, organizationId: s.other.id } },
      { token: s.strangerRepresentative.token },
    );
    expect(ok.errors, JSON.stringify(ok.errors)).toBeUndefined();
    // Co-authors: the former partner already named stays when the list is saved again; it cannot be added anew.
    await server.db.insert(deliverableEditors).values([
      { deliverableId: kept.id, userId: s.representative.id, communityId: s.community.id },
      { deliverableId: fresh.id, userId: s.representative.id, communityId: s.community.id },
    ]);
    const ORGS = `mutation($i: SetDeliverableOrganizationsInput!) { setDeliverableOrganizations(input: $i) { id } }`;
    const again = await gql(
      server.url,
      ORGS,
      { i: { deliverableId: kept.id, organizationIds: [s.org.id, s.other.id] } },
      { token: s.representative.token },
    );
    expect(again.errors, JSON.stringify(again.errors)).toBeUndefined();
    const refused = await gql(
      server.url,
      ORGS,
      { i: { deliverableId: fresh.id, organizationIds: [s.org.id] } },
      { token: s.representative.token },
    );
    expect(errorCode(refused)).toBe("BAD_USER_INPUT");
    expect(refused.errors?.[0]?.extensions?.field).toBe("organizationIds");
    const authorsOfFresh = await server.db
      .select()
      .from(deliverableAuthors)
      .where(eq(deliverableAuthors.deliverableId, fresh.id));
    expect(authorsOfFresh).toEqual([]);
    const page = await gql(server.url, `query($s: String!) { organization(slug: $s) { coAuthoredDocuments { id } } }`, {
      s: s.org.slug,
    });
    expect(page.data?.organization.coAuthoredDocuments).toEqual([{ id: kept.id }]);
  });
});
