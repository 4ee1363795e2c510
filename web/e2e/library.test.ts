import { readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumAvailable, launchChromium } from "./support/browser";
import { REPO_ROOT, type RunningServer, startServer } from "./support/server";
import { gql, logIn } from "./support/session";
import { subscribeSent, transitionsFinished } from "./support/signals";

const ARTIFACTS = join(REPO_ROOT, "test-artifacts");
const SCREENSHOTS = join(REPO_ROOT, "docs", "screenshots");
const COMMUNITY = "circular-economy";
const CIRCULAR = "Circular Economy";
const MEMBER = { email: "member@pratica.local", name: "Demo Member" };
const FACILITATOR = { email: `facilitator.${COMMUNITY}@pratica.local`, name: `Facilitator, ${COMMUNITY}` };
const XSS = "<img src=x onerror=alert(1)>";

// The notifications page can show a decision only once the api's schema names its kind.
const DECISIONS_NOTIFY = readFileSync(join(REPO_ROOT, "api", "schema.graphql"), "utf8").includes("RESOURCE_DECIDED");

describe.skipIf(!chromiumAvailable())("library: propose, curate, find, follow a path", () => {
  let server: RunningServer;
  let browser: Browser;
  let memberContext: BrowserContext;
  let facilitatorContext: BrowserContext;
  let member: Page;
  let facilitator: Page;
  const dialogs: string[] = [];
  // Unique only against a shared server (E2E_BASE_URL); a fresh one keeps the screenshots tidy.
  const suffix = process.env.E2E_BASE_URL ? ` ${Date.now().toString(36)}` : "";
  const title = `Refurbishment manual for household appliances${suffix}`;
  const second = `Spare parts directory for the city${suffix}`;
  const stepTitles = [`Repair café volunteer handbook${suffix}`, `Tool library starter kit${suffix}`];
  let communityId = "";
  let resourcePath = "";
  let secondId = "";
  let pathEditor = "";

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    await mkdir(SCREENSHOTS, { recursive: true });
    server = await startServer();
    browser = await launchChromium();
    const options = { baseURL: server.baseUrl, locale: "en-US", viewport: { width: 1280, height: 800 } };
    memberContext = await browser.newContext(options);
    facilitatorContext = await browser.newContext(options);
    member = await memberContext.newPage();
    facilitator = await facilitatorContext.newPage();
    for (const page of [member, facilitator]) {
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
    }
    await logIn(member, MEMBER.email);
    await logIn(facilitator, FACILITATOR.email);
    const found = await gql<{ community: { id: string } }>(
      member,
      "query ($slug: String!) { community(slug: $slug) { id } }",
      {
        slug: COMMUNITY,
      },
    );
    communityId = found.community.id;
  });

  afterAll(async () => {
    if (member && !member.isClosed())
      await member.screenshot({ path: join(ARTIFACTS, "library-last.png"), fullPage: true });
    if (facilitator && !facilitator.isClosed())
      await facilitator.screenshot({ path: join(ARTIFACTS, "library-facilitator-last.png"), fullPage: true });
    await memberContext?.close();
    await facilitatorContext?.close();
    await browser?.close();
    await server?.stop();
  });

  it("proposes material from the library, with the rules explained before sending", async () => {
    await member.goto(`/c/${COMMUNITY}?tab=library`);
    const library = member.getByRole("region", { name: "Library" });
    await library.waitFor();
    await member
      .getByRole("navigation", { name: "Sections of this community" })
      .getByRole("link", { name: "Library" })
      .waitFor();
    // Members do not see the facilitators' queue.
    expect(await member.getByRole("link", { name: /^Curation/ }).count()).toBe(0);

    await library.getByRole("button", { name: "Propose material" }).click();
    const form = library.getByRole("form", { name: "Propose material" });
    await expect.poll(() => form.getByLabel("Title").evaluate((el) => el === document.activeElement)).toBe(true);
    await form.getByLabel("Link (optional)").fill("javascript:alert(1)");
    await form.getByRole("button", { name: "Send proposal" }).click();
    await form.getByText("Write a title between 3 and 200 characters.").waitFor();
    await form.getByText("Write a summary between 10 and 600 characters.").waitFor();
    await form.getByText("Choose what kind of material this is.").waitFor();
    await form.getByText("Enter a web address starting with https:// or http://.").waitFor();
    // The reader is put on the first field that needs attention.
    await expect.poll(() => form.getByLabel("Title").evaluate((el) => el === document.activeElement)).toBe(true);

    await form.getByLabel("Title").fill(title);
    await form
      .getByLabel("Summary")
      .fill("How our district repair café takes apart, tests and refurbishes washing machines and ovens.");
    await form.getByLabel("Kind of material").selectOption({ label: "Guide" });
    await form.getByLabel("Language", { exact: true }).selectOption({ label: "English" });
    await form.getByLabel("Link (optional)").fill("https://example.org/refurbishment-manual.pdf");
    await form
      .getByLabel("Details (optional)")
      .fill(`Start with the **safety checklist** on page 3.\n\n- testing\n- spare parts\n\n${XSS}`);
    await form.getByLabel("Tags (optional)").fill("repair, appliances");
    await form.getByRole("button", { name: "Send proposal" }).click();

    const sent = library.getByRole("status").filter({ hasText: "Proposal sent" });
    await sent.getByText(`“${title}” is waiting for a facilitator's review.`).waitFor();
    const link = sent.getByRole("link", { name: "See your proposal" });
    resourcePath = new URL((await link.getAttribute("href")) ?? "", server.baseUrl).pathname;
    expect(resourcePath).toMatch(/^\/r\/.+/);
    // Not in the library until a facilitator publishes it.
    expect(await library.getByRole("link", { name: title }).count()).toBe(0);

    // Three more proposals, through the api: one to send back for changes, two for a learning path.
    const propose = (proposal: { title: string; kind: string }) =>
      gql<{ proposeResource: { id: string } }>(
        member,
        "mutation ($input: ProposeResourceInput!) { proposeResource(input: $input) { id } }",
        {
          input: {
            communityId,
            ...proposal,
            summary: "Material proposed by the browser test, long enough to pass the rules.",
            language: "en",
            tags: ["repair"],
          },
        },
      );
    secondId = (await propose({ title: second, kind: "TOOLKIT" })).proposeResource.id;
    for (const stepTitle of stepTitles) {
      const { proposeResource } = await propose({ title: stepTitle, kind: "CASE_STUDY" });
      await gql(facilitator, "mutation ($input: DecideResourceInput!) { decideResource(input: $input) { id } }", {
        input: { resourceId: proposeResource.id, decision: "PUBLISH" },
      });
    }
  });

  it("lets the facilitator publish and ask for changes from the curation queue, each row in place", async () => {
    // The member keeps the library open: what gets published shows up behind a quiet bar.
    // Waited for before anything is published: an event published before the page subscribed
    // never reaches it. The server attaches to its in-process bus as it handles this message.
    const subscribed = subscribeSent(member, "CommunityEvents");
    await member.goto(`/c/${COMMUNITY}?tab=library`);
    await member.getByRole("region", { name: "Library" }).waitFor();
    await subscribed;

    await facilitator.goto(`/c/${COMMUNITY}`);
    const curationTab = facilitator.getByRole("link", { name: /^Curation/ });
    await expect.poll(() => curationTab.textContent()).toMatch(/\d+/);
    await curationTab.click();
    const queue = facilitator.getByRole("region", { name: "New proposals" });
    const row = queue.getByRole("listitem").filter({ has: facilitator.getByRole("link", { name: title }) });
    await row.waitFor();
    await row.getByText("example.org").waitFor();
    await facilitator.screenshot({ path: join(ARTIFACTS, "curation.png"), fullPage: true });

    await row.getByRole("button", { name: `Publish (${title})` }).click();
    await row.getByText("Published: it is in the library now. The proposer was notified.").waitFor();
    // The row stays where it was, with the decisions that apply now.
    await row.getByText("Published", { exact: true }).waitFor();
    await row.getByRole("button", { name: `Feature (${title})` }).waitFor();

    const other = queue.getByRole("listitem").filter({ has: facilitator.getByRole("link", { name: second }) });
    await other.getByRole("button", { name: `Ask for changes (${second})` }).click();
    const reason = other.getByLabel(/^What should change\?/);
    await expect.poll(() => reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await other.getByRole("button", { name: `Send the request (${second})` }).click();
    await other.getByText("Write a reason for the proposer (at most 2000 characters).").waitFor();
    await reason.fill("Please add the opening hours of each shop.");
    await other.getByRole("button", { name: `Send the request (${second})` }).click();
    await other.getByText("Changes requested. The proposer was notified.").waitFor();
    await other.getByText("Changes requested", { exact: true }).waitFor();
    await facilitator.screenshot({ path: join(ARTIFACTS, "curation-decided.png"), fullPage: true });
  });

  it("shows the published material to the member live, and tells them of the decisions", async () => {
    const library = member.getByRole("region", { name: "Library" });
    const bar = member.getByRole("button", { name: /new updates? — show/ });
    await bar.waitFor();
    expect(await library.getByRole("link", { name: title }).count()).toBe(0);
    await bar.click();
    const card = library.getByRole("listitem").filter({ has: member.getByRole("link", { name: title }) });
    await card.waitFor();
    await card.getByText("Guide", { exact: true }).waitFor();
    await card.getByText("Language: English").waitFor();
    await card.getByText("example.org").waitFor();
    await card.getByRole("button", { name: /#appliances/ }).waitFor();

    const bell = member.getByRole("link", { name: /^Notifications, \d+ unread$/ });
    await bell.waitFor();
    if (DECISIONS_NOTIFY) {
      await bell.click();
      // Scoped to the page: the header's live region announces the same text.
      const page = member.getByRole("main");
      await page.getByText(`A facilitator decided on your proposal: ${title}`).first().waitFor();
      await page.getByText(`A facilitator decided on your proposal: ${second}: Please add the opening hours`).waitFor();
      await member.screenshot({ path: join(ARTIFACTS, "library-notifications.png"), fullPage: true });
    }
  });

  it("filters the library by kind, language and tag", async () => {
    await member.goto(`/c/${COMMUNITY}?tab=library`);
    const library = member.getByRole("region", { name: "Library" });
    await library.getByRole("link", { name: title }).waitFor();
    await library.getByLabel("Kind").selectOption({ label: "Toolkit" });
    await expect.poll(() => library.getByRole("link", { name: title }).count()).toBe(0);
    await library.getByLabel("Kind").selectOption({ label: "Guide" });
    await library.getByRole("link", { name: title }).waitFor();
    await library.getByLabel("Kind").selectOption({ label: "All kinds" });
    await library.getByLabel("Language").selectOption({ label: "Italian" });
    await expect.poll(() => library.getByRole("link", { name: title }).count()).toBe(0);
    await library.getByLabel("Language").selectOption({ label: "All languages" });
    await library
      .getByRole("listitem")
      .filter({ has: member.getByRole("link", { name: title }) })
      .getByRole("button", { name: /#appliances/ })
      .click();
    await library.getByText("Showing material tagged").waitFor();
    await expect.poll(() => library.getByRole("link", { name: stepTitles[0] }).count()).toBe(0);
    await library.getByRole("button", { name: "Clear filter" }).click();
    await library.getByRole("link", { name: stepTitles[0] }).waitFor();
    await library.getByLabel("Sort by").selectOption({ label: "Newest" });
    await library.getByRole("link", { name: title }).waitFor();
  });

  it("shows the material safely, with its link's host, and takes a helpful vote and a bookmark", async () => {
    await member.goto(resourcePath);
    await member.getByRole("heading", { level: 1, name: title }).waitFor();
    const link = member.getByRole("link", { name: /Open the material/ });
    expect(await link.getAttribute("href")).toBe("https://example.org/refurbishment-manual.pdf");
    expect(await link.getAttribute("rel")).toBe("noopener noreferrer nofollow");
    expect(await link.textContent()).toContain("example.org");
    await member.locator(".resource-page__body strong").getByText("safety checklist").waitFor();
    expect(await member.locator(".resource-page__body").textContent()).toContain(XSS);
    expect(await member.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    // The proposer sees the decision history.
    await member.getByRole("region", { name: "Decisions" }).getByText("Published", { exact: true }).waitFor();

    const helpful = member.getByRole("button", { name: "Helpful" });
    expect(await helpful.getAttribute("aria-pressed")).toBe("false");
    await helpful.click();
    await expect.poll(() => helpful.getAttribute("aria-pressed")).toBe("true");
    await member.getByText("1 person found it helpful").waitFor();
    const bookmark = member.getByRole("button", { name: "Save for later" });
    await bookmark.click();
    await expect.poll(() => bookmark.getAttribute("aria-pressed")).toBe("true");
    await member.getByText("Saved for later.").waitFor();

    await member.reload();
    await member.getByRole("heading", { level: 1, name: title }).waitFor();
    expect(await member.getByRole("button", { name: "Helpful" }).getAttribute("aria-pressed")).toBe("true");
    expect(await member.getByRole("button", { name: "Save for later" }).getAttribute("aria-pressed")).toBe("true");
    await member.screenshot({ path: join(ARTIFACTS, "resource.png"), fullPage: true });
  });

  it("shows the proposer why changes were asked, and sends the edited proposal back for review", async () => {
    await member.goto(`/r/${secondId}`);
    await member.getByRole("heading", { level: 1, name: second }).waitFor();
    await member.getByText("Changes requested: Please add the opening hours of each shop.").waitFor();
    await member.getByRole("button", { name: "Edit proposal" }).click();
    const form = member.getByRole("form", { name: "Edit your proposal" });
    await form.getByLabel("Summary").fill("Where to find spare parts in the city, with each shop's opening hours.");
    await form.getByRole("button", { name: "Save and send for review" }).click();
    await member.getByText("Your changes were saved and sent back to the facilitators for review.").waitFor();
    await member.getByText("Waiting for review").waitFor();
    await member.getByText("Changed and sent back for review").waitFor();
    await member.screenshot({ path: join(ARTIFACTS, "resource-resubmitted.png"), fullPage: true });

    await facilitator.reload();
    await facilitator.getByRole("region", { name: "New proposals" }).getByRole("link", { name: second }).waitFor();
  });

  it("finds material, discussions and replies from the header, with the matched words marked", async () => {
    const search = member.getByRole("searchbox", { name: "Search Pratica" });
    await search.fill("refurbishment");
    await search.press("Enter");
    await member.waitForURL(/\/search\?q=refurbishment/);
    const result = member.getByRole("listitem").filter({ has: member.getByRole("link", { name: title }) });
    await result.waitFor();
    await result.getByText("Library · Guide").waitFor();
    expect((await result.locator("mark").allTextContents()).map((t) => t.toLowerCase())).toContain("refurbishment");
    await member
      .getByText("Searching discussions, replies, library material and documents in all the communities you can read")
      .waitFor();
    await member
      .getByRole("status")
      .filter({ hasText: /^\d+ results? for “refurbishment”$/ })
      .waitFor();
    await member.screenshot({ path: join(ARTIFACTS, "search.png"), fullPage: true });
    await expectNoAxeViolations(member, "the search page with its filters and count");

    // A typo in a title's word still finds it, ranked after what matches as typed.
    await search.fill("refurbishmnet manual");
    await search.press("Enter");
    await member.waitForURL(/\/search\?q=refurbishmnet/);
    await result.waitFor();

    // Filters: library material of one community. They go into the address, and the page says
    // what it searches.
    const filters = member.getByRole("group", { name: "Show" });
    for (const kind of ["Discussions", "Replies", "Documents", "Partner organisations"])
      await filters.getByLabel(kind).uncheck();
    await member.getByLabel("Community").selectOption({ label: CIRCULAR });
    await member.getByRole("main").getByRole("button", { name: "Search", exact: true }).click();
    await member.waitForURL(/kind=RESOURCE/);
    expect(new URL(member.url()).searchParams.get("community")).toBeTruthy();
    await member.getByText(`Searching library material in ${CIRCULAR}, in Italian and English.`).waitFor();
    await result.waitFor();
    const badges = await member.getByRole("listitem").locator(".search-result__meta .badge").allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    expect(badges.every((text) => text.startsWith("Library"))).toBe(true);
    await expect.poll(() => filters.getByLabel("Library material").isChecked()).toBe(true);

    // One character is not a search: the page says so instead of asking.
    await member.getByLabel("Search discussions, replies, library material and documents").fill("r");
    await member.getByLabel("Search discussions, replies, library material and documents").press("Enter");
    await member.getByText("Type at least 2 characters.", { exact: true }).waitFor();

    // The library's own search box: this community's material only.
    await member.goto(`/c/${COMMUNITY}?tab=library`);
    const library = member.getByRole("region", { name: "Library" });
    const box = library.getByRole("searchbox", { name: "Search the library" });
    await box.fill("appliances");
    await box.press("Enter");
    const card = library.getByRole("listitem").filter({ has: member.getByRole("link", { name: title }) });
    await card.locator("mark").first().waitFor();
    await library.getByRole("button", { name: "Clear search" }).click();
    await library.getByLabel("Sort by").waitFor();
  });

  it("builds a learning path and reorders its steps from the keyboard", async () => {
    await facilitator.goto(`/c/${COMMUNITY}?tab=paths`);
    const paths = facilitator.getByRole("region", { name: "Learning paths" });
    await paths.getByRole("button", { name: "New learning path" }).click();
    await paths.getByLabel("Title").fill(`Repair in practice${suffix}`);
    await paths.getByLabel("Summary (optional)").fill("From a first repair café visit to running a tool library.");
    await paths.getByRole("button", { name: "Create and add steps" }).click();
    await facilitator.getByRole("heading", { level: 1, name: "Edit learning path" }).waitFor();
    pathEditor = new URL(facilitator.url()).pathname;
    expect(pathEditor).toMatch(/^\/p\/.+\/edit$/);

    const add = facilitator.getByRole("region", { name: "Add a step" });
    for (const [index, stepTitle] of [title, ...stepTitles].entries()) {
      const material = add.getByLabel("Material from the library");
      await material.selectOption({ label: `${stepTitle} (${index === 0 ? "Guide" : "Case study"})` });
      await add.getByLabel("Note (optional)").fill(`Note for step ${index + 1}.`);
      await add.getByRole("button", { name: "Add step" }).click();
      await facilitator.getByRole("heading", { name: `Steps (${index + 1})` }).waitFor();
    }
    const order = () => facilitator.locator(".editor-step__title a").allTextContents();
    // The list shows a move at once and says "saving" until the server has the order: reloading
    // before then would show the old one.
    const pathSaved = () =>
      expect.poll(() => facilitator.locator(".editor-steps").getAttribute("data-state")).toBe("saved");
    expect(await order()).toEqual([title, ...stepTitles]);

    // Alt+ArrowUp on the third step's handle moves it to the second place, and says so.
    const handle = facilitator.getByRole("button", { name: new RegExp(`^Move “${stepTitles[1]}”, step 3 of 3`) });
    await handle.focus();
    await facilitator.keyboard.press("Alt+ArrowUp");
    await expect
      .poll(() => facilitator.getByTestId("path-announcer").textContent())
      .toContain("Moved to position 2 of 3");
    await expect.poll(order).toEqual([title, stepTitles[1], stepTitles[0]]);
    // Focus stays on the step that moved, so it can keep moving.
    await expect
      .poll(() => facilitator.evaluate(() => document.activeElement?.textContent ?? ""))
      .toContain(`Move “${stepTitles[1]}”, step 2 of 3`);
    await facilitator.screenshot({ path: join(ARTIFACTS, "path-editor.png"), fullPage: true });

    // The new order was saved: a reload shows it.
    await pathSaved();
    await facilitator.reload();
    await facilitator.getByRole("heading", { level: 1, name: "Edit learning path" }).waitFor();
    await expect.poll(order).toEqual([title, stepTitles[1], stepTitles[0]]);

    // The buttons do the same for those who prefer them.
    await facilitator.getByRole("button", { name: `Move down (${title})` }).click();
    await expect.poll(order).toEqual([stepTitles[1], title, stepTitles[0]]);
    await facilitator.getByRole("button", { name: `Move up (${title})` }).click();
    await expect.poll(order).toEqual([title, stepTitles[1], stepTitles[0]]);

    // And for a pointer, drag and drop by the handle (tall enough that nothing scrolls mid-drag).
    await facilitator.setViewportSize({ width: 1280, height: 2400 });
    const rows = facilitator.locator(".editor-step");
    await facilitator
      .getByRole("button", { name: new RegExp(`^Move “${stepTitles[0]}”`) })
      .dragTo(rows.first(), { targetPosition: { x: 80, y: 4 } });
    await expect.poll(order).toEqual([stepTitles[0], title, stepTitles[1]]);
    const last = await rows.last().boundingBox();
    await facilitator
      .getByRole("button", { name: new RegExp(`^Move “${stepTitles[0]}”`) })
      .dragTo(rows.last(), { targetPosition: { x: 80, y: (last?.height ?? 20) - 4 } });
    await expect.poll(order).toEqual([title, stepTitles[1], stepTitles[0]]);
    await facilitator.setViewportSize({ width: 1280, height: 800 });
    await pathSaved();
    await facilitator.reload();
    await expect.poll(order).toEqual([title, stepTitles[1], stepTitles[0]]);
  });

  it("refuses a change made against a stale version, says so and shows the latest path", async () => {
    const pathId = pathEditor.split("/")[2];
    // Someone else renames the path meanwhile.
    const { learningPath } = await gql<{ learningPath: { version: number } }>(
      facilitator,
      "query ($id: ID!) { learningPath(id: $id) { version } }",
      { id: pathId },
    );
    await gql(facilitator, "mutation ($input: UpdateLearningPathInput!) { updateLearningPath(input: $input) { id } }", {
      input: { pathId, expectedVersion: learningPath.version, title: `Repair in practice, renamed${suffix}` },
    });

    const handle = facilitator.getByRole("button", { name: new RegExp(`^Move “${stepTitles[0]}”, step 3 of 3`) });
    await handle.focus();
    await facilitator.keyboard.press("Alt+ArrowUp");
    await facilitator.getByRole("alert").getByText("Someone changed this path meanwhile").waitFor();
    // Nothing was overwritten: the latest version is shown, with its order and its new title.
    await expect
      .poll(() => facilitator.locator(".editor-step__title a").allTextContents())
      .toEqual([title, stepTitles[1], stepTitles[0]]);
    await expect
      .poll(() => facilitator.getByLabel("Title", { exact: true }).inputValue())
      .toBe(`Repair in practice, renamed${suffix}`);

    await facilitator.getByRole("button", { name: "Publish path" }).click();
    await facilitator.getByText("The path is published").waitFor();
  });

  it("lets a member follow the path and tick steps off", async () => {
    await member.goto(`/c/${COMMUNITY}?tab=paths`);
    const paths = member.getByRole("region", { name: "Learning paths" });
    const card = paths.getByRole("listitem").filter({
      has: member.getByRole("link", { name: `Repair in practice, renamed${suffix}` }),
    });
    await card.getByText("0 of 3 done").waitFor();
    await card.getByRole("link").click();
    await member.getByRole("heading", { level: 1, name: `Repair in practice, renamed${suffix}` }).waitFor();
    const titles = await member.locator(".path-step__title").allTextContents();
    expect(titles).toEqual([title, stepTitles[1], stepTitles[0]]);

    await member.getByRole("checkbox", { name: `Mark as done (${title})` }).check();
    await member.getByText("1 of 3 done").waitFor();
    await member.reload();
    await member.getByText("1 of 3 done").waitFor();
    expect(await member.getByRole("checkbox", { name: `Mark as done (${title})` }).isChecked()).toBe(true);
    await member.screenshot({ path: join(ARTIFACTS, "path.png"), fullPage: true });
  });

  it("offers on the members tab only what the api allows the viewer (its viewerCan fields)", async () => {
    await facilitator.goto(`/c/${COMMUNITY}?tab=members`);
    const members = facilitator.getByRole("region", { name: "Members" });
    const rows = members.getByRole("listitem");
    await rows.first().waitFor();
    // A facilitator removes members, not facilitators (themselves included), and sets no roles.
    const plain = rows.filter({ hasNot: facilitator.getByText("Facilitator", { exact: true }) });
    const facilitators = rows.filter({ has: facilitator.getByText("Facilitator", { exact: true }) });
    expect(await plain.count()).toBeGreaterThan(0);
    expect(await members.getByRole("button", { name: /^Remove/ }).count()).toBe(await plain.count());
    expect(await facilitators.getByRole("button").count()).toBe(0);
    expect(await members.getByRole("button", { name: /^Make/ }).count()).toBe(0);

    await member.goto(`/c/${COMMUNITY}?tab=members`);
    const asMember = member.getByRole("region", { name: "Members" });
    await asMember.getByRole("listitem").first().waitFor();
    // A member manages nobody; they may only report someone else's profile.
    expect(
      await asMember
        .getByRole("button")
        .filter({ hasNotText: /^Report/ })
        .count(),
    ).toBe(0);
    expect(await asMember.getByRole("button", { name: /^Report/ }).count()).toBeGreaterThan(0);
  });

  it("takes the library screenshots: desktop, phone, dark, Italian", async () => {
    await member.goto(`/c/${COMMUNITY}?tab=library`);
    const library = member.getByRole("region", { name: "Library" });
    await library.getByRole("link", { name: title }).waitFor();
    // The library itself, from the community's sections down: what the README shows.
    await member
      .getByRole("navigation", { name: "Sections of this community" })
      .evaluate((nav) => window.scrollTo(0, nav.getBoundingClientRect().top + window.scrollY - 24));
    await member.screenshot({ path: join(SCREENSHOTS, "library.png") });
    await member.evaluate(() => window.scrollTo(0, 0));
    await member.screenshot({ path: join(ARTIFACTS, "library-full.png"), fullPage: true });
    await expectNoAxeViolations(member, "the library page");

    await member.emulateMedia({ colorScheme: "dark" });
    await transitionsFinished(member);
    await member.screenshot({ path: join(ARTIFACTS, "library-dark.png"), fullPage: true });
    await member.setViewportSize({ width: 360, height: 780 });
    await member.screenshot({ path: join(ARTIFACTS, "library-phone-dark.png"), fullPage: true });
    await member.emulateMedia({ colorScheme: "light" });
    await transitionsFinished(member);
    await member.screenshot({ path: join(ARTIFACTS, "library-phone.png"), fullPage: true });
    await member.goto(resourcePath);
    await member.getByRole("heading", { level: 1, name: title }).waitFor();
    await member.screenshot({ path: join(ARTIFACTS, "resource-phone.png"), fullPage: true });
    await facilitator.setViewportSize({ width: 360, height: 780 });
    await facilitator.goto(pathEditor);
    await facilitator.getByRole("heading", { level: 1, name: "Edit learning path" }).waitFor();
    await facilitator.screenshot({ path: join(ARTIFACTS, "path-editor-phone.png"), fullPage: true });
    await facilitator.emulateMedia({ colorScheme: "dark" });
    await facilitator.goto(`/c/${COMMUNITY}?tab=curation`);
    await facilitator.getByRole("region", { name: "New proposals" }).getByRole("link", { name: second }).waitFor();
    await transitionsFinished(facilitator);
    await facilitator.screenshot({ path: join(ARTIFACTS, "curation-phone-dark.png"), fullPage: true });
    await facilitator.emulateMedia({ colorScheme: "light" });
    await facilitator.setViewportSize({ width: 1280, height: 800 });
    await member.setViewportSize({ width: 1280, height: 800 });

    // In Italian, everything on the page is Italian.
    await member.getByRole("button", { name: "Italiano" }).click();
    await member.goto(`/c/${COMMUNITY}?tab=library`);
    await member.getByRole("region", { name: "Biblioteca" }).getByRole("link", { name: title }).waitFor();
    await member.getByRole("button", { name: "Proponi un materiale" }).click();
    await member.screenshot({ path: join(ARTIFACTS, "library-it.png"), fullPage: true });
    await member.goto(`/c/${COMMUNITY}?tab=paths`);
    await member.getByRole("region", { name: "Percorsi" }).waitFor();
    await member.getByText("1 di 3 completati").waitFor();
    await member.screenshot({ path: join(ARTIFACTS, "paths-it.png"), fullPage: true });
    await member.getByRole("button", { name: "English" }).click();
  });
});
