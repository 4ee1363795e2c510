import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumAvailable, launchChromium } from "./support/browser";
import { REPO_ROOT, type RunningServer, startServer } from "./support/server";
import { gql, logIn } from "./support/session";
import { transitionsFinished } from "./support/signals";

const ARTIFACTS = join(REPO_ROOT, "test-artifacts");
const SCREENSHOTS = join(REPO_ROOT, "docs", "screenshots");
const COMMUNITY = "op4impact";

// Demo accounts (db/src/seed): the two editors of the pro bono guidelines, and a member.
const LAWYERS = { email: "rep.lawyers@pratica.local", name: "Representative, Lawyers" };
const CONSULTANTS = { email: "rep.labour-consultants@pratica.local", name: "Representative, Labour Consultants" };
const MEMBER = { email: "member@pratica.local", name: "Demo Member" };

// The seeded documents: guidelines in review (two editors) and the published Manifesto.
const GUIDELINES = "Linee guida per il pro bono d'impatto";
const MANIFESTO = "Manifesto per l'Impatto";
const BAR_ASSOCIATION = "Bar Association of Torino";

interface DocumentsQuery {
  community: { deliverables: { edges: { node: { id: string; title: string; status: string } }[] } };
}

interface SectionsQuery {
  deliverable: { sections: { id: string; heading: string; body: string; version: number }[] };
}

/** A section of the document page, found by its heading. */
function section(page: Page, heading: string): Locator {
  return page.getByRole("region", { name: heading, exact: true });
}

