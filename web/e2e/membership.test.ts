import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumAvailable, launchChromium } from "./support/browser";
import { mailEnv, useSmtpServer } from "./support/mail";
import { REPO_ROOT, type RunningServer, startServer } from "./support/server";
import { gql, logIn } from "./support/session";

const ADMIN_EMAIL = "admin@pratica.local";
const MEMBER_EMAIL = "member@pratica.local";
/** A seeded partner (db/src/seed/data/organizations.ts): its name is taken. */
const PARTNER_NAME = "City of Torino — Social Innovation Department";
const NAME = "Porta Palazzo Repair Cooperative";
const NAME_IT = "Cooperativa Riparazioni Porta Palazzo";
const REPRESENTATIVE = "chiara.repair@example.org";
const CATEGORY = "THIRD_SECTOR_AND_CULTURE";
const CATEGORY_LABEL = "Third sector and culture";
const screenshot = (name: string) => join(REPO_ROOT, "docs", "screenshots", name);

interface ObservatoryFigures {
  observatory: { refreshedAt: string; partnersByCategory: { category: string; partners: number }[] };
}

const observatoryFigures = `query { observatory { refreshedAt partnersByCategory { category partners } } }`;

async function categoryCount(page: Page): Promise<{ refreshedAt: string; partners: number }> {
  const { observatory } = await gql<ObservatoryFigures>(page, observatoryFigures, {});
  const row = observatory.partnersByCategory.find((r) => r.category === CATEGORY);
  return { refreshedAt: observatory.refreshedAt, partners: row?.partners ?? 0 };
}

/** The application form filled as a person would, field by field by its label. */
async function fillApplication(page: Page, name: string) {
  const form = page.getByRole("main");
  await form.getByLabel("Name in English").fill(name);
  await form.getByLabel("Name in Italian").fill(NAME_IT);
  await form.getByLabel("Category", { exact: true }).selectOption(CATEGORY);
  await form
    .getByLabel("Description in English")
    .fill("A cooperative that repairs household appliances and trains young people to do it.");
  await form.getByLabel("Website").fill("https://repair.example.org");
  await form.getByLabel("Address").fill("Piazza della Repubblica 10, Torino");
  await form.getByLabel("District").fill("Aurora");
  await form.getByLabel("Latitude").fill("45,0771");
  await form.getByLabel("Longitude").fill("7.6826");
  await form.getByRole("group", { name: "Themes you work on" }).getByLabel("Circular economy").check();
  await form
    .getByRole("group", { name: "2030 Agenda goals you work on" })
    .getByLabel("12. Responsible consumption and production")
    .check();
  await form.getByRole("group", { name: "Communities that interest you" }).getByLabel("Circular Economy").check();
  await form
    .getByLabel("Why", { exact: true })
    .fill("We repair what others throw away and want to work with the circular-economy community.");
  await form.getByRole("group", { name: "Contact person" }).getByLabel("Name", { exact: true }).fill("Marco Bianchi");
  await form
    .getByRole("group", { name: "Contact person" })
    .getByLabel("Email", { exact: true })
    .fill("marco@repair.example.org");
  await form.getByLabel("Representative's name").fill("Chiara Verdi");
  await form.getByLabel("Representative's email").fill(REPRESENTATIVE);
}

