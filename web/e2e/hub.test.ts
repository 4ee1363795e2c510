import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumAvailable, launchChromium } from "./support/browser";
import { REPO_ROOT, type RunningServer, startServer } from "./support/server";
import { logIn } from "./support/session";

// Demo accounts (db/src/seed): the admin, two representatives of different organisations, and a
// member of every community who belongs to no consortium.
const ADMIN = "admin@pratica.local";
const PUBLISHER = "rep.accountants@pratica.local";
const INTERESTED = "rep.lawyers@pratica.local";
const OUTSIDER = "member@pratica.local";
const PUBLISHER_ORG = "Chartered Accountants";
const INTERESTED_ORG = "Bar Association of Torino";

/** The calls file an admin uploads (shaped like a Funding & Tenders export; see docs/hub-web.md). */
const FIXTURE = join(REPO_ROOT, "web", "e2e", "fixtures", "hub-calls.csv");
const CALL_IDENTIFIER = "CERV-2027-CITIZENS-CIV";
const CALL_TITLE = "Citizens' engagement and participation";

const ARTIFACTS = join(REPO_ROOT, "test-artifacts");
const SCREENSHOTS = join(REPO_ROOT, "docs", "screenshots");

/**
 * The proposal's sections, in English or Italian (the api writes the template in the language of
 * the request that created the space).
 */
const SUMMARY = /^(Summary|Sintesi)$/;
const PARTNERS = /^(Partners and roles|Partner e ruoli)$/;

/** A section of the document page, found by its heading. */
function section(page: Page, heading: RegExp): Locator {
  return page.getByRole("region", { name: heading });
}

/** The section's own edit button ("Edit (Summary)"). */
function editButton(page: Page, heading: RegExp): Locator {
  return section(page, heading).getByRole("button", {
    name: new RegExp(`^Edit \\((${heading.source.slice(2, -2)})\\)$`),
  });
}

