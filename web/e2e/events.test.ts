import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumAvailable, launchChromium } from "./support/browser";
import { REPO_ROOT, type RunningServer, startServer } from "./support/server";
import { gql, logIn } from "./support/session";

const ORGANISER = "facilitator.circular-economy@pratica.local";
const MEMBER = "member@pratica.local";
const TITLE = "Repair café workshop";
const TITLE_IT = "Laboratorio di riparazione";
const screenshot = (name: string) => join(REPO_ROOT, "docs", "screenshots", name);

/** A date-time input's value a week ahead, at a set hour (the wall clock where the event is). */
function nextWeek(hour: number): string {
  const day = new Date(Date.now() + 7 * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}T${pad(hour)}:00`;
}

describe.skipIf(!chromiumAvailable())("events: a full event, its waiting list and the seat that frees up", () => {
  let server: RunningServer;
  let browser: Browser;
  let organiserContext: BrowserContext;
  let memberContext: BrowserContext;
  let organiser: Page;
  let member: Page;
  let eventPath = "";

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const options = {
      baseURL: server.baseUrl,
      locale: "en-US",
      timezoneId: "Europe/Rome",
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    };
    organiserContext = await browser.newContext(options);
    memberContext = await browser.newContext(options);
    organiser = await organiserContext.newPage();
    member = await memberContext.newPage();
  });

  afterAll(async () => {
    for (const [page, name] of [
      [organiser, "events-organiser-last.png"],
      [member, "events-member-last.png"],
    ] as const) {
      if (page && !page.isClosed()) {
        await page.screenshot({ path: join(REPO_ROOT, "test-artifacts", name), fullPage: true });
      }
    }
    await browser?.close();
    await server?.stop();
  });

  it("an organiser creates an event with the form, by keyboard", async () => {
    await logIn(organiser, ORGANISER);
    await organiser.goto("/c/circular-economy");
    await organiser.getByRole("link", { name: "New event" }).click();
    await organiser.getByRole("heading", { level: 1, name: "New event" }).waitFor();
    await expectNoAxeViolations(organiser, "the new event form");

    // Each field reached by its label and typed into; the date-time fields take their value whole.
    const type = async (label: string, text: string) => {
      await organiser.getByLabel(label, { exact: true }).focus();
      await organiser.keyboard.type(text);
    };
    await type("Title in Italian", TITLE_IT);
    await type("Title in English", TITLE);
    await type("Description in Italian", "Ripariamo insieme piccoli elettrodomestici.");
    await type("Description in English", "We repair small appliances together.");
    await organiser.getByLabel("Starts").fill(nextWeek(17));
    // An end before the start is said at the end field, which gets the focus.
    await organiser.getByLabel("Ends").fill(nextWeek(15));
    await type("Place", "Cascina Roccafranca");
    await type("Address", "Via Edoardo Rubino 45, Torino");
    await type("Latitude", "45.0455");
    await type("Longitude", "7.6311");
    await type("Seats", "1");
    await organiser.getByRole("button", { name: "Create the event" }).focus();
    await organiser.keyboard.press("Enter");
    await organiser.getByText("The end must come after the start.").waitFor();
    expect(await organiser.getByLabel("Ends").evaluate((el) => el === document.activeElement)).toBe(true);
    await expectNoAxeViolations(organiser, "the new event form with an error");
    await organiser.getByLabel("Ends").fill(nextWeek(19));
    await organiser.getByRole("button", { name: "Create the event" }).focus();
    await organiser.keyboard.press("Enter");
    await organiser.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    eventPath = new URL(organiser.url()).pathname;
    expect(eventPath).toMatch(/^\/events\/.+/);
    await organiser.getByText("0 of 1 seats taken").waitFor();
    await organiser.getByText("Cascina Roccafranca").waitFor();
    await expectNoAxeViolations(organiser, "the event page, for its organiser");
  });

  it("the organiser takes the only seat; the member is put on the waiting list", async () => {
    await organiser.getByRole("button", { name: "Register" }).click();
    await organiser.getByText("You are registered: your seat is confirmed.").waitFor();
    await organiser.getByText("1 of 1 seats taken").waitFor();

    await logIn(member, MEMBER);
    await member.goto(eventPath);
    await member.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await member.getByText("You are not registered.").waitFor();
    await member.getByRole("button", { name: "Join the waiting list" }).click();
    await member.getByText("You are on the waiting list, at place 1.").waitFor();
    await expectNoAxeViolations(member, "the event page, waitlisted");
  });

  it("the organiser cancels; the member is offered the seat and claims it", async () => {
    await organiser.getByRole("button", { name: "Cancel my registration" }).click();
    await organiser.getByText("Your registration is cancelled.").waitFor();

    // The member is told by the bell, which leads to the event.
    await member.goto("/notifications");
    await member.getByRole("link", { name: new RegExp(`A seat is free for you at “${TITLE}”`) }).click();
    await member.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await member.getByText(/^A seat is free for you\. Claim it before /).waitFor();
    await member.getByRole("button", { name: "Claim the seat" }).click();
    await member.getByText("You are registered: your seat is confirmed.").waitFor();
    await member.getByText("1 of 1 seats taken").waitFor();
    await member.screenshot({ path: screenshot("event.png"), fullPage: true });
  });

  it("the .ics link downloads a calendar file of the event", async () => {
    const download = member.waitForEvent("download");
    await member.getByRole("link", { name: "Add to calendar (.ics)" }).click();
    const file = await (await download).path();
    const text = await readFile(file, "utf8");
    expect(text).toContain("BEGIN:VCALENDAR");
    expect(text).toContain("BEGIN:VEVENT");
    expect(text).toContain(`SUMMARY:${TITLE}`);
  });

  it("the events page lists it, and the map shows it in its list", async () => {
    await member.goto("/events");
    await member.getByRole("heading", { level: 1, name: "Events" }).waitFor();
    await member.getByRole("link", { name: TITLE }).waitFor();
    await expectNoAxeViolations(member, "the events page");
    await member.screenshot({ path: screenshot("events.png"), fullPage: true });

    await member.goto("/partners/map");
    const list = member.getByRole("region", { name: "Events on the map" });
    await list.getByRole("link", { name: TITLE }).waitFor();
    // The hidden half of the name is a span of its own: Chromium names it "Show on map : …".
    await list.getByRole("button", { name: new RegExp(`^Show on map\\s*: ${TITLE}$`) }).focus();
    await member.keyboard.press("Enter");
    await member.getByLabel("Show events").uncheck();
    await list.waitFor({ state: "detached" });
    await member.getByLabel("Show events").check();
    await expectNoAxeViolations(member, "the map with the events");
  });

  it("the personal calendar feed is shown, and a new link revokes the old", async () => {
    await member.goto("/settings/notifications");
    await member.getByRole("heading", { name: "Your calendar feed" }).waitFor();
    await member.getByRole("button", { name: "Make a feed address" }).click();
    const field = member.getByLabel("Calendar feed address");
    await field.waitFor();
    const first = await field.inputValue();
    expect(first).toMatch(/\/calendar\/.+\.ics$/);
    const feed = await fetch(first.replace(/^https?:\/\/[^/]+/, server.baseUrl));
    expect(feed.status).toBe(200);
    // The feed speaks the member's language (Italian by default), whatever the browser's.
    expect(await feed.text()).toMatch(new RegExp(`SUMMARY:(${TITLE}|${TITLE_IT})`));

    await member.getByRole("button", { name: "Make a new address" }).click();
    await member.getByText("A new address is ready; the old one no longer works.").waitFor();
    const second = await field.inputValue();
    expect(second).not.toBe(first);
    expect((await fetch(first.replace(/^https?:\/\/[^/]+/, server.baseUrl))).status).toBe(404);
    await expectNoAxeViolations(member, "the notification settings with the feed");
  });

  it("at 360 px and in Italian, the event page reads whole", async () => {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: "it-IT",
      timezoneId: "Europe/Rome",
      viewport: { width: 360, height: 800 },
    });
    try {
      const page = await context.newPage();
      // Logged in through the api (the login helper reads English labels): the cookie is set.
      await page.goto("/");
      await gql(page, `mutation ($input: LoginInput!) { login(input: $input) { user { id } } }`, {
        input: { email: MEMBER, password: "pratica-demo" },
      });
      await page.goto(eventPath);
      await page.getByRole("heading", { level: 1, name: TITLE_IT }).waitFor();
      await page.getByText("Sei iscritto: il tuo posto è confermato.").waitFor();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, "the event page at 360 px, in Italian");
      await page.goto("/events");
      await page.getByRole("heading", { level: 1, name: "Eventi" }).waitFor();
      await expectNoAxeViolations(page, "the events page at 360 px, in Italian");
    } finally {
      await context.close();
    }
  });
});
