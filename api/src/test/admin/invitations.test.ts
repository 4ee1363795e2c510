import { accountTokens, organizationMembers, users } from "@pratica/db";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { useSmtpServer } from "../smtp.js";
import { as, auditRows, buildAdmin, buildOrganization, linkIn, refusedUnchanged } from "./support.js";

const INVITE = `mutation($input: InviteRepresentativeInput!) { inviteRepresentative(input: $input) }`;
const PREVIEW = `query($token: String!) { invitation(token: $token) { email role accountExists organization { id name } } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { token user { id email role displayName emailVerifiedAt organizations { role organization { id } } } } }`;
const ACCEPT_TABLES = ["users", "organization_members", "account_tokens", "sessions"];

describe("representative invitations", () => {
  const smtp = useSmtpServer();
  const server = useTestServer(() => ({ SMTP_URL: `smtp://127.0.0.1:${smtp.state.port}`, MAIL_POLL_SECONDS: "0.5" }));
  const request = (...args: Parameters<ReturnType<typeof as>>) => as(server.url)(...args);

  it("a new address: the Italian email's link creates a verified account that represents the organisation", async () => {
    const admin = await buildAdmin(server.db);
    const org = await buildOrganization(server.db);
    const arrived = smtp.arrival(`Invito a rappresentare ${org.nameIt} su Pratica`);
    const sent = await request(admin, INVITE, {
      input: { organizationId: org.id, email: "Nuova.Rappresentante@Example.org" },
    });
    expect(sent.data?.inviteRepresentative).toBe(true);
    const mail = await arrived;
    expect(smtp.received.find((r) => r.mail === mail)?.envelopeTo).toEqual(["nuova.rappresentante@example.org"]);
    expect(mail.text).toContain(`${admin.displayName} ti invita a rappresentare ${org.nameIt}`);
    expect(mail.html).toContain("Accetta l&#39;invito");
    const { url, token } = linkIn(mail);
    expect(url.port).toBe(new URL(server.url).port);
    expect(url.pathname).toBe("/invitation");
    // The link opens the web page.
    expect((await fetch(url)).status).toBe(200);

    const preview = await request(undefined, PREVIEW, { token }, "en");
    expect(preview.data?.invitation).toEqual({
      email: "nuova.rappresentante@example.org",
      role: "REPRESENTATIVE",
      accountExists: false,
      organization: { id: org.id, name: org.name },
    });

    // A new account needs a name and a password: refused, the token stays unspent.
    await refusedUnchanged(
      server.db,
      ACCEPT_TABLES,
      () => request(undefined, ACCEPT, { input: { token } }),
      "BAD_USER_INPUT",
      "displayName",
    );
    await refusedUnchanged(
      server.db,
      ACCEPT_TABLES,
      () => request(undefined, ACCEPT, { input: { token, displayName: "Giulia Neri", password: "short" } }),
      "BAD_USER_INPUT",
      "password",
    );

    const accepted = await request(undefined, ACCEPT, {
      input: { token, displayName: "Giulia Neri", password: "a long enough password" },
    });
    expect(accepted.errors).toBeUndefined();
    const user = accepted.data?.acceptInvitation.user;
    expect(user).toMatchObject({
      email: "nuova.rappresentante@example.org",
      role: "USER",
      displayName: "Giulia Neri",
      organizations: [{ role: "REPRESENTATIVE", organization: { id: org.id } }],
    });
    expect(user.emailVerifiedAt).not.toBeNull();
    const [row] = await server.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.locale).toBe("it");
    // The session works.
    const me = await request({ token: accepted.data?.acceptInvitation.token }, `{ viewer { id } }`);
    expect(me.data?.viewer.id).toBe(user.id);

    // The link works once.
    const reused = await refusedUnchanged(
      server.db,
      ACCEPT_TABLES,
      () =>
        request(undefined, ACCEPT, {
          input: { token, displayName: "Giulia Neri", password: "a long enough password" },
        }),
      "BAD_USER_INPUT",
      "token",
    );
    expect(reused.errors?.[0]?.extensions?.reason).toBe("USED");
    expect((await request(undefined, PREVIEW, { token })).errors?.[0]?.extensions?.reason).toBe("USED");

    const entries = (await auditRows(server.db)).filter((e) => e.targetId === org.id);
    expect(entries.map((e) => [e.action, e.actorId])).toEqual([
      ["organization.invite_representative", admin.id],
      ["organization.accept_invitation", user.id],
    ]);
  });

  it("an existing account: English email; only that account, logged in, accepts it", async () => {
    const admin = await buildAdmin(server.db);
    const org = await buildOrganization(server.db);
    const invitee = await buildUser(server.db, { emailVerifiedAt: null });
    const someoneElse = await buildUser(server.db);
    const arrived = smtp.arrival(`Invitation to represent ${org.name} on Pratica`);
    await request(admin, INVITE, { input: { organizationId: org.id, email: invitee.email, locale: "en" } });
    const mail = await arrived;
    expect(mail.text).toContain("log in with this address and accept");
    const { token } = linkIn(mail);
    expect((await request(undefined, PREVIEW, { token })).data?.invitation.accountExists).toBe(true);

    const anonymous = await refusedUnchanged(
      server.db,
      ACCEPT_TABLES,
      () => request(undefined, ACCEPT, { input: { token } }),
      "UNAUTHENTICATED",
    );
    expect(anonymous.errors?.[0]?.message).toContain(`log in as ${invitee.email}`);
    await refusedUnchanged(
      server.db,
      ACCEPT_TABLES,
      () => request(someoneElse, ACCEPT, { input: { token } }),
      "FORBIDDEN",
    );

    const accepted = await request(invitee, ACCEPT, { input: { token } });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.acceptInvitation.user).toMatchObject({
      id: invitee.id,
      organizations: [{ role: "REPRESENTATIVE", organization: { id: org.id } }],
    });
    // The link proved the address.
    expect(accepted.data?.acceptInvitation.user.emailVerifiedAt).not.toBeNull();
  });

  it("refuses inviting an address that already represents the organisation (CONFLICT), and accepting when linked meanwhile", async () => {
    const admin = await buildAdmin(server.db);
    const org = await buildOrganization(server.db);
    const invitee = await buildUser(server.db);
    const arrived = smtp.arrival(`Invito a rappresentare ${org.nameIt} su Pratica`);
    await request(admin, INVITE, { input: { organizationId: org.id, email: invitee.email } });
    const { token } = linkIn(await arrived);
    await server.db
      .insert(organizationMembers)
      .values({ organizationId: org.id, userId: invitee.id, role: "REPRESENTATIVE" });
    await refusedUnchanged(
      server.db,
      ["account_tokens"],
      () => request(admin, INVITE, { input: { organizationId: org.id, email: invitee.email } }),
      "CONFLICT",
    );
    await refusedUnchanged(server.db, ACCEPT_TABLES, () => request(invitee, ACCEPT, { input: { token } }), "CONFLICT");
  });

  it("an expired link is refused (EXPIRED) and changes nothing; an unknown one likewise (UNKNOWN)", async () => {
    const admin = await buildAdmin(server.db);
    const org = await buildOrganization(server.db);
    const arrived = smtp.arrival(`Invito a rappresentare ${org.nameIt} su Pratica`);
    await request(admin, INVITE, { input: { organizationId: org.id, email: "late@example.org" } });
    const { token } = linkIn(await arrived);
    await server.db
      .update(accountTokens)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(accountTokens.email, "late@example.org"));
    const input = { token, displayName: "Late Comer", password: "a long enough password" };
    const expired = await refusedUnchanged(
      server.db,
      ACCEPT_TABLES,
      () => request(undefined, ACCEPT, { input }),
      "BAD_USER_INPUT",
      "token",
    );
    expect(expired.errors?.[0]?.extensions?.reason).toBe("EXPIRED");
    const unknown = await refusedUnchanged(
      server.db,
      ACCEPT_TABLES,
      () => request(undefined, ACCEPT, { input: { ...input, token: "not-a-token" } }),
      "BAD_USER_INPUT",
      "token",
    );
    expect(unknown.errors?.[0]?.extensions?.reason).toBe("UNKNOWN");
  });

  it("inviteRepresentative refuses the anonymous, non-admins, a bad address and an unknown organisation, sending nothing", async () => {
    const admin = await buildAdmin(server.db);
    const user = await buildUser(server.db);
    const org = await buildOrganization(server.db);
    const input = { organizationId: org.id, email: "someone@example.org" };
    const tables = ["account_tokens"];
    await refusedUnchanged(server.db, tables, () => request(undefined, INVITE, { input }), "UNAUTHENTICATED");
    await refusedUnchanged(server.db, tables, () => request(user, INVITE, { input }), "FORBIDDEN");
    await refusedUnchanged(
      server.db,
      tables,
      () => request(admin, INVITE, { input: { ...input, email: "not-an-address" } }),
      "BAD_USER_INPUT",
      "email",
    );
    await refusedUnchanged(
      server.db,
      tables,
      () => request(admin, INVITE, { input: { ...input, organizationId: "00000000-0000-4000-8000-000000000000" } }),
      "NOT_FOUND",
    );
  });
});