describe.skipIf(!chromiumAvailable())(
  "joining by memorandum: a member applies, the admin asks for more, the applicant answers, the admin accepts",
  () => {
    const smtp = useSmtpServer();
    let server: RunningServer;
    let browser: Browser;
    let memberContext: BrowserContext;
    let adminContext: BrowserContext;
    let member: Page;
    let admin: Page;
    let applicationUrl = "";
    let before = { refreshedAt: "", partners: 0 };

    beforeAll(async () => {
      // A refresh asked for by the acceptance runs a second later (the least the api allows).
      server = await startServer({
        env: (base) => ({ ...mailEnv(smtp)(base), OBSERVATORY_REFRESH_DELAY_SECONDS: "1" }),
      });
      browser = await launchChromium();
      const options = { baseURL: server.baseUrl, locale: "en-US", viewport: { width: 1280, height: 900 } };
      memberContext = await browser.newContext(options);
      adminContext = await browser.newContext(options);
      member = await memberContext.newPage();
      admin = await adminContext.newPage();
    });

    afterAll(async () => {
      for (const [page, name] of [
        [member, "membership-member-last.png"],
        [admin, "membership-admin-last.png"],
      ] as const) {
        if (page && !page.isClosed()) {
          await page.screenshot({ path: join(REPO_ROOT, "test-artifacts", name), fullPage: true });
        }
      }
      await browser?.close();
      await server?.stop();
    });

    it("signed out, the form asks to log in and comes back", async () => {
      await member.goto("/partners/apply");
      await member.getByRole("heading", { level: 1, name: "Apply to join the alliance" }).waitFor();
      await member.getByText("Log in to apply on behalf of your organisation").waitFor();
      await member.getByRole("main").getByRole("link", { name: "Log in" }).click();
      await member.getByLabel("Email").fill(MEMBER_EMAIL);
      await member.getByLabel("Password").fill("pratica-demo");
      await member.getByRole("main").getByRole("button", { name: "Log in" }).click();
      await member.getByRole("button", { name: "Send the application" }).waitFor();
      expect(new URL(member.url()).pathname).toBe("/partners/apply");
      await expectNoAxeViolations(member, "the application form");
    });

    it("refuses invalid input at its field, and a partner's name with CONFLICT explained", async () => {
      before = await categoryCount(member);
      await fillApplication(member, PARTNER_NAME);
      // Out of range, and too short a reason: said at each field, the first one focused.
      await member.getByLabel("Latitude").fill("95");
      await member.getByLabel("Why", { exact: true }).fill("Too short");
      await member.getByRole("button", { name: "Send the application" }).click();
      await member.getByRole("alert").filter({ hasText: "Some fields need attention" }).waitFor();
      await member.getByText("A latitude between -90 and 90, with its longitude.").waitFor();
      await member.getByText("Say why you want to join, in at least 20 characters.").waitFor();
      expect(await member.getByLabel("Latitude").evaluate((el) => el === document.activeElement)).toBe(true);
      await expectNoAxeViolations(member, "the application form with its errors");

      // Valid now, but the name is a partner's: the api's CONFLICT, explained at the name.
      await member.getByLabel("Latitude").fill("45.0771");
      await member
        .getByLabel("Why", { exact: true })
        .fill("We repair what others throw away and want to work with the circular-economy community.");
      await member.getByRole("button", { name: "Send the application" }).click();
      await member
        .getByRole("alert")
        .filter({ hasText: "already a partner or has an application under review" })
        .waitFor();
      expect(await member.getByLabel("Name in English").getAttribute("aria-invalid")).toBe("true");

      await member.getByLabel("Name in English").fill(NAME);
      await member.getByRole("button", { name: "Send the application" }).click();
      await member.getByRole("heading", { level: 1, name: NAME }).waitFor();
      await member.getByText("Application sent.").waitFor();
      await member.getByText("Under review").first().waitFor();
      applicationUrl = member.url();
      // The account menu now leads to the applicant's applications.
      await member.getByRole("button", { name: /account menu/ }).click();
      await member.getByRole("banner").getByRole("link", { name: "Applications to join", exact: true }).waitFor();
      await member.getByRole("button", { name: /account menu/ }).click();
      expect(new URL(applicationUrl).pathname).toMatch(/^\/partners\/applications\/.+/);
      await expectNoAxeViolations(member, "the applicant's application");
    });

    it("the admin sees it in the queue, with its contacts, and asks for more", async () => {
      await logIn(admin, ADMIN_EMAIL);
      // Told by a notification that leads to the review page.
      await admin.goto("/notifications");
      await admin.getByRole("link", { name: `Demo Member applied to join for “${NAME}”` }).click();
      await admin.getByRole("heading", { level: 2, name: NAME }).waitFor();
      expect(new URL(admin.url()).pathname).toMatch(/^\/admin\/applications\/.+/);
      await admin.goto("/admin");
      const nav = admin.getByRole("navigation", { name: "Administration sections" });
      // The tab tells how many wait for a decision (the seed's pending one and ours).
      await nav.getByRole("link", { name: /Applications.*awaiting a decision/ }).click();
      await admin.getByRole("heading", { level: 2, name: "Applications to join" }).waitFor();
      await admin.getByRole("link", { name: NAME }).click();
      await admin.getByRole("heading", { level: 2, name: NAME }).waitFor();
      await admin.getByText("marco@repair.example.org").waitFor();
      await admin.getByText(REPRESENTATIVE).waitFor();
      await expectNoAxeViolations(admin, "an application's review page");

      // Asking for more needs a question.
      await admin.getByLabel("Ask for more information").check();
      await admin.getByRole("button", { name: "Ask for more" }).click();
      await admin.getByText("Write what you need to know.").waitFor();
      await admin.getByLabel("Your question to the applicant").fill("How many young people did you train last year?");
      await admin.getByRole("button", { name: "Ask for more" }).click();
      await admin.getByRole("status").filter({ hasText: "Question sent to the applicant." }).waitFor();
      await admin.getByText("More information asked").first().waitFor();
    });

    it("the applicant is told, answers, and the admin's stale decision is refused with the current state", async () => {
      await member.goto("/notifications");
      await member
        .getByRole("link", { name: `The platform team asks for more about the application of “${NAME}”` })
        .click();
      await member.getByRole("heading", { name: NAME }).waitFor();
      await member.getByText("How many young people did you train last year?").first().waitFor();
      await member.getByRole("button", { name: "Answer" }).click();
      // The form comes back filled with what was sent.
      expect(await member.getByLabel("Name in English").inputValue()).toBe(NAME);
      await member.getByLabel("Answer to the platform team").fill("Twenty-four, in three courses.");
      await member.getByRole("button", { name: "Send the answer" }).click();
      await member.getByRole("status").filter({ hasText: "Answer sent" }).waitFor();
      await member.getByText("Under review").first().waitFor();

      // The admin's page still shows the version before the answer: accepting it is refused,
      // and the page then shows the application as it is now, the answer included.
      await admin.getByLabel("Accept: the organisation becomes a partner").check();
      await admin.getByRole("button", { name: "Accept the application" }).click();
      await admin.getByRole("alert").filter({ hasText: "Someone changed this application meanwhile" }).waitFor();
      await admin.getByText("Twenty-four, in three courses.").waitFor();
      await expectNoAxeViolations(admin, "a stale decision");
      await admin.screenshot({ path: screenshot("application-review.png"), fullPage: true });
    });

    // Longer than the browser tests' 60 s: the wait for the observatory's refresh alone may take 90 s.
    it("the admin accepts: the organisation exists, its representative is invited", { timeout: 150_000 }, async () => {
      await admin.getByLabel("Accept: the organisation becomes a partner").check();
      // The signing date defaults to today.
      expect(await admin.getByLabel("Memorandum signed on").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      await admin.getByRole("button", { name: "Accept the application" }).click();
      const link = admin.getByRole("main").getByRole("link", { name: NAME });
      await link.waitFor();
      // Committed by now: a refresh that started later counts the new partner.
      const accepted = new Date().toISOString();
      expect(await link.getAttribute("href")).toMatch(/^\/partners\/[a-z0-9-]+$/);
      const invitation = await smtp.mailTo(REPRESENTATIVE);
      expect(invitation.text).toContain(NAME_IT); // in the applicant's language (Italian here)

      await member.goto(applicationUrl);
      await member.getByText("Accepted").first().waitFor();
      await member.getByRole("main").getByRole("link", { name: NAME }).waitFor();

      // The observatory's figures are refreshed by a job soon after the acceptance: wait for that
      // refresh (its timestamp passing the acceptance), then the category counts one more.
      await vi.waitFor(
        async () => {
          const now = await categoryCount(member);
          if (now.refreshedAt < accepted) throw new Error(`observatory refreshed at ${now.refreshedAt}`);
        },
        // Generous: on a loaded machine (five test suites on two cores) the job queue picks work up late.
        { timeout: 90_000, interval: 250 },
      );
      await member.goto("/observatory");
      const section = member.getByRole("region", { name: "Partners by category" });
      await section.getByText("Show the data").click();
      const row = section.getByRole("row", { name: new RegExp(`^${CATEGORY_LABEL}`) });
      await row.getByRole("cell", { name: String(before.partners + 1), exact: true }).waitFor();
    });

    it("the new partner is in the directory and in the map's list", async () => {
      // Newest signature first: today's is on the first page, whatever the seed holds.
      await member.goto("/partners?sort=signed");
      await member.getByRole("main").getByRole("link", { name: NAME }).first().waitFor();
      // The map's filters are the directory's: this year's signatures, ours among them, in the list.
      await member.goto(`/partners/map?year=${new Date().getFullYear()}`);
      await member.getByRole("main").getByRole("link", { name: NAME }).first().waitFor();
    });

    it("the applicant withdraws another application, after confirming", async () => {
      const other = "Aurora Neighbourhood Bakery";
      await gql(member, `mutation ($input: MembershipApplicationInput!) { applyForMembership(input: $input) { id } }`, {
        input: {
          nameEn: other,
          category: "PRIVATE_SECTOR",
          descriptionEn: "A bakery that hires young people out of work.",
          motivation: "We want to meet the NEET community and share what we learnt.",
          contactName: "Luca Neri",
          contactEmail: "luca@bakery.example.org",
          representativeName: "Luca Neri",
          representativeEmail: "luca@bakery.example.org",
        },
      });
      await member.goto("/partners/applications");
      const card = member.getByRole("article", { name: other });
      await card.getByText("Under review").waitFor();
      await card.getByRole("button", { name: "Withdraw the application" }).click();
      await card.getByText("Withdraw this application?").waitFor();
      await expectNoAxeViolations(member, "the applicant's applications, confirming a withdrawal");
      await card.getByRole("button", { name: "Withdraw", exact: true }).click();
      await card.getByRole("status").filter({ hasText: "Application withdrawn." }).waitFor();
      await card.getByText("Withdrawn", { exact: true }).first().waitFor();
      expect(await card.getByRole("button", { name: "Withdraw the application" }).count()).toBe(0);
    });

    it("the admin declines the seed's pending application with a reason, found again by its status", async () => {
      const seeded = "Borgo Filadelfia Sports Association";
      await admin.goto("/admin/applications");
      await admin.getByRole("link", { name: seeded }).click();
      await admin.getByRole("heading", { level: 2, name: seeded }).waitFor();
      await admin.getByLabel("Decline", { exact: true }).check();
      await admin.getByRole("button", { name: "Decline the application" }).click();
      await admin.getByText("Write why the application is declined.").waitFor();
      await admin
        .getByLabel("Reason, sent to the applicant")
        .fill("Sports clubs join through the city's sports council.");
      await admin.getByRole("button", { name: "Decline the application" }).click();
      await admin.getByText("Declined", { exact: true }).first().waitFor();
      await admin.getByRole("link", { name: "All applications" }).click();
      await admin.getByLabel("Show").selectOption("DECLINED");
      await admin.getByRole("main").getByRole("link", { name: seeded }).waitFor();
      await expectNoAxeViolations(admin, "the admin's declined applications");
    });

    it("the form speaks Italian and fits a 360 px phone", async () => {
      const italian = await browser.newContext({
        baseURL: server.baseUrl,
        locale: "it-IT",
        viewport: { width: 360, height: 740 },
      });
      const page = await italian.newPage();
      // Logged in without the (English-labelled) login helper: the api's login sets the cookie.
      await page.goto("/");
      await gql(page, `mutation ($input: LoginInput!) { login(input: $input) { user { id } } }`, {
        input: { email: MEMBER_EMAIL, password: "pratica-demo" },
      });
      await page.goto("/partners/apply");
      await page.getByRole("heading", { level: 1, name: "Chiedi di aderire all’alleanza" }).waitFor();
      await page.getByRole("group", { name: "Chi siete" }).waitFor();
      await page.getByRole("button", { name: "Invia la domanda" }).waitFor();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
      await expectNoAxeViolations(page, "the application form in Italian on a phone");
      await italian.close();
    });
  },
);
