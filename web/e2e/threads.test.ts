import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page, WebSocketRoute } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumAvailable, launchChromium } from "./support/browser";
import { REPO_ROOT, type RunningServer, startServer } from "./support/server";
import { logIn } from "./support/session";
import { transitionsFinished } from "./support/signals";

const ARTIFACTS = join(REPO_ROOT, "test-artifacts");
const SCREENSHOTS = join(REPO_ROOT, "docs", "screenshots");
const COMMUNITY = "circular-economy";

// Two demo accounts, both active members of the community; the facilitator also moderates.
const MARIA = { email: "member@pratica.local", name: "Demo Member" };
const FACILITATOR = { email: `facilitator.${COMMUNITY}@pratica.local`, name: `Facilitator, ${COMMUNITY}` };

const XSS = "<img src=x onerror=alert(1)>";

/**
 * The page's WebSocket goes through this switch, so a test can cut the connection and keep it
 * down (every reconnection attempt is closed at once) as a laptop that went to sleep would.
 */
class WebSocketSwitch {
  offline = false;
  /** The `after` of every threadEvents subscription the page started, in order. */
  readonly threadEventsAfter: number[] = [];
  /** How many connection attempts were turned away while offline. */
  refusals = 0;
  private open = new Set<WebSocketRoute>();
  private onRefusal: (() => void)[] = [];

  async install(context: BrowserContext) {
    await context.routeWebSocket(/\/graphql$/, (ws) => {
      if (this.offline) {
        void ws.close({ code: 1012, reason: "offline" });
        this.refusals += 1;
        for (const listener of this.onRefusal.splice(0)) listener();
        return;
      }
      this.open.add(ws);
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        this.record(String(message));
        server.send(message);
      });
      ws.onClose(() => this.open.delete(ws));
    });
  }

  private record(message: string) {
    const parsed = JSON.parse(message) as {
      type?: string;
      payload?: { query?: string; variables?: { after?: string } };
    };
    if (parsed.type === "subscribe" && parsed.payload?.query?.includes("threadEvents")) {
      this.threadEventsAfter.push(Number(parsed.payload.variables?.after));
    }
  }

  async goOffline() {
    this.offline = true;
    for (const ws of this.open) await ws.close({ code: 1012, reason: "offline" });
    this.open.clear();
  }

  goOnline() {
    this.offline = false;
  }

  /** Resolves once an attempt past the first `count` has been turned away. */
  async refusedAfter(count: number) {
    while (this.refusals <= count) await new Promise<void>((resolve) => this.onRefusal.push(resolve));
  }
}

