import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumAvailable, launchChromium } from "./support/browser";
import { REPO_ROOT, type RunningServer, startServer } from "./support/server";
import { gql, logIn } from "./support/session";

// The demo seed (db/src/seed/data/organizations.ts): 41 partners and a former one, 4 professional
// orders, the accountants' order represented by rep.accountants@pratica.local.
const ACCOUNTANTS = "Order of Chartered Accountants and Accounting Experts of Torino";
const screenshot = (name: string) => join(REPO_ROOT, "docs", "screenshots", name);
const artifact = (name: string) => join(REPO_ROOT, "test-artifacts", name);

describe.skipIf(!chromiumAvailable())("the partner directory and the organisation page", () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: "en-US",
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy/i.test(message.text()))
        cspViolations.push(message.text());
    });
  });

  afterAll(async () => {
    if (page && !page.isClosed()) await page.screenshot({ path: artifact("partners-last.png"), fullPage: true });
    await browser?.close();
    await server?.stop();
  });

  const count = () => page.getByRole("status").filter({ hasText: /partners?$/ });

  it("lists the partners a page at a time, filters them in the address, and Back undoes a filter", async () => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Partners" }).click();
    await page.getByRole("heading", { level: 1, name: "Partner organisations" }).waitFor();
    await count().filter({ hasText: "41 partners" }).waitFor();
    const cards = page.locator(".partner-grid > li");
    expect(await cards.count()).toBe(12);
    for (const shown of [24, 36, 41]) {
      await page.getByRole("button", { name: "Load more" }).click();
      await expect.poll(() => cards.count()).toBe(shown);
    }
    expect(await page.getByRole("button", { name: "Load more" }).count()).toBe(0);

    await page.getByLabel("Category").selectOption("PROFESSIONAL_ORDERS");
    await count().filter({ hasText: "4 partners" }).waitFor();
    expect(new URL(page.url()).searchParams.get("category")).toBe("PROFESSIONAL_ORDERS");
    await page.getByRole("heading", { level: 2, name: ACCOUNTANTS }).waitFor();
    // The open data carries the same filters (and the language).
    const csv = await page.getByRole("link", { name: "Download as CSV (open data)" }).getAttribute("href");
    const geojson = await page.getByRole("link", { name: "Download as GeoJSON (open data)" }).getAttribute("href");
    expect(csv).toBe("/partners.csv?category=PROFESSIONAL_ORDERS&lang=en");
    expect(geojson).toBe("/partners.geojson?category=PROFESSIONAL_ORDERS&lang=en");
    const response = await page.request.get(csv ?? "");
    expect(response.status()).toBe(200);
    expect((await response.text()).split("\n").filter((line) => line.trim()).length).toBe(5);

    await page.getByLabel("Sort by").selectOption("signed");
    await expect.poll(() => new URL(page.url()).searchParams.get("sort")).toBe("signed");
    await expectNoAxeViolations(page, "the filtered directory");

    // A shared address opens on the same filters; Back undoes the last one.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get("sort")).toBe(null);
    await page.goBack();
    await count().filter({ hasText: "41 partners" }).waitFor();

    await page.goto("/partners?category=PROFESSIONAL_ORDERS&q=notarial");
    await count().filter({ hasText: "1 partner" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Notarial Council of Torino" }).waitFor();

    await page.goto("/partners?status=former");
    await count().filter({ hasText: "1 partner" }).waitFor();
    await page.getByText(/^Former partner since/).waitFor();

    await page.goto("/partners?q=zzzzqqq");
    await page.getByText("No partner matches").waitFor();
    await page.getByRole("button", { name: "Clear the filters" }).click();
    await count().filter({ hasText: "41 partners" }).waitFor();
    await expectNoAxeViolations(page, "the directory");
    await page.screenshot({ path: screenshot("partners.png") });
  });

  it("shows an organisation's page, with its representatives' names to members only", async () => {
    await page.goto("/partners?category=PROFESSIONAL_ORDERS");
    await page.getByRole("link", { name: ACCOUNTANTS }).click();
    await page.getByRole("heading", { level: 1, name: ACCOUNTANTS }).waitFor();
    await page.getByRole("heading", { name: "Details" }).waitFor();
    await page.getByRole("region", { name: `Map: where ${ACCOUNTANTS} is` }).waitFor();
    expect(await page.getByRole("heading", { name: "Representatives" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Withdraw from the memorandum" }).count()).toBe(0);
    await expectNoAxeViolations(page, "an organisation's page");

    await page.goto("/partners/no-such-partner");
    await page.getByRole("heading", { level: 1, name: "Partner not found" }).waitFor();

    const memberContext = await browser.newContext({ baseURL: server.baseUrl, locale: "en-US" });
    try {
      const member = await memberContext.newPage();
      await logIn(member, "member@pratica.local");
      await member.goto("/partners/order-accountants");
      await member.getByRole("heading", { name: "Representatives" }).waitFor();
      const representatives = member.getByRole("region", { name: "Representatives" }).getByRole("listitem");
      expect(await representatives.count()).toBeGreaterThan(0);
      expect(await member.getByText("@pratica.local").count()).toBe(0);
      // Signed in, at every width, every link of the navigation is in view: on one line from a
      // tablet up, on at most two on a phone (wrapped, never scrolled off the edge).
      for (const width of [360, 800, 1024, 1180, 1280]) {
        await member.setViewportSize({ width, height: 800 });
        const nav = await member.evaluate(navigationLayout);
        expect({ width, ...nav }).toEqual({ width, lines: width < 800 ? nav.lines : 1, fits: true });
        expect(nav.lines).toBeLessThanOrEqual(2);
      }
      await member.setViewportSize({ width: 1280, height: 720 });
      await expectNoAxeViolations(member, "an organisation's page, to a member");
      await member.screenshot({ path: screenshot("organization.png") });
    } finally {
      await memberContext.close();
    }
  });

  it("a representative invites a colleague, then withdraws the organisation: a reason is required, a stale page is told", async () => {
    const repContext = await browser.newContext({
      baseURL: server.baseUrl,
      locale: "en-US",
      viewport: { width: 1280, height: 900 },
    });
    const adminContext = await browser.newContext({ baseURL: server.baseUrl, locale: "en-US" });
    try {
      const rep = await repContext.newPage();
      await logIn(rep, "rep.accountants@pratica.local");
      // The directory seen first (and cached), then the organisation from it.
      await rep.goto("/partners?category=PROFESSIONAL_ORDERS");
      await rep.getByRole("status").filter({ hasText: "4 partners" }).waitFor();
      await rep.getByRole("link", { name: ACCOUNTANTS }).click();
      await rep.getByRole("heading", { level: 1, name: ACCOUNTANTS }).waitFor();
      await rep.getByRole("heading", { name: "Invite a colleague" }).waitFor();
      // A colleague invited as a member, the email in Italian; a malformed address is refused on its field.
      const invite = rep.getByRole("region", { name: "Invite a colleague" });
      await invite.getByLabel("Their email address").fill("not-an-address");
      await invite.getByRole("button", { name: "Send the invitation" }).click();
      await expect.poll(() => invite.getByLabel("Their email address").getAttribute("aria-invalid")).toBe("true");
      await invite.getByLabel("Their email address").fill("collega.commercialista@example.org");
      await invite.getByLabel("Language of the invitation").selectOption("it");
      await invite.getByRole("button", { name: "Send the invitation" }).click();
      await invite.getByText("Invitation sent to collega.commercialista@example.org.").waitFor();
      await rep.getByRole("button", { name: "Withdraw from the memorandum" }).click();
      const dialog = rep.getByRole("dialog", { name: `Withdraw ${ACCOUNTANTS} from the memorandum?` });
      await dialog.waitFor();
      await expectNoAxeViolations(rep, "the withdraw dialog");
      await dialog.getByRole("button", { name: "Withdraw", exact: true }).click();
      await expect.poll(() => dialog.getByLabel("Reason").getAttribute("aria-invalid")).toBe("true");

      // Someone else changes the organisation meanwhile: the withdrawal is refused and the page reloads it.
      const admin = await adminContext.newPage();
      await logIn(admin, "admin@pratica.local");
      const { organization: o } = await gql<{ organization: Record<string, unknown> }>(
        admin,
        `query($slug: String!) { organization(slug: $slug) { id slug nameEn nameIt category descriptionEn descriptionIt
          address district latitude longitude memorandumSignedOn updatedAt } }`,
        { slug: "order-accountants" },
      );
      const { updatedAt, ...unchanged } = o;
      await gql(admin, `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id } }`, {
        input: { ...unchanged, website: "https://ordine-prova.example", expectedUpdatedAt: updatedAt },
      });
      await dialog.getByLabel("Reason").fill("Our council decided to take part through the national order.");
      await dialog.getByRole("button", { name: "Withdraw", exact: true }).click();
      await dialog.getByRole("alert").waitFor();
      // The page read the organisation again: a second try goes through.
      await rep.getByRole("link", { name: /ordine-prova\.example/ }).waitFor();
      await dialog.getByRole("button", { name: "Withdraw", exact: true }).click();
      await rep.getByText("The organisation has withdrawn from the memorandum.").waitFor();
      await rep.getByText("Former partner", { exact: true }).first().waitFor();
      expect(await rep.getByRole("button", { name: "Withdraw from the memorandum" }).count()).toBe(0);
      // Back in the directory, the list is asked again: the organisation is no longer a current partner.
      await rep.goBack();
      await rep.getByRole("status").filter({ hasText: "3 partners" }).waitFor();
      await rep.screenshot({ path: artifact("organization-withdrawn.png"), fullPage: true });

      await page.goto("/partners?status=former");
      await count().filter({ hasText: "2 partners" }).waitFor();
      await page.getByRole("link", { name: ACCOUNTANTS }).waitFor();
    } finally {
      await repContext.close();
      await adminContext.close();
    }
  });

  it("an admin sets an organisation's point by clicking the map, or clears it; a community's themes", async () => {
    const adminContext = await browser.newContext({
      baseURL: server.baseUrl,
      locale: "en-US",
      viewport: { width: 1280, height: 900 },
    });
    try {
      const admin = await adminContext.newPage();
      await logIn(admin, "admin@pratica.local");
      await admin.goto("/admin/organizations");
      await admin.getByRole("button", { name: "Edit Notarial Council of Torino" }).click();
      const latitude = admin.getByLabel("Latitude");
      const longitude = admin.getByLabel("Longitude");
      const before = await latitude.inputValue();
      expect(before).not.toBe("");
      const map = admin.getByRole("region", { name: "Map: click to set the organisation's point" });
      await map.waitFor();
      await map.scrollIntoViewIfNeeded();
      const box = await map.locator(".leaflet-container").boundingBox();
      if (!box) throw new Error("the point picker has no box");
      await admin.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.25);
      await expect.poll(() => latitude.inputValue()).not.toBe(before);
      const picked = Number(await latitude.inputValue());
      expect(picked).toBeGreaterThan(Number(before));
      expect(Number(await longitude.inputValue())).toBeGreaterThan(7);

      await admin.getByRole("button", { name: "Clear the point" }).click();
      expect(await latitude.inputValue()).toBe("");
      expect(await longitude.inputValue()).toBe("");
      // Typed by keyboard, the point moves the marker's map.
      await latitude.fill("45.07");
      await longitude.fill("7.69");
      await admin.getByRole("group", { name: "Themes" }).getByLabel("Pro bono professional work").check();
      await expectNoAxeViolations(admin, "the organisation form");
      await admin.getByRole("button", { name: "Save" }).click();
      await admin.getByText("Saved.", { exact: true }).waitFor();
      await admin.goto("/partners/order-notaries");
      await admin.getByRole("link", { name: "Pro bono professional work" }).waitFor();

      // A community's themes, from its admin form.
      await admin.goto("/admin");
      await admin.getByRole("button", { name: "Edit NEET" }).click();
      await admin.getByRole("group", { name: "Themes" }).getByLabel("Welfare and social inclusion").check();
      await admin.getByRole("button", { name: "Save" }).click();
      await admin.getByText("Saved.", { exact: true }).waitFor();
      const { community } = await gql<{ community: { themes: { key: string }[] } }>(
        admin,
        `query { community(slug: "neet") { themes { key } } }`,
        {},
      );
      expect(community.themes.map((theme) => theme.key)).toContain("social-inclusion");
    } finally {
      await adminContext.close();
    }
  });

  it("finds partners in the site search, former ones marked", async () => {
    await page.goto("/search?q=notarial");
    const result = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: "Notarial Council of Torino" }) });
    await result.waitFor();
    await result.getByText("Partner", { exact: true }).waitFor();
    await result.getByText("Professional orders").waitFor();
    await expectNoAxeViolations(page, "search results with a partner");
    await page.goto("/search?q=lanterna");
    const former = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: "Lanterna Social Printing Cooperative" }) });
    await former.getByText("Former partner", { exact: true }).waitFor();
    await page.goBack();
    await result.getByRole("link", { name: "Notarial Council of Torino" }).click();
    await page.getByRole("heading", { level: 1, name: "Notarial Council of Torino" }).waitFor();
  });

  it("fits a 360 px phone and speaks Italian", async () => {
    const phone = await browser.newContext({
      baseURL: server.baseUrl,
      locale: "it-IT",
      viewport: { width: 360, height: 740 },
    });
    try {
      const p = await phone.newPage();
      await p.goto("/partners");
      await p.getByRole("heading", { level: 1, name: "Organizzazioni partner" }).waitFor();
      await p
        .getByRole("status")
        .filter({ hasText: /partner$/ })
        .waitFor();
      // Every link of the navigation in view, on at most two lines (wrapped, no scroll needed).
      const nav = await p.evaluate(navigationLayout);
      expect(nav.fits).toBe(true);
      expect(nav.lines).toBeLessThanOrEqual(2);
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(p, "the directory in Italian on a phone");
      await p.goto("/partners/order-lawyers");
      await p.getByRole("heading", { name: "Dettagli" }).waitFor();
      expect(await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await p.goto("/partners/map");
      await p
        .getByRole("status")
        .filter({ hasText: /in quest'area$/ })
        .waitFor();
      expect(await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(p, "the map in Italian on a phone");
    } finally {
      await phone.close();
    }
    expect(cspViolations).toEqual([]);
  });
});

/** How the site navigation lays out: its lines of links, and whether every link is inside the window. */
function navigationLayout() {
  const list = document.querySelector(".site-nav ul") as HTMLElement;
  const links = [...list.querySelectorAll("a")].map((a) => a.getBoundingClientRect());
  return {
    lines: new Set(links.map((r) => Math.round(r.top))).size,
    fits: list.scrollWidth <= list.clientWidth && links.every((r) => r.left >= 0 && r.right <= window.innerWidth),
  };
}
