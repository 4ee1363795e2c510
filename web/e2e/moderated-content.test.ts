import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumAvailable, launchChromium } from "./support/browser";
import { type RunningServer, startServer } from "./support/server";
import { gql, logIn } from "./support/session";

const COMMUNITY = "circular-economy";
const MEMBER = { email: "member@pratica.local", name: "Demo Member" };
const FACILITATOR = { email: `facilitator.${COMMUNITY}@pratica.local`, name: `Facilitator, ${COMMUNITY}` };

describe.skipIf(!chromiumAvailable())("moderated content: a facilitator deletes with a reason the author reads", () => {
  let server: RunningServer;
  let browser: Browser;
  let contexts: BrowserContext[] = [];
  let member: Page;
  let facilitator: Page;
  let threadPath = "";

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const options = { baseURL: server.baseUrl, locale: "en-US", viewport: { width: 1280, height: 800 } };
    contexts = [await browser.newContext(options), await browser.newContext(options)];
    member = await (contexts[0] as BrowserContext).newPage();
    facilitator = await (contexts[1] as BrowserContext).newPage();
    await logIn(member, MEMBER.email);
    await logIn(facilitator, FACILITATOR.email);
    // The discussion and the member's reply are set up through the api: what is tested is the deletion.
    const { community } = await gql<{ community: { id: string } }>(
      member,
      `query($slug: String!) { community(slug: $slug) { id } }`,
      { slug: COMMUNITY },
    );
    const { createThread } = await gql<{ createThread: { id: string } }>(
      member,
      `mutation($i: CreateThreadInput!) { createThread(input: $i) { id } }`,
      { i: { communityId: community.id, title: `Shared tools ${Date.now().toString(36)}`, body: "Who lends what?" } },
    );
    await gql(member, `mutation($i: AddPostInput!) { addPost(input: $i) { id } }`, {
      i: { threadId: createThread.id, body: "Call me at +39 333 000 0000 for the drill." },
    });
    threadPath = `/t/${createThread.id}`;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it("asks the facilitator for the reason in an accessible dialog; the author reads it live", async () => {
    await member.goto(threadPath);
    await facilitator.goto(threadPath);
    const post = facilitator.getByRole("article", { name: `Post by ${MEMBER.name}` });
    await post.getByText("for the drill").waitFor();

    const deleteButton = post.getByRole("button", { name: "Delete" });
    await deleteButton.click();
    const dialog = facilitator.getByRole("dialog", { name: "Delete this post" });
    await dialog.waitFor();
    const reason = dialog.getByLabel("Reason");
    // Focus is inside the dialog, on the reason.
    await expect.poll(() => reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectNoAxeViolations(facilitator, "the delete-with-reason dialog");
    // No reason: refused before sending, said next to the field.
    await dialog.getByRole("button", { name: "Delete with this reason" }).click();
    await dialog.getByText("Write a reason for the author (at most 1000 characters).").waitFor();
    // Escape closes it and gives focus back to the Delete button; nothing was deleted.
    await facilitator.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => deleteButton.evaluate((el) => el === document.activeElement)).toBe(true);
    await post.getByText("for the drill").waitFor();

    await deleteButton.click();
    await dialog.getByLabel("Reason").fill("Personal phone numbers are not shared in discussions.");
    await dialog.getByRole("button", { name: "Delete with this reason" }).click();
    await dialog.waitFor({ state: "hidden" });

    // The author sees why, on the open page, without a reload; so does the facilitator.
    const reasonText = "Deleted by the facilitators: Personal phone numbers are not shared in discussions.";
    await member.getByText(reasonText).waitFor();
    await post.getByText(reasonText).waitFor();
    expect(await member.getByText("for the drill").count()).toBe(0);
    await expectNoAxeViolations(member, "a post deleted by the facilitators");
  });
});
