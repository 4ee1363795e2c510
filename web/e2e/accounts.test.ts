import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumAvailable, launchChromium } from "./support/browser";
import { linkIn, mailEnv, useSmtpServer } from "./support/mail";
import { REPO_ROOT, type RunningServer, startServer } from "./support/server";

const SCREENSHOTS = join(REPO_ROOT, "docs", "screenshots");
const ARTIFACTS = join(REPO_ROOT, "test-artifacts");

describe.skipIf(!chromiumAvailable())("accounts: confirm the address, forget the password, account security", () => {
  const smtp = useSmtpServer();
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  // Each run has a fresh database: a fixed address keeps the screenshot the same from run to run.
  const user = { name: "Paola Verdi", email: "paola.verdi@example.org", password: "correct horse battery" };
  const newPassword = "a brand new passphrase";

  beforeAll(async () => {
    server = await startServer({ env: mailEnv(smtp) });
    browser = await launchChromium();
    context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: "en-US",
      viewport: { width: 1280, height: 800 },
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    if (page && !page.isClosed()) await page.screenshot({ path: join(ARTIFACTS, "accounts-last.png"), fullPage: true });
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  const banner = () => page.getByRole("region", { name: "Email confirmation" });

  it("a new account sees the banner, asks for the link again, and confirms from the email", async () => {
    await page.goto("/register");
    await page.getByLabel("Display name").fill(user.name);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("button", { name: new RegExp(user.name) }).waitFor();

    await banner().getByText(`we sent a link to ${user.email}`).waitFor();
    await banner().getByRole("button", { name: "Send the link again" }).click();
    await banner().getByRole("status").getByText("Sent. Check your inbox").waitFor();
    await expectNoAxeViolations(page, "the home page with the confirmation banner");
    await page.screenshot({ path: join(ARTIFACTS, "confirm-banner.png") });

    // A write still tried says why it is refused, and joins nothing.
    await page.getByRole("link", { name: "Circular Economy", exact: true }).click();
    await page.getByRole("button", { name: "Join community" }).click();
    await page.getByRole("alert").getByText("Confirm your email address first").waitFor();
    await page.getByRole("button", { name: "Join community" }).waitFor();

    // The registration's email, in the language the form was shown in.
    const mail = await smtp.nthMailTo(user.email, 1);
    expect(mail.subject).toBe("Confirm your email address on Pratica");
    await smtp.nthMailTo(user.email, 2);
    await page.goto(linkIn(mail, "/confirm-email"));
    await page.getByRole("heading", { level: 1, name: "Confirm your email address" }).waitFor();
    await expectNoAxeViolations(page, "the confirm-email page");
    await page.getByRole("button", { name: "Confirm my address" }).click();
    await page.getByText("Your address is confirmed.").waitFor();
    await banner().waitFor({ state: "detached" });
  });

  it("forgot the password: the email arrives, its link opens, a new password logs in", async () => {
    await page.getByRole("button", { name: new RegExp(user.name) }).click();
    await page.getByRole("button", { name: "Log out" }).click();
    await page.getByRole("banner").getByRole("link", { name: "Log in" }).click();
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.getByRole("heading", { level: 1, name: "Forgot your password?" }).waitFor();
    await page.getByLabel("Email").fill(user.email);
    await page.getByRole("button", { name: "Send me a link" }).click();
    await page.getByText(`If an account uses ${user.email}`).waitFor();
    await expectNoAxeViolations(page, "the forgot-password page");

    const mail = await smtp.mailTo(user.email, /Reset your Pratica password/);
    await page.goto(linkIn(mail, "/reset-password"));
    await page.getByRole("heading", { level: 1, name: "Choose a new password" }).waitFor();
    await expectNoAxeViolations(page, "the reset-password page");
    await page.getByLabel("New password").fill(newPassword);
    await page.getByRole("button", { name: "Set the new password" }).click();
    await page.getByRole("button", { name: new RegExp(user.name) }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");

    // The link was single-use.
    await page.goto(linkIn(mail, "/reset-password"));
    await page.getByLabel("New password").fill("yet another passphrase");
    await page.getByRole("button", { name: "Set the new password" }).click();
    await page.getByRole("alert").getByText("This link has already been used.").waitFor();
  });

  it("account security: the sessions list logs another device out; a wrong current password is explained", async () => {
    // Another device: a login from outside the browser.
    const other = await fetch(`${server.baseUrl}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent":
          "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
      },
      body: JSON.stringify({
        query: "mutation($input: LoginInput!) { login(input: $input) { token } }",
        variables: { input: { email: user.email, password: newPassword } },
      }),
    });
    expect(other.status).toBe(200);

    await page.goto("/");
    await page.getByRole("button", { name: new RegExp(user.name) }).click();
    await page.getByRole("link", { name: "Account security" }).click();
    await page.getByRole("heading", { level: 1, name: "Account security" }).waitFor();
    const sessions = page.getByRole("region", { name: "Where you are logged in" });
    await sessions.getByText("This device").waitFor();
    await sessions.getByText("Safari 18 on iOS").waitFor();
    await expectNoAxeViolations(page, "the account security page");
    await page.screenshot({ path: join(SCREENSHOTS, "account-security.png"), fullPage: true });

    await sessions.getByRole("button", { name: "Log out Safari 18 on iOS" }).click();
    await sessions.getByRole("status").getByText("Safari 18 on iOS was logged out.").waitFor();
    // The list is read again after the logout: only this device is left.
    await sessions.getByRole("button", { name: "Log out Safari 18 on iOS" }).waitFor({ state: "detached" });
    expect(await sessions.getByRole("listitem").count()).toBe(1);

    const password = page.getByRole("region", { name: "Change your password" });
    await password.getByLabel("Current password").fill("not my password");
    await password.getByLabel("New password").fill("another long passphrase");
    await password.getByRole("button", { name: "Change password" }).click();
    await password.getByText("This is not your current password.").waitFor();
    expect(await password.getByLabel("Current password").getAttribute("aria-invalid")).toBe("true");
  });

  it("changes the address: the link goes to the new one, a notice to the old, and the click applies it", async () => {
    const newEmail = "paola.verdi@example.net";
    const address = page.getByRole("region", { name: "Change your email address" });
    await address.getByLabel("New email address").fill(newEmail);
    await address.getByLabel("Current password").fill(newPassword);
    await address.getByRole("button", { name: "Send the confirmation link" }).click();
    await address.getByRole("status").getByText(`Check ${newEmail}`).waitFor();

    const notice = await smtp.mailTo(user.email, /A change of your email address/);
    expect(notice.text).toContain(newEmail);
    const mail = await smtp.mailTo(newEmail, /Confirm your new email address/);
    await page.goto(linkIn(mail, "/confirm-email-change"));
    await page.getByRole("heading", { level: 1, name: "Confirm your new email address" }).waitFor();
    await expectNoAxeViolations(page, "the confirm-email-change page");
    await page.getByRole("button", { name: "Use this address" }).click();
    await page.getByText(`Done: your account now uses ${newEmail}.`).waitFor();
  });
});
