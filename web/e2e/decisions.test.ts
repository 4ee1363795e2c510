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

// Demo accounts (db/src/seed): the community's facilitator, and the representatives of two
// professional orders, who are also the two editors of the pro bono guidelines (in review).
const FACILITATOR = "facilitator.op4impact@pratica.local";
const LAWYERS = { email: "rep.lawyers@pratica.local", organization: "Bar Association of Torino" };
const CONSULTANTS = {
  email: "rep.labour-consultants@pratica.local",
  organization: "Order of Labour Consultants of Torino",
};
const GUIDELINES = "Linee guida per il pro bono d'impatto";

interface DocumentsQuery {
  community: { id: string; deliverables: { edges: { node: { id: string; title: string; status: string } }[] } };
}

/** A decision set up through the api, for the tests that are about voting rather than starting one. */
async function createDecision(page: Page, input: Record<string, unknown>): Promise<string> {
  const closesAt = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
  const data = await gql<{ createDecision: { id: string } }>(
    page,
    "mutation ($input: CreateDecisionInput!) { createDecision(input: $input) { id } }",
    { input: { closesAt, open: true, ...input } },
  );
  return data.createDecision.id;
}

describe.skipIf(!chromiumAvailable())(
  "decisions: one vote per organisation, live results, the outcome moves the document on",
  () => {
    let server: RunningServer;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    let facilitator: Page;
    let lawyers: Page;
    let consultants: Page;
    let communityId = "";
    let guidelinesId = "";
    let decisionUrl = "";

    beforeAll(async () => {
      await mkdir(ARTIFACTS, { recursive: true });
      await mkdir(SCREENSHOTS, { recursive: true });
      server = await startServer();
      browser = await launchChromium();
      const options = { baseURL: server.baseUrl, locale: "en-US", viewport: { width: 1280, height: 900 } };
      const pages: Page[] = [];
      for (let i = 0; i < 3; i++) {
        const context = await browser.newContext(options);
        contexts.push(context);
        const page = await context.newPage();
        // "Cancel the decision" asks first; no test here cancels, so any question is declined.
        page.on("dialog", (dialog) => void dialog.dismiss());
        pages.push(page);
      }
      [facilitator, lawyers, consultants] = pages as [Page, Page, Page];
      await logIn(facilitator, FACILITATOR);
      await logIn(lawyers, LAWYERS.email);
      await logIn(consultants, CONSULTANTS.email);
      const found = await gql<DocumentsQuery>(
        facilitator,
        "query ($slug: String!) { community(slug: $slug) { id deliverables(first: 50) { edges { node { id title status } } } } }",
        { slug: COMMUNITY },
      );
      communityId = found.community.id;
      const guidelines = found.community.deliverables.edges.find((edge) => edge.node.title === GUIDELINES)?.node;
      guidelinesId = guidelines?.id ?? "";
      expect(guidelines?.status).toBe("REVIEW");
    });

    afterAll(async () => {
      for (const [name, page] of [
        ["facilitator", facilitator],
        ["lawyers", lawyers],
        ["consultants", consultants],
      ] as const) {
        if (page && !page.isClosed()) {
          await page.screenshot({ path: join(ARTIFACTS, `decisions-${name}-last.png`), fullPage: true });
        }
      }
      for (const context of contexts) await context.close();
      await browser?.close();
      await server?.stop();
    });

    it("a facilitator starts a consent decision on the guidelines, one vote per organisation, from the document page", async () => {
      await facilitator.goto(`/d/${guidelinesId}`);
      const panel = facilitator.getByRole("region", { name: "Decisions" });
      // The seed's own consent on the guidelines is listed (open, so first).
      await panel.getByRole("link", { name: "Approviamo le linee guida per il pro bono d'impatto?" }).waitFor();
      await panel.getByRole("link", { name: "Start a decision" }).click();
      await facilitator.getByRole("heading", { level: 1, name: "Start a decision" }).waitFor();
      await facilitator.getByText(`About: ${GUIDELINES}`).waitFor();
      await expectNoAxeViolations(facilitator, "the decision form");

      // Sent empty: refused at the title, where the reader is put.
      await facilitator.getByRole("button", { name: "Open now" }).click();
      await expect.poll(() => facilitator.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("title");

      await facilitator.getByLabel("Title").fill("Approve the pro bono guidelines");
      await facilitator.getByLabel("Context").fill("The two orders have finished the text. **Shall we approve it?**");
      await facilitator.getByRole("radio", { name: /^Consent/ }).check();
      await facilitator.getByRole("radio", { name: /^One vote per organisation/ }).check();
      await facilitator.getByLabel("When the outcome is published, move the document to").selectOption("APPROVED");
      await facilitator.getByRole("button", { name: "Open now" }).click();

      await facilitator.waitForURL((url) => /^\/decisions\/(?!new$)[^/]+$/.test(url.pathname));
      decisionUrl = new URL(facilitator.url()).pathname;
      await facilitator.getByRole("heading", { level: 1, name: "Approve the pro bono guidelines" }).waitFor();
      await facilitator.getByText("Open", { exact: true }).waitFor();
      await facilitator.getByText(/^0 of \d+ organisations voted/).waitFor();
      await facilitator.getByRole("button", { name: "Close now" }).waitFor();
      await expectNoAxeViolations(facilitator, "the open decision, to its facilitator");
    });

    it("a block without a reason is refused at the reason field", async () => {
      await lawyers.goto(decisionUrl);
      const ballot = lawyers.getByRole("region", { name: "Your vote" });
      await ballot.getByText(`You vote for ${LAWYERS.organization}.`).waitFor();
      await ballot.getByRole("radio", { name: /^Block/ }).check();
      await ballot.getByRole("button", { name: "Vote" }).click();
      const reason = ballot.getByRole("textbox", { name: "Your reason" });
      await expect.poll(() => reason.evaluate((element) => element === document.activeElement)).toBe(true);
      await expect.poll(() => reason.getAttribute("aria-invalid")).toBe("true");
      await ballot.getByText("A block needs a reason: say what would have to change.").waitFor();
      await expectNoAxeViolations(lawyers, "the ballot with a refused block");
    });

    it("two representatives vote for their organisations, and the facilitator sees each vote arrive live", async () => {
      const results = facilitator.getByRole("region", { name: "Results" });
      const agreeRow = results.getByRole("row", { name: /^Agree/ });
      await agreeRow.getByText("0", { exact: true }).waitFor();

      // Lawyers agree (the block above was never sent).
      const lawyersBallot = lawyers.getByRole("region", { name: "Your vote" });
      await lawyersBallot.getByRole("radio", { name: /^Agree/ }).check();
      await lawyersBallot.getByRole("button", { name: "Vote" }).click();
      await lawyersBallot.getByText("Your vote is recorded.").waitFor();
      await agreeRow.getByText("1", { exact: true }).waitFor();
      await facilitator.getByTestId("live-announcer").getByText("A vote was cast").waitFor();

      // Labour consultants agree with a reason; their organisation's vote is theirs to change.
      await consultants.goto(decisionUrl);
      const consultantsBallot = consultants.getByRole("region", { name: "Your vote" });
      await consultantsBallot.getByText(`You vote for ${CONSULTANTS.organization}.`).waitFor();
      await consultantsBallot.getByRole("radio", { name: /^Agree/ }).check();
      await consultantsBallot.getByLabel("Your reason (optional)").fill("Our council approved the text on Monday.");
      await consultantsBallot.getByRole("button", { name: "Vote" }).click();
      await consultantsBallot.getByText("Your vote is recorded.").waitFor();
      await agreeRow.getByText("2", { exact: true }).waitFor();

      // Who voted what: each organisation, cast by its representative, with the reason.
      const votes = facilitator.getByRole("region", { name: "Votes" });
      await votes
        .getByTestId("vote-row")
        .filter({ hasText: CONSULTANTS.organization })
        .getByText("Our council approved")
        .waitFor();
      await votes.getByTestId("vote-row").filter({ hasText: LAWYERS.organization }).waitFor();
      await consultants.getByTestId("organization-vote").waitFor();
    });

    it("the facilitator closes it and publishes the outcome, which moves the document to Approved", async () => {
      await facilitator.getByRole("button", { name: "Close now" }).click();
      await facilitator.getByText("Closed", { exact: true }).waitFor();
      const outcome = facilitator.getByRole("region", { name: "Outcome" });
      await outcome.getByText("Publishing it also moves the document to “Approved”.").waitFor();
      await outcome.getByRole("button", { name: "Publish the outcome" }).click();
      await outcome.getByText("Write the outcome before publishing it.").waitFor();
      await outcome.getByLabel("Write the outcome").fill("Approved by both orders. The guidelines apply from January.");
      await outcome.getByRole("button", { name: "Publish the outcome" }).click();
      await outcome.getByTestId("decision-outcome").getByText("Approved by both orders.").waitFor();
      await facilitator.getByText("Outcome published", { exact: true }).waitFor();
      await outcome.getByText("The document is now “Approved”.").waitFor();
      await expectNoAxeViolations(facilitator, "the decision with its outcome");
      await facilitator.screenshot({ path: join(SCREENSHOTS, "decision.png"), fullPage: true });

      // The representatives' open pages hear of it too.
      await lawyers.getByRole("region", { name: "Outcome" }).getByText("Approved by both orders.").waitFor();

      await lawyers.goto(`/d/${guidelinesId}`);
      await lawyers.getByRole("heading", { level: 1, name: GUIDELINES }).waitFor();
      await lawyers.getByText("Approved", { exact: true }).first().waitFor();
      const panel = lawyers.getByRole("region", { name: "Decisions" });
      await panel.getByRole("link", { name: "Approve the pro bono guidelines" }).waitFor();
      await panel.getByText("Outcome published").waitFor();
    });

    it("a ranked-choice vote is cast with the keyboard alone", async () => {
      const id = await createDecision(facilitator, {
        communityId,
        title: "Where shall we hold the assembly?",
        kind: "RANKED_CHOICE",
        options: [{ label: "Turin" }, { label: "Milan" }, { label: "Genoa" }],
      });
      const ready = subscribeSent(lawyers, "DecisionEvents");
      await lawyers.goto(`/decisions/${id}`);
      await ready;
      const ballot = lawyers.getByRole("region", { name: "Your vote" });
      const items = ballot.getByTestId("ranking-item");
      await expect
        .poll(() => items.allTextContents())
        .toEqual([
          expect.stringContaining("Turin"),
          expect.stringContaining("Milan"),
          expect.stringContaining("Genoa"),
        ]);

      // Genoa first: focus its "Move up", press Enter twice; focus stays on the moved option.
      await ballot.getByRole("button", { name: "Move up (Genoa)" }).focus();
      await lawyers.keyboard.press("Enter");
      await lawyers.getByText("Genoa is now number 2.").waitFor();
      await lawyers.keyboard.press("Enter");
      await lawyers.getByText("Genoa is now number 1.").waitFor();
      await expect.poll(() => items.first().textContent()).toContain("Genoa");
      // Then Turin below Milan: Tab to the next rows' buttons, all by keyboard.
      await ballot.getByRole("button", { name: "Move down (Turin)" }).focus();
      await lawyers.keyboard.press("Space");
      await lawyers.getByText("Turin is now number 3.").waitFor();
      await expect
        .poll(() => items.allTextContents())
        .toEqual([
          expect.stringContaining("Genoa"),
          expect.stringContaining("Milan"),
          expect.stringContaining("Turin"),
        ]);
      await ballot.getByLabel("Your reason (optional)").focus();
      await lawyers.keyboard.press("Tab");
      await lawyers.keyboard.press("Enter");
      await ballot.getByText("Your vote is recorded.").waitFor();

      // The results show the rounds; the vote list shows the ranking.
      const results = lawyers.getByRole("region", { name: "Results" });
      await results.getByRole("table", { name: "Round 1" }).waitFor();
      await lawyers.getByRole("region", { name: "Votes" }).getByText("1. Genoa  2. Milan  3. Turin").waitFor();
      await expectNoAxeViolations(lawyers, "a ranked-choice decision after voting");
    });

    it("hidden results say when they will be shown", async () => {
      const id = await createDecision(facilitator, {
        communityId,
        title: "Which workshop first?",
        kind: "SINGLE_CHOICE",
        resultsVisibility: "AFTER_CLOSE",
        options: [{ label: "Impact reporting" }, { label: "Social clauses" }],
      });
      await consultants.goto(`/decisions/${id}`);
      await consultants
        .getByTestId("results-hidden")
        .getByText("The results are shown once the decision closes.")
        .waitFor();
      const ballot = consultants.getByRole("region", { name: "Your vote" });
      await ballot.getByRole("radio", { name: "Social clauses" }).check();
      await ballot.getByRole("button", { name: "Vote" }).click();
      await ballot.getByText("Your vote is recorded.").waitFor();
      // Still hidden after voting: they show at the close.
      await consultants.getByTestId("results-hidden").waitFor();
      expect(await consultants.getByRole("region", { name: "Votes" }).count()).toBe(0);
      await expectNoAxeViolations(consultants, "a decision with hidden results");
    });

    it("fits a 360 px phone, in Italian", async () => {
      const phone = await browser.newContext({
        baseURL: server.baseUrl,
        locale: "it-IT",
        viewport: { width: 360, height: 740 },
      });
      // Signed in as the lawyers' representative: their session, carried over (the login form is English-only in logIn).
      await phone.addCookies(await (contexts[1] as BrowserContext).cookies());
      const pagina = await phone.newPage();
      const id = await createDecision(facilitator, {
        communityId,
        title: "Quando ci incontriamo?",
        kind: "SCORE",
        options: [{ label: "Martedì" }, { label: "Giovedì" }],
      });
      await pagina.goto(`/decisions/${id}`);
      await pagina.getByRole("heading", { level: 1, name: "Quando ci incontriamo?" }).waitFor();
      const scheda = pagina.getByRole("region", { name: "Il tuo voto" });
      await scheda.getByRole("group", { name: "Dai un punteggio a ogni opzione" }).waitFor();
      await scheda.getByRole("button", { name: "Vota" }).click();
      await scheda.getByText("Dai un punteggio a ogni opzione.").waitFor();
      const overflow = await pagina.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
      await expectNoAxeViolations(pagina, "a decision on a phone, in Italian");

      await pagina.goto(`/decisions/new?community=${COMMUNITY}`);
      await pagina.getByRole("heading", { level: 1 }).waitFor();
      await pagina.screenshot({ path: join(ARTIFACTS, "decisions-phone-form.png") });
      await pagina.getByRole("heading", { level: 1, name: "Avvia una decisione" }).waitFor();
      const overflowForm = await pagina.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflowForm).toBe(0);
      await expectNoAxeViolations(pagina, "the decision form on a phone, in Italian");
      await phone.close();
    });
  },
);
