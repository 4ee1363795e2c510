import { organizationMembers } from "@pratica/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { MEMBER_INVITATIONS_PER_HOUR } from "../../modules/partners/colleagues.service.js";
import { auditRows, linkIn, refusedUnchanged } from "../admin/support.js";
import { errorCode, gql } from "../client.js";
import { buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { useSmtpServer } from "../smtp.js";
import { buildPartner, link, NOW, tagged } from "./support.js";

const smtp = useSmtpServer();
const server = useTestServer(
  () => ({ SMTP_URL: `smtp://127.0.0.1:${smtp.state.port}`, MAIL_POLL_SECONDS: "0.5" }),
  undefined,
  { partnersClock: () => NOW },
);

const INVITE = `mutation($i: InviteOrganizationMemberInput!) { inviteOrganizationMember(input: $i) }`;
const PREVIEW = `query($token: String!) { invitation(token: $token) { email role accountExists organization { id } } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) {
  user { id emailVerifiedAt organizations { role organization { id } } } } }`;
const TABLES = ["account_tokens", "organization_members", "users"];

async function buildStory() {
  const tag = tagged();
  const representative = await buildUser(server.db, { displayName: `Rep ${tag}` });
  const colleague = await buildUser(server.db);
  const strangerRepresentative = await buildUser(server.db);
  const outsider = await buildUser(server.db);
  const admin = await buildUser(server.db, { role: "ADMIN" });
  const org = await buildPartner(server.db, tag, { name: `${tag} Foundation`, nameIt: `${tag} Fondazione` });
  const other = await buildPartner(server.db, tag);
  await link(server.db, org, representative, "REPRESENTATIVE");
  await link(server.db, org, colleague, "MEMBER");
  await link(server.db, other, strangerRepresentative, "REPRESENTATIVE");
  return { tag, representative, colleague, strangerRepresentative, outsider, admin, org, other };
}

describe("inviteOrganizationMember", () => {
  it("refuses the anonymous, an outsider, a colleague (member) and another organisation's representative, changing nothing", async () => {
    const s = await buildStory();
    const i = { organizationId: s.org.id, email: `new-${s.tag}@example.org` };
    for (const [who, code] of [
      [undefined, "UNAUTHENTICATED"],
      [s.outsider, "FORBIDDEN"],
      [s.colleague, "FORBIDDEN"],
      [s.strangerRepresentative, "FORBIDDEN"],
    ] as const) {
      await refusedUnchanged(server.db, TABLES, () => gql(server.url, INVITE, { i }, { token: who?.token }), code);
    }
    expect(smtp.countTo(i.email)).toBe(0);
  });

  it("refuses invalid input naming the field, someone already in the organisation, and a former partner", async () => {
    const s = await buildStory();
    const as = { token: s.representative.token };
    await refusedUnchanged(
      server.db,
      TABLES,
      () => gql(server.url, INVITE, { i: { organizationId: s.org.id, email: "not an email" } }, as),
      "BAD_USER_INPUT",
      "email",
    );
    await refusedUnchanged(
      server.db,
      TABLES,
      () =>
        gql(
          server.url,
          INVITE,
          { i: { organizationId: "00000000-0000-4000-8000-000000000000", email: "x@example.org" } },
          as,
        ),
      "NOT_FOUND",
    );
    await refusedUnchanged(
      server.db,
      TABLES,
      () => gql(server.url, INVITE, { i: { organizationId: s.org.id, email: s.colleague.email } }, as),
      "CONFLICT",
    );
    const former = await buildPartner(server.db, s.tag, { withdrawnOn: "2025-01-01" });
    await link(server.db, former, s.representative, "REPRESENTATIVE");
    await refusedUnchanged(
      server.db,
      TABLES,
      () => gql(server.url, INVITE, { i: { organizationId: former.id, email: "y@example.org" } }, as),
      "CONFLICT",
    );
  });

  it("a representative invites a new address: the email in the invitee's language, audited; accepting links a verified account as MEMBER", async () => {
    const s = await buildStory();
    const email = `collega-${s.tag}@example.org`;
    const res = await gql(
      server.url,
      INVITE,
      { i: { organizationId: s.org.id, email, locale: "it" } },
      { token: s.representative.token },
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data?.inviteOrganizationMember).toBe(true);
    const mail = await smtp.mailTo(email);
    expect(mail.subject).toBe(`Invito a unirti a ${s.tag} Fondazione su Pratica`);
    expect(mail.text).toContain(`Rep ${s.tag} ti invita a far parte di ${s.tag} Fondazione`);
    const entry = (await auditRows(server.db)).find(
      (e) => e.targetId === s.org.id && e.action === "organization.invite_member",
    );
    expect(entry).toMatchObject({ actorId: s.representative.id, after: { email, locale: "it", accountExists: false } });
    const { token } = linkIn(mail);
    expect((await gql(server.url, PREVIEW, { token })).data?.invitation).toEqual({
      email,
      role: "MEMBER",
      accountExists: false,
      organization: { id: s.org.id },
    });
    const accepted = await gql(server.url, ACCEPT, {
      input: { token, displayName: "Carla Bianchi", password: "a long enough password" },
    });
    expect(accepted.errors, JSON.stringify(accepted.errors)).toBeUndefined();
    expect(accepted.data?.acceptInvitation.user.organizations).toEqual([
      { role: "MEMBER", organization: { id: s.org.id } },
    ]);
    expect(accepted.data?.acceptInvitation.user.emailVerifiedAt).not.toBeNull();
  });

  it("an existing account: the English email; accepting (logged in) links it as MEMBER; an admin may invite too", async () => {
    const s = await buildStory();
    const existing = await buildUser(server.db);
    const res = await gql(
      server.url,
      INVITE,
      { i: { organizationId: s.org.id, email: existing.email, locale: "en" } },
      { token: s.admin.token },
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    const mail = await smtp.mailTo(existing.email);
    expect(mail.subject).toBe(`Invitation to join ${s.tag} Foundation on Pratica`);
    const { token } = linkIn(mail);
    expect(errorCode(await gql(server.url, ACCEPT, { input: { token } }))).toBe("UNAUTHENTICATED");
    const accepted = await gql(server.url, ACCEPT, { input: { token } }, { token: existing.token });
    expect(accepted.errors, JSON.stringify(accepted.errors)).toBeUndefined();
    const [row] = await server.db
      .select({ role: organizationMembers.role })
      .from(organizationMembers)
      .where(and(eq(organizationMembers.organizationId, s.org.id), eq(organizationMembers.userId, existing.id)));
    expect(row?.role).toBe("MEMBER");
  });

  it(`is rate-limited: ${MEMBER_INVITATIONS_PER_HOUR} invitations an hour per inviter, then RATE_LIMITED with nothing sent`, async () => {
    const s = await buildStory();
    const as = { token: s.representative.token };
    for (let n = 0; n < MEMBER_INVITATIONS_PER_HOUR; n++) {
      const res = await gql(
        server.url,
        INVITE,
        { i: { organizationId: s.org.id, email: `c${n}-${s.tag}@example.org` } },
        as,
      );
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    }
    await refusedUnchanged(
      server.db,
      TABLES,
      () => gql(server.url, INVITE, { i: { organizationId: s.org.id, email: `over-${s.tag}@example.org` } }, as),
      "RATE_LIMITED",
    );
  });
});
