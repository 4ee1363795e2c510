import { auditLog, notifications, organizationMembers, organizations, users } from "@pratica/db";
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { linkIn } from "../admin/support.js";
import { buildUser } from "../factories.js";
import { useTestServer } from "../fixture.js";
import { useSmtpServer } from "../smtp.js";
import { APPLY, applicationInput, as, DECIDE, ONE, refused, submitted } from "./support.js";

const smtp = useSmtpServer();
const server = useTestServer(() => ({
  SMTP_URL: `smtp://127.0.0.1:${smtp.state.port}`,
  MAIL_FROM: "Pratica <no-reply@pratica.test>",
  MAIL_POLL_SECONDS: "0.5",
  SIGNING_SECRET: "applications-test-signing-secret-32-chars",
}));
const request = as(() => server.url);
const ACCEPT_INVITATION = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { user { id email organizations { role organization { id slug } } } } }`;

const immediate = (locale: "it" | "en") => ({ emailDelivery: "IMMEDIATE" as const, locale });

describe("accepting an application", () => {
  it("creates the organisation with every public field and links the representative's existing account at once", async () => {
    const admin = await buildUser(server.db, { role: "ADMIN", ...immediate("it") });
    const applicant = await buildUser(server.db, immediate("en"));
    const representative = await buildUser(server.db, immediate("it"));
    const tag = Date.now().toString(36);
    const { id, input } = await submitted(server.url, applicant, {
      nameEn: `Repair Cooperative Übergang ${tag}`,
      representativeEmail: representative.email.toUpperCase(),
    });
    // The admin is told at once, in Italian, with a link to the review page.
    const submittedMail = await smtp.mailTo(admin.email);
    expect(submittedMail.subject).toBe(
      `[Pratica] ${applicant.displayName} ha chiesto l'adesione di «${input.nameIt}» al protocollo d'intesa`,
    );
    expect(submittedMail.text).toContain(`/admin/applications/${id}`);
    expect(submittedMail.text).toContain("Esamina la domanda");
    expect(submittedMail.text).toContain("amministri la piattaforma");
    // The contacts never go into a notification email, even to an admin.
    expect(submittedMail.text).not.toContain(String(input.contactEmail));

    const res = await request(admin, DECIDE, {
      i: {
        applicationId: id,
        decision: "ACCEPT",
        signedOn: "2025-03-20",
        message: "Welcome aboard!",
        expectedVersion: 1,
      },
    });
    expect(res.errors).toBeUndefined();
    const decided = res.data?.decideApplication;
    expect(decided).toMatchObject({
      status: "ACCEPTED",
      version: 2,
      signedOn: "2025-03-20",
      decisionMessage: "Welcome aboard!",
      organization: { slug: `repair-cooperative-ubergang-${tag}`, memorandumSignedOn: "2025-03-20" },
    });
    const [org] = await server.db.select().from(organizations).where(eq(organizations.id, decided.organization.id));
    expect(org).toMatchObject({
      name: input.nameEn,
      nameIt: input.nameIt,
      category: input.category,
      description: input.descriptionEn,
      descriptionIt: input.descriptionIt,
      website: input.website,
      address: input.address,
      district: input.district,
      latitude: input.latitude,
      longitude: input.longitude,
      themes: ["circular-economy", "social-inclusion"],
      sdgs: [8, 12],
      memorandumSignedOn: "2025-03-20",
      withdrawnOn: null,
    });
    const members = await server.db
      .select()
      .from(organizationMembers)
      .where(eq(organizationMembers.organizationId, org?.id ?? ""));
    expect(members.map((m) => [m.userId, m.role])).toEqual([[representative.id, "REPRESENTATIVE"]]);

    // Audit: the acceptance, the organisation's creation, the representative's link.
    const entries = await server.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.actorId, admin.id))
      .orderBy(asc(auditLog.createdAt), asc(auditLog.id));
    // One transaction: one timestamp; compared as a set.
    expect(entries.map((e) => [e.action, e.targetId]).sort()).toEqual([
      ["application.accept", id],
      ["organization.create", org?.id],
      ["organization.link_representative", org?.id],
    ]);

    // The applicant, in English, to their applications; the representative, in Italian, to the organisation.
    const applicantMail = await smtp.mailTo(applicant.email);
    expect(applicantMail.subject).toBe(`[Pratica] The platform team reviewed the application of “${input.nameEn}”`);
    expect(applicantMail.text).toContain("Welcome aboard!");
    expect(applicantMail.text).toContain("/partners/applications");
    expect(applicantMail.text).toContain("an application to join the memorandum that you sent");
    const representativeMail = await smtp.mailTo(representative.email);
    expect(representativeMail.subject).toBe(
      `[Pratica] Il team della piattaforma ha esaminato la domanda di adesione di «${input.nameIt}»`,
    );
    expect(representativeMail.text).toContain(`/partners/${org?.slug}`);
    expect(representativeMail.text).toContain("benvenuti tra i partner");
    const toRepresentative = await server.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, representative.id));
    expect(toRepresentative).toMatchObject([
      { kind: "APPLICATION_DECIDED", applicationId: null, organizationId: org?.id },
    ]);
    // The representative (not the applicant) reaches the organisation, not the application.
    const seen = await request(
      representative,
      `{ notifications { edges { node { kind application { id } organization { slug } } } } }`,
    );
    expect(seen.data?.notifications.edges).toEqual([
      { node: { kind: "APPLICATION_DECIDED", application: null, organization: { slug: org?.slug } } },
    ]);
    const mine = await request(
      applicant,
      `{ notifications { edges { node { kind excerpt application { id status } organization { slug } } } } }`,
    );
    expect(mine.data?.notifications.edges).toEqual([
      {
        node: {
          kind: "APPLICATION_DECIDED",
          excerpt: "Welcome aboard!",
          application: { id, status: "ACCEPTED" },
          organization: { slug: org?.slug },
        },
      },
    ]);
  });

  it("a new address: the invitation email (in the applicant's language) creates the account linked as representative", async () => {
    const admin = await buildUser(server.db, { role: "ADMIN" });
    const applicant = await buildUser(server.db, { locale: "it" });
    const email = `nuova.${Date.now().toString(36)}@example.org`;
    const { id, input } = await submitted(server.url, applicant, { representativeEmail: email });
    const res = await request(admin, DECIDE, {
      i: { applicationId: id, decision: "ACCEPT", signedOn: "2024-11-05", expectedVersion: 1 },
    });
    expect(res.errors).toBeUndefined();
    const orgId = res.data?.decideApplication.organization.id;
    const mail = await smtp.mailTo(email);
    expect(mail.subject).toBe(`Invito a rappresentare ${input.nameIt} su Pratica`);
    expect(mail.text).toContain(`${admin.displayName} ti invita a rappresentare ${input.nameIt}`);
    const { token } = linkIn(mail);
    const accepted = await request(undefined, ACCEPT_INVITATION, {
      input: { token, displayName: "Marco Verdi", password: "a long enough password" },
    });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.acceptInvitation.user).toMatchObject({
      email,
      organizations: [{ role: "REPRESENTATIVE", organization: { id: orgId } }],
    });
    const [created] = await server.db.select().from(users).where(eq(users.email, email));
    expect(created?.emailVerifiedAt).not.toBeNull();
    const entries = await server.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, orgId))
      .orderBy(asc(auditLog.createdAt), asc(auditLog.id));
    expect(entries.map((e) => e.action).sort()).toEqual([
      "organization.accept_invitation",
      "organization.create",
      "organization.invite_representative",
    ]);
  });

  it("the slug is made unique; a partner created meanwhile with the same name makes acceptance a CONFLICT, nothing changed", async () => {
    const admin = await buildUser(server.db, { role: "ADMIN" });
    const tag = Date.now().toString(36);
    await server.db
      .insert(organizations)
      .values({ slug: `studio-${tag}`, name: `Another name ${tag}`, category: "PRIVATE_SECTOR" });
    const { id } = await submitted(server.url, await buildUser(server.db), { nameEn: `Studio ${tag}`, nameIt: null });
    const res = await request(admin, DECIDE, {
      i: { applicationId: id, decision: "ACCEPT", signedOn: "2024-01-15", expectedVersion: 1 },
    });
    expect(res.data?.decideApplication.organization.slug).toBe(`studio-${tag}-2`);

    const second = await submitted(server.url, await buildUser(server.db), { nameEn: `Collision ${tag}` });
    await server.db
      .insert(organizations)
      .values({ slug: `other-${tag}`, name: `collision ${tag}`, category: "PUBLIC_SECTOR" });
    const clash = await refused(
      server.db,
      () =>
        request(admin, DECIDE, {
          i: { applicationId: second.id, decision: "ACCEPT", signedOn: "2024-01-15", expectedVersion: 1 },
        }),
      "CONFLICT",
    );
    expect(clash.errors?.[0]?.extensions?.current).toEqual({ field: "nameEn", takenBy: "PARTNER" });
  });

  it("the accepted application shows its organisation to the applicant; nobody else reaches it", async () => {
    const admin = await buildUser(server.db, { role: "ADMIN" });
    const applicant = await buildUser(server.db);
    const other = await buildUser(server.db);
    const { id } = await submitted(server.url, applicant);
    await request(admin, DECIDE, {
      i: { applicationId: id, decision: "ACCEPT", signedOn: "2024-01-15", expectedVersion: 1 },
    });
    const read = await request(applicant, ONE, { id });
    expect(read.data?.membershipApplication.organization.slug).toBeTruthy();
    await refused(server.db, () => request(other, ONE, { id }), "NOT_FOUND");
    const applying = await request(other, APPLY, { i: applicationInput() });
    expect(applying.errors).toBeUndefined();
    const told = await server.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, other.id)));
    expect(told).toEqual([]);
  });
});

describe("in a digest", () => {
  it("an applicant who chose a daily digest finds the question there, in Italian, linked to their applications", async () => {
    const admin = await buildUser(server.db, { role: "ADMIN" });
    const applicant = await buildUser(server.db, {
      locale: "it",
      emailDelivery: "DAILY",
      timeZone: "Europe/Rome",
      digestHour: 8,
      lastDigestAt: new Date("2030-03-03T14:00:00Z"),
    });
    const { id, input } = await submitted(server.url, applicant);
    for (const message of ["In quale circoscrizione?", "E il sito?"]) {
      const version = (await request(admin, ONE, { id })).data?.membershipApplication.version;
      if (version > 1) {
        await request(applicant, `mutation($i: UpdateApplicationInput!) { updateApplication(input: $i) { id } }`, {
          i: { applicationId: id, expectedVersion: version, application: input, message: "Risposta" },
        });
      }
      const current = (await request(admin, ONE, { id })).data?.membershipApplication.version;
      const asked = await request(admin, DECIDE, {
        i: { applicationId: id, decision: "REQUEST_INFO", message, expectedVersion: current },
      });
      expect(asked.errors).toBeUndefined();
    }
    await server.services.digest.run(new Date("2030-03-04T07:05:00Z"));
    const mail = await smtp.mailTo(applicant.email);
    expect(mail.text).toContain(String(input.nameIt));
    expect(mail.text).toContain("/partners/applications");
    // Both questions are one line: one application.
    expect(mail.text?.split(String(input.nameIt)).length).toBe(2);
  });
});