describe.skipIf(!chromiumAvailable())("threads: discuss live, safely, and miss nothing", () => {
  let server: RunningServer;
  let browser: Browser;
  let mariaContext: BrowserContext;
  let facilitatorContext: BrowserContext;
  let maria: Page;
  let facilitator: Page;
  let threadPath = "";
  const dialogs: string[] = [];
  const socket = new WebSocketSwitch();
  // Unique only against a shared server (E2E_BASE_URL); a fresh one keeps the screenshot tidy.
  const title = `Repair cafés in every district${process.env.E2E_BASE_URL ? ` ${Date.now().toString(36)}` : ""}`;

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    await mkdir(SCREENSHOTS, { recursive: true });
    server = await startServer();
    browser = await launchChromium();
    const options = { baseURL: server.baseUrl, locale: "en-US", viewport: { width: 1280, height: 800 } };
    mariaContext = await browser.newContext(options);
    facilitatorContext = await browser.newContext(options);
    await socket.install(mariaContext);
    maria = await mariaContext.newPage();
    facilitator = await facilitatorContext.newPage();
    for (const page of [maria, facilitator]) {
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
    }
    await logIn(maria, MARIA.email);
    await logIn(facilitator, FACILITATOR.email);
  });

  afterAll(async () => {
    if (maria && !maria.isClosed())
      await maria.screenshot({ path: join(ARTIFACTS, "threads-last.png"), fullPage: true });
    await mariaContext?.close();
    await facilitatorContext?.close();
    await browser?.close();
    await server?.stop();
  });

  it("starts a discussion from the community page", async () => {
    await maria.goto(`/c/${COMMUNITY}`);
    const discussions = maria.getByRole("region", { name: "Discussions" });
    await discussions.waitFor();

    await maria.getByRole("button", { name: "Start a discussion" }).click();
    // Refused before sending, explained next to the field.
    await maria.getByRole("button", { name: "Publish discussion" }).click();
    await maria.getByText("Write a title between 3 and 200 characters.").waitFor();

    await maria.getByLabel("Title").fill(title);
    const body = maria.getByLabel("What would you like to discuss?");
    await body.fill(
      "Several of us run **repair cafés**. What would it take to have one in every district?\n\n" +
        "- volunteers and tools\n- a room once a month\n- a way to measure what we keep out of landfill\n\n",
    );
    // @mention suggestions: members whose handle or name starts with what follows the @.
    await body.press("End");
    await body.pressSequentially("@faci");
    const option = maria.getByRole("option", { name: new RegExp(FACILITATOR.name) });
    await option.waitFor();
    expect(await option.getAttribute("aria-selected")).toBe("true");
    await body.press("Enter");
    await body.pressSequentially("knows the municipal side.");
    expect(await body.inputValue()).toContain(`@facilitator-${COMMUNITY} knows the municipal side.`);
    expect(await maria.getByRole("listbox").count()).toBe(0);
    // The same safe Markdown in the preview.
    await maria.getByRole("tab", { name: "Preview" }).click();
    await maria.getByRole("tabpanel").locator("strong").getByText("repair cafés").waitFor();
    await maria.getByRole("tab", { name: "Write" }).click();
    await maria.getByLabel("Tags (optional)").fill("repair, reuse");
    await maria.getByRole("button", { name: "Publish discussion" }).click();

    await maria.getByRole("heading", { level: 1, name: title }).waitFor();
    threadPath = new URL(maria.url()).pathname;
    expect(threadPath).toMatch(/^\/t\/.+/);
    await maria
      .getByRole("navigation", { name: "Breadcrumb" })
      .getByRole("link", { name: "Circular Economy" })
      .waitFor();
    await maria.locator(".thread__opening strong").getByText("repair cafés").waitFor();
    await maria.locator(".mention").first().waitFor();
  });

  it("shows a reply from someone else at once, without a reload, and announces it", async () => {
    await maria.evaluate(() => {
      (window as unknown as { stillHere: boolean }).stillHere = true;
    });
    await facilitator.goto(threadPath);
    await facilitator.getByRole("heading", { level: 1, name: title }).waitFor();

    // Typing shows on the other side.
    const reply = facilitator.getByLabel("Write a reply");
    await reply.fill("Hello");
    await maria.getByText(`${FACILITATOR.name} is typing…`).waitFor();

    await reply.fill("Hello from the facilitator: the municipality has rooms we can use.");
    await facilitator.getByRole("button", { name: "Send reply" }).click();

    const post = maria.getByRole("article", { name: `Post by ${FACILITATOR.name}` });
    await post.getByText("the municipality has rooms we can use").waitFor();
    await expect
      .poll(() => maria.getByTestId("live-announcer").textContent())
      .toBe(`New reply from ${FACILITATOR.name}`);
    expect(await maria.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await maria.getByRole("heading", { name: "1 reply" }).waitFor();
  });

  it("replies with a quote of the post it answers", async () => {
    await maria.getByRole("button", { name: `Reply (${FACILITATOR.name})` }).click();
    const composer = maria.getByLabel(`Reply to ${FACILITATOR.name}`);
    await expect.poll(() => composer.evaluate((el) => el === document.activeElement)).toBe(true);
    await maria.locator(".reply-to").getByText(`Replying to ${FACILITATOR.name}`).waitFor();

    await composer.fill("Wonderful — could we start with the library in the north district?");
    await composer.press("Control+Enter");

    const mine = maria.getByRole("article", { name: `Post by ${MARIA.name}` }).last();
    await mine.getByText("start with the library").waitFor();
    await mine.getByRole("blockquote").getByText(`In reply to ${FACILITATOR.name}`).waitFor();
    await mine.getByRole("blockquote").getByText("the municipality has rooms").waitFor();
    // The other side gets the quote live too.
    await facilitator
      .getByRole("article", { name: `Post by ${MARIA.name}` })
      .getByRole("blockquote")
      .getByText(`In reply to ${FACILITATOR.name}`)
      .waitFor();
  });

  it("toggles a reaction, and its count follows on both sides", async () => {
    const post = maria.getByRole("article", { name: `Post by ${FACILITATOR.name}` });
    const like = post.getByRole("button", { name: /^Like/ });
    expect(await like.getAttribute("aria-pressed")).toBe("false");

    await like.click();
    await expect.poll(() => like.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => like.textContent()).toContain("1");
    const theirs = facilitator.getByRole("article", { name: `Post by ${FACILITATOR.name}` });
    await expect.poll(() => theirs.getByRole("button", { name: /^Like/ }).textContent()).toContain("1");

    await post.getByRole("button", { name: /^Celebrate/ }).click();
    await like.click();
    await expect.poll(() => like.getAttribute("aria-pressed")).toBe("false");
    await expect.poll(() => like.textContent()).not.toContain("1");
    await post.getByRole("button", { name: /^Celebrate/ }).click();
    await post.getByRole("button", { name: /^Celebrate/ }).click();
    await expect.poll(() => post.getByRole("button", { name: /^Celebrate/ }).getAttribute("aria-pressed")).toBe("true");
  });

  it("makes a post's reactions one tab stop, moved through with the arrows and toggled with Enter or Space", async () => {
    const post = maria.getByRole("article", { name: `Post by ${FACILITATOR.name}` });
    const toolbar = post.getByRole("toolbar", { name: "Reactions" });
    const reaction = (name: string) => toolbar.getByRole("button", { name: new RegExp(`^${name}`) });
    const hasFocus = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);
    expect(await toolbar.getByRole("button").count()).toBe(5);
    expect(await toolbar.locator('button[tabindex="0"]').count()).toBe(1);

    // Tab enters the toolbar once, on the reaction last used (Celebrate, clicked above), and leaves it at once.
    await post.locator(".post__time").focus();
    await maria.keyboard.press("Tab");
    expect(await hasFocus(reaction("Celebrate"))).toBe(true);
    await maria.keyboard.press("Tab");
    expect(await hasFocus(post.getByRole("button", { name: `Reply (${FACILITATOR.name})` }))).toBe(true);
    await maria.keyboard.press("Shift+Tab");
    expect(await hasFocus(reaction("Celebrate"))).toBe(true);

    // The arrows move along it, wrapping; Home and End go to its ends.
    await maria.keyboard.press("ArrowRight");
    expect(await hasFocus(reaction("Insightful"))).toBe(true);
    await maria.keyboard.press("End");
    expect(await hasFocus(reaction("Support"))).toBe(true);
    await maria.keyboard.press("ArrowRight");
    expect(await hasFocus(reaction("Like"))).toBe(true);
    await maria.keyboard.press("ArrowLeft");
    expect(await hasFocus(reaction("Support"))).toBe(true);
    await maria.keyboard.press("Home");
    expect(await hasFocus(reaction("Like"))).toBe(true);
    expect(await toolbar.locator('button[tabindex="0"]').count()).toBe(1);
    expect(await reaction("Like").getAttribute("tabindex")).toBe("0");

    // Enter and Space toggle; the state is the button's own, as a screen reader reads it.
    expect(await reaction("Like").ariaSnapshot()).toBe('- button "Like"');
    await maria.keyboard.press("Enter");
    await expect.poll(() => reaction("Like").ariaSnapshot()).toBe('- button "Like 1" [pressed]');
    await maria.keyboard.press("Space");
    await expect.poll(() => reaction("Like").ariaSnapshot()).toBe('- button "Like"');
    expect(await hasFocus(reaction("Like"))).toBe(true);
  });

  it("goes to the reply box with Alt+Shift+R or the skip link, and says so in both languages", async () => {
    const replyBox = maria.getByLabel("Write a reply");
    const hasFocus = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);
    const breadcrumb = maria
      .getByRole("navigation", { name: "Breadcrumb" })
      .getByRole("link", { name: "Circular Economy" });
    await breadcrumb.focus();
    await maria.keyboard.press("Alt+Shift+R");
    await expect.poll(() => hasFocus(replyBox)).toBe(true);

    // The skip link comes right after the thread's tags, before the first post, and is always visible.
    const skip = maria.getByRole("link", { name: "Skip to your reply" });
    expect(await skip.getAttribute("aria-keyshortcuts")).toBe("Alt+Shift+R");
    expect(await skip.isVisible()).toBe(true);
    await maria.getByRole("list", { name: "Tags" }).getByRole("link").last().focus();
    await maria.keyboard.press("Tab");
    expect(await hasFocus(skip)).toBe(true);
    await maria.keyboard.press("Enter");
    await expect.poll(() => hasFocus(replyBox)).toBe(true);
    await maria.getByText("To come back here from anywhere on this page:").waitFor();

    await maria.getByRole("button", { name: "Italiano" }).click();
    await maria.getByRole("link", { name: "Vai alla tua risposta" }).waitFor();
    await maria.getByText("Per tornare qui da qualunque punto della pagina:").waitFor();
    expect(await maria.locator("kbd").allTextContents()).toEqual(["Alt+Maiusc+R", "Alt+Maiusc+R"]);
    await maria.getByRole("button", { name: "English" }).click();
    await maria.getByRole("link", { name: "Skip to your reply" }).waitFor();
  });

  it("edits a post in place; earlier versions stay readable", async () => {
    const mine = maria.getByRole("article", { name: `Post by ${MARIA.name}` }).last();
    await mine.getByRole("button", { name: "Edit" }).click();
    const editor = mine.getByLabel("Edit your post");
    await editor.fill("Wonderful — could we start with the library in the north district, in March?");
    await mine.getByRole("button", { name: "Save" }).click();
    await mine.getByText("in the north district, in March?").waitFor();

    const theirs = facilitator.getByRole("article", { name: `Post by ${MARIA.name}` }).last();
    await theirs.getByText("in the north district, in March?").waitFor();
    await theirs.getByRole("button", { name: /^edited/ }).click();
    await theirs
      .getByRole("region", { name: "Earlier versions" })
      .getByText("start with the library in the north district?")
      .waitFor();
  });

  it("lets the facilitator pin the discussion", async () => {
    await facilitator.getByRole("button", { name: "Pin", exact: true }).click();
    await facilitator.getByRole("button", { name: "Unpin" }).waitFor();
    await facilitator.locator(".thread__meta").getByText("Pinned").waitFor();
  });

  it("closes and reopens the composer live when the facilitator locks and unlocks", async () => {
    await maria.getByLabel("Write a reply").fill("Can I still add something?");

    await facilitator.getByRole("button", { name: "Lock", exact: true }).click();
    await facilitator.getByRole("button", { name: "Unlock" }).waitFor();
    // No reload on Maria's side: the lock arrives with the community's events.
    await maria.getByText("This discussion is locked").waitFor();
    expect(await maria.getByLabel("Write a reply").count()).toBe(0);
    await expect
      .poll(() => maria.getByTestId("live-announcer").textContent())
      .toBe("The discussion is locked: no new replies.");
    // With no text box to go to, the shortcut goes to the reply area's heading, which says why.
    await maria.keyboard.press("Alt+Shift+R");
    await expect
      .poll(() => maria.getByRole("heading", { name: "Your reply" }).evaluate((el) => el === document.activeElement))
      .toBe(true);

    await facilitator.getByRole("button", { name: "Unlock" }).click();
    await facilitator.getByRole("button", { name: "Lock", exact: true }).waitFor();
    // The composer comes back with the unsent text in it.
    await maria.getByLabel("Write a reply").waitFor();
    expect(await maria.getByLabel("Write a reply").inputValue()).toBe("Can I still add something?");
  });

  it("refuses a reply to a discussion locked while the page was offline, saying why", async () => {
    // Cut off, Maria's page does not hear of the lock and still offers the composer.
    await socket.goOffline();
    await facilitator.getByRole("button", { name: "Lock", exact: true }).click();
    await facilitator.getByRole("button", { name: "Unlock" }).waitFor();
    await maria.getByRole("button", { name: "Send reply" }).click();
    const alert = maria.locator(".reply-form").getByRole("alert");
    await alert.getByText("This thread is locked").waitFor();
    expect(await maria.getByLabel("Write a reply").inputValue()).toBe("Can I still add something?");
    socket.goOnline();

    await maria.reload();
    await maria.getByText("This discussion is locked").waitFor();
    expect(await maria.getByLabel("Write a reply").count()).toBe(0);

    await facilitator.getByRole("button", { name: "Unlock" }).click();
    await facilitator.getByRole("button", { name: "Lock", exact: true }).waitFor();
    await maria.reload();
    // The unsent text was kept as a draft across the reload.
    expect(await maria.getByLabel("Write a reply").inputValue()).toBe("Can I still add something?");
    await maria.getByLabel("Write a reply").fill("");
  });

  it("takes the thread-page screenshot", async () => {
    await maria.reload();
    await maria.getByRole("heading", { level: 1, name: title }).waitFor();
    await maria
      .getByRole("article", { name: `Post by ${MARIA.name}` })
      .last()
      .waitFor();
    await maria.evaluate(() => window.scrollTo(0, 0));
    await maria.screenshot({ path: join(SCREENSHOTS, "thread.png") });
    await maria.screenshot({ path: join(ARTIFACTS, "thread-full.png"), fullPage: true });
    // A thread with a reply, a quote, reactions and an edited post, as a member sees it.
    await expectNoAxeViolations(maria, "a thread page");

    await maria.emulateMedia({ colorScheme: "dark" });
    await transitionsFinished(maria);
    await maria.screenshot({ path: join(ARTIFACTS, "thread-dark.png"), fullPage: true });
    await expectNoAxeViolations(maria, "a thread page, dark");
    await maria.setViewportSize({ width: 360, height: 780 });
    await maria.screenshot({ path: join(ARTIFACTS, "thread-phone-dark.png"), fullPage: true });
    await maria.emulateMedia({ colorScheme: "light" });
    await transitionsFinished(maria);
    await maria.screenshot({ path: join(ARTIFACTS, "thread-phone.png"), fullPage: true });
    await maria.setViewportSize({ width: 1280, height: 800 });
  });

  it("shows HTML in a post as literal text, never as markup", async () => {
    await maria.getByLabel("Write a reply").fill(XSS);
    await maria.getByRole("button", { name: "Send reply" }).click();

    for (const page of [maria, facilitator]) {
      await page.locator(".post__body").getByText(XSS, { exact: true }).waitFor();
      expect(await page.locator('img[src="x"]').count()).toBe(0);
    }
    expect(dialogs).toEqual([]);

    // Deleted, it stays in place as deleted, on both sides.
    const post = maria.getByRole("article", { name: `Post by ${MARIA.name}` }).filter({ hasText: XSS });
    await post.getByRole("button", { name: "Delete" }).click();
    await post.getByRole("button", { name: "Delete this post" }).click();
    for (const page of [maria, facilitator]) {
      await page.getByText("This post was deleted.").waitFor();
      expect(await page.locator(".post__body").getByText(XSS).count()).toBe(0);
    }
  });

  it("misses nothing posted while its connection was down", async () => {
    const before = socket.threadEventsAfter.length;
    const latestBefore = Math.max(...socket.threadEventsAfter);
    await socket.goOffline();
    // While Maria is cut off, the facilitator posts twice.
    for (const text of ["First while you were away.", "Second while you were away."]) {
      await facilitator.getByLabel("Write a reply").fill(text);
      await facilitator.getByRole("button", { name: "Send reply" }).click();
      await facilitator.getByText(text).waitFor();
    }
    const refusalsBefore = socket.refusals;
    // The page tried to reconnect after both posts existed and was turned away: it was still
    // cut off while they were posted, so it cannot have them.
    await socket.refusedAfter(refusalsBefore);
    expect(await maria.getByText("First while you were away.").count()).toBe(0);

    // Seen as they arrive, they count as read.
    const markedRead = maria.waitForResponse((r) => r.request().postData()?.includes("MarkThreadRead") ?? false);
    socket.goOnline();
    await maria.getByText("First while you were away.").waitFor({ timeout: 40_000 });
    await maria.getByText("Second while you were away.").waitFor();
    // Each post once, in order: replay after a reconnect duplicates nothing.
    const texts = await maria.locator(".post__body").allTextContents();
    const away = texts.filter((text) => text.includes("while you were away"));
    expect(away).toEqual(["First while you were away.", "Second while you were away."]);
    await markedRead;
    // Back online, it resubscribed from the last event it had, not from where the page began.
    await expect.poll(() => Math.max(...socket.threadEventsAfter.slice(before))).toBeGreaterThan(latestBefore);
  });

  it("lists the discussion in its community, live, with unread and pinned markers", async () => {
    await maria.goto(`/c/${COMMUNITY}`);
    const discussions = maria.getByRole("region", { name: "Discussions" });
    const row = discussions.getByRole("listitem").filter({ has: maria.getByRole("link", { name: title }) });
    await row.waitFor();
    await row.getByText("Pinned").waitFor();
    await row.getByRole("button", { name: /#repair/ }).waitFor();
    expect(await row.getByText(/unread/).count()).toBe(0);

    // A reply to a discussion on screen updates its row in place.
    await facilitator.getByLabel("Write a reply").fill("One more thing: the tool library can lend us drills.");
    await facilitator.getByRole("button", { name: "Send reply" }).click();
    await row.getByText("1 unread").waitFor();
    expect(await maria.getByRole("button", { name: /new update/ }).count()).toBe(0);

    // A discussion started meanwhile waits behind a quiet bar instead of moving the list.
    await facilitator.goto(`/c/${COMMUNITY}`);
    await facilitator.getByRole("button", { name: "Start a discussion" }).click();
    await facilitator.getByLabel("Title").fill("Circular procurement: shared tender templates");
    await facilitator
      .getByLabel("What would you like to discuss?")
      .fill("Let's collect the tender clauses that worked for reuse and repair.");
    await facilitator.getByLabel("Tags (optional)").fill("procurement");
    await facilitator.getByRole("button", { name: "Publish discussion" }).click();
    await facilitator
      .getByRole("heading", { level: 1, name: "Circular procurement: shared tender templates" })
      .waitFor();

    const bar = maria.getByRole("button", { name: "1 new update — show" });
    await bar.waitFor();
    expect(await discussions.getByRole("link", { name: "Circular procurement: shared tender templates" }).count()).toBe(
      0,
    );
    await facilitator.getByLabel("Write a reply").fill("A first reply, so the list shows an unread count.");
    await facilitator.getByRole("button", { name: "Send reply" }).click();
    await bar.click();
    await discussions.getByRole("link", { name: "Circular procurement: shared tender templates" }).waitFor();
    await discussions
      .getByRole("listitem")
      .filter({ has: maria.getByRole("link", { name: "Circular procurement: shared tender templates" }) })
      .getByText("1 unread")
      .waitFor();

    // Filtering by a tag, and clearing the filter.
    await row.getByRole("button", { name: /#repair/ }).click();
    await discussions.getByText("Showing discussions tagged").waitFor();
    await expect
      .poll(() => discussions.getByRole("link", { name: "Circular procurement: shared tender templates" }).count())
      .toBe(0);
    await discussions.getByRole("button", { name: "Clear filter" }).click();
    await discussions.getByRole("link", { name: "Circular procurement: shared tender templates" }).waitFor();

    await maria.screenshot({ path: join(ARTIFACTS, "discussions.png"), fullPage: true });
    await maria.emulateMedia({ colorScheme: "dark" });
    await maria.setViewportSize({ width: 360, height: 780 });
    await transitionsFinished(maria);
    await maria.screenshot({ path: join(ARTIFACTS, "discussions-phone-dark.png"), fullPage: true });
    await maria.emulateMedia({ colorScheme: "light" });
    await maria.setViewportSize({ width: 1280, height: 800 });
  });

  it("marks where the reader left off", async () => {
    await maria.getByRole("link", { name: title }).click();
    await maria.getByRole("heading", { level: 1, name: title }).waitFor();
    const divider = maria.getByText("New since your last visit");
    await divider.waitFor();
    // The divider comes right before the reply that arrived while Maria was away.
    const next = maria.locator("#new-since-last-visit + article");
    await next.getByText("the tool library can lend us drills").waitFor();
    await maria.goto(`/c/${COMMUNITY}`);
    const row = maria.getByRole("listitem").filter({ has: maria.getByRole("link", { name: title }) });
    await row.waitFor();
    await expect.poll(() => row.getByText(/unread/).count()).toBe(0);
  });

  it("notifies the author of a reply and leads to it", async () => {
    // Maria opened the discussion in the test before: opening it read its notifications.
    const bell = maria.getByRole("link", { name: "Notifications", exact: true });
    await bell.waitFor();
    await bell.click();
    await maria.getByRole("heading", { level: 1, name: "Notifications" }).waitFor();
    // One entry for the discussion, however many replies it had.
    const entry = maria.getByRole("link", {
      name: new RegExp(`^(${FACILITATOR.name} replied in|\\d+ replies in) “${title}”$`),
    });
    await entry.waitFor();
    expect(await entry.count()).toBe(1);
    await maria.getByText("You're all caught up.").waitFor();
    await maria.screenshot({ path: join(ARTIFACTS, "notifications.png"), fullPage: true });

    await entry.click();
    await maria.getByRole("heading", { level: 1, name: title }).waitFor();
  });

  let longThreadId = "";

  it("in a long discussion, new replies wait behind a quiet bar until asked for", async () => {
    // 55 replies through the api, as the facilitator: more than the first page of 50.
    const threadId = await facilitator.evaluate(async (slug) => {
      const gql = async (query: string, variables: Record<string, unknown>) => {
        const response = await fetch("/graphql", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as { data: Record<string, { id: string }> };
        return body.data;
      };
      const { community } = await gql("query ($slug: String!) { community(slug: $slug) { id } }", { slug });
      const { createThread } = await gql(
        "mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }",
        {
          input: { communityId: community?.id, title: "A long discussion", body: "Many replies follow." },
        },
      );
      for (let i = 1; i <= 55; i++) {
        await gql("mutation ($input: AddPostInput!) { addPost(input: $input) { id } }", {
          input: { threadId: createThread?.id, body: `Reply number ${i}.` },
        });
      }
      return createThread?.id ?? "";
    }, COMMUNITY);
    longThreadId = threadId;

    await maria.goto(`/t/${threadId}`);
    await maria.getByText("Reply number 50.", { exact: true }).waitFor();
    expect(await maria.getByText("Reply number 51.", { exact: true }).count()).toBe(0);

    await facilitator.goto(`/t/${threadId}`);
    await facilitator.getByLabel("Write a reply").fill("Reply number 56, live.");
    await facilitator.getByRole("button", { name: "Send reply" }).click();

    const bar = maria.getByRole("button", { name: "1 new reply — show" });
    await bar.waitFor();
    await expect
      .poll(() => maria.getByTestId("live-announcer").textContent())
      .toBe(`New reply from ${FACILITATOR.name}`);
    expect(await maria.getByText("Reply number 56, live.").count()).toBe(0);
    await bar.click();
    await maria.getByText("Reply number 56, live.").waitFor();
    await maria.getByText("Reply number 51.", { exact: true }).waitFor();
    expect(await maria.getByRole("button", { name: /new repl/ }).count()).toBe(0);
    expect(await maria.getByRole("button", { name: "Load more replies" }).count()).toBe(0);
  });

  it("opens a link to a post beyond the first page at that post", async () => {
    const postId = await maria.evaluate(async (threadId) => {
      const response = await fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query: "query ($id: ID!) { thread(id: $id) { posts(first: 100) { edges { node { id body } } } } }",
          variables: { id: threadId },
        }),
      });
      const body = (await response.json()) as {
        data: { thread: { posts: { edges: { node: { id: string; body: string } }[] } } };
      };
      return body.data.thread.posts.edges.find((e) => e.node.body === "Reply number 53.")?.node.id ?? "";
    }, longThreadId);
    expect(postId).not.toBe("");

    // As a notification or a search result would link to it.
    await maria.goto(`/t/${longThreadId}#post-${postId}`);
    const post = maria.locator(`#post-${postId}`);
    await post.getByText("Reply number 53.", { exact: true }).waitFor();
    await expect.poll(() => post.evaluate((el) => el === document.activeElement)).toBe(true);
  });
});
