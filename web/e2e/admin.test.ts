import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumAvailable, launchChromium } from "./support/browser";
import { linkIn, mailEnv, useSmtpServer } from "./support/mail";
import { REPO_ROOT, type RunningServer, startServer } from "./support/server";
import { logIn } from "./support/session";

const ADMIN_EMAIL = "admin@pratica.local";
const MEMBER_EMAIL = "member@pratica.local";
const ORGANIZATION = "Dora Valley Community Foundation";
const INVITEE = "giulia.representative@example.org";
const screenshot = (name: string) => join(REPO_ROOT, "docs", "screenshots", name);

describe.skipIf(!chromiumAvailable())(
  "the admin area: a community in both languages, a representative invited by email",
  () => {
    const smtp = useSmtpServer();
    let server: RunningServer;
    let browser: Browser;
    let adminContext: BrowserContext;
    let admin: Page;

    beforeAll(async () => {
      server = await startServer({ env: mailEnv(smtp) });
      browser = await launchChromium();
      adminContext = await browser.newContext({
        baseURL: server.baseUrl,
        locale: "en-US",
        viewport: { width: 1280, height: 900 },
      });
      admin = await adminContext.newPage();
      await logIn(admin, ADMIN_EMAIL);
    });

    afterAll(async () => {
      if (admin && !admin.isClosed()) {
        await admin.screenshot({ path: join(REPO_ROOT, "test-artifacts", "admin-last.png"), fullPage: true });
      }
      await browser?.close();
      await server?.stop();
    });

    it("others get a 'not allowed' page", async () => {
      const context = await browser.newContext({ baseURL: server.baseUrl, locale: "en-US" });
      const member = await context.newPage();
      await member.goto("/admin");
      await member.getByRole("heading", { level: 1, name: "Not allowed" }).waitFor();
      await logIn(member, MEMBER_EMAIL);
      await member.goto("/admin/members");
      await member.getByRole("heading", { level: 1, name: "Not allowed" }).waitFor();
      await member.getByText("The administration area is for the platform's admins.", { exact: false }).waitFor();
      await context.close();
    });

    it("an admin creates a community in Italian and English", async () => {
      await admin.goto("/");
      await admin.getByRole("button", { name: /account menu/ }).click();
      await admin.getByRole("link", { name: "Administration" }).click();
      await admin.getByRole("heading", { level: 2, name: "Communities" }).waitFor();
      await admin.getByRole("link", { name: "Circular Economy", exact: true }).waitFor();

      await admin.getByRole("button", { name: "New community" }).click();
      const form = admin.getByRole("form", { name: "New community" });
      await form.getByLabel("Slug").fill("urban-regeneration");
      await form.getByLabel("Name in Italian").fill("Rigenerazione urbana");
      await form.getByLabel("Name in English").fill("Urban Regeneration");
      await form.getByLabel("Tagline in Italian").fill("Spazi dismessi restituiti alla città e a chi la abita.");
      await form.getByLabel("Tagline in English").fill("Disused spaces given back to the city and its people.");
      await form.getByLabel("Description in Italian").fill("Chi riusa edifici e aree dismesse si confronta qui.");
      await form
        .getByLabel("Description in English")
        .fill("Those who reuse disused buildings and land compare notes here.");
      await form.getByLabel("Who can join").selectOption("APPROVAL");
      await expectNoAxeViolations(admin, "the new community form");
      await form.getByRole("button", { name: "Create community" }).click();
      await admin.getByRole("status").filter({ hasText: "Community created." }).waitFor();
      await admin.getByRole("link", { name: "Urban Regeneration", exact: true }).waitFor();
      await expectNoAxeViolations(admin, "the admin's communities");
      await admin.screenshot({ path: screenshot("admin-communities.png") });

      // Shown in the reader's language: the Italian name after a switch.
      await admin.getByRole("button", { name: /^IT/ }).click();
      await admin.getByRole("link", { name: "Rigenerazione urbana", exact: true }).waitFor();
      // The home page, seen in English before, is asked again rather than shown from the cache.
      await admin.getByRole("banner").getByRole("link", { name: "Comunità" }).click();
      await admin.getByRole("link", { name: "Economia circolare", exact: true }).waitFor();
      await admin.getByRole("link", { name: "Rigenerazione urbana", exact: true }).waitFor();
      await admin.goBack();
      await admin.getByRole("link", { name: "Rigenerazione urbana", exact: true }).waitFor();
      await admin.getByRole("button", { name: /^EN/ }).click();
      await admin.getByRole("link", { name: "Urban Regeneration", exact: true }).waitFor();

      // Archived: read-only, and the page says so; then restored.
      await admin.getByRole("button", { name: "Archive Urban Regeneration" }).click();
      await admin.getByRole("button", { name: "Restore Urban Regeneration" }).waitFor();
      await admin.getByRole("link", { name: "Urban Regeneration", exact: true }).click();
      await admin.getByRole("heading", { level: 1, name: "Urban Regeneration" }).waitFor();
      await admin.getByText("Archived: everything stays readable, nothing new can be written").waitFor();
      await expectNoAxeViolations(admin, "an archived community");
      await admin.goto("/admin");
      await admin.getByRole("button", { name: "Restore Urban Regeneration" }).click();
      await admin.getByRole("button", { name: "Archive Urban Regeneration" }).waitFor();
    });

    it("an admin invites a representative, who accepts from the link in the email", async () => {
      await admin
        .getByRole("navigation", { name: "Administration sections" })
        .getByRole("link", { name: "Organisations" })
        .click();
      await admin.getByRole("heading", { level: 2, name: "Organisations" }).waitFor();
      await admin.getByRole("button", { name: `Edit ${ORGANIZATION}` }).click();
      await admin.getByRole("heading", { name: `Representatives — ${ORGANIZATION}` }).waitFor();
      await admin.getByText("No representative yet.").waitFor();

      const arrived = smtp.arrival(`Invitation to represent ${ORGANIZATION} on Pratica`);
      await admin.getByLabel("Email address").fill(INVITEE);
      await admin.getByLabel("Language of the invitation").selectOption("en");
      await admin.getByRole("button", { name: "Send invitation" }).click();
      await admin
        .getByRole("status")
        .filter({ hasText: `Invitation sent to ${INVITEE}.` })
        .waitFor();
      await expectNoAxeViolations(admin, "an organisation's edit form with its representatives");
      await admin.screenshot({ path: screenshot("admin-organizations.png") });

      const mail = await arrived;
      expect(smtp.received.find((r) => r.mail === mail)?.envelopeTo).toEqual([INVITEE]);

      const invitee = await (await browser.newContext({ locale: "en-US" })).newPage();
      await invitee.goto(linkIn(mail, "/invitation"));
      await invitee.getByRole("heading", { level: 1, name: "Invitation" }).waitFor();
      await invitee.getByText(`You are invited to represent ${ORGANIZATION} on Pratica.`).waitFor();
      await expectNoAxeViolations(invitee, "the invitation page");
      await invitee.getByLabel("Display name").fill("Giulia Neri");
      await invitee.getByLabel("Password").fill("a long enough password");
      await invitee.getByRole("button", { name: "Create account and accept" }).click();
      await invitee.getByRole("heading", { level: 1, name: "Giulia Neri" }).waitFor();
      const membership = invitee.getByRole("listitem").filter({ hasText: ORGANIZATION });
      await membership.getByText("Representative").waitFor();

      // The admin sees the new representative.
      await admin.reload();
      await admin.getByRole("button", { name: `Edit ${ORGANIZATION}` }).click();
      await admin.getByText(INVITEE).waitFor();
    });

    it("members: the new representative is found, verified by the link", async () => {
      await admin.goto("/admin/members");
      await admin.getByRole("heading", { level: 2, name: "Members" }).waitFor();
      await admin.getByLabel("Search by email or name").fill("giulia");
      await admin.getByRole("main").getByRole("button", { name: "Search", exact: true }).click();
      await admin.getByText("1 account").waitFor();
      const row = admin.getByRole("listitem").filter({ hasText: INVITEE });
      await row.getByText("Verified").waitFor();
      await row.getByRole("button", { name: "Make admin" }).waitFor();
      await expectNoAxeViolations(admin, "the admin's members");
    });

    it("members: ?q= opens the list already searched (where a profile's moderation case links)", async () => {
      await admin.goto("/admin/members?q=giulia");
      await admin.getByText("1 account").waitFor();
      await admin.getByRole("listitem").filter({ hasText: INVITEE }).waitFor();
      expect(await admin.getByLabel("Search by email or name").inputValue()).toBe("giulia");
    });

    it("every action is in the audit log", async () => {
      await admin.goto("/admin/audit");
      await admin.getByRole("heading", { level: 2, name: "Audit log" }).waitFor();
      const entry = (action: string) =>
        admin.getByRole("listitem").filter({ has: admin.locator("code", { hasText: action }) });
      await entry("organization.accept_invitation").getByText("Giulia Neri", { exact: false }).waitFor();
      await entry("organization.invite_representative").getByText("Platform Admin", { exact: false }).waitFor();
      await entry("community.create").getByText('"nameIt": "Rigenerazione urbana"', { exact: false }).waitFor();
      await expectNoAxeViolations(admin, "the audit log");
      await admin.screenshot({ path: screenshot("admin-audit.png") });

      await admin.getByLabel("Show").selectOption("community.create");
      await expect.poll(() => admin.locator("code", { hasText: "organization." }).count()).toBe(0);
      await entry("community.create").waitFor();
    });
  },
);
