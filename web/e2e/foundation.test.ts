import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumAvailable, launchChromium } from "./support/browser";
import { linkIn, mailEnv, useSmtpServer } from "./support/mail";
import { REPO_ROOT, type RunningServer, startServer } from "./support/server";

const ARTIFACTS = join(REPO_ROOT, "test-artifacts");
const SCREENSHOTS = join(REPO_ROOT, "docs", "screenshots");

const COMMUNITIES = [
  "Benefit Corporations",
  "Circular Economy",
  "Gender Equality",
  "OP4Impact — Professional Orders for Impact",
  "NEET",
];

describe.skipIf(!chromiumAvailable())("foundation: browse, register, log in, switch language, join", () => {
  // A new account confirms its address before it can join: the confirmation email arrives here.
  const smtp = useSmtpServer();
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  // Content-Security-Policy violations, as the page reports them and as Chromium logs them.
  const violations: string[] = [];
  const sockets: string[] = [];
  const unique = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const user = { name: "Giulia Bianchi", email: `giulia.${unique}@example.org`, password: "correct horse battery" };

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    await mkdir(SCREENSHOTS, { recursive: true });
    server = await startServer({ env: mailEnv(smtp) });
    browser = await launchChromium();
    context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: "en-US",
      viewport: { width: 1280, height: 800 },
    });
    // Runs before the app's own scripts in every document, whatever the page's CSP says.
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
      });
    });
    page = await context.newPage();
    page.on("console", (message) => {
      if (/CSP violation|Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    page.on("websocket", (socket) => sockets.push(socket.url()));
  });

  afterAll(async () => {
    if (page && !page.isClosed())
      await page.screenshot({ path: join(ARTIFACTS, "foundation-last.png"), fullPage: true });
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it("shows the five communities on the home page", async () => {
    const response = await page.goto("/");
    // The policy is on, and strict: no inline script or style anywhere.
    const policy = response?.headers()["content-security-policy"] ?? "";
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain("unsafe-inline");
    const communities = page.getByRole("region", { name: "Communities" });
    for (const name of COMMUNITIES) {
      await communities.getByRole("link", { name, exact: true }).waitFor();
    }
    expect(await communities.getByRole("article").count()).toBe(5);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");

    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(violations).toEqual([]);
    // Checked once everything on it has loaded, the partner directory last.
    await page.locator(".partner-summary").first().waitFor();
    await expectNoAxeViolations(page, "the home page");
    await page.screenshot({ path: join(SCREENSHOTS, "home.png") });
    await page.screenshot({ path: join(ARTIFACTS, "home-full.png"), fullPage: true });
  });

  it("says so, inside the shell, when a page's code cannot be loaded", async () => {
    // Pages are lazy routes: a chunk that fails (a release replaced it, the network dropped)
    // must end on the error page, not on an endless spinner or a blank screen.
    const probe = await context.newPage();
    try {
      await probe.route(/\/assets\/ThreadPage-[^/]+\.js$/, (route) => route.abort());
      await probe.goto("/t/00000000-0000-0000-0000-000000000000");
      await probe.getByRole("heading", { level: 1, name: "Something went wrong" }).waitFor();
      await probe.getByRole("link", { name: "Reload the page" }).waitFor();
      await probe.getByRole("banner").getByRole("link", { name: "Log in" }).waitFor();
    } finally {
      await probe.close();
    }
  });

  it("registers a new account and comes back to the home page", async () => {
    await page.getByRole("banner").getByRole("link", { name: "Register" }).click();
    await page.getByRole("heading", { name: "Create your account" }).waitFor();

    // Refused before sending: every rule is explained next to its field.
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByText("Use at least 10 characters.").waitFor();
    expect(await page.getByLabel("Password").getAttribute("aria-invalid")).toBe("true");

    await page.getByLabel("Display name").fill(user.name);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Create account" }).click();

    await page.getByRole("button", { name: new RegExp(user.name) }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");

    // Confirmed from the link in the email, the account can write (join, below).
    await page.goto(linkIn(await smtp.mailTo(user.email), "/confirm-email"));
    await page.getByRole("button", { name: "Confirm my address" }).click();
    await page.getByText("Your address is confirmed.").waitFor();
    await page.goto("/");
  });

  it("logs out and logs in again", async () => {
    await page.getByRole("button", { name: new RegExp(user.name) }).click();
    await page.getByRole("button", { name: "Log out" }).click();
    await page.getByRole("banner").getByRole("link", { name: "Log in" }).waitFor();

    await page.getByRole("banner").getByRole("link", { name: "Log in" }).click();
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("main").getByRole("button", { name: "Log in" }).click();
    await page.getByRole("alert").getByText("The email or the password is not correct.").waitFor();

    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("main").getByRole("button", { name: "Log in" }).click();
    await page.getByRole("button", { name: new RegExp(user.name) }).waitFor();
  });

  it("switches to Italian and remembers the choice", async () => {
    await page.getByRole("button", { name: "Italiano" }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe("it");
    await page.getByRole("region", { name: "Comunità" }).waitFor();
    expect(await page.getByRole("button", { name: "Italiano" }).getAttribute("aria-pressed")).toBe("true");

    await page.reload();
    await page.getByRole("link", { name: "Vai al contenuto" }).waitFor({ state: "attached" });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("it");
    await page.getByRole("region", { name: "Comunità" }).getByRole("article").first().waitFor();
    await page.locator(".partner-summary").first().waitFor();
    await expectNoAxeViolations(page, "the home page in Italian");
  });

  it("joins a community: the member count goes up and Leave appears", async () => {
    // The page is in Italian since the switch above, and so are the community names.
    await page.getByRole("link", { name: "Economia circolare", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Economia circolare" }).waitFor();

    const count = page.getByText(/^\d+ membr[oi]$/);
    const before = Number.parseInt((await count.textContent()) ?? "", 10);
    expect(Number.isNaN(before)).toBe(false);

    await page.getByRole("button", { name: "Entra nella comunità" }).click();
    await page.getByRole("button", { name: "Lascia la comunità" }).waitFor();
    await expect.poll(async () => Number.parseInt((await count.textContent()) ?? "", 10)).toBe(before + 1);
    await page.getByRole("complementary").getByText("Ne fai parte").waitFor();

    await page.screenshot({ path: join(ARTIFACTS, "community-joined.png"), fullPage: true });
  });

  it("shows a page's own strings in the language switched to there, whichever was shown first", async () => {
    // A fresh visitor starts on the home page in English, which loads only the strings of the
    // shell and the home page; the other pages' strings come with the first other page.
    const visitor = await browser.newContext({ baseURL: server.baseUrl, locale: "en-US" });
    try {
      const tab = await visitor.newPage();
      await tab.goto("/");
      await tab.getByRole("region", { name: "Communities" }).getByRole("article").first().waitFor();
      await tab.getByRole("button", { name: "Italiano" }).click();
      await tab.getByRole("region", { name: "Comunità" }).waitFor();
      await tab.getByRole("link", { name: "Economia circolare", exact: true }).click();
      await tab.getByRole("heading", { level: 2, name: "Discussioni" }).waitFor();

      await tab.getByRole("button", { name: "English" }).click();
      await expect.poll(() => tab.evaluate(() => document.documentElement.lang)).toBe("en");
      await tab.getByRole("heading", { level: 2, name: "Discussions" }).waitFor();
      await tab.getByText("Sort by", { exact: true }).waitFor();
    } finally {
      await visitor.close();
    }
  });

  it("ran the whole story under the CSP without a violation, live updates included", async () => {
    // The live updates' WebSocket (ws: on this host) is allowed by connect-src.
    expect(sockets.some((url) => new URL(url).host === new URL(server.baseUrl).host)).toBe(true);
    expect(violations).toEqual([]);
  });
});