describe.skipIf(!chromiumAvailable())("deliverables: co-write, amend and endorse documents, live", () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let lawyers: Page;
  let consultants: Page;
  let member: Page;
  let guidelinesId = "";
  let manifestoId = "";
  const dialogs: string[] = [];
  // Unique only against a shared server (E2E_BASE_URL), where the seeded text may have changed.
  const mark = process.env.E2E_BASE_URL ? ` (${Date.now().toString(36)})` : "";
  const lawyersWords = `Gli avvocati aggiungono: ogni incarico pro bono è registrato dall'Ordine${mark}.`;
  const consultantsWords = `I consulenti del lavoro aggiungono: la prima consulenza avviene entro dieci giorni${mark}.`;

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    await mkdir(SCREENSHOTS, { recursive: true });
    server = await startServer();
    browser = await launchChromium();
    const options = { baseURL: server.baseUrl, locale: "en-US", viewport: { width: 1280, height: 800 } };
    const pages: Page[] = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext(options);
      contexts.push(context);
      const page = await context.newPage();
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      pages.push(page);
    }
    [lawyers, consultants, member] = pages as [Page, Page, Page];
    await logIn(lawyers, LAWYERS.email);
    await logIn(consultants, CONSULTANTS.email);
    await logIn(member, MEMBER.email);
    const found = await gql<DocumentsQuery>(
      lawyers,
      "query ($slug: String!) { community(slug: $slug) { deliverables(first: 50) { edges { node { id title status } } } } }",
      { slug: COMMUNITY },
    );
    const byTitle = new Map(found.community.deliverables.edges.map((edge) => [edge.node.title, edge.node]));
    guidelinesId = byTitle.get(GUIDELINES)?.id ?? "";
    manifestoId = byTitle.get(MANIFESTO)?.id ?? "";
    expect(byTitle.get(GUIDELINES)?.status).toBe("REVIEW");
    expect(byTitle.get(MANIFESTO)?.status).toBe("PUBLISHED");
  });

  afterAll(async () => {
    for (const [name, page] of [
      ["lawyers", lawyers],
      ["consultants", consultants],
      ["member", member],
    ] as const) {
      if (page && !page.isClosed()) {
        await page.screenshot({ path: join(ARTIFACTS, `deliverables-${name}-last.png`), fullPage: true });
      }
    }
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it("lists the community's documents with their status", async () => {
    await member.goto(`/c/${COMMUNITY}?tab=documents`);
    const list = member.getByRole("region", { name: "Documents" });
    await list.getByRole("link", { name: GUIDELINES }).waitFor();
    const card = list.getByRole("listitem").filter({ has: member.getByRole("link", { name: MANIFESTO }) });
    await card.getByText("Published").waitFor();
    await list.getByRole("link", { name: GUIDELINES }).click();
    await member.getByRole("heading", { level: 1, name: GUIDELINES }).waitFor();
    expect(new URL(member.url()).pathname).toBe(`/d/${guidelinesId}`);
    await section(member, "Finalità").getByTestId("section-body").waitFor();
    await expectNoAxeViolations(member, "a document page, for a member");
  });

  it("keeps both editors' words when they save the same section: conflict, merge, live", async () => {
    for (const page of [lawyers, consultants]) {
      await page.goto(`/d/${guidelinesId}`);
      await page.getByRole("heading", { level: 1, name: GUIDELINES }).waitFor();
    }
    const heading = "Finalità";
    // Each sees the other arrive, then start editing the section.
    await lawyers.getByTestId("presence").getByText(CONSULTANTS.name).waitFor();
    await section(lawyers, heading)
      .getByRole("button", { name: `Edit (${heading})` })
      .click();
    await section(consultants, heading).getByText(`${LAWYERS.name} is editing`).waitFor();
    await section(consultants, heading)
      .getByRole("button", { name: `Edit (${heading})` })
      .click();
    await section(lawyers, heading).getByText(`${CONSULTANTS.name} is editing`).waitFor();

    const lawyersText = section(lawyers, heading).getByLabel("Text of the section");
    const consultantsText = section(consultants, heading).getByLabel("Text of the section");
    const original = await lawyersText.inputValue();
    expect(original.length).toBeGreaterThan(20);
    expect(await consultantsText.inputValue()).toBe(original);
    await lawyersText.fill(`${original}\n\n${lawyersWords}`);
    await consultantsText.fill(`${original}\n\n${consultantsWords}`);

    // The first saves.
    await section(lawyers, heading).getByRole("button", { name: "Save", exact: true }).click();
    await section(lawyers, heading).getByTestId("section-body").getByText(lawyersWords).waitFor();

    // The second is told, quietly, and keeps typing: the draft is not touched.
    await section(consultants, heading).getByText(`Section changed by ${LAWYERS.name} while you edit`).waitFor();
    expect(await consultantsText.inputValue()).toBe(`${original}\n\n${consultantsWords}`);

    // Saving shows the conflict: both texts, what differs, and a merge box with the reader's text.
    await section(consultants, heading).getByRole("button", { name: "Save", exact: true }).click();
    const conflict = section(consultants, heading).getByTestId("conflict");
    await conflict.getByRole("heading", { name: "Someone saved this section while you were editing" }).waitFor();
    const mine = conflict.getByRole("region", { name: "Your text" });
    const theirs = conflict.getByRole("region", { name: /^Their text \(version \d+, by Representative, Lawyers\)$/ });
    await mine.getByText(consultantsWords).waitFor();
    await theirs.getByText(lawyersWords).waitFor();
    const diff = conflict.getByRole("region", { name: "What differs" });
    await diff.locator("ins").filter({ hasText: "consulenti" }).first().waitFor();
    await diff.locator("del").filter({ hasText: "avvocati" }).first().waitFor();
    const merged = conflict.getByLabel("Merged text");
    expect(await merged.inputValue()).toBe(`${original}\n\n${consultantsWords}`);
    // Nothing typed is lost: the draft survives a reload of the tab too (sessionStorage).
    expect(
      await consultants.evaluate(() =>
        Object.keys(sessionStorage).some((key) => key.startsWith("pratica.draft.section.")),
      ),
    ).toBe(true);

    await consultants.setViewportSize({ width: 1280, height: 1280 });
    await section(consultants, heading).evaluate((element) => element.scrollIntoView({ block: "start" }));
    await consultants.screenshot({ path: join(SCREENSHOTS, "deliverable-conflict.png") });
    await consultants.screenshot({ path: join(ARTIFACTS, "deliverable-conflict-full.png"), fullPage: true });
    await consultants.setViewportSize({ width: 360, height: 780 });
    await consultants.screenshot({ path: join(ARTIFACTS, "deliverable-conflict-phone.png"), fullPage: true });
    await consultants.setViewportSize({ width: 1280, height: 800 });

    // The shortcuts fill the merge box; combining keeps both paragraphs.
    await conflict.getByRole("button", { name: "Use their text" }).click();
    expect(await merged.inputValue()).not.toContain(consultantsWords);
    await conflict.getByRole("button", { name: "Use mine" }).click();
    expect(await merged.inputValue()).not.toContain(lawyersWords);
    await conflict.getByRole("button", { name: "Combine both changes" }).click();
    const combined = await merged.inputValue();
    expect(combined).toContain(lawyersWords);
    expect(combined).toContain(consultantsWords);
    await conflict.getByRole("button", { name: "Save the merged text" }).click();

    const body = section(consultants, heading).getByTestId("section-body");
    await body.getByText(consultantsWords).waitFor();
    await body.getByText(lawyersWords).waitFor();
    // The first editor's page follows without a reload, and says who changed it.
    await lawyers.evaluate(() => {
      (window as unknown as { stillHere: boolean }).stillHere = true;
    });
    await section(lawyers, heading).getByTestId("section-body").getByText(consultantsWords).waitFor();
    await section(lawyers, heading).getByTestId("section-body").getByText(lawyersWords).waitFor();
    await lawyers.getByText(`“${heading}” updated by ${CONSULTANTS.name}`).first().waitFor();
    expect(await lawyers.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

    // What the api has is the merge, and the draft is gone.
    const saved = await gql<SectionsQuery>(
      lawyers,
      "query ($id: ID!) { deliverable(id: $id) { sections { id heading body version } } }",
      { id: guidelinesId },
    );
    const finalText = saved.deliverable.sections.find((s) => s.heading === heading)?.body ?? "";
    expect(finalText).toContain(lawyersWords);
    expect(finalText).toContain(consultantsWords);
    expect(
      await consultants.evaluate(() =>
        Object.keys(sessionStorage).some((key) => key.startsWith("pratica.draft.section.")),
      ),
    ).toBe(false);

    // The history shows both saves; two versions compared show the merge's words.
    await section(lawyers, heading).getByRole("tab", { name: "History" }).click();
    const history = section(lawyers, heading).getByRole("tabpanel");
    await history.getByText(`by ${CONSULTANTS.name}`).first().waitFor();
    const checks = history.getByRole("checkbox");
    await checks.nth(0).check();
    await checks.nth(1).check();
    await history.locator("ins").filter({ hasText: "consulenti" }).first().waitFor();
  });

  it("lets a member propose an amendment that an editor accepts; the proposer sees it live", async () => {
    const heading = "Impegni dei professionisti";
    const sentence = `Il professionista comunica all'ente il proprio recapito diretto${mark}.`;
    await member.goto(`/d/${guidelinesId}`);
    await member.getByRole("heading", { level: 1, name: GUIDELINES }).waitFor();
    await lawyers.bringToFront();

    const mine = section(member, heading);
    await mine.getByRole("tab", { name: /^Amendments/ }).click();
    await mine.getByRole("button", { name: `Propose an amendment (${heading})` }).click();
    const text = mine.getByLabel("Your version of the text");
    const current = await text.inputValue();
    await text.fill(`${current}\n\n${sentence}`);
    await mine.getByLabel("Why this change?").fill("Chi chiede aiuto deve sapere a chi rivolgersi.");
    await mine.getByRole("button", { name: "Propose", exact: true }).click();
    await mine.getByRole("heading", { name: `Amendment by ${MEMBER.name}` }).waitFor();

    // The editor sees it arrive, with the words it adds.
    const theirs = section(lawyers, heading);
    await lawyers.getByText(`${MEMBER.name} proposed an amendment to “${heading}”`).first().waitFor();
    await theirs.getByRole("tab", { name: /^Amendments/ }).click();
    const amendment = theirs.getByRole("article", { name: `Amendment by ${MEMBER.name}` });
    await amendment.locator("ins").filter({ hasText: "recapito diretto" }).waitFor();
    await amendment.getByText("Chi chiede aiuto deve sapere a chi rivolgersi.").waitFor();

    await lawyers.getByRole("button", { name: "Hide" }).click();
    await section(lawyers, "Chi può chiedere e come").evaluate((element) => element.scrollIntoView({ block: "start" }));
    await lawyers.screenshot({ path: join(SCREENSHOTS, "deliverable.png") });
    await lawyers.screenshot({ path: join(ARTIFACTS, "deliverable-full.png"), fullPage: true });
    // As an editor sees it, with an amendment's changes open.
    await expectNoAxeViolations(lawyers, "a document page, for an editor");
    await lawyers.emulateMedia({ colorScheme: "dark" });
    await lawyers.setViewportSize({ width: 360, height: 780 });
    await transitionsFinished(lawyers);
    await lawyers.screenshot({ path: join(ARTIFACTS, "deliverable-phone-dark.png"), fullPage: true });
    await lawyers.emulateMedia({ colorScheme: "light" });
    await lawyers.setViewportSize({ width: 1280, height: 800 });

    await amendment.getByRole("button", { name: `Accept (${MEMBER.name})` }).click();
    await theirs.getByTestId("section-body").getByText(sentence).waitFor();

    // The proposer is told, and reads the new text, without a reload.
    await member.getByText(`Your amendment to “${heading}” was accepted by ${LAWYERS.name}`).first().waitFor();
    await mine.getByTestId("section-body").getByText(sentence).waitFor();
    await expect.poll(() => mine.getByRole("article", { name: `Amendment by ${MEMBER.name}` }).count()).toBe(0);
    await mine.getByRole("button", { name: "Decided" }).click();
    await mine
      .getByRole("article", { name: `Amendment by ${MEMBER.name}` })
      .first()
      .getByText("Accepted")
      .first()
      .waitFor();
  });

  it("lets a representative endorse the published Manifesto; the signatory appears", async () => {
    await lawyers.goto(`/d/${manifestoId}/endorsements`);
    await lawyers.getByRole("heading", { level: 1, name: "Endorsements" }).waitFor();
    const signatories = lawyers.getByRole("region", { name: /signator/ });
    await signatories.getByRole("heading", { name: /2 signatories/ }).waitFor();
    expect(await signatories.getByRole("heading", { name: BAR_ASSOCIATION }).count()).toBe(0);

    const form = lawyers.getByRole("form", { name: "Endorse on behalf of your organisation" });
    await form.getByLabel("Organisation").selectOption({ label: BAR_ASSOCIATION });
    await form.getByLabel("Statement (optional)").fill("L'Ordine degli avvocati sostiene il Manifesto.");
    await form.getByRole("button", { name: "Endorse" }).click();

    const signed = signatories
      .getByRole("listitem")
      .filter({ has: lawyers.getByRole("heading", { name: BAR_ASSOCIATION }) });
    await signed.getByText("L'Ordine degli avvocati sostiene il Manifesto.").waitFor();
    await signed.getByText(`by ${LAWYERS.name}`).waitFor();
    await signatories.getByRole("heading", { name: /3 signatories/ }).waitFor();
    await expect.poll(() => form.count()).toBe(0);

    // Anyone reading the Manifesto sees the new count.
    await member.goto(`/d/${manifestoId}`);
    await member.getByRole("link", { name: "Endorsements (3)" }).waitFor();
    // Its sections have headings of their own in their text (`###`): one level under the section's h2.
    await member.getByRole("heading", { level: 3, name: "Impegni comuni" }).waitFor();
    await expectNoAxeViolations(member, "the published Manifesto");
    expect(dialogs).toEqual([]);
  });
});
