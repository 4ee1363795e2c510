import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumAvailable, launchChromium } from "./support/browser";
import { REPO_ROOT, type RunningServer, startServer } from "./support/server";
import { gql, logIn } from "./support/session";
import { subscribeSent } from "./support/signals";

const COMMUNITY = "circular-economy";
const MARIA = "member@pratica.local";
const FACILITATOR = `facilitator.${COMMUNITY}@pratica.local`;
const TITLE = "Where do we keep the shared tools?";

const bell = (page: Page) => page.getByRole("link", { name: /^Notifications/ });

describe.skipIf(!chromiumAvailable())("the bell: notifications grouped by thread", () => {
  let server: RunningServer;
  let browser: Browser;
  let maria: Page;
  let facilitator: Page;
  let threadId = "";

  const reply = (body: string) =>
    gql(facilitator, "mutation ($input: AddPostInput!) { addPost(input: $input) { id } }", {
      input: { threadId, body },
    });

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const open = async (email: string) => {
      const context = await browser.newContext({
        baseURL: server.baseUrl,
        locale: "en-US",
        viewport: { width: 1280, height: 800 },
      });
      const page = await context.newPage();
      await logIn(page, email);
      return page;
    };
    maria = await open(MARIA);
    facilitator = await open(FACILITATOR);
    const { community } = await gql<{ community: { id: string } }>(
      maria,
      "query ($slug: String!) { community(slug: $slug) { id } }",
      { slug: COMMUNITY },
    );
    const created = await gql<{ createThread: { id: string } }>(
      maria,
      "mutation ($input: CreateThreadInput!) { createThread(input: $input) { id } }",
      { input: { communityId: community.id, title: TITLE, body: "Drills, ladders and the long table." } },
    );
    threadId = created.createThread.id;
    await gql(maria, "mutation { markAllNotificationsRead }", {});
  });

  afterAll(async () => {
    if (maria && !maria.isClosed()) {
      await maria.screenshot({ path: join(REPO_ROOT, "test-artifacts", "notifications-last.png"), fullPage: true });
    }
    await browser?.close();
    await server?.stop();
  });

  it("shows “2 new replies in …” as one entry, and opening the thread clears it", async () => {
    await reply("In the basement, I think.");
    await reply("Or at the repair café?");
    await maria.goto("/");
    await bell(maria)
      .and(maria.getByRole("link", { name: "Notifications, 2 unread" }))
      .waitFor();
    await maria.getByRole("button", { name: "Latest notifications" }).click();
    const entry = maria.getByRole("link", { name: `2 new replies in “${TITLE}”` });
    await entry.waitFor();
    await maria
      .getByText(/latest by Facilitator/)
      .first()
      .waitFor();
    await expectNoAxeViolations(maria, "the bell's panel");
    await maria.screenshot({ path: join(REPO_ROOT, "docs", "screenshots", "bell.png") });

    await entry.click();
    await maria.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await maria.getByRole("link", { name: "Notifications", exact: true }).waitFor();
    await maria.goto("/notifications");
    await maria.getByRole("link", { name: `2 replies in “${TITLE}”` }).waitFor();
    await maria.getByText("You're all caught up.").waitFor();
    await expectNoAxeViolations(maria, "the notifications page");
  });

  it("a reply that arrives while the thread is open never counts", async () => {
    const subscribed = subscribeSent(maria, "ThreadEvents");
    await maria.goto(`/t/${threadId}`);
    await maria.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await subscribed;
    // Every name the bell has from now on, to show that none of them counted the live reply.
    await maria.evaluate(() => {
      const names: string[] = [];
      (window as unknown as { bellNames: string[] }).bellNames = names;
      const link = document.querySelector("a.bell");
      if (!link) throw new Error("no bell");
      new MutationObserver(() => names.push(link.getAttribute("aria-label") ?? "")).observe(link, {
        attributes: true,
        attributeFilter: ["aria-label"],
      });
    });
    const marked = maria.waitForResponse(
      (response) =>
        response.url().endsWith("/graphql") && (response.request().postData() ?? "").includes("MarkThreadRead"),
    );
    await reply("Seen live: the basement it is.");
    await maria.getByText("Seen live: the basement it is.").waitFor();
    await marked;
    const { unreadNotificationCount } = await gql<{ unreadNotificationCount: number }>(
      maria,
      "query { unreadNotificationCount }",
      {},
    );
    expect(unreadNotificationCount).toBe(0);
    const names = await maria.evaluate(() => (window as unknown as { bellNames: string[] }).bellNames);
    expect(names.filter((name) => name.includes("unread"))).toEqual([]);
    await maria.getByRole("link", { name: "Notifications", exact: true }).waitFor();

    // Away from the thread, the next reply is news again.
    const listening = subscribeSent(maria, "NotificationAdded");
    await maria.goto("/");
    await maria.getByRole("link", { name: "Notifications", exact: true }).waitFor();
    await listening;
    await reply("And one more after you left.");
    await maria.getByRole("link", { name: "Notifications, 1 unread" }).waitFor();
  });
});