type Box = { name: string; x: number; y: number; width: number; height: number };

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe.skipIf(!chromiumAvailable())("hub: find a call, look for partners, build the consortium", () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let admin: Page;
  let publisher: Page;
  let interested: Page;
  let outsider: Page;
  let callPath = "";
  let searchPath = "";
  let threadPath = "";
  let proposalPath = "";

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    await mkdir(SCREENSHOTS, { recursive: true });
    // A slow start (the seed on a busy machine) is not what this test is about.
    server = await startServer({ timeoutMs: 110_000 });
    browser = await launchChromium();
    const options = {
      baseURL: server.baseUrl,
      locale: "en-US",
      timezoneId: "Europe/Rome",
      viewport: { width: 1280, height: 800 },
    };
    const pages: Page[] = [];
    for (let i = 0; i < 4; i++) {
      const context = await browser.newContext(options);
      contexts.push(context);
      pages.push(await context.newPage());
    }
    [admin, publisher, interested, outsider] = pages as [Page, Page, Page, Page];
  });

  afterAll(async () => {
    for (const [page, name] of [
      [admin, "hub-admin-last.png"],
      [publisher, "hub-publisher-last.png"],
      [interested, "hub-interested-last.png"],
      [outsider, "hub-outsider-last.png"],
    ] as const) {
      if (page && !page.isClosed()) await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });
    }
    await browser?.close();
    await server?.stop();
  });

  it("fits the header's items at 1280px, signed in as the admin: none clipped, none overlapping", async () => {
    await logIn(admin, ADMIN);
    await admin.goto("/hub");
    await admin.getByRole("heading", { level: 1, name: "Funding calls" }).waitFor();
    const header = admin.locator(".site-header");
    const nav = header.getByRole("navigation", { name: "Main" });
    const items: Box[] = [];
    const add = async (name: string, locator: Locator) => {
      const box = await locator.boundingBox();
      expect(box, `${name} is shown`).not.toBeNull();
      if (box) items.push({ name, ...box });
    };
    await add("brand", header.locator(".brand"));
    for (const name of ["Communities", "Partners", "Observatory", "HUB", "Buy Social"]) {
      await add(name, nav.getByRole("link", { name, exact: true }));
    }
    await add("search", header.locator(".header-search"));
    await add("language", header.locator(".lang-switch"));
    await add("account", header.locator(".site-header__user"));
    for (const item of items) {
      expect(item.x, `${item.name} starts inside the window`).toBeGreaterThanOrEqual(0);
      expect(item.x + item.width, `${item.name} ends inside the window`).toBeLessThanOrEqual(1280);
    }
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const [a, b] = [items[i] as Box, items[j] as Box];
        expect(overlaps(a, b), `${a.name} and ${b.name} overlap`).toBe(false);
      }
    }
    // The links' row scrolls rather than wrapping: none of it may be hidden past its edge.
    const clipped = await nav.locator("ul").evaluate((ul) => ul.scrollWidth > ul.clientWidth);
    expect(clipped).toBe(false);
  });

  it("an admin uploads the calls file and reads the report, then the history", async () => {
    await admin.goto("/admin/funding-calls");
    await admin.getByRole("heading", { level: 2, name: "Import funding calls" }).waitFor();
    await expectNoAxeViolations(admin, "the admin's funding calls section");
    await admin.getByLabel("File of calls").setInputFiles(FIXTURE);
    await admin.getByRole("button", { name: "Import", exact: true }).click();
    const report = admin.locator(".admin-import__report").first();
    await report.getByRole("heading", { name: "Import report" }).waitFor();
    const created = Number(await report.locator("dt", { hasText: "Created" }).locator("+ dd").textContent());
    expect(created).toBeGreaterThan(0);
    // Every problem row with its reason: the unreadable budget (a warning) and the row without identifier.
    await report.getByText(/Row 3 \(ERASMUS-2027-PCOOP-ENGO\)/).waitFor();
    await report.getByText(/Row 4/).waitFor();
    await admin.getByRole("heading", { level: 2, name: "Past imports" }).waitFor();
    await admin.locator(".admin-imports li").first().waitFor();
    await expectNoAxeViolations(admin, "the admin's funding calls section with a report");
  });

  it("a representative finds the open call with the filters and follows it", async () => {
    await logIn(publisher, PUBLISHER);
    await publisher.goto("/hub");
    await publisher.getByRole("heading", { level: 1, name: "Funding calls" }).waitFor();
    await expectNoAxeViolations(publisher, "the calls list");
    await publisher.getByLabel("Programme").selectOption("CERV");
    await publisher.getByLabel("Status").selectOption("OPEN");
    await publisher.getByLabel("Search the calls").fill("citizens");
    await publisher.getByRole("main").getByRole("button", { name: "Search", exact: true }).click();
    await publisher.waitForURL(/programme=CERV/);
    expect(publisher.url()).toMatch(/status=OPEN/);
    expect(publisher.url()).toMatch(/q=citizens/);
    const card = publisher.locator(".hub-card", { hasText: CALL_IDENTIFIER });
    await card.waitFor();
    await card.getByText(/Brussels time/).waitFor();
    await expectNoAxeViolations(publisher, "the calls list, filtered");
    await publisher.screenshot({ path: join(SCREENSHOTS, "hub-calls.png") });
    await card.getByRole("link", { name: CALL_TITLE }).click();
    await publisher.getByRole("heading", { level: 1, name: CALL_TITLE }).waitFor();
    callPath = new URL(publisher.url()).pathname;
    await publisher.getByRole("button", { name: `Follow ${CALL_TITLE}`, pressed: false }).click();
    await publisher.getByRole("button", { name: `Following ${CALL_TITLE}`, pressed: true }).waitFor();
    const official = publisher.getByRole("link", { name: /Official page of the call/ });
    expect(await official.getAttribute("rel")).toBe("noopener noreferrer");
    await expectNoAxeViolations(publisher, "the call page");
  });

  it("the representative publishes a partner search on the call", async () => {
    await publisher.getByRole("button", { name: "Publish a partner search" }).click();
    const form = publisher.getByRole("form", { name: "Publish a partner search" });
    // Sent empty, the expertise is said to be missing and gets the focus.
    await form.getByRole("button", { name: "Publish", exact: true }).click();
    await form.getByText("Say which expertise.").waitFor();
    expect(await form.getByLabel("Expertise").evaluate((el) => el === document.activeElement)).toBe(true);
    await expectNoAxeViolations(publisher, "the partner search form with an error");
    await form.getByLabel("Seeking partners").check();
    await form.getByLabel("Role in the consortium").selectOption("PARTNER");
    await form.getByLabel("Expertise").fill("Legal support to citizens' associations and civic participation.");
    await form.getByLabel("Italy").check();
    await form.getByLabel("Spain").check();
    await form.getByLabel("Description (optional)").fill("We lead a CERV proposal on participatory budgeting.");
    await form.getByRole("button", { name: "Publish", exact: true }).click();
    await publisher.waitForURL(/\/hub\/searches\//);
    searchPath = new URL(publisher.url()).pathname;
    await publisher.getByRole("heading", { level: 1, name: new RegExp(`${PUBLISHER_ORG}.*seeks a partner`) }).waitFor();
    await publisher.getByText("Italy, Spain").waitFor();
    await publisher.getByText("No interest yet.").waitFor();
    await expectNoAxeViolations(publisher, "the partner search page, for its publisher");
    // The call lists it.
    await publisher.goto(callPath);
    await publisher.getByRole("link", { name: new RegExp(`${PUBLISHER_ORG}.*seeks a partner`) }).waitFor();
    await publisher.screenshot({ path: join(SCREENSHOTS, "hub-call.png"), fullPage: true });
  });

  it("a representative of another organisation expresses interest and gets the private space", async () => {
    await logIn(interested, INTERESTED);
    await interested.goto(searchPath);
    await interested.getByRole("heading", { level: 2, name: "Express interest" }).waitFor();
    await expectNoAxeViolations(interested, "the partner search page, before expressing interest");
    const form = interested.getByRole("form", { name: "Express interest" });
    await form.getByLabel("Your role in the consortium").selectOption("PARTNER");
    await form.getByLabel("Message (optional)").fill("Our order offers pro bono legal advice to associations.");
    await form.getByRole("button", { name: "Express interest" }).click();
    await interested.getByRole("heading", { level: 2, name: "Your organisation's interest" }).waitFor();
    await interested.getByText("Awaiting an answer").waitFor();
    const space = interested.getByRole("region", { name: "Private space" });
    await space.waitFor();
    threadPath = (await space.getByRole("link", { name: /Discussion/ }).getAttribute("href")) ?? "";
    proposalPath = (await space.getByRole("link", { name: "The proposal document" }).getAttribute("href")) ?? "";
    expect(threadPath).toMatch(/^\/t\//);
    expect(proposalPath).toMatch(/^\/d\//);
    await expectNoAxeViolations(interested, "the partner search page, for the interested party");
  });

  it("the publisher confirms the interest", async () => {
    await publisher.goto(searchPath);
    const interest = publisher.locator(".hub-interest", { hasText: INTERESTED_ORG });
    await interest.getByText("Awaiting an answer").waitFor();
    await interest.getByRole("button", { name: `Confirm the interest of ${INTERESTED_ORG}`, exact: false }).click();
    await interest.getByText("Confirmed").waitFor();
    await publisher.getByRole("region", { name: "Private space" }).waitFor();
    await expectNoAxeViolations(publisher, "the partner search page, an interest confirmed");
    await publisher.screenshot({ path: join(SCREENSHOTS, "hub-search.png"), fullPage: true });
    await interested.reload();
    await interested.getByText("Confirmed").waitFor();
  });

  it("both draft the proposal: each edits a section and sees the other's", async () => {
    for (const page of [publisher, interested]) {
      await page.goto(proposalPath);
      await page.getByRole("heading", { level: 1, name: /^(Proposal|Proposta): / }).waitFor();
    }
    const first = section(publisher, SUMMARY);
    await editButton(publisher, SUMMARY).click();
    await first.getByLabel("Text of the section").fill("A participatory budgeting pilot in three districts.");
    await first.getByRole("button", { name: "Save", exact: true }).click();
    await first.getByTestId("section-body").getByText("A participatory budgeting pilot").waitFor();
    // The second sees it without reloading, then edits another section.
    await section(interested, SUMMARY)
      .getByTestId("section-body")
      .getByText("A participatory budgeting pilot")
      .waitFor();
    const second = section(interested, PARTNERS);
    await editButton(interested, PARTNERS).click();
    await second.getByLabel("Text of the section").fill("The lawyers' order gives legal advice to the associations.");
    await second.getByRole("button", { name: "Save", exact: true }).click();
    await second.getByTestId("section-body").getByText("legal advice to the associations").waitFor();
    await section(publisher, PARTNERS)
      .getByTestId("section-body")
      .getByText("legal advice to the associations")
      .waitFor();
  });

  it("an outsider cannot open the space's discussion: it is not found", async () => {
    await logIn(outsider, OUTSIDER);
    await outsider.goto(threadPath);
    // Not "private, ask to join": a consortium space does not exist for outsiders (NOT_FOUND).
    await outsider.getByRole("heading", { level: 1, name: "Discussion not found" }).waitFor();
    expect(await outsider.getByText(/Building the consortium|Costruiamo il consorzio/).count()).toBe(0);
  });

  it("my opportunities shows the organisation's search and interests", async () => {
    await publisher.goto("/hub/mine");
    await publisher.getByRole("heading", { level: 1, name: "My opportunities" }).waitFor();
    await publisher.getByRole("heading", { level: 2, name: "Calls you follow" }).waitFor();
    await publisher.getByRole("link", { name: CALL_TITLE }).first().waitFor();
    // The search published above (the demo seed has another of the same organisation).
    const published = publisher.locator(`a[href="${searchPath}"]`);
    await published.waitFor();
    expect(await published.textContent()).toMatch(new RegExp(`${PUBLISHER_ORG}.*seeks a partner`));
    await expectNoAxeViolations(publisher, "my opportunities");
    await interested.goto("/hub/mine");
    await interested.getByRole("heading", { level: 2, name: "The organisation's interests" }).waitFor();
    await interested.locator(".hub-rows li", { hasText: "Confirmed" }).waitFor();
    await expectNoAxeViolations(interested, "my opportunities, with an interest");
  });

  it("withdrawing the search asks first; cancelling keeps it open", async () => {
    await publisher.goto(searchPath);
    await publisher.getByRole("button", { name: "Withdraw the search" }).click();
    const dialog = publisher.getByRole("dialog", { name: "Withdraw this partner search?" });
    await dialog.waitFor();
    await expectNoAxeViolations(publisher, "the withdraw dialog");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    await publisher.getByRole("button", { name: "Close (partners found)" }).waitFor();
  });
});
