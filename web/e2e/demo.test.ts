import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumAvailable, launchChromium } from "./support/browser";
import { REPO_ROOT, type RunningServer, startServer } from "./support/server";
import { logIn } from "./support/session";

const ADMIN_EMAIL = "admin@pratica.local";
const ORGANIZATION = "Dora Valley Community Foundation";
const SCREENSHOTS = join(REPO_ROOT, "docs", "screenshots");

/**
 * The demo of a fresh install, as a newcomer runs it (`pnpm run demo`, README.md): development,
 * no SMTP server, the demo seed. Every email lands in the development mailbox (/dev/mail, linked
 * from the footer), and each step is taken from there: the registration's confirmation, a
 * password reset, an admin's invitation of an organisation's representative.
 * Needs a server of its own in development: skipped against an external one (E2E_BASE_URL).
 */
describe.skipIf(!chromiumAvailable() || Boolean(process.env.E2E_BASE_URL))(
  "the demo on a fresh install: every email in the development mailbox",
  () => {
    let server: RunningServer;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    const user = { name: "Marco Bianchi", email: "marco.bianchi@example.org", password: "a first long passphrase" };
    const newPassword = "a second long passphrase";
    const representative = { name: "Elena Russo", email: "elena.russo@example.org", password: "her own passphrase" };

    beforeAll(async () => {
      // No SMTP_URL and no PUBLIC_ORIGIN: links in the emails point at http://localhost:<port>.
      server = await startServer({ env: { NODE_ENV: "development", SEED_DEMO: "1", MAIL_POLL_SECONDS: "0.5" } });
      browser = await launchChromium();
      context = await browser.newContext({
        // The address the README tells a newcomer to open, and the one the emails' links use.
        baseURL: server.baseUrl.replace("127.0.0.1", "localhost"),
        locale: "en-US",
        viewport: { width: 1280, height: 900 },
      });
      page = await context.newPage();
    });

    afterAll(async () => {
      if (page && !page.isClosed()) await page.screenshot({ path: join(REPO_ROOT, "test-artifacts", "demo-last.png") });
      await context?.close();
      await browser?.close();
      await server?.stop();
    });

    const footerMailboxLink = () => page.getByRole("contentinfo").getByRole("link", { name: "Development mailbox" });
    const accountMenu = (name: string) => page.getByRole("button", { name: new RegExp(`${name}.*account menu`) });

    async function logOut(name: string) {
      await accountMenu(name).click();
      await page.getByRole("button", { name: "Log out" }).click();
      await page.getByRole("banner").getByRole("link", { name: "Log in" }).waitFor();
    }

    /**
     * From an app page: the footer's link to the mailbox, then the newest message to `to` with
     * `subject`. The sender keeps it within a poll or two (MAIL_POLL_SECONDS): the list, a plain
     * page, is read again until it shows it.
     */
    async function openMail(to: string, subject: string) {
      await footerMailboxLink().click();
      await page.getByRole("heading", { level: 1, name: "Development mailbox" }).waitFor();
      const message = page.getByRole("row").filter({ hasText: to }).getByRole("link", { name: subject, exact: true });
      await expect
        .poll(
          async () => {
            if ((await message.count()) === 0) await page.reload();
            return message.count();
          },
          { timeout: 15_000, interval: 250 },
        )
        .toBeGreaterThan(0);
      await expectNoAxeViolations(page, "the development mailbox");
      // Newest first: the first row is the latest message.
      await message.first().click();
      await page.getByRole("heading", { level: 1, name: subject }).waitFor();
      await page.getByText(`To: ${to}`).waitFor();
      // The HTML part, framed: the email as a mail client would show it.
      await page.frameLocator('iframe[title="HTML version"]').getByRole("heading", { level: 1 }).waitFor();
      await expectNoAxeViolations(page, `the development mailbox's message "${subject}"`);
    }

    /** The message page's link (under "Links in the message") to `path`, followed. */
    async function followLink(path: string) {
      const link = page
        .getByRole("listitem")
        .getByRole("link", { name: new RegExp(`^${escapeRegExp(`${new URL(page.url()).origin}${path}`)}\\?`) });
      await link.click();
      await page.waitForURL((url) => url.pathname === path);
    }

    it("the footer links the development mailbox", async () => {
      await page.goto("/");
      await page.getByRole("heading", { level: 1, name: /Learn, build and decide together/ }).waitFor();
      await footerMailboxLink().click();
      await page.getByRole("heading", { level: 1, name: "Development mailbox" }).waitFor();
      await page.getByText("No messages yet.", { exact: false }).waitFor();
      await expectNoAxeViolations(page, "the empty development mailbox");
      await page.goBack();
    });

    it("a new account is confirmed from the mailbox and can then join a community", async () => {
      await page.getByRole("banner").getByRole("link", { name: "Register" }).click();
      await page.getByLabel("Display name").fill(user.name);
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Create account" }).click();
      await accountMenu(user.name).waitFor();

      await openMail(user.email, "Confirm your email address on Pratica");
      await page.screenshot({ path: join(SCREENSHOTS, "dev-mailbox.png"), fullPage: true });
      await followLink("/confirm-email");
      await page.getByRole("heading", { level: 1, name: "Confirm your email address" }).waitFor();
      await page.getByRole("button", { name: "Confirm my address" }).click();
      await page.getByText("Your address is confirmed.").waitFor();

      await page.getByRole("banner").getByRole("link", { name: "Communities" }).click();
      await page.getByRole("link", { name: "Circular Economy", exact: true }).click();
      await page.getByRole("button", { name: "Join community" }).click();
      await page.getByText("You joined Circular Economy.").waitFor();
      await page.getByRole("button", { name: "Leave community" }).waitFor();
    });

    it("a forgotten password is reset from the mailbox, and the new one logs in", async () => {
      await logOut(user.name);
      await page.getByRole("banner").getByRole("link", { name: "Log in" }).click();
      await page.getByRole("link", { name: "Forgot your password?" }).click();
      // The login page also has an "Email" field: fill the one of the page just opened.
      await page.getByRole("heading", { level: 1, name: "Forgot your password?" }).waitFor();
      await page.getByLabel("Email").fill(user.email);
      await page.getByRole("button", { name: "Send me a link" }).click();
      await page.getByText(`If an account uses ${user.email}`).waitFor();

      await openMail(user.email, "Reset your Pratica password");
      await followLink("/reset-password");
      await page.getByRole("heading", { level: 1, name: "Choose a new password" }).waitFor();
      await page.getByLabel("New password").fill(newPassword);
      await page.getByRole("button", { name: "Set the new password" }).click();
      await accountMenu(user.name).waitFor();

      await logOut(user.name);
      await logIn(page, user.email, newPassword);
      await accountMenu(user.name).waitFor();
      await logOut(user.name);
    });

    it("an admin creates a community and invites a representative, who accepts from the mailbox", async () => {
      await logIn(page, ADMIN_EMAIL);
      await accountMenu("Platform Admin").click();
      await page.getByRole("link", { name: "Administration" }).click();
      await page.getByRole("heading", { level: 2, name: "Communities" }).waitFor();

      await page.getByRole("button", { name: "New community" }).click();
      const form = page.getByRole("form", { name: "New community" });
      await form.getByLabel("Slug").fill("urban-regeneration");
      await form.getByLabel("Name in Italian").fill("Rigenerazione urbana");
      await form.getByLabel("Name in English").fill("Urban Regeneration");
      await form.getByLabel("Tagline in Italian").fill("Spazi dismessi restituiti alla città e a chi la abita.");
      await form.getByLabel("Tagline in English").fill("Disused spaces given back to the city and its people.");
      await form.getByLabel("Description in Italian").fill("Chi riusa edifici e aree dismesse si confronta qui.");
      await form
        .getByLabel("Description in English")
        .fill("Those who reuse disused buildings and land compare notes here.");
      await form.getByRole("button", { name: "Create community" }).click();
      await page.getByRole("status").filter({ hasText: "Community created." }).waitFor();
      await page.getByRole("link", { name: "Urban Regeneration", exact: true }).waitFor();

      await page
        .getByRole("navigation", { name: "Administration sections" })
        .getByRole("link", { name: "Organisations" })
        .click();
      await page.getByRole("button", { name: `Edit ${ORGANIZATION}` }).click();
      await page.getByRole("heading", { name: `Representatives — ${ORGANIZATION}` }).waitFor();
      await page.getByLabel("Email address").fill(representative.email);
      await page.getByLabel("Language of the invitation").selectOption("en");
      await page.getByRole("button", { name: "Send invitation" }).click();
      await page
        .getByRole("status")
        .filter({ hasText: `Invitation sent to ${representative.email}.` })
        .waitFor();
      await logOut("Platform Admin");

      await openMail(representative.email, `Invitation to represent ${ORGANIZATION} on Pratica`);
      await followLink("/invitation");
      await page.getByRole("heading", { level: 1, name: "Invitation" }).waitFor();
      await page.getByText(`You are invited to represent ${ORGANIZATION} on Pratica.`).waitFor();
      await page.getByLabel("Display name").fill(representative.name);
      await page.getByLabel("Password").fill(representative.password);
      await page.getByRole("button", { name: "Create account and accept" }).click();

      // Logged in, on a profile that lists the organisation they now represent.
      await accountMenu(representative.name).waitFor();
      await page.getByRole("heading", { level: 1, name: representative.name }).waitFor();
      await page.getByRole("listitem").filter({ hasText: ORGANIZATION }).getByText("Representative").waitFor();
      // The new community is there for everyone, in the reader's language.
      await page.getByRole("banner").getByRole("link", { name: "Communities" }).click();
      await page.getByRole("link", { name: "Urban Regeneration", exact: true }).waitFor();
    });
  },
);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
