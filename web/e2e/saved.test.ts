import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, launchChromium } from "./support/browser";
import { REPO_ROOT, type RunningServer, startServer } from "./support/server";
import { gql, logIn } from "./support/session";

const COMMUNITY = "circular-economy";
const MEMBER_EMAIL = "member@pratica.local";

describe.skipIf(!chromiumAvailable())("saved material: save from the library, find it again", () => {
  let server: RunningServer;
  let browser: Browser;
  let member: Page;
  let resource = { id: "", title: "" };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: "en-US",
      viewport: { width: 1280, height: 800 },
    });
    member = await context.newPage();
    await logIn(member, MEMBER_EMAIL);
    const found = await gql<{ community: { resources: { edges: { node: { id: string; title: string } }[] } } }>(
      member,
      "query ($slug: String!) { community(slug: $slug) { resources(first: 1) { edges { node { id title } } } } }",
      { slug: COMMUNITY },
    );
    const first = found.community.resources.edges[0]?.node;
    if (!first) throw new Error(`the seed has no published material in ${COMMUNITY}`);
    resource = first;
  });

  afterAll(async () => {
    if (member && !member.isClosed()) {
      await member.screenshot({ path: join(REPO_ROOT, "test-artifacts", "saved-last.png"), fullPage: true });
    }
    await browser?.close();
    await server?.stop();
  });

  const openSaved = async () => {
    await member.getByRole("button", { name: /account menu/ }).click();
    await member.getByRole("link", { name: "Saved for later" }).click();
    await member.getByRole("heading", { level: 1, name: "Saved for later" }).waitFor();
  };

  it("lists what the member saved, and forgets what they unsave", async () => {
    await member.goto("/");
    await openSaved();
    await member.getByText("Nothing saved yet").waitFor();

    await member.goto(`/r/${resource.id}`);
    const bookmark = member.getByRole("button", { name: "Save for later" });
    await bookmark.click();
    await expect.poll(() => bookmark.getAttribute("aria-pressed")).toBe("true");

    await openSaved();
    const card = member.getByRole("listitem").filter({ has: member.getByRole("link", { name: resource.title }) });
    await card.waitFor();
    await card.getByRole("link", { name: /Circular/i }).waitFor();
    await member.getByText("1 piece of material saved").waitFor();
    await member.screenshot({ path: join(REPO_ROOT, "docs", "screenshots", "saved.png") });

    await card.getByRole("link", { name: resource.title }).click();
    await member.getByRole("heading", { level: 1, name: resource.title }).waitFor();
    await member.getByRole("button", { name: "Save for later" }).click();
    await expect
      .poll(() => member.getByRole("button", { name: "Save for later" }).getAttribute("aria-pressed"))
      .toBe("false");

    await openSaved();
    await member.getByText("Nothing saved yet").waitFor();
    expect(await member.getByRole("link", { name: resource.title }).count()).toBe(0);
  });
});
