import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumAvailable, launchChromium } from "./support/browser";
import { REPO_ROOT, type RunningServer, startServer } from "./support/server";
import { gql, logIn } from "./support/session";
import { subscribeSent } from "./support/signals";

const ARTIFACTS = join(REPO_ROOT, "test-artifacts");
const SCREENSHOTS = join(REPO_ROOT, "docs", "screenshots");
const COMMUNITY = "op4impact";

// The author and the reporter are both members of op4impact; its facilitator hides, and an admin
// (another moderator than the one who acted) decides the appeal.
const AUTHOR = { email: "rep.accountants@pratica.local" };
const REPORTER = { email: "member@pratica.local" };
const FACILITATOR = { email: `facilitator.${COMMUNITY}@pratica.local`, name: `Facilitator, ${COMMUNITY}` };
const ADMIN = { email: "admin@pratica.local" };
const WATCHER = { email: "rep.notaries@pratica.local" };

const POST_TEXT = "Buy cheap followers now at totally-legit-followers.example, limited offer for every order!";
const NOTE_TO_MODERATORS = "Advertising unrelated to the manifesto, posted in several threads.";
const INTERNAL_NOTE = "Commercial spam, first occurrence.";
const MESSAGE_TO_AUTHOR = "Your reply advertised a commercial service, which the community's rules do not allow.";
const STATEMENT = "That link was a mistake of my assistant: I meant to share our orders' impact survey.";

