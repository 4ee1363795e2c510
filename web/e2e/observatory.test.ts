import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/axe";
import { chromiumAvailable, launchChromium } from "./support/browser";
import { REPO_ROOT, type RunningServer, startServer } from "./support/server";
import { transitionsFinished } from "./support/signals";

const CHARTS = ["Partners by category", "Partners by year of signing", "Activity per community", "Most active themes"];
const screenshot = (name: string) => join(REPO_ROOT, "docs", "screenshots", name);

/** Presses Tab until the focused element matches `selector`, at most `limit` times: keyboard only, as a person would. */
async function tabTo(page: Page, selector: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`never reached ${selector} with Tab`);
}

describe.skipIf(!chromiumAvailable())(
  "the observatory: charts with their data, by keyboard, on a phone, in Italian",
  () => {
    let server: RunningServer;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      server = await startServer();
      browser = await launchChromium();
      context = await browser.newContext({
        baseURL: server.baseUrl,
        locale: "en-US",
        viewport: { width: 1280, height: 900 },
      });
      page = await context.newPage();
    });

    afterAll(async () => {
      if (page && !page.isClosed()) {
        await page.screenshot({ path: join(REPO_ROOT, "test-artifacts", "observatory-last.png"), fullPage: true });
      }
      await browser?.close();
      await server?.stop();
    });

    it("shows the totals and each chart as a picture, a summary and a table", async () => {
      await page.goto("/observatory");
      await page.getByRole("heading", { level: 1, name: "Observatory" }).waitFor();
      await page.getByText("Figures as of").waitFor();
      await page.getByRole("main").getByText("Former partners", { exact: true }).waitFor();
      for (const name of CHARTS) {
        await page.getByRole("region", { name }).locator("svg.recharts-surface").first().waitFor();
      }
      await page.screenshot({ path: screenshot("observatory.png"), fullPage: true });
      for (const name of CHARTS) {
        const section = page.getByRole("region", { name });
        // The picture is an SVG chart, named by its summary for assistive technology.
        const picture = section.getByRole("img", { name: /\w/ }).and(section.locator(".chart__picture"));
        await picture.locator("svg.recharts-surface").first().waitFor();
        expect((await picture.getAttribute("aria-label"))?.length).toBeGreaterThan(10);
        await section.getByText("Show the data").click();
        const table = section.getByRole("table");
        await table.waitFor();
        expect(await table.getByRole("row").count()).toBeGreaterThan(1);
      }
      // The seed's partners, counted by category: the table says how many in words and figures.
      const byCategory = page.getByRole("region", { name: "Partners by category" });
      expect(await byCategory.getByRole("rowheader").count()).toBeGreaterThan(1);
      await expectNoAxeViolations(page, "the observatory with its tables open");

      await page.emulateMedia({ colorScheme: "dark" });
      await transitionsFinished(page);
      await expectNoAxeViolations(page, "the observatory in the dark theme");
      await page.emulateMedia({ colorScheme: "light" });
    });

    it("works by keyboard: a table opens with Enter, the community picker with the arrows", async () => {
      await page.goto("/observatory");
      await page.getByRole("heading", { level: 1, name: "Observatory" }).waitFor();
      await tabTo(page, "summary");
      await page.keyboard.press("Enter");
      await page.getByRole("region", { name: "Partners by category" }).getByRole("table").waitFor();

      const activity = page.getByRole("region", { name: "Activity per community" });
      const picker = activity.getByLabel("Community");
      const first = await picker.inputValue();
      await tabTo(page, "select");
      await page.keyboard.press("ArrowDown");
      await expect.poll(() => picker.inputValue()).not.toBe(first);
      const chosen = await picker.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent ?? "");
      // The summary and the table follow the community chosen.
      await activity.getByText(new RegExp(`^${chosen} has \\d+ members`)).waitFor();
      await activity.getByText("Show the data").click();
      await activity.getByRole("table", { name: `Activity per month in ${chosen}` }).waitFor();
      expect(await activity.getByRole("row").count()).toBe(25); // a header and 24 months
    });

    it("fits a 360 px phone", async () => {
      const phone = await browser.newContext({
        baseURL: server.baseUrl,
        locale: "en-US",
        viewport: { width: 360, height: 740 },
      });
      const small = await phone.newPage();
      await small.goto("/observatory");
      await small.getByRole("region", { name: "Most active themes" }).locator("svg.recharts-surface").first().waitFor();
      const overflow = await small.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
      await expectNoAxeViolations(small, "the observatory on a phone");
      await phone.close();
    });

    it("speaks Italian", async () => {
      const italian = await browser.newContext({ baseURL: server.baseUrl, locale: "it-IT" });
      const pagina = await italian.newPage();
      await pagina.goto("/observatory");
      await pagina.getByRole("heading", { level: 1, name: "Osservatorio" }).waitFor();
      await pagina.getByText("Dati aggiornati al").waitFor();
      const categorie = pagina.getByRole("region", { name: "Partner per categoria" });
      await categorie.getByText("Mostra i dati").click();
      await categorie.getByRole("columnheader", { name: "Categoria" }).waitFor();
      await pagina.getByRole("region", { name: "Attività per comunità" }).getByLabel("Comunità").waitFor();
      await expectNoAxeViolations(pagina, "the observatory in Italian");
      await italian.close();
    });
  },
);
