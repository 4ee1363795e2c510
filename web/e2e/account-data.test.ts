import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumAvailable, launchChromium } from "./support/browser";
import { REPO_ROOT, type RunningServer, startServer } from "./support/server";
import { DEMO_PASSWORD, logIn } from "./support/session";

const MEMBER = "member@pratica.local";

describe.skipIf(!chromiumAvailable())("your data: download it, delete the account", () => {
  let server: RunningServer;
  let browser: Browser;
  let member: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: "en-US",
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    });
    member = await context.newPage();
    await logIn(member, MEMBER);
  });

  afterAll(async () => {
    if (member && !member.isClosed()) {
      await member.screenshot({ path: join(REPO_ROOT, "test-artifacts", "account-data-last.png"), fullPage: true });
    }
    await browser?.close();
    await server?.stop();
  });

  it("is reached from the account menu and downloads the archive", async () => {
    await member.getByRole("button", { name: /account menu/ }).click();
    await member.getByRole("link", { name: "Your data" }).click();
    await member.getByRole("heading", { level: 1, name: "Your data" }).waitFor();
    await expectNoAxeViolations(member, "the your-data page");
    const downloading = member.waitForEvent("download");
    await member.getByRole("link", { name: "Download your data" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^pratica-.+\.json$/);
    const path = await download.path();
    const archive = JSON.parse(await readFile(path, "utf8")) as { formatVersion: number; profile: { email: string } };
    expect(archive.formatVersion).toBe(1);
    expect(archive.profile.email).toBe(MEMBER);
  });

  it("deletes the account from a dialog that asks the password and says what happens", async () => {
    await member.getByRole("button", { name: "Delete your account…" }).click();
    const dialog = member.getByRole("dialog", { name: "Delete your account" });
    await dialog.waitFor();
    await dialog.getByText(/shown as written by “Former member”/).waitFor();
    await dialog.getByLabel("Also erase the text of my discussions and replies").check();
    await dialog.getByText(/The text of your discussions and replies is removed/).waitFor();
    await expectNoAxeViolations(member, "the delete-account dialog");
    await member.screenshot({ path: join(REPO_ROOT, "docs", "screenshots", "delete-account.png") });

    await dialog.getByLabel("Your password").fill("not my password");
    await dialog.getByRole("button", { name: "Delete my account" }).click();
    await dialog.getByText("The password is not correct.").waitFor();
    expect(await dialog.getByLabel("Your password").getAttribute("aria-invalid")).toBe("true");

    await dialog.getByLabel("Your password").fill(DEMO_PASSWORD);
    await dialog.getByRole("button", { name: "Delete my account" }).click();
    await member.getByRole("status").getByText("Your account has been deleted.").waitFor();
    await member.getByRole("link", { name: "Log in" }).first().waitFor();
    expect(await member.getByRole("link", { name: /^Notifications/ }).count()).toBe(0);

    await member.goto("/login");
    await member.getByLabel("Email").fill(MEMBER);
    await member.getByLabel("Password").fill(DEMO_PASSWORD);
    await member.getByRole("main").getByRole("button", { name: "Log in" }).click();
    await member.getByText("The email or the password is not correct.").first().waitFor();
  });
});
