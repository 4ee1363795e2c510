import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderEmail } from "../../api/src/modules/mail/email-layout.js";
import { digestEmail, groupDigest } from "../../api/src/modules/notification/digest.js";
import { signUnsubscribe } from "../../api/src/modules/notification/unsubscribe-token.js";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumAvailable, launchChromium } from "./support/browser";
import { REPO_ROOT, type RunningServer, startServer } from "./support/server";
import { gql, logIn } from "./support/session";

const MEMBER_EMAIL = "member@pratica.local";
const COMMUNITY = "circular-economy";

describe.skipIf(!chromiumAvailable())("notification preferences: delivery, digests and watch levels", () => {
  let server: RunningServer;
  let browser: Browser;
  let member: Page;
  let thread = { id: "", title: "" };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      locale: "en-US",
      viewport: { width: 1280, height: 900 },
    });
    member = await context.newPage();
    await logIn(member, MEMBER_EMAIL);
    const found = await gql<{ community: { threads: { edges: { node: { id: string; title: string } }[] } } }>(
      member,
      "query ($slug: String!) { community(slug: $slug) { threads(first: 1) { edges { node { id title } } } } }",
      { slug: COMMUNITY },
    );
    const first = found.community.threads.edges[0]?.node;
    if (!first) throw new Error(`the seed has no thread in ${COMMUNITY}`);
    thread = first;
  });

  afterAll(async () => {
    if (member && !member.isClosed()) {
      await member.screenshot({ path: join(REPO_ROOT, "test-artifacts", "notification-preferences-last.png") });
    }
    await browser?.close();
    await server?.stop();
  });

  const openPreferences = async () => {
    await member.getByRole("button", { name: /account menu/ }).click();
    await member.getByRole("link", { name: "Notification preferences" }).click();
    await member.getByRole("heading", { level: 1, name: "Notification preferences" }).waitFor();
  };

  it("chooses a weekly digest at 18:00 New York time, kept after a reload", async () => {
    await member.goto("/");
    await openPreferences();
    await expectNoAxeViolations(member, "the notification preferences page");
    await member.getByRole("radio", { name: "A weekly digest, on Mondays" }).check();
    await member.getByLabel("Digest time").selectOption("18");
    await member.getByLabel("Time zone").selectOption("America/New_York");
    await member.getByRole("button", { name: "Save preferences" }).click();
    await member.getByRole("status").filter({ hasText: "Your preferences were saved." }).waitFor();

    await member.reload();
    await member.getByRole("heading", { level: 1, name: "Notification preferences" }).waitFor();
    expect(await member.getByRole("radio", { name: "A weekly digest, on Mondays" }).isChecked()).toBe(true);
    expect(await member.getByLabel("Digest time").inputValue()).toBe("18");
    expect(await member.getByLabel("Time zone").inputValue()).toBe("America/New_York");
  });

  it("mutes a thread from its page (a native, labelled select), then finds and removes the choice in the preferences", async () => {
    await member.goto(`/t/${thread.id}`);
    await member.getByRole("heading", { level: 1, name: thread.title }).waitFor();
    const select = member.getByRole("combobox", { name: "Notifications" });
    await select.waitFor();
    // The level's meaning and why it applies are read with the control.
    const describedBy = (await select.getAttribute("aria-describedby")) ?? "";
    await expect.poll(() => member.locator(`[id="${describedBy}"]`).textContent()).toMatch(/^You hear .*The default/);
    await select.focus();
    await select.selectOption("MUTED");
    await expect
      .poll(() => member.locator(`[id="${describedBy}"]`).textContent())
      .toBe("You hear nothing from this thread, not even mentions. You chose this.");
    await member.getByRole("button", { name: "Back to the default" }).waitFor();
    await expectNoAxeViolations(member, "a thread page with its watch level");

    await openPreferences();
    const row = member.getByRole("listitem").filter({ has: member.getByRole("link", { name: thread.title }) });
    await row.waitFor();
    expect(await row.getByRole("combobox", { name: `Level for ${thread.title}` }).inputValue()).toBe("MUTED");
    await expectNoAxeViolations(member, "the preferences page with a muted thread");
    await member.screenshot({
      path: join(REPO_ROOT, "docs", "screenshots", "notification-preferences.png"),
      fullPage: true,
    });

    await row.getByRole("button", { name: `Remove the choice for ${thread.title}` }).click();
    await member.getByText("No choices yet: the defaults apply everywhere.").waitFor();
  });

  it("shows the level, its meaning and why on the community and document pages too, axe clean", async () => {
    await member.goto(`/c/${COMMUNITY}`);
    const onCommunity = member.getByRole("combobox", { name: "Notifications" });
    await onCommunity.waitFor();
    expect(await onCommunity.inputValue()).toBe("NORMAL");
    const explained = (await onCommunity.getAttribute("aria-describedby")) ?? "";
    expect(await member.locator(`[id="${explained}"]`).textContent()).toBe(
      "You hear only when mentioned or replied to. The default.",
    );
    await expectNoAxeViolations(member, "a community page with its watch level");

    const docs = await gql<{ community: { deliverables: { edges: { node: { id: string; title: string } }[] } } }>(
      member,
      "query ($slug: String!) { community(slug: $slug) { deliverables(first: 1) { edges { node { id title } } } } }",
      { slug: "op4impact" },
    );
    const doc = docs.community.deliverables.edges[0]?.node;
    if (!doc) throw new Error("the seed has no document in op4impact");
    await member.goto(`/d/${doc.id}`);
    const onDocument = member.getByRole("combobox", { name: "Notifications" });
    await onDocument.waitFor();
    await onDocument.selectOption("WATCHING");
    await member.getByText("You hear of every amendment. You chose this.").waitFor();
    await expectNoAxeViolations(member, "a document page with its watch level");
    await member.getByRole("button", { name: "Back to the default" }).click();
    await member
      .getByText("You hear only of what concerns you (your amendments, the documents you edit). The default.")
      .waitFor();
  });

  it("an unsubscribe link: the page changes nothing until its button is pressed, then mutes that thread", async () => {
    const { viewer } = await gql<{ viewer: { id: string } }>(member, "query { viewer { id } }", {});
    // The e2e server runs without SIGNING_SECRET: the development secret (api/src/config.ts).
    const token = signUnsubscribe("pratica-development-signing-secret-not-for-production", {
      userId: viewer.id,
      scope: "THREAD",
      id: thread.id,
    });
    // Asked from an app page: the unsubscribe pages allow no fetch at all (connect-src 'none').
    const levelOfThread = async () => {
      await member.goto("/");
      return (
        await gql<{ thread: { viewerWatchLevel: { level: string; explicit: boolean } } }>(
          member,
          "query ($id: ID!) { thread(id: $id) { viewerWatchLevel { level explicit } } }",
          { id: thread.id },
        )
      ).thread.viewerWatchLevel;
    };
    const before = await levelOfThread();
    expect(before.explicit).toBe(false);

    await member.goto(`/unsubscribe?token=${token}`);
    await member.getByRole("heading", { level: 1, name: "Stop these emails?" }).waitFor();
    await expectNoAxeViolations(member, "the unsubscribe confirmation page");
    expect(await levelOfThread()).toEqual(before);

    await member.goto(`/unsubscribe?token=${token}`);
    await member.getByRole("button", { name: "Mute this thread" }).click();
    await member.getByRole("heading", { level: 1, name: "Done" }).waitFor();
    await member.getByText("This thread is muted.").waitFor();
    expect(await levelOfThread()).toEqual({ level: "MUTED", explicit: true });

    await member.goto(`/unsubscribe?token=${token.slice(0, -3)}xyz`);
    await member.getByRole("heading", { level: 1, name: "This link does not work" }).waitFor();
    await member.goto("/");
    // Leave the member as they were for the other tests.
    await gql(member, "mutation ($id: ID!) { setWatchLevel(input: { threadId: $id }) { level } }", { id: thread.id });
  });

  it("renders a digest email's HTML part in Chromium", async () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 6, minute));
    const url = (path: string) => `https://pratica.example.org${path}`;
    const groups = groupDigest([
      ...[1, 2, 3].map((m) => ({
        communityId: "c1",
        community: "Economia circolare",
        subjectKey: "t1",
        title: "Riuso dei materiali edili: esempi da Torino",
        url: url("/t/t1#post-1"),
        createdAt: at(m),
      })),
      {
        communityId: "c1",
        community: "Economia circolare",
        subjectKey: "t2",
        title: "Bandi regionali 2027",
        url: url("/t/t2#post-9"),
        createdAt: at(4),
      },
      {
        communityId: "c2",
        community: "Società benefit",
        subjectKey: "d1",
        title: "Manifesto per l'impatto",
        url: url("/d/d1"),
        createdAt: at(5),
      },
    ]);
    const mail = renderEmail(
      "maria@example.org",
      digestEmail("it", "DAILY", groups, {
        notifications: url("/notifications"),
        preferences: url("/settings/notifications"),
        unsubscribe: url("/unsubscribe?token=…"),
      }),
    );
    const page = await browser.newPage({ viewport: { width: 720, height: 900 } });
    await page.setContent(mail.html);
    await page.getByRole("heading", { name: "Il tuo riepilogo del giorno" }).waitFor();
    expect(await page.getByText("(3 non lette)").count()).toBe(1);
    await page.screenshot({ path: join(REPO_ROOT, "docs", "screenshots", "digest-email.png"), fullPage: true });
    await page.close();
  });
});