describe.skipIf(!chromiumAvailable())("moderation: report, review live, hide, appeal, overturn", () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let author: Page;
  let reporter: Page;
  let facilitator: Page;
  let admin: Page;
  /** Another member with the thread open: the post must go and come back there too. */
  let watcher: Page;
  let threadId = "";
  let postId = "";
  let casePath = "";
  /** The facilitator's queue, open in a second tab while the case is decided and appealed. */
  let queueTab: Page;

  async function pageFor(email: string): Promise<Page> {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: "en-US",
      viewport: { width: 1280, height: 800 },
    });
    contexts.push(context);
    const page = await context.newPage();
    await logIn(page, email);
    return page;
  }

  const post = (page: Page) => page.locator(`#post-${postId}`);

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    await mkdir(SCREENSHOTS, { recursive: true });
    server = await startServer();
    browser = await launchChromium();
    author = await pageFor(AUTHOR.email);
    reporter = await pageFor(REPORTER.email);
    facilitator = await pageFor(FACILITATOR.email);
    admin = await pageFor(ADMIN.email);
    watcher = await pageFor(WATCHER.email);

    // What the test is not about: a discussion with the reply that will be reported.
    const { community } = await gql<{ community: { id: string } }>(
      author,
      "query($slug: String!) { community(slug: $slug) { id } }",
      { slug: COMMUNITY },
    );
    const { createThread } = await gql<{ createThread: { id: string } }>(
      author,
      "mutation($input: CreateThreadInput!) { createThread(input: $input) { id } }",
      {
        input: {
          communityId: community.id,
          title: "Measuring the Manifesto's impact",
          body: "Which indicators should the orders report each year?",
          tags: [],
        },
      },
    );
    threadId = createThread.id;
    const { addPost } = await gql<{ addPost: { id: string } }>(
      author,
      "mutation($input: AddPostInput!) { addPost(input: $input) { id } }",
      { input: { threadId, body: POST_TEXT } },
    );
    postId = addPost.id;
  });

  afterAll(async () => {
    if (facilitator && !facilitator.isClosed()) {
      await facilitator.screenshot({ path: join(ARTIFACTS, "moderation-last.png"), fullPage: true });
    }
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it("shows the facilitator's queue, and the thread open in two pages", async () => {
    // The queue is in the account menu of those who moderate; a filtered view has its own address.
    await facilitator.getByRole("button", { name: /account menu/ }).click();
    await facilitator.getByRole("link", { name: "Moderation", exact: true }).click();
    await facilitator.getByRole("heading", { name: "Moderation", level: 1 }).waitFor();
    await facilitator.getByLabel("Community").selectOption({ label: "OP4Impact — Professional Orders for Impact" });
    await facilitator.waitForURL(/\/moderation\?community=op4impact$/);
    // Loaded afresh from that address, the page opens its own WebSocket, whose frames can be watched.
    const queueFollowed = subscribeSent(facilitator, "ModerationQueueEvents");
    await facilitator.goto(`/moderation?community=${COMMUNITY}`);
    await facilitator.getByRole("heading", { name: "Moderation", level: 1 }).waitFor();
    await queueFollowed;

    for (const page of [reporter, watcher]) {
      const following = subscribeSent(page, "ThreadEvents");
      await page.goto(`/t/${threadId}`);
      await post(page).getByText(POST_TEXT).waitFor();
      await following;
    }
    // Members who moderate nothing are told the queue is not theirs.
    await author.goto("/moderation");
    await author.getByRole("heading", { name: "Only for moderators" }).waitFor();
  });

  it("lets a member report the post in an accessible dialog", async () => {
    // Nobody reports their own content.
    await author.goto(`/t/${threadId}`);
    await post(author).getByText(POST_TEXT).waitFor();
    expect(
      await post(author)
        .getByRole("button", { name: /^Report/ })
        .count(),
    ).toBe(0);

    const report = post(reporter).getByRole("button", { name: /^Report/ });
    await report.click();
    const dialog = reporter.getByRole("dialog", { name: "Report to the facilitators" });
    await dialog.waitFor();
    // Escape closes it and gives the focus back to the button that opened it.
    await reporter.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await report.evaluate((button) => button === document.activeElement)).toBe(true);

    await report.click();
    await dialog.waitFor();
    // Refused before sending: a reason is needed.
    await dialog.getByRole("button", { name: "Send report" }).click();
    await dialog.getByText("Choose a reason.").waitFor();
    await dialog.getByRole("radio", { name: "Spam" }).check();
    await dialog.getByLabel("Note for the facilitators (optional)").fill(NOTE_TO_MODERATORS);
    await expectNoAxeViolations(reporter, "the report dialog");
    await dialog.getByRole("button", { name: "Send report" }).click();
    await dialog.getByText("Thank you: your report was sent.").waitFor();
    await dialog.getByText(/will be told the outcome/).waitFor();
    await dialog.getByRole("button", { name: "Close" }).click();
    await dialog.waitFor({ state: "hidden" });

    // A second report of the same post is explained, not an error.
    await report.click();
    await dialog.getByRole("radio", { name: "Offensive" }).check();
    await dialog.getByRole("button", { name: "Send report" }).click();
    await dialog.getByText("You have already reported this.").waitFor();
    await dialog.getByRole("button", { name: "Close" }).click();
  });

  it("puts the case in the facilitator's queue live, and announces it", async () => {
    const queue = facilitator.getByTestId("moderation-queue");
    const row = queue.getByRole("listitem").filter({ hasText: POST_TEXT.slice(0, 40) });
    await row.waitFor();
    await row.getByText("Spam ×1").waitFor();
    await facilitator
      .getByTestId("live-announcer")
      .getByText(/New case/)
      .waitFor();
    await facilitator.evaluate(() => window.scrollTo(0, 0));
    await facilitator.screenshot({ path: join(SCREENSHOTS, "moderation-queue.png") });
    await expectNoAxeViolations(facilitator, "the review queue");

    await row.getByRole("link").click();
    await facilitator.getByRole("heading", { name: "Case: Reply", level: 1 }).waitFor();
    casePath = new URL(facilitator.url()).pathname;
    expect(casePath).toMatch(/^\/moderation\/cases\//);
  });

  it("hides the post with a reason; every open page stops showing it", async () => {
    const page = facilitator;
    // The queue stays open in another tab: the decided case leaves it live.
    queueTab = await facilitator.context().newPage();
    const followed = subscribeSent(queueTab, "ModerationQueueEvents");
    await queueTab.goto(`/moderation?community=${COMMUNITY}`);
    await queueTab.getByTestId("moderation-queue").getByText(POST_TEXT.slice(0, 40)).waitFor();
    await followed;
    await page.getByTestId("case-target").getByText(POST_TEXT).waitFor();
    await page.getByText(NOTE_TO_MODERATORS).waitFor();
    await page.getByRole("region", { name: "The author's record" }).waitFor();

    const form = page.getByRole("region", { name: "Decide" });
    // Refused before sending: the action, the note and the message are needed.
    await form.getByRole("button", { name: "Decide" }).click();
    await form.getByText("Choose an action.").waitFor();
    await form.getByRole("radio", { name: "Hide" }).check();
    await form.getByLabel("Internal note").fill(INTERNAL_NOTE);
    await form.getByLabel("Message to the author").fill(MESSAGE_TO_AUTHOR);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, "moderation-case.png") });
    await expectNoAxeViolations(page, "a case, with the decision form filled");

    await form.getByRole("button", { name: "Hide" }).click();
    await page.getByText("Hidden. The author and the reporters will be told.").waitFor();
    await page.getByTestId("case-decision").getByText(MESSAGE_TO_AUTHOR).waitFor();

    for (const open of [reporter, watcher]) {
      await post(open).getByText("Hidden by the facilitators · spam").waitFor();
      await post(open).getByText(POST_TEXT).waitFor({ state: "detached" });
    }
    await queueTab.getByText(POST_TEXT.slice(0, 40)).waitFor({ state: "detached" });
    await queueTab
      .getByTestId("live-announcer")
      .getByText(/A case left this list: Actioned/)
      .waitFor();
  });

  it("tells the author why, without the note or who; the author appeals", async () => {
    await author.goto("/moderation/mine");
    await author.getByRole("heading", { name: "Your moderation notices", level: 1 }).waitFor();
    await author.getByRole("link", { name: /Hidden by the facilitators/ }).click();
    await author.getByTestId("case-decision").getByText(MESSAGE_TO_AUTHOR).waitFor();
    expect(await author.getByText(INTERNAL_NOTE).count()).toBe(0);
    expect(await author.getByText(FACILITATOR.name).count()).toBe(0);
    expect(await author.getByText(NOTE_TO_MODERATORS).count()).toBe(0);

    const appeal = author.getByRole("region", { name: "Appeal" });
    await appeal.getByText(/you may appeal once, until/).waitFor();
    await appeal.getByLabel("Why the decision should change").fill(STATEMENT);
    await expectNoAxeViolations(author, "a case, as its author sees it");
    await appeal.getByRole("button", { name: "Send the appeal" }).click();
    await author.getByText(/Your appeal was sent/).waitFor();
    await appeal.getByText(STATEMENT).waitFor();
    // Appealed, it awaits a decision again: back in the open queue, live.
    const row = queueTab
      .getByTestId("moderation-queue")
      .getByRole("listitem")
      .filter({ hasText: POST_TEXT.slice(0, 40) });
    await row.getByText("Appealed").waitFor();
  });

  it("keeps the appeal from the moderator who hid the post", async () => {
    await facilitator.goto(casePath);
    const appeal = facilitator.getByRole("region", { name: "Appeal" });
    await appeal.getByText(STATEMENT).waitFor();
    await appeal.getByText("You decided this case, so another moderator decides the appeal.").waitFor();
    expect(await appeal.getByRole("button", { name: /Overturn|Uphold|Decide the appeal/ }).count()).toBe(0);
  });

  it("lets another moderator overturn: the post is back in every open page", async () => {
    await admin.goto(casePath);
    const appeal = admin.getByRole("region", { name: "Appeal" });
    await appeal.getByText(STATEMENT).waitFor();
    await appeal.getByRole("radio", { name: "Overturn" }).check();
    await appeal.getByLabel("Internal note").fill("The link was unrelated but not malicious; one mistake.");
    await appeal.getByLabel("Message to the author").fill("Your reply is shown again. Thank you for explaining.");
    await appeal.getByRole("button", { name: "Overturn the decision" }).click();
    await admin.getByText(/Overturned: the content is shown again/).waitFor();

    for (const open of [reporter, watcher]) {
      await post(open).getByText(POST_TEXT).waitFor();
      expect(
        await post(open)
          .getByText(/Hidden by the facilitators/)
          .count(),
      ).toBe(0);
    }
  });

  it("tells the reporter the outcome on their reports page", async () => {
    await reporter.goto("/moderation/reports");
    await reporter.getByRole("heading", { name: "Your reports", level: 1 }).waitFor();
    await reporter.getByText("the action was overturned on appeal").waitFor();
    await expectNoAxeViolations(reporter, "the reporter's reports");
  });

  it("shows a community's log: redacted to members, in full to its facilitators", async () => {
    await watcher.goto(`/c/${COMMUNITY}`);
    await watcher.getByRole("link", { name: "About" }).click();
    await watcher.getByRole("link", { name: /Moderation log/ }).click();
    await watcher.getByRole("heading", { name: /Moderation log of/, level: 1 }).waitFor();
    const publicLog = watcher.locator(".moderation-log");
    await publicLog.getByText(/Hidden · Reply · Spam/).waitFor();
    await publicLog.getByText(/Appeal accepted/).waitFor();
    // Never who acted, nor the notes, nor who reported.
    for (const secret of [FACILITATOR.name, INTERNAL_NOTE, NOTE_TO_MODERATORS, "Demo Member"]) {
      expect(await watcher.getByText(secret).count()).toBe(0);
    }
    await expectNoAxeViolations(watcher, "the public moderation log");

    await facilitator.goto(`/c/${COMMUNITY}/moderation-log`);
    const fullLog = facilitator.locator(".moderation-log");
    await fullLog.getByText(INTERNAL_NOTE).waitFor();
    await fullLog.getByText(FACILITATOR.name).first().waitFor();
    await fullLog.getByRole("link", { name: "Open the case" }).first().waitFor();
  });

  it("lets the facilitator set the automatic hiding threshold, within its limits", async () => {
    await facilitator.goto(`/moderation?community=${COMMUNITY}`);
    await facilitator.getByText(/Automatic hiding in/).click();
    const threshold = facilitator.getByLabel("Hide content when its reports weigh at least");
    await expect.poll(() => threshold.inputValue()).toBe("3");
    await threshold.fill("80");
    await facilitator.getByRole("button", { name: "Save" }).click();
    await facilitator.getByText("Enter a number from 1 to 50, or leave it empty.").waitFor();
    await threshold.fill("5");
    await facilitator.getByRole("button", { name: "Save" }).click();
    await facilitator.getByText("Saved: content is hidden when its reports weigh 5.").waitFor();
    await expectNoAxeViolations(facilitator, "the queue with the threshold form open");
  });

  it("tells the moderator who decided second what the case is now (CONFLICT)", async () => {
    const { addPost } = await gql<{ addPost: { id: string } }>(
      author,
      "mutation($input: AddPostInput!) { addPost(input: $input) { id } }",
      { input: { threadId, body: "A second reply, off topic this time: has anyone tried the new bakery?" } },
    );
    const { reportContent } = await gql<{ reportContent: { case: { id: string } } }>(
      reporter,
      "mutation($input: ReportContentInput!) { reportContent(input: $input) { case { id } } }",
      { input: { postId: addPost.id, reason: "OFF_TOPIC" } },
    );
    const path = `/moderation/cases/${reportContent.case.id}`;
    // Both moderators have the open case in front of them.
    for (const page of [facilitator, admin]) {
      await page.goto(path);
      await page.getByRole("region", { name: "Decide" }).getByRole("radio", { name: "Dismiss" }).waitFor();
    }
    const first = admin.getByRole("region", { name: "Decide" });
    await first.getByRole("radio", { name: "Dismiss" }).check();
    await first.getByLabel("Internal note").fill("A friendly aside, not worth acting on.");
    await first.getByRole("button", { name: "Dismiss the reports" }).click();
    await admin.getByText(/The reports were dismissed/).waitFor();

    const second = facilitator.getByRole("region", { name: "Decide" });
    await second.getByRole("radio", { name: "Warn" }).check();
    await second.getByLabel("Internal note").fill("Off topic again.");
    await second.getByLabel("Message to the author").fill("Please keep replies on the thread's topic.");
    await second.getByRole("button", { name: "Send the warning" }).click();
    await facilitator.getByText("Another moderator decided first").waitFor();
    await facilitator.getByText(/This case is now “Dismissed”/).waitFor();
    // Reloaded: a dismissed case has nothing left to decide.
    await facilitator.getByRole("region", { name: "Decide" }).waitFor({ state: "detached" });
    await expectNoAxeViolations(facilitator, "a case after a CONFLICT");
  });

  it("fits a 360 px phone: the queue and a case scroll only down", async () => {
    await facilitator.setViewportSize({ width: 360, height: 780 });
    for (const path of [`/moderation?community=${COMMUNITY}&state=OVERTURNED`, casePath]) {
      await facilitator.goto(path);
      await facilitator.getByRole("heading", { level: 1 }).waitFor();
      await facilitator.getByRole("heading", { level: 2 }).first().waitFor();
      const name = path.startsWith("/moderation?") ? "queue" : "case";
      await facilitator.screenshot({ path: join(ARTIFACTS, `moderation-${name}-phone.png`), fullPage: true });
      expect(await facilitator.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    }
    await facilitator.setViewportSize({ width: 1280, height: 800 });
  });

  it("speaks Italian: the report dialog and the queue", async () => {
    await watcher.goto(`/t/${threadId}`);
    await watcher.getByRole("button", { name: "Italiano" }).click();
    await post(watcher)
      .getByRole("button", { name: /^Segnala/ })
      .click();
    const dialog = watcher.getByRole("dialog", { name: "Segnala ai facilitatori" });
    await dialog.getByRole("radio", { name: "Dati personali" }).waitFor();
    await dialog.getByText("Perché lo segnali?").waitFor();
    await watcher.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await watcher.goto("/moderation");
    await watcher.getByRole("heading", { name: "Solo per i moderatori" }).waitFor();
    await watcher.screenshot({ path: join(ARTIFACTS, "moderation-not-allowed-it.png") });
    await watcher.getByRole("button", { name: "English" }).click();
  });
});
